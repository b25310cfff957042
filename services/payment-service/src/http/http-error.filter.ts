import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@cinema/contracts';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  send(body: unknown): void;
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

/** API.md's error body for everything that fails; unknown errors are a 500 whose cause goes to the log only. */
export function toErrorBody(exception: unknown, requestId?: string): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.httpStatus,
      error: STATUS_CODES[exception.httpStatus] ?? 'Error',
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? (status === 415 ? 'VALIDATION_FAILED' : 'CONFLICT');
    const message = (exception as Error).message || STATUS_CODES[status] || 'Bad request';
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message };
  }
  return {
    statusCode: 500,
    error: STATUS_CODES[500] as string,
    code: 'INTERNAL',
    message: 'Internal error',
    ...(requestId ? { details: { requestId } } : {}),
  };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<{ id?: string }>();
    const body = toErrorBody(exception, request?.id);
    if (body.statusCode >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    host.switchToHttp().getResponse<ReplyLike>().status(body.statusCode).send(body);
  }
}
