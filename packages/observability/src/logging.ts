import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './context';

/** Paths that must never reach a log: credentials, tokens, card data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-payment-signature"]',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.card',
  '*.number',
  '*.cvc',
];

export function loggerOptions(service: string): LoggerOptions {
  return {
    name: service,
    level: process.env.LOG_LEVEL || 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
}

export function createLogger(service: string): Logger {
  return pino(loggerOptions(service));
}
