import {
  applyDecorators,
  Injectable,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError } from '@cinema/contracts';
import type { AuthenticatedUser } from '../auth/access-token';
import { AbuseLimits, accountKey } from './abuse-limits';

type Request = FastifyRequest & { user?: AuthenticatedUser };

/** RATE_LIMIT_AUTH_PER_MINUTE: per client address (request.ip, which honours TRUST_PROXY). */
@Injectable()
export class ClientAddressLimitGuard implements CanActivate {
  constructor(private readonly limits: AbuseLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.limits.auth?.consume(context.switchToHttp().getRequest<Request>().ip);
    return true;
  }
}

/**
 * Failed sign-ins per account. The attempt is counted before auth-service checks the password, atomically,
 * so concurrent guesses cannot slip past the limit; one that does not turn out a wrong password (a success,
 * a refusal for another reason) gives its point back.
 */
@Injectable()
export class SignInFailureLimitInterceptor implements NestInterceptor {
  constructor(private readonly limits: AbuseLimits) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.limits.signInFailures;
    const email = (context.switchToHttp().getRequest<Request>().body as { email?: unknown } | undefined)
      ?.email;
    // A body without an email string is refused by validation before anything is checked.
    if (!limit || typeof email !== 'string') return next.handle();
    const key = accountKey(email);
    return from(
      (async () => {
        await limit.consume(key);
        try {
          const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await limit.giveBack(key);
          return result;
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'INVALID_CREDENTIALS')) {
            await limit.giveBack(key);
          }
          throw error;
        }
      })(),
    );
  }
}

/** Register and refresh: RATE_LIMIT_AUTH_PER_MINUTE per client address. */
export const AuthRateLimited = () => applyDecorators(UseGuards(ClientAddressLimitGuard));

/** Sign-in: the per-address limit plus the per-account failure limit. */
export const SignInRateLimited = () =>
  applyDecorators(UseGuards(ClientAddressLimitGuard), UseInterceptors(SignInFailureLimitInterceptor));
