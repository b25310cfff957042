import {
  applyDecorators,
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@cinema/contracts';
import { AccessTokenVerifier, type AuthenticatedUser } from './access-token';

const ADMIN_ONLY = 'gateway:adminOnly';
const STAFF_ONLY = 'gateway:staffOnly';

type AuthedRequest = FastifyRequest & { user?: AuthenticatedUser };

/** The caller of an (auth) route: 401 UNAUTHENTICATED without a valid access token. */
export function requireUser(
  verifier: AccessTokenVerifier,
  authorization: string | string[] | undefined,
): AuthenticatedUser {
  const user = verifier.fromHeader(authorization);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'A valid access token is required');
  return user;
}

/** (auth) routes: 401 without a valid token; (admin) routes: 403 for anyone but an admin. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const user = requireUser(this.verifier, request.headers.authorization);
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (adminOnly && user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Administrators only');
    const staffOnly = this.reflector.getAllAndOverride<boolean>(STAFF_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (staffOnly && user.role !== 'admin' && user.role !== 'usher')
      throw new DomainError('FORBIDDEN', 'Ushers and administrators only');
    request.user = user;
    return true;
  }
}

export const Authenticated = () => applyDecorators(UseGuards(AuthGuard), ApiBearerAuth());
export const AdminOnly = () =>
  applyDecorators(SetMetadata(ADMIN_ONLY, true), UseGuards(AuthGuard), ApiBearerAuth());
/** (usher, admin) routes: the door staff. */
export const StaffOnly = () =>
  applyDecorators(SetMetadata(STAFF_ONLY, true), UseGuards(AuthGuard), ApiBearerAuth());

/** The caller verified by AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
    const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'A valid access token is required');
    return user;
  },
);

/** The caller if a valid token came along, for public routes that show more to a signed-in user. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().user,
);

/** Public routes that show more to a signed-in caller: a valid token sets the user, anything else is ignored. */
@Injectable()
export class OptionalAuthGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    request.user = this.verifier.fromHeader(request.headers.authorization);
    return true;
  }
}

export const OptionalAuth = () => applyDecorators(UseGuards(OptionalAuthGuard), ApiBearerAuth());
