export * from './level';
export * from './rule';
export * from './rule-pack';
export * from './finding';
export * from './compliance';
export * from './lucid-strict';
export * from './rules';
export * from './hand-written-file';
