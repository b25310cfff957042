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
import { validationError } from '@cinema/contracts';
import type { AuthenticatedUser } from '../auth/access-token';
import { IdempotencyStore } from './idempotency.store';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POST creators (docs/api.md#conventions): the same key and body replay the first
 * successful response; another body is IDEMPOTENCY_KEY_REUSED; the same key still running is
 * IDEMPOTENCY_KEY_IN_USE. Keys are kept per signed-in user; an anonymous request has nobody to scope its key
 * to and runs as if it had none.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || !request.user) return next.handle();
    return from(this.run(context, request, request.user, header, next));
  }

  private async run(
    context: ExecutionContext,
    request: FastifyRequest,
    user: AuthenticatedUser,
    header: string | string[],
    next: CallHandler,
  ): Promise<unknown> {
    const supplied = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(supplied)) {
      throw validationError([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-255 printable ASCII characters' },
      ]);
    }
    const path = request.url.split('?')[0];
    const key = this.store.key(user.id, request.method, path, supplied);
    const hash = this.store.hash(request.body);
    const begin = await this.store.begin(key, hash);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (begin.kind === 'replay') {
      void reply.header('idempotent-replayed', 'true');
      return begin.body;
    }
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.store.abandon(key);
      throw error;
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    await this.store.complete(key, hash, status, result).catch(() => this.store.abandon(key));
    return result;
  }
}

export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response' }),
  );
