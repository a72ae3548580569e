export * from './app';
export * from './labels';
export * from './overridable-file';
export { ImageLock } from './image-lock';
export type { ImageLockEntry } from './image-lock';
