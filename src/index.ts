export * from './core';
export * from './dockerfile';
export * from './runtimes';
export * from './images';
export * from './bake';
export * from './compose';
export * from './service';
export * from './testing';
