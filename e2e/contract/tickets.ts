import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import { expectError, expectId, expectIsoUtc, expectUser, rawRequest, type Json } from '../contract-helpers';
import {
  admin,
  alice,
  api,
  base,
  bob,
  freshSeats,
  holdAndBook,
  movie,
  pay,
  createShowtime,
  register,
  room,
  showtimeId,
  decodeMail,
  smtp,
  subjectOf,
  theater,
  waitBooking,
  type Booking,
  type Session,
  type StatusSeat,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

interface TicketBody {
  bookingId: string;
  ticketCode: string;
  ticket: string;
  qrSvg: string;
}

/** docs/api.md "Tickets and check-in": tickets as QR codes, staff roles, admission at the door. */
export function ticketsTests(): void {
  describe('Tickets and check-in', () => {
    let usher: Session;
    let tonight: Json;
    let soon: Booking;
    let soonTicket: TicketBody;
    let later: Booking;

    /** A CONFIRMED booking of alice for `showtime` (`seats` of it). */
    async function confirmedBooking(seats: StatusSeat[], showtime: string): Promise<Booking> {
      const h = await api('POST', '/seats/hold', {
        token: alice.accessToken,
        body: { showtimeId: showtime, seatIds: seats.map((s) => s.seatId) },
      });
      expect(h.status, JSON.stringify(h.body)).toBe(201);
      const b = await api<Booking>('POST', '/seats/book', {
        token: alice.accessToken,
        body: { holdId: h.body.holdId },
      });
      expect(b.status, JSON.stringify(b.body)).toBe(201);
      expect((await pay(alice.accessToken, b.body.id, '4242424242424242')).status).toBe(202);
      return waitBooking(alice.accessToken, b.body.id, (x) => x.status === 'CONFIRMED', 'confirmed');
    }

    const scan = (token: string, body: unknown) => api('POST', '/checkin', { token, body });

    it('lets an admin make a user an usher (PATCH /users/:id), effective from their next token', async () => {
      const session = await register('usher');
      const res = await api('PATCH', `/users/${session.user.id}`, {
        token: admin.accessToken,
        body: { role: 'usher' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectUser(res.body, 'PATCH /users/:id');
      expect(res.body).toMatchObject({ id: session.user.id, role: 'usher' });
      const login = await api<Session>('POST', '/auth/login', {
        body: { email: session.user.email, password: 'pw-usher-secret' },
      });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('usher');
      usher = login.body;
    });

    it('refuses role changes that are invalid, unknown, not an admin’s, or would leave no admin', async () => {
      const path = `/users/${bob.user.id}`;
      expectError(await api('PATCH', path, { body: { role: 'usher' } }), 401, 'UNAUTHENTICATED', 'no token');
      expectError(
        await api('PATCH', path, { token: usher.accessToken, body: { role: 'admin' } }),
        403,
        'FORBIDDEN',
        'an usher',
      );
      expectError(
        await api('PATCH', path, { token: admin.accessToken, body: { role: 'owner' } }),
        400,
        'VALIDATION_FAILED',
        'unknown role',
      );
      await expectNotFound('PATCH', `/users/${UNKNOWN_ID}`, 'unknown user', {
        token: admin.accessToken,
        body: { role: 'usher' },
      });
      const self = expectError(
        await api('PATCH', `/users/${admin.user.id}`, {
          token: admin.accessToken,
          body: { role: 'customer' },
        }),
        409,
        'CONFLICT',
        'an admin demoting themselves',
      );
      expect(self.details).toMatchObject({ reason: 'SELF_DEMOTION' });
      expect((await api('GET', '/auth/me', { token: admin.accessToken })).body).toMatchObject({
        role: 'admin',
      });
    });

    it('publishes the ticket signing key (GET /tickets/keys, public)', async () => {
      const res = await api<{ keys: Json[] }>('GET', '/tickets/keys');
      expect(res.status).toBe(200);
      expect(res.body.keys).toHaveLength(1);
      expect(res.body.keys[0]).toMatchObject({ alg: 'Ed25519' });
      expect(Buffer.from(String(res.body.keys[0].publicKey), 'base64url')).toHaveLength(32);
    });

    it('gives the owner of a CONFIRMED booking a ticket verifiable offline, as JSON+SVG and as PNG', async () => {
      const startsAt = new Date(Date.now() + 90 * 60_000);
      startsAt.setUTCSeconds(0, 0);
      tonight = await createShowtime(startsAt);
      const status = await api<{ seats: StatusSeat[] }>('GET', `/seats/status/${String(tonight.id)}`);
      const seats = status.body.seats.filter((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD');
      soon = await confirmedBooking(seats.slice(0, 2), String(tonight.id));
      expect(soon.ticketCode).toMatch(/^[2-9A-Z]{8}$/);

      const res = await api<TicketBody>('GET', `/bookings/${soon.id}/ticket`, { token: alice.accessToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      soonTicket = res.body;
      expect(soonTicket).toMatchObject({ bookingId: soon.id, ticketCode: String(soon.ticketCode) });
      expect(soonTicket.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      const { keys } = (await api<{ keys: { pem: string }[] }>('GET', '/tickets/keys')).body;
      const [payload, signature] = soonTicket.ticket.split('.');
      expect(
        verify(null, Buffer.from(payload), createPublicKey(keys[0].pem), Buffer.from(signature, 'base64url')),
      ).toBe(true);
      expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
        b: soon.id,
        s: tonight.id,
        n: 2,
      });

      const png = await fetch(`${base}/bookings/${soon.id}/ticket?format=png`, {
        headers: { authorization: `Bearer ${alice.accessToken}` },
      });
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await png.arrayBuffer());
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      // The same answer, held to the OpenAPI document.
      expect(
        (
          await rawRequest(base, 'GET', `/bookings/${soon.id}/ticket?format=png`, {
            token: alice.accessToken,
          })
        ).status,
      ).toBe(200);
    });

    it('refuses a ticket to others (404), without a token (401), for a bad format (400), before payment (409)', async () => {
      expectError(
        await api('GET', `/bookings/${soon.id}/ticket`, { token: bob.accessToken }),
        404,
        'NOT_FOUND',
        "another customer's ticket",
      );
      expectError(await api('GET', `/bookings/${soon.id}/ticket`), 401, 'UNAUTHENTICATED', 'no token');
      expectError(
        await api('GET', `/bookings/${soon.id}/ticket?format=gif`, { token: alice.accessToken }),
        400,
        'VALIDATION_FAILED',
        'format=gif',
      );
      const pending = await holdAndBook(alice.accessToken, await freshSeats(1));
      const body = expectError(
        await api('GET', `/bookings/${pending.id}/ticket`, { token: alice.accessToken }),
        409,
        'TICKET_NOT_VALID',
        'a PENDING booking',
      );
      expect(body.details).toMatchObject({ status: 'PENDING' });
      expect((await api('POST', `/bookings/${pending.id}/cancel`, { token: alice.accessToken })).status).toBe(
        200,
      );
    });

    it('mails the QR code inline with the ticket code in the confirmation', async () => {
      const mail = await waitFor(
        () => smtp.mails.find((m) => m.raw.includes(soon.id) && /confirm/i.test(subjectOf(m.raw))),
        { timeoutMs: 20_000, what: 'the confirmation email' },
      );
      expect(decodeMail(mail.raw)).toContain('cid:ticket-qr@cinema');
      expect(mail.raw).toMatch(/Content-ID: <ticket-qr@cinema>/i);
      expect(mail.raw).toMatch(/Content-Type: image\/png/i);
      expect(mail.raw).toContain(String(soon.ticketCode));
    });

    it('admits a ticket once at the door; the second scan says when and by whom', async () => {
      expectError(
        await scan(alice.accessToken, { ticket: soonTicket.ticket }),
        403,
        'FORBIDDEN',
        'a customer',
      );
      expectError(
        await api('POST', '/checkin', { body: { ticket: soonTicket.ticket } }),
        401,
        'UNAUTHENTICATED',
        'no token',
      );
      const res = await scan(usher.accessToken, {
        ticket: soonTicket.ticket,
        showtimeId: tonight.id,
        gate: 'Door 1',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        bookingId: soon.id,
        ticketCode: String(soon.ticketCode),
        showtime: {
          id: tonight.id,
          movieTitle: movie.title,
          theaterName: theater.name,
          roomName: room.name,
        },
        checkedInBy: usher.user.id,
        gate: 'Door 1',
      });
      expectIsoUtc(res.body.checkedInAt, 'checkedInAt');
      const shown = res.body.showtime as Json;
      expect(Date.parse(String(shown.startsAt))).toBe(Date.parse(String(tonight.startsAt)));
      const seats = res.body.seats as Json[];
      expect(seats.map((s) => s.seatId).sort()).toEqual(soon.seats.map((s) => s.seatId).sort());
      for (const s of seats) expectId(s.seatId, 'seat');
      const again = expectError(
        await scan(admin.accessToken, { ticket: soonTicket.ticket }),
        409,
        'ALREADY_CHECKED_IN',
        'second scan',
      );
      expect(again.details).toMatchObject({
        checkedInAt: res.body.checkedInAt,
        checkedInBy: usher.user.id,
        gate: 'Door 1',
      });
      // An admitted ticket can no longer be cancelled for a refund.
      expectError(
        await api('POST', `/bookings/${soon.id}/cancel`, { token: alice.accessToken }),
        409,
        'BOOKING_NOT_CANCELLABLE',
        'cancel after check-in',
      );
    });

    it('admits exactly one of many concurrent scans of one ticket', async () => {
      const status = await api<{ seats: StatusSeat[] }>('GET', `/seats/status/${String(tonight.id)}`);
      const seat = status.body.seats.find((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD');
      const booking = await confirmedBooking([seat!], String(tonight.id));
      const { ticket } = (
        await api<TicketBody>('GET', `/bookings/${booking.id}/ticket`, { token: alice.accessToken })
      ).body;
      const answers = await Promise.all(Array.from({ length: 8 }, () => scan(usher.accessToken, { ticket })));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      for (const a of answers.filter((x) => x.status !== 200))
        expectError(a, 409, 'ALREADY_CHECKED_IN', 'a concurrent scan');
    });

    it('refuses forged and unreadable tickets (400 INVALID_TICKET) and a bad body (400)', async () => {
      const [payload, signature] = soonTicket.ticket.split('.');
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Json;
      const forged = `${Buffer.from(JSON.stringify({ ...decoded, n: 6 })).toString('base64url')}.${signature}`;
      for (const ticket of [forged, 'not-a-ticket', `${payload}.${'A'.repeat(86)}`])
        expectError(
          await scan(usher.accessToken, { ticket }),
          400,
          'INVALID_TICKET',
          `ticket ${ticket.slice(0, 20)}`,
        );
      expectError(await scan(usher.accessToken, {}), 400, 'VALIDATION_FAILED', 'no ticket');
      expectError(
        await scan(usher.accessToken, { ticket: soonTicket.ticket, showtimeId: 'tonight' }),
        400,
        'VALIDATION_FAILED',
        'showtimeId not a UUID',
      );
    });

    it('says WRONG_SHOWTIME for another showtime or another day, and refuses a cancelled booking', async () => {
      later = await confirmedBooking(await freshSeats(1), showtimeId());
      const { ticket } = (
        await api<TicketBody>('GET', `/bookings/${later.id}/ticket`, { token: alice.accessToken })
      ).body;
      const other = expectError(
        await scan(usher.accessToken, { ticket, showtimeId: tonight.id }),
        409,
        'WRONG_SHOWTIME',
        'scanned at another showtime',
      );
      expect(other.details).toMatchObject({ showtimeId: showtimeId(), startsAt: expect.any(String) });
      const day = expectError(
        await scan(usher.accessToken, { ticket }),
        409,
        'WRONG_SHOWTIME',
        'another day',
      );
      expect(day.details).toMatchObject({ showtimeId: showtimeId() });

      expect((await api('POST', `/bookings/${later.id}/cancel`, { token: alice.accessToken })).status).toBe(
        200,
      );
      const cancelled = expectError(
        await scan(usher.accessToken, { ticket }),
        409,
        'TICKET_NOT_VALID',
        'a cancelled booking',
      );
      expect(cancelled.details).toMatchObject({ status: 'CANCELLED' });
      expectError(
        await api('GET', `/bookings/${later.id}/ticket`, { token: alice.accessToken }),
        409,
        'TICKET_NOT_VALID',
        'the ticket of a cancelled booking',
      );
    });
  });
}
