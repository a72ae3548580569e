export * from './lucid-service-project';
