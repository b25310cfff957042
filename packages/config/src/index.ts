export * from './env';
export * from './shared';
export * from './topology';
export * from './replicas';
