import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import amqplib from 'amqplib';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingSnapshot, EventEnvelope, EventType, notificationPb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, freePort, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { NOTIFICATION_MIGRATIONS } from '../src/database';
import type { NotificationsService } from '../src/notifications/notifications.service';
import { RABBITMQ_URL, startNotificationService } from './harness';

interface ReceivedMail {
  to: string[];
  raw: string;
  decoded: string;
  subject: string;
  messageId: string;
}

/** Undoes header folding, RFC 2047 words and quoted-printable: what a reader of the message sees. */
function decode(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw
    .slice(0, split)
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  return `${headers}\n\n${qp(raw.slice(split).replace(/=\r?\n/g, ''))}`;
}

function qp(text: string): string {
  return text.replace(/(=[0-9A-F]{2})+/gi, (m) =>
    Buffer.from(
      m
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
}

function header(decoded: string, name: string): string {
  return new RegExp(`^${name}:[ \t]*(.*)$`, 'im').exec(decoded)?.[1].trim() ?? '';
}

/** A real SMTP server on a fixed port that can be stopped and started again (the mail server going down). */
class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const decoded = decode(raw);
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            decoded,
            subject: header(decoded, 'Subject'),
            messageId: header(decoded, 'Message-ID'),
          });
          callback();
        });
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  forBooking(bookingId: string): ReceivedMail[] {
    return this.mails.filter((m) => m.decoded.includes(bookingId));
  }
}

/** A TCP hop in front of the SMTP sink that can make its open connections drop or go silent. */
class TcpProxy {
  private readonly server: Server;
  private readonly open = new Set<{ client: Socket; upstream: Socket }>();
  private readonly silenced: Socket[] = [];
  connections = 0;
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      this.connections += 1;
      const upstream = createConnection(this.targetPort, '127.0.0.1');
      const pair = { client, upstream };
      this.open.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      const close = () => {
        this.open.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Closes every open connection, as a mail server that restarts does. */
  dropAll(): void {
    for (const { client, upstream } of this.open) {
      client.destroy();
      upstream.destroy();
    }
    this.open.clear();
  }

  /** Open connections go silent without closing, as when the peer vanishes: nothing passes any more. */
  silenceAll(): void {
    for (const { client, upstream } of this.open) {
      for (const socket of [client, upstream])
        socket
          .unpipe()
          .removeAllListeners('close')
          .removeAllListeners('error')
          .on('error', () => undefined);
      client.pause();
      upstream.destroy();
      this.silenced.push(client);
    }
    this.open.clear();
  }

  async stop(): Promise<void> {
    this.dropAll();
    for (const socket of this.silenced) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function snapshot(overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
  return {
    bookingId: randomUUID(),
    userId: randomUUID(),
    userEmail: `user-${uniqueSuffix()}@test.local`,
    showtimeId: randomUUID(),
    movieTitle: 'The Integration Test',
    theaterName: 'Cinema Central',
    roomName: 'Hall 3',
    startsAt: '2030-03-01T20:15:00.000Z',
    seats: [
      { seatId: randomUUID(), label: 'C7', type: 'STANDARD', price: 1100 },
      { seatId: randomUUID(), label: 'C8', type: 'STANDARD', price: 1100 },
    ],
    totalAmount: 2200,
    currency: 'EUR',
    status: 'CONFIRMED',
    ticketCode: `TK-${uniqueSuffix().toUpperCase()}`,
    expiresAt: '2030-03-01T19:00:00.000Z',
    ...overrides,
  };
}

function envelope(type: EventType, data: unknown): EventEnvelope {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), data } as EventEnvelope;
}

describe('notification-service', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let app: INestApplication;
  let service: NotificationsService;
  let client: PromiseClient<notificationPb.NotificationServiceClient> & { close(): void };

  beforeAll(async () => {
    database = await createTestDatabase('notification', [NOTIFICATION_MIGRATIONS]);
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    const started = await startNotificationService(database, smtp.port);
    ({ app, service } = started);
    client = createRpcClient<notificationPb.NotificationServiceClient>(
      'notification',
      `127.0.0.1:${started.config.listen.grpcPort}`,
    );
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
    await smtp?.stop();
    await database?.drop();
  });

  it('sends one confirmation listing film, showtime, theater, room, seats, total and ticket code', async () => {
    const booking = snapshot();
    expect(await service.handle(envelope('booking.confirmed', booking))).toBe('sent');
    const [mail] = smtp.forBooking(booking.bookingId);
    expect(mail.to).toEqual([booking.userEmail]);
    expect(mail.subject).toBe(`Your tickets are confirmed – booking ${booking.bookingId}`);
    expect(mail.messageId).toBe(`<booking-${booking.bookingId}.confirmed@cinema.test>`);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    for (const part of [
      'The Integration Test',
      'Friday, 1 March 2030 at 20:15 UTC',
      'Cinema Central',
      'Hall 3',
      'C7, C8',
      '€22.00',
      booking.ticketCode,
    ]) {
      expect(mail.decoded).toContain(part);
    }
  });

  it('handles the same event three times and sends one email', async () => {
    const booking = snapshot();
    const event = envelope('booking.confirmed', booking);
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await service.handle(event));
    expect(results).toEqual(['sent', 'duplicate', 'duplicate']);
    // A redelivery under another message id (e.g. re-published) is still the same (booking, kind).
    expect(await service.handle(envelope('booking.confirmed', booking))).toBe('duplicate');
    expect(smtp.forBooking(booking.bookingId)).toHaveLength(1);
  });

