import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { Pool } from 'pg';
import { serviceModules } from '@cinema/database';
import { GrpcHealthController } from '@cinema/rpc';
import type { AuthConfig } from './config';
import { AUTH_CONFIG, DB } from './database';
import { PasswordHasher } from './passwords/password-hasher';
import { AuthController } from './sessions/auth.controller';
import { AuthService } from './sessions/auth.service';
import { LoginThrottleRepository } from './sessions/login-throttle.repository';
import { SessionsRepository } from './sessions/sessions.repository';
import { UsersRepository } from './users/users.repository';

@Module({})
export class AppModule {
  static create(config: AuthConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceModules('auth-service', pool, DB),
        JwtModule.register({
          secret: config.jwtSecret,
          signOptions: { algorithm: 'HS256', issuer: config.jwtIssuer, audience: config.jwtAudience },
        }),
      ],
      controllers: [AuthController, GrpcHealthController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        UsersRepository,
        SessionsRepository,
        LoginThrottleRepository,
        PasswordHasher,
        AuthService,
      ],
    };
  }
}
