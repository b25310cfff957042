export * from './context';
export * from './logging';
export * from './ops.module';
