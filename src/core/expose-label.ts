// Reading the value of the `org.lucid.expose` label (core/labels.ts names the key).

import { parsePort } from './port';

/**
 * The ports an `org.lucid.expose` label names (`8080`, or `8080,9090`), or undefined when it is not a port
 * (core/port.ts) or a comma-separated list of them.
 */
export function exposeLabelPorts(value: string): number[] | undefined {
  const parts = value.split(',').map(p => p.trim());
  if (!parts.every(p => parsePort(p) !== undefined)) {
    return undefined;
  }
  return parts.map(Number);
}
