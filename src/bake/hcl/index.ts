// The HCL writer: internal to lucid-cdk (the package index does not export it).
export * from './escape';
export * from './expression';
export * from './writer';
