import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { registerCustomer, startMailedSystem, type Api, type MailedSystem } from './mailed-system';
import type { RunningSystem } from './system';
import { card } from './wire-helpers';

const root = join(__dirname, '..');
const CARD = card('4242424242424242');

interface Booking {
  id: string;
  status: string;
  totalAmount: number;
  currency: string;
  seats: { seatId: string }[];
  payment?: { id: string; status: string };
}

describe('the payment service answers only its callers (PAYMENT_API_KEY)', () => {
  let running: MailedSystem;
  let system: RunningSystem;
  let api: Api;
  let token: string;
  let processor: string;

  beforeAll(async () => {
    running = await startMailedSystem({
      PAYMENT_DELAY_MS: '200',
      SWEEP_INTERVAL_MS: '250',
      // Every listener at its default address (an empty value is an unset one).
      BIND_HOST: '',
    });
    ({ system, api } = running);
    processor = `http://127.0.0.1:${system.env.PAYMENT_SERVICE_PORT}`;
    token = await registerCustomer(api, {
      email: `attacker-${uniqueSuffix()}@example.com`,
      password: 'one-cent-tickets',
      name: 'Mallory',
    });
  }, 240_000);

  afterAll(async () => {
    await running?.stop();
  });

  async function pendingBooking(): Promise<Booking> {
    const movies = await api<{ items: { id: string }[] }>('GET', '/movies');
    const showtimes = await api<{ items: { id: string; startsAt: string }[] }>(
      'GET',
      `/movies/${movies.body.items[0].id}/showtimes`,
    );
    const showtimeId = showtimes.body.items.find((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000)!.id;
    const status = await api<{ seats: { seatId: string; status: string }[] }>(
      'GET',
      `/seats/status/${showtimeId}`,
      { token },
    );
    const seat = status.body.seats.find((s) => s.status === 'AVAILABLE')!;
    const hold = await api<{ holdId: string }>('POST', '/seats/hold', {
      token,
      body: { showtimeId, seatIds: [seat.seatId] },
    });
    expect(hold.status).toBe(201);
    const booked = await api<Booking>('POST', '/seats/book', { token, body: { holdId: hold.body.holdId } });
    expect(booked.status).toBe(201);
    return booked.body;
  }

  const toProcessor = (path: string, body: unknown, authorization?: string) =>
    fetch(`${processor}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  const booking = async (id: string) => (await api<Booking>('GET', `/bookings/${id}`, { token })).body;

  it('refuses a one-cent payment and a refund sent straight to it without the key; the gateway still pays', async () => {
    const target = await pendingBooking();
    const oneCent = { bookingId: target.id, amount: 1, currency: target.currency, card: CARD };
    for (const authorization of [undefined, 'Bearer dev-payment-api-key-change-me', 'Bearer guessed']) {
      const res = await toProcessor('/payments', oneCent, authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(await res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    }
    // Nothing reached the processor: no payment was ever recorded for the booking.
    expect(await booking(target.id)).toMatchObject({ status: 'PENDING' });
    expect((await booking(target.id)).payment).toBeUndefined();

    const paid = await api('POST', '/payment/pay', { token, body: { bookingId: target.id, card: CARD } });
    expect(paid.status).toBe(202);
    const confirmed = await waitFor(
      async () => {
        const b = await booking(target.id);
        return b.status === 'CONFIRMED' ? b : undefined;
      },
      { timeoutMs: 60_000, what: 'the booking paid through the gateway to be CONFIRMED' },
    );
    const paymentId = confirmed.payment!.id;

    const refund = await toProcessor(`/payments/${paymentId}/refunds`, { reason: 'keep the ticket' });
    expect(refund.status).toBe(401);
    const view = await fetch(`${processor}/payments/${paymentId}`, {
      headers: { authorization: `Bearer ${system.env.PAYMENT_API_KEY}` },
    });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ id: paymentId, status: 'SUCCEEDED', refunds: [] });
    expect(await booking(target.id)).toMatchObject({ status: 'CONFIRMED' });
    expect((await fetch(`${processor}/health`)).status).toBe(200);
  });

  it('listens on loopback only by default: payment API, gRPC and ops ports; the gateway on every address', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    expect(outside, 'this machine needs a non-loopback IPv4 address to try from').toBeDefined();
    const reachable = (host: string, port: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: Number(port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    expect(await reachable(outside!, system.env.API_GATEWAY_PORT)).toBe(true);
    const internal = Object.keys(system.env).filter(
      (name) => /_(SERVICE|ORCHESTRATOR)_(HTTP_)?PORT$/.test(name) && name !== 'API_GATEWAY_PORT',
    );
    expect(internal).toContain('PAYMENT_SERVICE_PORT');
    expect(internal).toContain('BOOKING_SERVICE_PORT');
    expect(internal).toContain('BOOKING_SERVICE_HTTP_PORT');
    for (const name of internal) {
      expect(await reachable('127.0.0.1', system.env[name]), `${name} on 127.0.0.1`).toBe(true);
      expect(await reachable(outside!, system.env[name]), `${name} on ${outside}`).toBe(false);
    }
  });
});

/** Runs a service's build like production would, in an empty directory so no `.env` is found. */
function startInProduction(
  service: string,
  secrets: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'cinema-prod-'));
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', ...secrets };
  for (const name of ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'PAYMENT_API_KEY', 'ADMIN_PASSWORD'])
    if (!(name in secrets)) delete env[name];
  // Unreachable dependencies: a service that got past its configuration would fail later, not hang.
  for (const db of ['AUTH', 'BOOKING', 'PAYMENT', 'SAGA_ORCHESTRATOR']) env[`${db}_DB_PORT`] = '1';
  const child = spawn(process.execPath, [join(root, 'services', service, 'dist', 'main.js')], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output: chunks.join('') });
    });
  });
}

describe('a service in production mode refuses to start without its secrets', () => {
  it.each([
    ['api-gateway', ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET']],
    ['auth-service', ['JWT_SECRET', 'ADMIN_PASSWORD']],
    ['booking-service', ['PAYMENT_API_KEY']],
    ['payment-service', ['PAYMENT_WEBHOOK_SECRET', 'PAYMENT_API_KEY']],
    ['saga-orchestrator', ['PAYMENT_API_KEY']],
  ])('%s names %o', async (service, variables) => {
    const { code, output } = await startInProduction(service, {});
    expect(code, output).toBe(1);
    expect(output).toContain(`${service} failed to start`);
    for (const variable of variables) expect(output).toContain(`${variable} is required in production`);
  });

  it('api-gateway does not ask for the payment API key: booking-service makes the payments', async () => {
    const { code, output } = await startInProduction('api-gateway', {});
    expect(code, output).toBe(1);
    expect(output).not.toContain('PAYMENT_API_KEY');
  });

  it('auth-service names a short JWT_SECRET and the documented admin password, and prints neither', async () => {
    const { code, output } = await startInProduction('auth-service', {
      JWT_SECRET: 'sixteen-chars-ok',
      ADMIN_PASSWORD: 'admin-password-123',
    });
    expect(code, output).toBe(1);
    expect(output).toContain('JWT_SECRET must be at least 32 bytes in production');
    expect(output).toContain('ADMIN_PASSWORD is a documented default');
    expect(output).not.toContain('sixteen-chars-ok');
    expect(output).not.toContain('admin-password-123');
  });

  it('gets past its configuration with strong secrets (and then fails only on the missing database)', async () => {
    const strong = (n: string) => `${n}-${'x'.repeat(40)}`;
    const { code, output } = await startInProduction('payment-service', {
      PAYMENT_WEBHOOK_SECRET: strong('webhook'),
      PAYMENT_API_KEY: strong('key'),
    });
    expect(code, output).toBe(1);
    expect(output).not.toContain('Invalid configuration');
    expect(output).toContain('payment-service failed to start');
  });
});
