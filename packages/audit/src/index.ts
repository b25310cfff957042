export * from './types';
export * from './checks';
export * from './config';
export * from './load';
export * from './audit';
