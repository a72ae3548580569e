export * from './model';
export * from './structure-test';