  it('sends one email when the same event is handled concurrently (the others wait and find it sent)', async () => {
    const booking = snapshot();
    const event = envelope('booking.confirmed', booking);
    const results = await Promise.all([event, event, event].map((e) => service.handle(e)));
    expect(results.sort()).toEqual(['duplicate', 'duplicate', 'sent']);
    expect(smtp.forBooking(booking.bookingId)).toHaveLength(1);
    const row = await database.pool.query(
      'SELECT status, attempts FROM notifications WHERE booking_id = $1',
      [booking.bookingId],
    );
    expect(row.rows).toEqual([{ status: 'SENT', attempts: 1 }]);
  });

  it.each([
    ['booking.expired', 'Your booking %s has expired'],
    ['booking.cancelled', 'Your booking %s was cancelled'],
    ['booking.refunded', 'Refund issued for booking %s'],
  ] as const)('%s sends its own email once, naming the booking', async (type, subject) => {
    const booking = { ...snapshot(), refundAmount: 2200, reason: 'paid after the booking expired' };
    await service.handle(envelope(type, booking));
    await service.handle(envelope(type, booking));
    const mails = smtp.forBooking(booking.bookingId);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(subject.replace('%s', booking.bookingId));
  });

  it('sends one email per kind for the same booking and lists them over gRPC', async () => {
    const booking = snapshot();
    await service.handle(envelope('booking.confirmed', booking));
    await service.handle(
      envelope('booking.refunded', { ...booking, refundAmount: 2200, reason: 'cancelled show' }),
    );
    expect(smtp.forBooking(booking.bookingId)).toHaveLength(2);
    const list = await client.listNotifications({ bookingId: booking.bookingId });
    expect(list.items.map((n) => [n.kind, n.status, n.recipient])).toEqual([
      ['confirmed', 'SENT', booking.userEmail],
      ['refunded', 'SENT', booking.userEmail],
    ]);
    expect(list.items[0].sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(client.listNotifications({ bookingId: '' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('sends a booking cancelled with its showtime one email: the cancellation, which announces the refund', async () => {
    const booking = snapshot({ status: 'CANCELLED' });
    const reason = 'The cinema cancelled this showtime';
    const refunded = envelope('booking.refunded', {
      ...booking,
      refundAmount: 2200,
      reason: 'booking cancelled',
      showtimeCancelled: true,
    });
    // The refund may be handled before the cancellation (redelivery, concurrent consumers): same outcome.
    expect(await service.handle(refunded)).toBe('announced');
    expect(
      await service.handle(envelope('booking.cancelled', { ...booking, refundAmount: 2200, reason })),
    ).toBe('sent');
    expect(await service.handle(refunded)).toBe('announced');
    const mails = smtp.forBooking(booking.bookingId);
    expect(mails.map((m) => m.subject)).toEqual([`Your booking ${booking.bookingId} was cancelled`]);
    expect(mails[0].decoded).toContain('A full refund of €22.00 is on its way to your card.');
    const list = await client.listNotifications({ bookingId: booking.bookingId });
    expect(list.items.map((n) => [n.kind, n.status])).toEqual([['cancelled', 'SENT']]);
  });

  it('sends a customer whose several bookings were cancelled with their showtime one email about all of them', async () => {
    const reason = 'The cinema cancelled this showtime';
    const customer = snapshot({ status: 'CANCELLED' });
    const paid = { ...customer, bookingId: randomUUID() };
    const unpaid = {
      ...customer,
      bookingId: randomUUID(),
      seats: [{ seatId: randomUUID(), label: 'D1', type: 'STANDARD', price: 900 }],
      totalAmount: 900,
    };
    const customerBookings = [paid, unpaid]
      .map((b) => ({
        bookingId: b.bookingId,
        seats: b.seats,
        totalAmount: b.totalAmount,
        refundAmount: b === paid ? b.totalAmount : 0,
      }))
      .sort((a, b) => (a.bookingId < b.bookingId ? -1 : 1));
    const events = [paid, unpaid].map((b) =>
      envelope('booking.cancelled', {
        ...b,
        refundAmount: b === paid ? b.totalAmount : 0,
        reason,
        customerBookings,
      }),
    );
    // Both events at once, as two consumers would take them: one sends, the other finds it sent.
    const results = await Promise.all(events.map((e) => service.handle(e)));
    expect(results.sort()).toEqual(['duplicate', 'sent']);
    expect(await service.handle(events[1])).toBe('duplicate');
    const first = customerBookings[0].bookingId;
    const mails = smtp.mails.filter((m) => m.to.includes(customer.userEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Your 2 bookings were cancelled');
    expect(mails[0].messageId).toBe(`<booking-${first}.cancelled@cinema.test>`);
    expect(mails[0].decoded).toContain(`seats C7, C8, refund €22.00`);
    expect(mails[0].decoded).toContain(`seats D1, not paid`);
    expect(mails[0].decoded).toContain('A full refund of €22.00 in all is on its way to your card.');
    // Each booking has its record of that one email.
    for (const b of [paid, unpaid]) {
      const list = await client.listNotifications({ bookingId: b.bookingId });
      expect(list.items.map((n) => [n.kind, n.status])).toEqual([['cancelled', 'SENT']]);
    }
  });

  it('ignores events it does not handle and refuses malformed booking payloads', async () => {
    expect(await service.handle(envelope('booking.created', { bookingId: 'x' }))).toBe('ignored');
    await expect(service.handle(envelope('booking.confirmed', { bookingId: 'x' }))).rejects.toThrow();
  });
});

describe('notification-service when the mail server is down', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let app: INestApplication;
  let service: NotificationsService;
  let queue: string;
  let amqp: amqplib.ChannelModel;
  let channel: amqplib.Channel;

  beforeAll(async () => {
    database = await createTestDatabase('notification_smtp', [NOTIFICATION_MIGRATIONS]);
    smtp = new SmtpSink(await freePort());
    // A private queue: this test publishes only to it, so it never touches the shared notification queue.
    queue = `notification-test-${uniqueSuffix()}`;
    amqp = await amqplib.connect(RABBITMQ_URL);
    channel = await amqp.createChannel();
    await channel.assertQueue(queue, { durable: false, autoDelete: true });
    ({ app, service } = await startNotificationService(database, smtp.port, { enabled: true, queue }));
  });

  afterAll(async () => {
    await app?.close();
    await channel?.deleteQueue(queue).catch(() => undefined);
    await amqp?.close().catch(() => undefined);
    await smtp?.stop();
    await database?.drop();
  });

  it('fails while SMTP is down, keeps the email retryable, and sends it once when SMTP is back', async () => {
    const booking = snapshot();
    const event = envelope('booking.confirmed', booking);
    await expect(service.handle(event)).rejects.toThrow(/SMTP failed/);
    await expect(service.handle(event)).rejects.toThrow(/SMTP failed/);
    const row = await database.pool.query(
      'SELECT status, attempts, last_error FROM notifications WHERE booking_id = $1',
      [booking.bookingId],
    );
    expect(row.rows[0]).toMatchObject({
      status: 'PENDING',
      attempts: 2,
      last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
    });

    await smtp.start();
    try {
      expect(await service.handle(event)).toBe('sent');
      expect(await service.handle(event)).toBe('duplicate');
      expect(smtp.forBooking(booking.bookingId)).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });

  it('through RabbitMQ: the broker redelivers with backoff until SMTP is up, then one email', async () => {
    const booking = snapshot();
    const event = envelope('booking.expired', booking);
    channel.sendToQueue(queue, Buffer.from(JSON.stringify(event)), {
      messageId: event.id,
      contentType: 'application/json',
    });
    await waitFor(
      async () => {
        const r = await database.pool.query('SELECT attempts FROM notifications WHERE booking_id = $1', [
          booking.bookingId,
        ]);
        return r.rows[0]?.attempts >= 2;
      },
      { timeoutMs: 15_000, what: 'two failed attempts' },
    );
    await smtp.start();
    const [mail] = await waitFor(
      () => smtp.forBooking(booking.bookingId).length > 0 && smtp.forBooking(booking.bookingId),
      {
        timeoutMs: 20_000,
        what: 'the email after SMTP came back',
      },
    );
    expect(mail.subject).toBe(`Your booking ${booking.bookingId} has expired`);
    // A duplicate delivery of the same message changes nothing.
    channel.sendToQueue(queue, Buffer.from(JSON.stringify(event)), { messageId: event.id });
    await waitFor(async () => (await channel.checkQueue(queue)).messageCount === 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.forBooking(booking.bookingId)).toHaveLength(1);
    const row = await database.pool.query('SELECT status FROM notifications WHERE booking_id = $1', [
      booking.bookingId,
    ]);
    expect(row.rows[0].status).toBe('SENT');
  });
});

describe('notification-service over pooled SMTP connections', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let proxy: TcpProxy;
  let app: INestApplication;
  let service: NotificationsService;

  beforeAll(async () => {
    database = await createTestDatabase('notification_pool', [NOTIFICATION_MIGRATIONS]);
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    proxy = new TcpProxy(smtp.port);
    await proxy.start();
    ({ app, service } = await startNotificationService(database, proxy.port));
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
    await smtp?.stop();
    await database?.drop();
  });

  const sendOne = async () => {
    const booking = snapshot();
    expect(await service.handle(envelope('booking.confirmed', booking))).toBe('sent');
    return booking.bookingId;
  };

  it('sends consecutive emails over one connection', async () => {
    const before = proxy.connections;
    const ids = [await sendOne(), await sendOne(), await sendOne()];
    expect(proxy.connections - before).toBe(1);
    for (const id of ids) expect(smtp.forBooking(id)).toHaveLength(1);
  });

  it('replaces a connection the mail server closed, and sends each email once', async () => {
    const first = await sendOne();
    const before = proxy.connections;
    proxy.dropAll();
    const second = await sendOne();
    expect(proxy.connections).toBe(before + 1);
    expect(smtp.forBooking(first)).toHaveLength(1);
    expect(smtp.forBooking(second)).toHaveLength(1);
  });

  it('gives up on a connection that went silent and sends over a new one, once', async () => {
    await sendOne();
    const before = proxy.connections;
    proxy.silenceAll();
    // Sent at all (the test's timeout ends a send stuck on the dead connection), over a new connection.
    const id = await sendOne();
    expect(proxy.connections).toBe(before + 1);
    expect(smtp.forBooking(id)).toHaveLength(1);
    const next = await sendOne();
    expect(smtp.forBooking(next)).toHaveLength(1);
    expect(proxy.connections).toBe(before + 1);
  }, 30_000);
});
