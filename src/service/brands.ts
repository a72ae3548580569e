// The brands of the running services (core/brand.ts): Lucid services and foundation services recognize each other
// through them without importing each other's class.

/** The brand of a LucidService. @internal */
export const LUCID_SERVICE = Symbol.for('lucid-cdk.LucidService');
/** The brand of a FoundationService. @internal */
export const FOUNDATION_SERVICE = Symbol.for('lucid-cdk.FoundationService');
