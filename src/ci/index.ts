export * from './images-workflow-options';
export * from './images-workflow';
