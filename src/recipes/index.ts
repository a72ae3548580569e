// Internal: the recipes are not part of the public API (src/index.ts does not export this folder).
export * from './recipe';
export * from './registry';
