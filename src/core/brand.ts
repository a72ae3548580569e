// Type brands: a `Symbol.for` marker on an object, so that two loaded copies of the library recognize each
// other's objects where `instanceof` would not. Each class names its own symbol, e.g. `Symbol.for('lucid-cdk.BakeFile')`.

/**
 * Marks `target` with the brand `symbol`.
 * @internal
 */
export function brand(target: object, symbol: symbol): void {
  Object.defineProperty(target, symbol, { value: true });
}

/**
 * Whether `x` carries the brand `symbol`.
 * @internal
 */
export function hasBrand(x: unknown, symbol: symbol): boolean {
  return x !== null && typeof x === 'object' && symbol in x;
}
