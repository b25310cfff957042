import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AuthConfig } from '../config';
import { AUTH_CONFIG } from '../database';
import { BoundedQueue } from './bounded-queue';

/** OWASP's argon2id parameters (19 MiB, 2 passes, 1 lane): ~30 ms a hash on one core. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes and verifies passwords through one bounded queue (PASSWORD_HASH_*), so a burst cannot starve the box. */
@Injectable()
export class PasswordHasher {
  private readonly queue: BoundedQueue;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.queue = new BoundedQueue(config.passwordHash);
  }

  hash(password: string): Promise<string> {
    return this.queue.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  /** False for a wrong password or an unreadable hash; UNAVAILABLE when the queue is full. */
  verify(hash: string, password: string): Promise<boolean> {
    return this.queue.run(() => argon2.verify(hash, password).catch(() => false));
  }

  /** True for a hash made with other parameters or another argon2 variant than today's. */
  needsRehash(hash: string): boolean {
    if (!hash.startsWith('$argon2id$')) return true;
    try {
      return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
    } catch {
      return true;
    }
  }
}
