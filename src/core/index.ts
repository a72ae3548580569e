export * from './app';
export * from './overridable-file';
