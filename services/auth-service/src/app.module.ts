import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { Pool } from 'pg';
import { createKysely, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import type { AuthConfig } from './config';
import { AUTH_CONFIG, DB, type AuthDatabase } from './database';
import { AuthController } from './sessions/auth.controller';
import { AuthService } from './sessions/auth.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { UsersRepository } from './users/users.repository';

const POOL = Symbol('POOL');

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  static create(config: AuthConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: [
        OpsModule.forService('auth-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool)],
        }),
        JwtModule.register({
          secret: config.jwtSecret,
          signOptions: { algorithm: 'HS256', issuer: 'cinema-auth' },
        }),
      ],
      controllers: [AuthController, GrpcHealthController],
      providers: [
        { provide: POOL, useValue: pool },
        { provide: AUTH_CONFIG, useValue: config },
        { provide: DB, useValue: createKysely<AuthDatabase>(pool) },
        UsersRepository,
        SessionsRepository,
        AuthService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
