export * from './lucid-app';
export * from './synthesis-error';
