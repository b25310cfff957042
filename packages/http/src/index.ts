export * from './error-body';
export * from './error.filter';
