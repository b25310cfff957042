import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingSnapshot, EventEnvelope } from '@cinema/contracts';
import { createTestDatabase, freePort, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { NOTIFICATION_MIGRATIONS } from '../src/database';
import { ticketQrPng } from '../src/emails/ticket-qr';
import type { NotificationsService } from '../src/notifications/notifications.service';
import { startNotificationService } from './harness';

/** The MIME part with this Content-ID: its headers and its (base64) body decoded. */
function inlinePart(raw: string, cid: string): { headers: string; body: Buffer } | undefined {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => new RegExp(`^Content-ID: <${cid}>`, 'im').test(p.split(/\r?\n\r?\n/)[0]));
  if (!part) return undefined;
  const split = part.search(/\r?\n\r?\n/);
  const body = part
    .slice(split)
    .split(/\r?\n--/)[0]
    .replace(/\s+/g, '');
  return { headers: part.slice(0, split), body: Buffer.from(body, 'base64') };
}

describe('notification-service: the ticket in the confirmation email', () => {
  let database: TestDatabase;
  let smtp: SMTPServer;
  let app: INestApplication;
  let service: NotificationsService;
  const mails: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('notification_ticket', [NOTIFICATION_MIGRATIONS]);
    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    ({ app, service } = await startNotificationService(database, smtpPort));
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await database?.drop();
  });

  function confirmed(ticket?: string): EventEnvelope {
    const data: BookingSnapshot & { ticket?: string } = {
      bookingId: randomUUID(),
      userId: randomUUID(),
      userEmail: `user-${uniqueSuffix()}@test.local`,
      showtimeId: randomUUID(),
      movieTitle: 'The Door Test',
      theaterName: 'Cinema Central',
      roomName: 'Hall 1',
      startsAt: '2030-03-01T20:15:00.000Z',
      seats: [{ seatId: randomUUID(), label: 'B4', type: 'STANDARD', price: 1100 }],
      totalAmount: 1100,
      currency: 'EUR',
      status: 'CONFIRMED',
      ticketCode: 'K7M2Q9XA',
      expiresAt: '2030-03-01T19:00:00.000Z',
      ...(ticket ? { ticket } : {}),
    };
    return { id: randomUUID(), type: 'booking.confirmed', occurredAt: new Date().toISOString(), data };
  }

  const mailOf = (bookingId: string) => mails.find((m) => m.includes(bookingId));

  it('shows the QR code of the ticket inline (cid) next to the ticket code', async () => {
    const ticket = `${Buffer.from('{"v":1}').toString('base64url')}.${'s'.repeat(86)}`;
    const event = confirmed(ticket);
    const { bookingId } = event.data as BookingSnapshot;
    expect(await service.handle(event)).toBe('sent');
    const raw = await waitFor(() => mailOf(bookingId), { timeoutMs: 10_000 });
    expect(raw).toMatch(/Content-Type: multipart\/related/i);
    // Soft line breaks of quoted-printable undone: what a mail client reads.
    expect(raw.replace(/=\r?\n/g, '')).toContain('cid:ticket-qr@cinema');
    expect(raw).toContain('K7M2Q9XA');
    const part = inlinePart(raw, 'ticket-qr@cinema');
    expect(part?.headers).toMatch(/Content-Type: image\/png/i);
    expect(part?.headers).toMatch(/Content-Disposition: inline/i);
    // The very image of this ticket, and a readable PNG.
    expect(part?.body.equals(await ticketQrPng(ticket))).toBe(true);
    expect(part!.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: the width the email's <img> shows it at.
    expect(part!.body.readUInt32BE(16)).toBe(240);
  });

  it('sends the confirmation without an image when the event carries no ticket', async () => {
    const event = confirmed();
    const { bookingId } = event.data as BookingSnapshot;
    expect(await service.handle(event)).toBe('sent');
    const raw = await waitFor(() => mailOf(bookingId), { timeoutMs: 10_000 });
    expect(raw).toContain('K7M2Q9XA');
    expect(raw).not.toContain('cid:ticket-qr@cinema');
    expect(raw).not.toMatch(/image\/png/i);
  });
});
