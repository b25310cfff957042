export * from './errors';
export * from './payment-service.client';
