import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import {
  DomainError,
  DEPENDENCY_RETRY_AFTER_SECONDS,
  ERROR_STATUS,
  dependencyDownError,
  isDependencyDown,
  type ErrorCode,
} from '@cinema/contracts';

/** The error body of every HTTP answer (docs/api.md#errors). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  /** Always present (docs/api.md#errors); empty when there is nothing to add. */
  details: Record<string, unknown>;
}

export interface MappedError {
  body: ErrorBody;
  /** Unexpected failures are logged with their cause; expected ones are not. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  const statusCode = ERROR_STATUS[code];
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, details: details ?? {} };
}

function internal(requestId: string): ErrorBody {
  return errorBody('INTERNAL', `Internal error (request id ${requestId})`, { requestId });
}

/**
 * Maps anything thrown while serving a request to the public error body, exactly once. `service` names this
 * service when its own dependency (its database) is down.
 */
export function mapError(exception: unknown, requestId: string, service?: string): MappedError {
  if (isDependencyDown(exception) && !(exception instanceof DomainError)) {
    const down = service
      ? dependencyDownError(service)
      : new DomainError('UNAVAILABLE', 'A dependency is unavailable, try again shortly', {
          retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
        });
    return { body: errorBody('UNAVAILABLE', down.message, down.details), unexpected: true };
  }
  if (exception instanceof DomainError) {
    if (exception.code === 'INTERNAL') return { body: internal(requestId), unexpected: true };
    if (exception.code === 'UNAVAILABLE') {
      // The transport cause stays in the log; clients learn which dependency is down (and, from a
      // service that sheds load, when to come back), nothing more.
      const { service, retryAfterSeconds } = exception.details ?? {};
      const details: Record<string, unknown> = {};
      if (typeof service === 'string') details.service = service;
      if (typeof retryAfterSeconds === 'number') details.retryAfterSeconds = retryAfterSeconds;
      return { body: errorBody('UNAVAILABLE', exception.message, details), unexpected: false };
    }
    return { body: errorBody(exception.code, exception.message, exception.details), unexpected: false };
  }
  const status = httpStatusOf(exception);
  if (status !== undefined && status < 500) {
    // Client errors from the framework (bad JSON, too large, unsupported type, unknown route).
    const code: ErrorCode = CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';
    const message = frameworkMessage(exception);
    const details = code === 'VALIDATION_FAILED' ? { fields: [{ field: 'body', message }] } : undefined;
    return { body: errorBody(code, message, details), unexpected: false };
  }
  if (status === 503) {
    return {
      body: errorBody('UNAVAILABLE', 'A dependency is unavailable, try again shortly'),
      unexpected: true,
    };
  }
  return { body: internal(requestId), unexpected: true };
}

function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (exception instanceof Error) {
    const status = (exception as Error & { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return undefined;
}

function frameworkMessage(exception: unknown): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  return exception instanceof Error ? exception.message : 'Bad request';
}
