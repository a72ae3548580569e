export * from './duration';
export * from './model';
export * from './schema';
export * from './compose-files';
