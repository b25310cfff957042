export * from './database';
export { sql, type Kysely, type Transaction } from 'kysely';
export * from './database.module';
export * from './listen';
export * from './service-modules';
