export * from './app';
export * from './labels';
export * from './overridable-file';
export * from './document';
