export * from './lucid-image';
export * from './distroless-python-base';
export * from './java-base';
export { JavaBuildTool } from '../recipes/java';
export * from './node-base';
export * from './static-base';
export * from './build-secret';
