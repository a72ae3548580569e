// Reading the value of the `org.lucid.expose` label (core/labels.ts names the key).

/**
 * The ports an `org.lucid.expose` label names (`8080`, or `8080,9090`), or undefined when it is not a port
 * 1-65535 or a comma-separated list of them.
 */
export function exposeLabelPorts(value: string): number[] | undefined {
  const parts = value.split(',').map(p => p.trim());
  if (!parts.every(p => /^[1-9][0-9]{0,4}$/.test(p) && Number(p) <= 65535)) {
    return undefined;
  }
  return parts.map(Number);
}
