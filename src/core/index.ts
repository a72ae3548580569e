export * from './lucid-app';
