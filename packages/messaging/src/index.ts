export * from './broker';
export * from './outbox';
