import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cinema/contracts';
import { AUTH_CLIENT, type AuthClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { AuthRateLimited, SignInRateLimited } from '../rate-limits/rate-limited';
import { AccessTokenVerifier, type AuthenticatedUser } from './access-token';
import { LoginDto, LogoutDto, RefreshDto, RegisterDto, ValidateTokenDto } from './auth.dto';
import { SessionDto, TokenValidDto, UserDto } from './auth.responses';
import { Authenticated, CurrentUser } from './auth.guard';
import { toSessionJson, toUserJson } from './auth.mappers';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AUTH_CLIENT) private readonly auth: AuthClient,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  /** No Idempotency-Key replay: sessions are never stored, and a retry meets 409 EMAIL_TAKEN instead. */
  @Post('register')
  @AuthRateLimited()
  @ApiSuccess(201, SessionDto, { description: 'Signed up and signed in, role customer' })
  @ApiErrors('EMAIL_TAKEN', 'RATE_LIMITED')
  async register(@Body() body: RegisterDto) {
    return toSessionJson(await this.auth.register(body, rpc()));
  }

  @Post('login')
  @HttpCode(200)
  @SignInRateLimited()
  @ApiSuccess(200, SessionDto)
  @ApiErrors('INVALID_CREDENTIALS', 'RATE_LIMITED')
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return toSessionJson(await this.auth.login({ ...body, clientIp: request.ip }, rpc()));
  }

  @Post('validate')
  @HttpCode(200)
  @ApiSuccess(200, TokenValidDto)
  @ApiErrors('INVALID_TOKEN')
  validate(@Body() body: ValidateTokenDto) {
    const user = this.verifier.verify(body.token);
    if (!user) throw new DomainError('INVALID_TOKEN', 'The token is invalid or expired');
    return { valid: true, user: toUserJson(user) };
  }

  @Post('refresh')
  @HttpCode(200)
  @AuthRateLimited()
  @ApiSuccess(200, SessionDto, { description: 'A new session; the old refresh token is spent' })
  @ApiErrors('INVALID_TOKEN', 'RATE_LIMITED')
  async refresh(@Body() body: RefreshDto) {
    return toSessionJson(await this.auth.refresh({ refreshToken: body.refreshToken }, rpc()));
  }

  /** 204 whether or not the token was the caller's: nobody learns anything about another user's tokens. */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiSuccess(204, undefined, {
    description: "The refresh token's family is revoked (if it is the caller's)",
  })
  @ApiErrors('UNAUTHENTICATED')
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() body: LogoutDto): Promise<void> {
    await this.auth.logout({ userId: user.id, refreshToken: body.refreshToken }, rpc());
  }

  @Get('me')
  @Authenticated()
  @ApiSuccess(200, UserDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND')
  async me(@CurrentUser() user: AuthenticatedUser) {
    return toUserJson(await this.auth.getUser({ id: user.id }, rpc()));
  }
}
