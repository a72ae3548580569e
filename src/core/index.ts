export * from './lucid-app';
export * from './overridable-file';
