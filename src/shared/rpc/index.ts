export * from './errors';
export * from './envelope';
export * from './validation';
export * from './encoded-json';
