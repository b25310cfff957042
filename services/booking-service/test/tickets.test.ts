import { randomUUID, verify as verifySignature, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBookingConfig } from '../src/config';
import { TicketSigner } from '../src/tickets/ticket-signer';
import { paymentUpdate, useBookingService } from './setup';

const STAFF = randomUUID();

describe('booking-service tickets and check-in over gRPC', () => {
  const service = useBookingService('booking_tickets');

  /** A CONFIRMED booking whose showtime starts `startsInMinutes` from now. */
  async function confirmedBooking(startsInMinutes = 60) {
    const { userId, created } = await service.newBooking();
    await service.database.pool.query(
      `UPDATE bookings SET starts_at = now() + make_interval(mins => $2) WHERE id = $1`,
      [created.id, startsInMinutes],
    );
    const confirmed = await service.booking.confirmBooking({
      bookingId: created.id,
      paymentId: randomUUID(),
    });
    const { ticket } = await service.booking.getTicket({ id: created.id, userId });
    return { userId, booking: confirmed, ticket };
  }

  const checkIn = (ticket: string, showtimeId = '', gate = '') =>
    service.booking.checkIn({ ticket, showtimeId, staffId: STAFF, gate });

  it('signs a ticket a device verifies offline with the published key', async () => {
    const { booking, ticket } = await confirmedBooking();
    const { keys } = await service.booking.getTicketKeys({});
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key.alg).toBe('Ed25519');
    const [body, signature] = ticket.split('.');
    expect(
      verifySignature(null, Buffer.from(body), createPublicKey(key.pem), Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ v: 1, k: key.kid, b: booking.id, s: booking.showtimeId, n: 2 });
    expect(payload.t).toBe(Math.floor(Date.parse(booking.startsAt) / 1000));
    // Small enough for a QR code a phone reads at arm's length.
    expect(ticket.length).toBeLessThan(300);
    // Deterministic: the same booking always has the same ticket.
    const again = await service.booking.getTicket({ id: booking.id, userId: booking.userId });
    expect(again).toEqual({ bookingId: booking.id, ticket, ticketCode: booking.ticketCode });
  });

  it('puts the ticket in booking.confirmed for the confirmation email', async () => {
    const { booking, ticket } = await confirmedBooking();
    const { rows } = await service.database.pool.query<{ data: { ticket?: string } }>(
      `SELECT envelope->'data' AS data FROM outbox
        WHERE event_type = 'booking.confirmed' AND envelope->'data'->>'bookingId' = $1`,
      [booking.id],
    );
    expect(rows.map((r) => r.data.ticket)).toEqual([ticket]);
  });

  it("answers NOT_FOUND for another customer's booking and TICKET_NOT_VALID before payment", async () => {
    const { userId, created } = await service.newBooking();
    await expect(service.booking.getTicket({ id: created.id, userId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(service.booking.getTicket({ id: randomUUID(), userId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(service.booking.getTicket({ id: created.id, userId })).rejects.toMatchObject({
      code: 'TICKET_NOT_VALID',
      details: { status: 'PENDING' },
    });
  });

  it('admits a ticket once: the second scan says when, by whom and where', async () => {
    const { booking, ticket } = await confirmedBooking();
    const admitted = await checkIn(ticket, booking.showtimeId, 'Door 2');
    expect(admitted).toMatchObject({
      bookingId: booking.id,
      showtimeId: booking.showtimeId,
      startsAt: booking.startsAt,
      checkedInBy: STAFF,
      gate: 'Door 2',
      ticketCode: booking.ticketCode,
    });
    expect(admitted.seats.map((s) => s.label)).toEqual(['A1', 'A2']);
    await expect(checkIn(ticket)).rejects.toMatchObject({
      code: 'ALREADY_CHECKED_IN',
      details: { checkedInAt: admitted.checkedInAt, checkedInBy: STAFF, gate: 'Door 2' },
    });
    const { rows } = await service.database.pool.query(`SELECT * FROM check_ins WHERE booking_id = $1`, [
      booking.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('admits exactly one of many concurrent scans of the same ticket', async () => {
    const { booking, ticket } = await confirmedBooking();
    const scans = await Promise.allSettled(Array.from({ length: 12 }, () => checkIn(ticket)));
    const admitted = scans.filter((s) => s.status === 'fulfilled');
    expect(admitted).toHaveLength(1);
    for (const scan of scans.filter((s) => s.status === 'rejected'))
      expect(scan.reason).toMatchObject({ code: 'ALREADY_CHECKED_IN' });
    const { rows } = await service.database.pool.query(`SELECT 1 FROM check_ins WHERE booking_id = $1`, [
      booking.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses forged, altered and unreadable tickets as INVALID_TICKET', async () => {
    const { booking, ticket } = await confirmedBooking();
    const [body, signature] = ticket.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...payload, n: 9 })).toString('base64url');
    const otherKey = new TicketSigner('another cinema').sign({
      bookingId: booking.id,
      showtimeId: booking.showtimeId,
      startsAt: new Date(booking.startsAt),
      seats: 2,
    });
    for (const forged of [
      `${altered}.${signature}`,
      otherKey,
      `${body}.`,
      'hello',
      `${body}.${signature}.x`,
      'x'.repeat(2000),
    ])
      await expect(checkIn(forged)).rejects.toMatchObject({ code: 'INVALID_TICKET' });
    // None of them admitted the real ticket.
    await expect(checkIn(ticket)).resolves.toMatchObject({ bookingId: booking.id });
  });

  it('refuses a cancelled booking with TICKET_NOT_VALID and its status', async () => {
    const { userId, booking, ticket } = await confirmedBooking();
    await service.booking.cancelBooking({ id: booking.id, userId });
    await expect(checkIn(ticket)).rejects.toMatchObject({
      code: 'TICKET_NOT_VALID',
      details: { status: 'CANCELLED' },
    });
    await expect(service.booking.getTicket({ id: booking.id, userId })).rejects.toMatchObject({
      code: 'TICKET_NOT_VALID',
    });
  });

  it('refuses to cancel a booking whose ticket was admitted', async () => {
    const { userId, booking, ticket } = await confirmedBooking();
    await checkIn(ticket);
    await expect(service.booking.cancelBooking({ id: booking.id, userId })).rejects.toMatchObject({
      code: 'BOOKING_NOT_CANCELLABLE',
      details: { status: 'CONFIRMED' },
    });
    expect((await service.booking.getBookingById({ id: booking.id })).status).toBe('CONFIRMED');
  });

  it('lets exactly one of a scan and a cancellation racing each other win', async () => {
    for (let i = 0; i < 10; i++) {
      const { userId, booking, ticket } = await confirmedBooking();
      const [scan, cancel] = await Promise.allSettled([
        checkIn(ticket),
        service.booking.cancelBooking({ id: booking.id, userId }),
      ]);
      const final = await service.booking.getBookingById({ id: booking.id });
      const { rows } = await service.database.pool.query(`SELECT 1 FROM check_ins WHERE booking_id = $1`, [
        booking.id,
      ]);
      if (scan.status === 'fulfilled') {
        expect(cancel).toMatchObject({ status: 'rejected', reason: { code: 'BOOKING_NOT_CANCELLABLE' } });
        expect(final.status).toBe('CONFIRMED');
        expect(rows).toHaveLength(1);
      } else {
        expect(scan.reason).toMatchObject({ code: 'TICKET_NOT_VALID' });
        expect(cancel.status).toBe('fulfilled');
        expect(final.status).toBe('CANCELLED');
        expect(rows).toHaveLength(0);
      }
    }
  });

  it('refuses a refunded booking (its confirming payment refunded) with TICKET_NOT_VALID', async () => {
    const { booking, ticket } = await confirmedBooking();
    await service.booking.recordPayment(
      paymentUpdate(booking.id, booking.confirmedPaymentId, 'REFUNDED', { reason: 'chargeback' }),
    );
    await expect(checkIn(ticket)).rejects.toMatchObject({
      code: 'TICKET_NOT_VALID',
      details: { status: 'CANCELLED' },
    });
  });

  it('says WRONG_SHOWTIME for another showtime, a later day or a past showtime', async () => {
    const { booking, ticket } = await confirmedBooking();
    const other = randomUUID();
    await expect(checkIn(ticket, other)).rejects.toMatchObject({
      code: 'WRONG_SHOWTIME',
      details: { showtimeId: booking.showtimeId, startsAt: booking.startsAt },
    });
    const nextWeek = await confirmedBooking(7 * 24 * 60);
    await expect(checkIn(nextWeek.ticket)).rejects.toMatchObject({
      code: 'WRONG_SHOWTIME',
      details: { showtimeId: nextWeek.booking.showtimeId, startsAt: nextWeek.booking.startsAt },
    });
    const yesterday = await confirmedBooking(-24 * 60);
    await expect(checkIn(yesterday.ticket)).rejects.toMatchObject({ code: 'WRONG_SHOWTIME' });
    // None was recorded: the right showtime still admits it.
    await expect(checkIn(ticket, booking.showtimeId)).resolves.toMatchObject({ bookingId: booking.id });
  });

  it('validates the scan request', async () => {
    const { ticket } = await confirmedBooking();
    await expect(
      service.booking.checkIn({ ticket, showtimeId: 'nope', staffId: STAFF, gate: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      service.booking.checkIn({ ticket, showtimeId: '', staffId: '', gate: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      service.booking.checkIn({ ticket, showtimeId: '', staffId: STAFF, gate: 'g'.repeat(65) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses the development key in production and signs with the configured one', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadBookingConfig({ ...base })).toThrow(/TICKET_SIGNING_KEY is required in production/);
    expect(() =>
      loadBookingConfig({ ...base, TICKET_SIGNING_KEY: 'dev-ticket-signing-key-change-me' }),
    ).toThrow(/TICKET_SIGNING_KEY is a development default/);
    const a = new TicketSigner('k'.repeat(40));
    const b = new TicketSigner('j'.repeat(40));
    expect(a.key.kid).not.toBe(b.key.kid);
    const ticket = a.sign({
      bookingId: randomUUID(),
      showtimeId: randomUUID(),
      startsAt: new Date(),
      seats: 1,
    });
    expect(a.verify(ticket)).toBeDefined();
    expect(b.verify(ticket)).toBeUndefined();
  });
});
