export * from './env';
export * from './shared';
