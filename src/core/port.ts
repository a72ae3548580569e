// The port fact: a TCP or UDP port is a whole number from 1 to 65535. Every check of a port (EXPOSE, a service's
// port, a health check's port, compose ports, the org.lucid.expose label) asks `isPort`, and every message about a
// bad one is written by `portProblem`.

/**
 * The ports there are, as messages name them.
 * @internal
 */
export const PORT_RANGE = 'a whole number from 1 to 65535';

/**
 * Whether `n` is a port: a whole number from 1 to 65535.
 * @internal
 */
export function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/**
 * The port a text names (`"8080"`), or undefined when it is not written as a port: digits only, no leading zero.
 * @internal
 */
export function parsePort(text: string): number | undefined {
  return /^[1-9][0-9]*$/.test(text) && isPort(Number(text)) ? Number(text) : undefined;
}

/**
 * The message for a bad port: `<what> <value> is out of range: use a whole number from 1 to 65535`.
 * @param what what the port is, e.g. `port`, `health check port`, `EXPOSE port`
 * @internal
 */
export function portProblem(what: string, value: unknown): string {
  return `${what} ${value} is out of range: use ${PORT_RANGE}`;
}
