/** Type brands (`Symbol.for`, so two loaded copies of the library agree). Not exported from the index. */
export const DOCKERFILE_BRAND = Symbol.for('lucid-cdk.dockerfile.Dockerfile');
export const STAGE_BRAND = Symbol.for('lucid-cdk.dockerfile.Stage');

/** Marks `target` with `brand`. */
export function brand(target: object, symbol: symbol): void {
  Object.defineProperty(target, symbol, { value: true });
}

/** Whether `x` carries `brand`. */
export function hasBrand(x: any, symbol: symbol): boolean {
  return x !== null && typeof x === 'object' && symbol in x;
}
