import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-body';

const logger = new Logger('HttpErrorFilter');

/**
 * The one place where anything thrown becomes the error body of docs/api.md#errors, for a Nest route (through
 * HttpErrorFilter) or a plain Fastify route (as its error handler). `service` names this service in the 503
 * answered when its own database is down.
 */
export function answerError(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  service?: string,
): void {
  const { body, unexpected } = mapError(exception, String(request.id), service);
  if (unexpected) {
    const cause = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
    logger.error(
      `${request.method} ${request.url} failed (request id ${String(request.id)}): ${cause}` +
        (exception instanceof Error && 'details' in exception
          ? ` ${JSON.stringify((exception as { details?: unknown }).details)}`
          : ''),
    );
  }
  if (reply.sent || reply.raw.headersSent) return;
  const seconds = Number(body.details.retryAfterSeconds);
  if (body.statusCode === 429) {
    // docs/api.md: a 429 always says when to come back.
    reply.header('retry-after', String(seconds > 0 ? Math.ceil(seconds) : 1));
  } else if (body.statusCode === 503 && seconds > 0) {
    reply.header('retry-after', String(Math.ceil(seconds)));
  }
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** answerError for every Nest route. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly service?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    answerError(exception, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), this.service);
  }
}
