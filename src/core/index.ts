export * from './app';
export * from './labels';
export * from './overridable-file';
export * from './document';
export { ImageLock } from './image-lock';
export type { ImageLockEntry } from './image-lock';
