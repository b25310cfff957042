import {
  applyDecorators,
  HttpStatus,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/access-token';
import { runIdempotently } from './idempotent-run';
import { IdempotencyStore } from './idempotency.store';

/**
 * `@Idempotent()` on a Nest route: the request runs through runIdempotently (idempotent-run.ts), with the
 * route's status (`@HttpCode`, else 201 for a POST) as the status kept with a success.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    if (request.headers['idempotency-key'] === undefined || !request.user) return next.handle();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(
      runIdempotently(this.store, request, reply, request.user, status, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }
}

/** The Idempotency-Key header in the OpenAPI document. */
export const IdempotencyKeyHeader = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response' });

export const Idempotent = () =>
  applyDecorators(UseInterceptors(IdempotencyInterceptor), IdempotencyKeyHeader());
