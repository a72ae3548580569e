export * from './stack-overview';
