export * from './builder-image';
export * from './debian-release';
export * from './distroless-tag';
export * from './distroless-user';
export * from './runtime-family';
export * from './runtime-language';
export * from './support-status';
export * from './support-window';
