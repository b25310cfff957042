import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-body';

/** The one place where anything thrown becomes the error body of docs/api.md#errors. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  /** `service` names this service in the 503 answered when its own database is down. */
  constructor(private readonly service?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { body, unexpected } = mapError(exception, String(request.id), this.service);
    if (unexpected) {
      const cause = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(
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
}
