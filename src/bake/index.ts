export * from './bake-string';
export * from './bake-value';
export * from './model';
export * from './function-call';
export * from './bake-file';
