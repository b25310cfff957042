import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import {
  expectError,
  expectErrorShape,
  rawRequest,
  signPayload,
  sleep,
  type Json,
} from '../contract-helpers';
import {
  WEBHOOK_SECRET,
  system,
  api,
  base,
  suffix,
  passwords,
  cardNumbers,
  movie,
  pidListeningOn,
} from './context';

type RawResponseLike = Awaited<ReturnType<typeof rawRequest>>;

export function operationsTests(): void {
  describe('Operations', () => {
    it('GET /health -> 200 reporting every dependency and service', async () => {
      const res = await rawRequest(base, 'GET', '/health');
      expect(res.status, res.text).toBe(200);
      for (const name of [
        'auth',
        'movie',
        'seat',
        'booking',
        'saga',
        'notification',
        'payment',
        'redis',
        'rabbitmq',
      ]) {
        expect.soft(res.text.toLowerCase(), `/health mentions ${name}`).toContain(name);
      }
    });

    it('GET /metrics (Prometheus text) on the gateway metrics port and on every service HTTP port', async () => {
      expect((await rawRequest(base, 'GET', '/metrics')).status, 'not on the public port').toBe(404);
      const gateway = await rawRequest(
        `http://127.0.0.1:${system.env.API_GATEWAY_METRICS_PORT}`,
        'GET',
        '/metrics',
      );
      expect(gateway.status).toBe(200);
      expect.soft(gateway.headers.get('content-type')).toMatch(/^text\/plain/);
      expect.soft(gateway.text).toMatch(/^# (HELP|TYPE) /m);
      const ports = [
        'AUTH_SERVICE_HTTP_PORT',
        'NOTIFICATION_SERVICE_HTTP_PORT',
        'MOVIE_SERVICE_HTTP_PORT',
        'SEAT_SERVICE_HTTP_PORT',
        'BOOKING_SERVICE_HTTP_PORT',
        'SAGA_ORCHESTRATOR_HTTP_PORT',
        'PAYMENT_SERVICE_PORT',
      ];
      for (const p of ports) {
        // The payment simulator is a processor's API: its metrics too take its key.
        const token = p === 'PAYMENT_SERVICE_PORT' ? system.env.PAYMENT_API_KEY : undefined;
        const res = await rawRequest(`http://127.0.0.1:${system.env[p]}`, 'GET', '/metrics', { token });
        expect.soft(res.status, `${p} /metrics`).toBe(200);
        expect.soft(res.headers.get('content-type'), `${p} /metrics content-type`).toMatch(/^text\/plain/);
        expect.soft(res.text, `${p} /metrics is Prometheus text`).toMatch(/^# (HELP|TYPE) /m);
      }
    });

    it('every gRPC service answers the standard gRPC health check with SERVING', async () => {
      const proto = join(__dirname, '..', '..', 'packages', 'contracts', 'proto');
      const definition = loadSync(join(proto, 'health.proto'), { includeDirs: [proto], keepCase: true });
      const pkg = loadPackageDefinition(definition) as unknown as {
        grpc: {
          health: {
            v1: {
              Health: new (
                address: string,
                creds: ReturnType<typeof credentials.createInsecure>,
              ) => {
                Check(
                  req: { service: string },
                  opts: { deadline: Date },
                  cb: (err: ServiceError | null, res?: { status: string | number }) => void,
                ): void;
                close(): void;
              };
            };
          };
        };
      };
      for (const svc of [
        'AUTH_SERVICE',
        'NOTIFICATION_SERVICE',
        'MOVIE_SERVICE',
        'SEAT_SERVICE',
        'BOOKING_SERVICE',
        'SAGA_ORCHESTRATOR',
      ]) {
        const client = new pkg.grpc.health.v1.Health(
          `127.0.0.1:${system.env[`${svc}_PORT`]}`,
          credentials.createInsecure(),
        );
        const status = await new Promise<string>((resolve) => {
          client.Check({ service: '' }, { deadline: new Date(Date.now() + 3_000) }, (err, res) =>
            resolve(err ? `error ${err.message}` : String(res?.status)),
          );
        });
        client.close();
        expect.soft(['SERVING', '1'], `${svc} gRPC health`).toContain(status);
      }
    });

    it('GET /docs serves Swagger UI with an OpenAPI document covering every documented route', async () => {
      const ui = await rawRequest(base, 'GET', '/docs');
      expect(ui.status).toBe(200);
      expect.soft(ui.headers.get('content-type')).toMatch(/text\/html/);
      let doc: Json | undefined;
      for (const path of ['/docs-json', '/docs/json', '/docs/openapi.json', '/openapi.json']) {
        const res = await rawRequest(base, 'GET', path);
        if (res.status === 200 && typeof res.body === 'object' && res.body && 'paths' in res.body) {
          doc = res.body as Json;
          break;
        }
      }
      expect(doc, 'an OpenAPI JSON document next to /docs').toBeDefined();
      const paths = Object.keys((doc?.paths as Json) ?? {}).map((p) => p.replace(/\{[^}]+\}/g, ':p'));
      const expected: [string, string][] = [
        ['post', '/auth/register'],
        ['post', '/auth/login'],
        ['post', '/auth/validate'],
        ['post', '/auth/refresh'],
        ['get', '/auth/me'],
        ['post', '/auth/logout'],
        ['get', '/movies'],
        ['get', '/movies/:p'],
        ['get', '/movies/:p/showtimes'],
        ['get', '/showtimes'],
        ['get', '/theaters'],
        ['get', '/theaters/:p'],
        ['post', '/movies'],
        ['patch', '/movies/:p'],
        ['post', '/theaters'],
        ['post', '/theaters/:p/rooms'],
        ['post', '/showtimes'],
        ['get', '/seats/layout/:p'],
        ['get', '/seats/status/:p'],
        ['post', '/seats/hold'],
        ['post', '/seats/release'],
        ['post', '/seats/book'],
        ['get', '/seats/stream/:p'],
        ['get', '/bookings'],
        ['get', '/bookings/:p'],
        ['post', '/bookings/:p/cancel'],
        ['post', '/payment/pay'],
        ['post', '/payment/callback'],
      ];
      const raw = (doc?.paths as Record<string, Json>) ?? {};
      for (const [method, path] of expected) {
        const key = Object.keys(raw).find((k) => k.replace(/\{[^}]+\}/g, ':p') === path);
        expect.soft(paths, `OpenAPI documents ${path}`).toContain(path);
        if (key)
          expect
            .soft(Object.keys(raw[key]), `OpenAPI documents ${method.toUpperCase()} ${path}`)
            .toContain(method);
      }
    });

    it('X-Request-Id appears in the log lines of its request', async () => {
      const traceId = `contract-trace-${suffix}`;
      // A validly signed webhook of a type the gateway does not handle is acknowledged and logged as a warning.
      const raw = JSON.stringify({
        id: `evt_unknown_${suffix}`,
        type: 'charge.dispute.created',
        createdAt: new Date().toISOString(),
        data: { paymentId: `pay_unknown_${suffix}`, bookingId: String(movie.id), amount: 1, currency: 'USD' },
      });
      const before = system.output.join('').length;
      const res = await rawRequest(base, 'POST', '/payment/callback', {
        body: raw,
        headers: {
          'content-type': 'application/json',
          'x-payment-signature': signPayload(WEBHOOK_SECRET, raw),
          'x-request-id': traceId,
        },
      });
      console.log(`signed webhook of an unknown type -> ${res.status} ${res.text}`);
      await api('GET', `/movies/${String(movie.id)}`, { headers: { 'x-request-id': traceId } });
      await sleep(500);
      const lines = system.output
        .join('')
        .slice(before)
        .split('\n')
        .filter((l) => l.trim().length > 0);
      const carrying = lines.filter((l) => l.includes(traceId));
      console.log(`log lines after the request: ${lines.length}, carrying ${traceId}: ${carrying.length}`);
      console.log(lines.slice(0, 8).join('\n'));
      const webhookLines = lines.filter((l) => /webhook/i.test(l));
      for (const l of webhookLines)
        expect.soft(l, 'a log line of the request carries its X-Request-Id').toContain(traceId);
    });

    it('a dependency down -> 503 UNAVAILABLE (never 500) and /health 503; recovers', async () => {
      const port = system.env.MOVIE_SERVICE_PORT;
      const pid = pidListeningOn(port);
      expect(pid, `the movie-service process listening on ${port}`).toBeGreaterThan(0);
      process.kill(pid as number, 'SIGKILL');
      const seen: { status: number; code?: unknown }[] = [];
      let health: RawResponseLike | undefined;
      const until = Date.now() + 4_000;
      while (Date.now() < until) {
        const res = await api('GET', `/movies/${String(movie.id)}`);
        seen.push({ status: res.status, code: (res.body as Json | undefined)?.code });
        if (res.status !== 200) expectErrorShape(res, `GET /movies/:id while movie-service is down`);
        if (!health) {
          const h = await rawRequest(base, 'GET', '/health');
          if (h.status !== 200) health = h;
        }
        if (seen.some((s) => s.status === 503) && health) break;
        await sleep(50);
      }
      console.log(`statuses while movie-service was down: ${JSON.stringify(seen.slice(0, 10))}`);
      expect
        .soft(
          seen.some((s) => s.status === 503 && s.code === 'UNAVAILABLE'),
          '503 UNAVAILABLE seen',
        )
        .toBe(true);
      expect
        .soft(
          seen.filter((s) => s.status >= 500 && s.status !== 503),
          'no other 5xx',
        )
        .toEqual([]);
      expect.soft(health?.status, '/health is 503 while a service is down').toBe(503);
      await waitFor(async () => (await rawRequest(base, 'GET', '/health')).status === 200, {
        timeoutMs: 60_000,
        intervalMs: 500,
        what: 'the system to be healthy again',
      });
      const back = await api('GET', `/movies/${String(movie.id)}`);
      expect.soft(back.status, 'the API works again after the restart').toBe(200);
    }, 90_000);

    it('if a request is rate limited, it is 429 RATE_LIMITED with Retry-After', async () => {
      const results = await Promise.all(
        Array.from({ length: 150 }, () =>
          api('POST', '/auth/login', {
            body: { email: `burst-${suffix}@contract.test`, password: 'wrong-password' },
          }),
        ),
      );
      const limited = results.filter((r) => r.status === 429);
      console.log(`429s in a burst of 150 failed logins: ${limited.length}`);
      for (const r of limited.slice(0, 3)) {
        expectError(r, 429, 'RATE_LIMITED', 'rate limited login');
        expect.soft(r.headers.get('retry-after'), 'Retry-After on a 429').toBeTruthy();
      }
      const statuses: Record<number, number> = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      console.log(
        `burst statuses: ${JSON.stringify(statuses)}; a 5xx: ${JSON.stringify(results.find((r) => r.status >= 500)?.body)}`,
      );
      for (const r of results) {
        expect.soft(r.status, 'burst: never a 500').not.toBe(500);
        if (r.status >= 500) expectError(r, 503, 'UNAVAILABLE', 'burst login answered with a 5xx');
      }
    });

    it('never writes passwords, hashes or full card numbers to the logs', () => {
      const logs = system.output.join('');
      expect.soft(logs.length, 'the system logged something at LOG_LEVEL=debug').toBeGreaterThan(0);
      for (const p of passwords)
        expect.soft(logs.includes(p), `password ${p.slice(0, 6)}… in the logs`).toBe(false);
      for (const n of cardNumbers) expect.soft(logs.includes(n), `card number ${n} in the logs`).toBe(false);
      expect.soft(logs, 'no argon2 hash in the logs').not.toMatch(/\$argon2/);
    });
  });
}
