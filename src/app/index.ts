export * from './lucid-app';
export * from './digest-resolver';
