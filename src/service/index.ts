export * from './plane';
export { Layer } from './layer';
export * from './health-check';
export * from './secret';
export * from './service-runtime';
export * from './lucid-service';
export * from './foundation-service';
export type { GoRuntimeOptions } from '../recipes/go';
export type { DebianConfigFile, DebianPackagesRuntimeOptions } from '../recipes/debian';
