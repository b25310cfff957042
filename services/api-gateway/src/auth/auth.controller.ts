import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cinema/contracts';
import { AUTH_CLIENT, type AuthClient, rpc } from '../backends/backends';
import { AuthRateLimited, SignInRateLimited } from '../rate-limits/rate-limited';
import { AccessTokenVerifier, type AuthenticatedUser } from './access-token';
import { LoginDto, LogoutDto, RefreshDto, RegisterDto, ValidateTokenDto } from './auth.dto';
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
  async register(@Body() body: RegisterDto) {
    return toSessionJson(await this.auth.register(body, rpc()));
  }

  @Post('login')
  @HttpCode(200)
  @SignInRateLimited()
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return toSessionJson(await this.auth.login({ ...body, clientIp: request.ip }, rpc()));
  }

  @Post('validate')
  @HttpCode(200)
  validate(@Body() body: ValidateTokenDto) {
    const user = this.verifier.verify(body.token);
    if (!user) throw new DomainError('INVALID_TOKEN', 'The token is invalid or expired');
    return { valid: true, user: toUserJson(user) };
  }

  @Post('refresh')
  @HttpCode(200)
  @AuthRateLimited()
  async refresh(@Body() body: RefreshDto) {
    return toSessionJson(await this.auth.refresh({ refreshToken: body.refreshToken }, rpc()));
  }

  /** 204 whether or not the token was the caller's: nobody learns anything about another user's tokens. */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: "The refresh token's family is revoked (if it is the caller's)" })
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() body: LogoutDto): Promise<void> {
    await this.auth.logout({ userId: user.id, refreshToken: body.refreshToken }, rpc());
  }

  @Get('me')
  @Authenticated()
  async me(@CurrentUser() user: AuthenticatedUser) {
    return toUserJson(await this.auth.getUser({ id: user.id }, rpc()));
  }
}
