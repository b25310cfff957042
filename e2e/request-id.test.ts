import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import {
  registerCustomer,
  startMailedSystem,
  type Api,
  type MailedSystem,
  type SmtpListener,
} from './mailed-system';
import type { RunningSystem } from './system';
import { card } from './wire-helpers';

const SERVICES = [
  'api-gateway',
  'booking-service',
  'saga-orchestrator',
  'seat-service',
  'payment-service',
  'notification-service',
];

/**
 * One purchase followed by its request id: every request of it sends the same X-Request-Id, and that id
 * must come out of the far end — the hops through gRPC, the payment webhook, RabbitMQ and the outbox — in
 * the log lines of every service and in the confirmation email's X-Request-Id header (the id of the pay
 * request, which caused the email).
 */
describe('a purchase followed by its request id', () => {
  let running: MailedSystem;
  let system: RunningSystem;
  let smtp: SmtpListener;
  let api: Api;
  let token: string;
  let email: string;

  beforeAll(async () => {
    running = await startMailedSystem({ PAYMENT_DELAY_MS: '200', LOG_LEVEL: 'debug' });
    ({ system, smtp, api } = running);
    email = `traced-${uniqueSuffix()}@example.com`;
    token = await registerCustomer(api, { email, password: 'popcorn-and-soda', name: 'Traced Goer' });
  }, 240_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('carries the id from the gateway through every service to the email', async () => {
    const requestId = randomUUID();
    const headers = { 'x-request-id': requestId };

    const movies = await api<{ items: { id: string }[] }>('GET', '/movies');
    const showtimes = await api<{ items: { id: string; startsAt: string }[] }>(
      'GET',
      `/movies/${movies.body.items[0].id}/showtimes`,
    );
    const showtimeId = showtimes.body.items.find((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000)?.id;
    expect(showtimeId).toBeDefined();
    const status = await api<{ seats: { seatId: string; status: string; type: string }[] }>(
      'GET',
      `/seats/status/${showtimeId}`,
      { token },
    );
    const seat = status.body.seats.find((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD');
    expect(seat).toBeDefined();

    const hold = await api<{ holdId: string }>('POST', '/seats/hold', {
      token,
      headers,
      body: { showtimeId, seatIds: [seat?.seatId] },
    });
    expect(hold.status).toBe(201);
    expect(hold.headers.get('x-request-id')).toBe(requestId);
    const booked = await api<{ id: string }>('POST', '/seats/book', {
      token,
      headers,
      body: { holdId: hold.body.holdId },
    });
    expect(booked.status).toBe(201);
    const bookingId = booked.body.id;
    const paid = await api<{ paymentId: string }>('POST', '/payment/pay', {
      token,
      headers,
      body: {
        bookingId,
        card: card('4242424242424242'),
      },
    });
    expect(paid.status).toBe(202);
    await waitFor(
      async () => {
        const b = await api<{ status: string }>('GET', `/bookings/${bookingId}`, { token, headers });
        return b.body.status === 'CONFIRMED';
      },
      { timeoutMs: 60_000, what: 'the booking to be CONFIRMED' },
    );

    const mine = () => smtp.mails.filter((m) => m.to.includes(email) && m.raw.includes(bookingId));
    await waitFor(() => mine().length > 0, { timeoutMs: 60_000, what: 'the confirmation email' });
    const mailHeaders = mine()[0].raw.split(/\r?\n\r?\n/)[0];
    expect(mailHeaders).toMatch(new RegExp(`^X-Request-Id: ${requestId}$`, 'im'));

    const tagged = `"requestId":"${requestId}"`;
    const lines = () => system.output.join('').split('\n');
    const hop = (service: string, pattern: RegExp) =>
      lines().some((l) => l.startsWith(`[${service}] `) && l.includes(tagged) && pattern.test(l));
    // The last hops are logged after the email went out; wait for them rather than for the clock.
    const hops: [string, RegExp][] = [
      ['api-gateway', /request completed.*"route":"\/payment\/pay"/],
      ['seat-service', /rpc \/seat\.SeatService\/HoldSeats/],
      ['booking-service', /rpc \/booking\.BookingService\/CreateBooking/],
      // PayBooking hands the id on to payment-service, whose webhook carries it back.
      ['booking-service', /rpc \/booking\.BookingService\/PayBooking/],
      ['payment-service', /webhook payment\.succeeded .* delivered/],
      ['api-gateway', /request completed.*"route":"\/payment\/callback"/],
      ['saga-orchestrator', /message handled.*"type":"payment\.succeeded"/],
      ['seat-service', /rpc \/seat\.SeatService\/ConfirmSeats/],
      ['booking-service', /rpc \/booking\.BookingService\/ConfirmBooking/],
      ['notification-service', /message handled.*"type":"booking\.confirmed"/],
    ];
    await waitFor(() => hops.every(([service, pattern]) => hop(service, pattern)), {
      timeoutMs: 30_000,
      what: 'every hop of the purchase logged with its request id',
    }).catch((error: Error) => {
      const missing = hops.filter(([service, pattern]) => !hop(service, pattern));
      throw new Error(`${error.message}; missing: ${missing.map(([s, p]) => `${s} ${p}`).join(', ')}`);
    });
    for (const service of SERVICES) expect(hop(service, /./), service).toBe(true);

    // Whatever a service logs about this booking or payment names the purchase's request id.
    const about = lines().filter((l) => l.includes(bookingId) || l.includes(paid.body.paymentId));
    expect(about.length).toBeGreaterThan(0);
    for (const line of about) expect(line).toContain(tagged);
  }, 180_000);
});
