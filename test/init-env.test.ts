import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../services/api-gateway/src/config';
import { loadAuthConfig } from '../services/auth-service/src/config';
import { loadBookingConfig } from '../services/booking-service/src/config';
import { loadPaymentConfig } from '../services/payment-service/src/config';
import { loadSagaConfig } from '../services/saga-orchestrator/src/config';

const script = join(__dirname, '..', 'scripts', 'init-env.mjs');

describe('npm run init-env', () => {
  let dir: string;
  let file: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, '--out', file, ...args], { encoding: 'utf8' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cinema-init-env-'));
    file = join(dir, '.env');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes fresh secrets of 32 bytes or more, readable by the owner only, and prints none of them', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const values = parse(readFileSync(file));
    expect(Object.keys(values).sort()).toEqual([
      'ADMIN_PASSWORD',
      'IDEMPOTENCY_SECRET',
      'JWT_SECRET',
      'PAYMENT_API_KEY',
      'PAYMENT_WEBHOOK_SECRET',
      'POSTGRES_PASSWORD',
      'RABBITMQ_PASSWORD',
      'REDIS_PASSWORD',
      'TICKET_SIGNING_KEY',
      'WAITING_ROOM_SECRET',
    ]);
    for (const value of Object.values(values)) {
      expect(Buffer.byteLength(value)).toBeGreaterThanOrEqual(32);
      expect(first.stdout + first.stderr).not.toContain(value);
    }
    expect(new Set(Object.values(values)).size).toBe(Object.keys(values).length);
  });

  it('keeps an existing .env unless --force, and --force narrows its permissions', () => {
    writeFileSync(file, 'JWT_SECRET=mine\n');
    chmodSync(file, 0o644);
    const refused = run();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('JWT_SECRET=mine\n');

    expect(run('--force').status).toBe(0);
    expect(parse(readFileSync(file)).JWT_SECRET).not.toBe('mine');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  // `npm start` reads the same .env: it must stay in development mode and start with these secrets.
  it('leaves NODE_ENV alone, so npm start stays in development and uses the new secrets', () => {
    expect(run().status).toBe(0);
    const values = parse(readFileSync(file));
    expect(values.NODE_ENV).toBeUndefined();
    expect(loadGatewayConfig(values)).toMatchObject({ jwtSecret: values.JWT_SECRET });
    expect(loadAuthConfig(values).adminPassword).toBe(values.ADMIN_PASSWORD);
    expect(loadPaymentConfig(values).apiKey).toBe(values.PAYMENT_API_KEY);
    expect(loadSagaConfig(values).paymentService.apiKey).toBe(values.PAYMENT_API_KEY);
    expect(loadBookingConfig(values).paymentService.apiKey).toBe(values.PAYMENT_API_KEY);
    expect(loadBookingConfig(values).ticketSigningKey).toBe(values.TICKET_SIGNING_KEY);
    // And the same values pass production's rules.
    for (const load of [
      loadGatewayConfig,
      loadAuthConfig,
      loadBookingConfig,
      loadPaymentConfig,
      loadSagaConfig,
    ])
      expect(() => load({ ...values, NODE_ENV: 'production' })).not.toThrow();
  });
});
