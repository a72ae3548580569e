export * from './level';
export * from './rule';
export * from './rule-pack';
export * from './finding';
export * from './compliance';
export * from './lucid-strict';
export * from './rules';
