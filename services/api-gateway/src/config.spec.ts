import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config';

const strong = 'x'.repeat(48);
/** Every secret a production gateway needs (not the payment API key: booking-service pays), strong. */
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: `jwt-${strong}`,
  PAYMENT_WEBHOOK_SECRET: `webhook-${strong}`,
  IDEMPOTENCY_SECRET: `idem-${strong}`,
  WAITING_ROOM_SECRET: `waiting-${strong}`,
};

function problemOf(source: Record<string, string>): string {
  try {
    loadGatewayConfig(source);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('gateway configuration', () => {
  it('has the abuse limits on, CORS same-origin only and metrics on a loopback port by default', () => {
    const config = loadGatewayConfig({});
    expect(config.rateLimits).toEqual({
      authPerMinute: 30,
      holdsPerMinute: 30,
      signInFailuresPerAccount: 20,
      signInFailuresWindowSeconds: 900,
    });
    expect(config.corsOrigins).toEqual([]);
    expect(config.metrics).toEqual({ port: 9150, host: '127.0.0.1' });
  });

  it('refuses to start in production without a strong IDEMPOTENCY_SECRET', () => {
    const { IDEMPOTENCY_SECRET: _, ...withoutIt } = production;
    expect(problemOf(withoutIt)).toContain('IDEMPOTENCY_SECRET');
    expect(problemOf({ ...production, IDEMPOTENCY_SECRET: 'short' })).toContain('IDEMPOTENCY_SECRET');
    expect(problemOf(production)).not.toContain('IDEMPOTENCY_SECRET');
  });

  it('refuses to start in production without a strong WAITING_ROOM_SECRET', () => {
    const { WAITING_ROOM_SECRET: _, ...withoutIt } = production;
    expect(problemOf(withoutIt)).toContain('WAITING_ROOM_SECRET');
    expect(problemOf({ ...production, WAITING_ROOM_SECRET: 'short' })).toContain('WAITING_ROOM_SECRET');
  });

  it('starts in production without PAYMENT_API_KEY: booking-service makes the payments', () => {
    expect(problemOf(production)).toBe('');
  });

  it('reads CORS_ORIGINS as a list of exact origins and names it when one is not', () => {
    expect(
      loadGatewayConfig({ CORS_ORIGINS: 'https://tickets.example, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://tickets.example', 'http://localhost:5173']);
    expect(problemOf({ CORS_ORIGINS: 'https://tickets.example/path' })).toContain('CORS_ORIGINS');
    expect(problemOf({ CORS_ORIGINS: 'tickets.example' })).toContain('CORS_ORIGINS');
  });
});
