import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cinema/testing';
import { call, type RunningGateway, useFakeGateway } from './harness';

describe('api-gateway: health, metrics and docs', () => {
  const ctx = useFakeGateway();

  let down: RunningGateway;

  beforeAll(async () => {
    down = await ctx.gateway({ BOOKING_SERVICE_URL: `127.0.0.1:${await freePort()}` });
  });

  it('reports health of every dependency', async () => {
    const up = await call(ctx.gw.url, 'GET', '/health');
    expect(up.status).toBe(200);
    const checks = up.body.checks as Record<string, { status: string }>;
    expect(Object.keys(checks).sort()).toEqual(
      [
        'auth-service',
        'booking-service',
        'movie-service',
        'notification-service',
        'payment-service',
        'rabbitmq',
        'redis',
        'saga-orchestrator',
        'seat-service',
      ].sort(),
    );
    const degraded = await call(down.url, 'GET', '/health');
    expect(degraded.status).toBe(503);
    expect((degraded.body.checks as Record<string, { status: string }>)['booking-service'].status).toBe(
      'down',
    );
  });

  it('exposes metrics on the private metrics port only, and docs', async () => {
    expect((await fetch(`${ctx.gw.url}/metrics`)).status).toBe(404);
    const metrics = await fetch(`${ctx.gw.metricsUrl}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('http_requests_total');
    expect(text).toContain('http_request_duration_seconds');
    const docs = await fetch(`${ctx.gw.url}/docs-json`);
    expect(docs.status).toBe(200);
    const spec = (await docs.json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/seats/hold', '/payment/callback']));
    // The hold body is checked by hand (hold-body.ts); its description still reaches the document.
    expect(spec.paths['/seats/hold'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HoldSeatsDto' } } },
    });
    expect(Object.keys(spec.components.schemas.HoldSeatsDto.properties ?? {})).toEqual([
      'showtimeId',
      'seatIds',
      'quantity',
      'seatType',
    ]);
  });
});
