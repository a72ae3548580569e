/** Type brands (`Symbol.for`, so two loaded copies of the library agree). Not exported from the index. */
export const DOCKERFILE_BRAND = Symbol.for('lucid-cdk.dockerfile.Dockerfile');
export const STAGE_BRAND = Symbol.for('lucid-cdk.dockerfile.Stage');

export { brand, hasBrand } from '../core/brand';
