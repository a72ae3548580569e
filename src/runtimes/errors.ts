// Error messages of the runtimes module, one factory per error, each naming the fix.

export function unknownFamily(name: string, known: string[]): Error {
  return new Error(`Unknown distroless runtime family '${name}'. Known families: ${known.join(', ')}.`);
}

export function invalidIsoDate(what: string, value: string): Error {
  return new Error(`${what} must be an ISO date (YYYY-MM-DD), got '${value}'.`);
}
