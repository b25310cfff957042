import { describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import {
  expectBooking,
  expectError,
  expectErrorShape,
  expectFieldErrors,
  expectId,
  expectIsoUtc,
  expectList,
  expectNoSecrets,
  rawRequest,
  signPayload,
  sleep,
  type Json,
} from '../contract-helpers';
import {
  PAYMENT_TIMEOUT_SECONDS,
  WEBHOOK_SECRET,
  card,
  smtp,
  api,
  base,
  suffix,
  alice,
  bob,
  PRICES,
  movie,
  theater,
  room,
  showtime,
  showtimeStart,
  seatStatus,
  freshSeats,
  hold,
  holdAndBook,
  bookingOf,
  pay,
  waitBooking,
  subjectOf,
  decodeMail,
  type Booking,
  expectIdempotentPost,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

export function bookingsAndPaymentTests(): void {
  describe('Bookings and payment', () => {
    let confirmed: Booking;
    let confirmedPaymentId: string;

    it('POST /seats/book -> 201 booking PENDING with seats {seatId,label,type,price}, totalAmount = sum, expiresAt', async () => {
      const std = await freshSeats(1);
      const vip = await freshSeats(1, 'VIP');
      const seats = [...std, ...vip];
      const before = Date.now();
      const booking = await holdAndBook(alice.accessToken, seats);
      expectBooking(booking, 'POST /seats/book');
      expect.soft(booking.status).toBe('PENDING');
      expect.soft(booking.userId).toBe(alice.user.id);
      expect.soft(booking.showtimeId).toBe(showtime.id);
      expect.soft(booking.currency).toBe('USD');
      expect.soft(booking.totalAmount).toBe(PRICES.STANDARD + PRICES.VIP);
      expect
        .soft([...booking.seats].sort((a, b) => a.seatId.localeCompare(b.seatId)))
        .toEqual(
          seats
            .map((s) => ({ seatId: s.seatId, label: s.label, type: s.type, price: s.price }))
            .sort((a, b) => a.seatId.localeCompare(b.seatId)),
        );
      expect.soft(booking.confirmedAt).toBeUndefined();
      expect.soft(booking.ticketCode).toBeUndefined();
      const window = Date.parse(booking.expiresAt) - before;
      expect
        .soft(window, 'expiresAt ≈ now + BOOKING_PAYMENT_TIMEOUT_SECONDS')
        .toBeGreaterThan((PAYMENT_TIMEOUT_SECONDS - 15) * 1000);
      expect.soft(window).toBeLessThan((PAYMENT_TIMEOUT_SECONDS + 15) * 1000);
      const status = await seatStatus(alice.accessToken);
      for (const s of seats) {
        expect
          .soft(
            status.find((x) => x.seatId === s.seatId),
            'PENDING booking seats show HELD',
          )
          .toMatchObject({
            status: 'HELD',
            heldByMe: true,
          });
      }
      const got = await api('GET', `/bookings/${booking.id}`, { token: alice.accessToken });
      expect(got.status).toBe(200);
      expectBooking(got.body, 'GET /bookings/:id');
      expect.soft(got.body).toEqual(booking);
      confirmed = booking;
    });

    it("GET/cancel/pay another user's booking -> 404 NOT_FOUND; anonymous -> 401", async () => {
      const id = confirmed.id;
      expectError(
        await api('GET', `/bookings/${id}`, { token: bob.accessToken }),
        404,
        'NOT_FOUND',
        "GET other's booking",
      );
      expectError(
        await api('POST', `/bookings/${id}/cancel`, { token: bob.accessToken }),
        404,
        'NOT_FOUND',
        "cancel other's booking",
      );
      expectError(
        await pay(bob.accessToken, id, '4242424242424242'),
        404,
        'NOT_FOUND',
        "pay other's booking",
      );
      expectError(await api('GET', `/bookings/${id}`), 401, 'UNAUTHENTICATED', 'GET booking anonymous');
      expectError(await api('GET', '/bookings'), 401, 'UNAUTHENTICATED', 'GET /bookings anonymous');
      expectError(await api('POST', `/bookings/${id}/cancel`), 401, 'UNAUTHENTICATED', 'cancel anonymous');
      expectError(
        await api('POST', '/payment/pay', { body: { bookingId: id, card: card('4242424242424242') } }),
        401,
        'UNAUTHENTICATED',
        'pay anonymous',
      );
      await expectNotFound('GET', `/bookings/${UNKNOWN_ID}`, 'GET unknown booking', {
        token: alice.accessToken,
      });
      const b = await bookingOf(alice.accessToken, id);
      expect.soft(b.status, "bob's attempts changed nothing").toBe('PENDING');
    });

    it('POST /payment/pay with 4242… -> 202 PROCESSING, then CONFIRMED with ticketCode, payment SUCCEEDED, seats BOOKED', async () => {
      const res = await pay(alice.accessToken, confirmed.id, '4242424242424242');
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const body = res.body as { paymentId: string; bookingId: string; status: string };
      expectId(body.paymentId, 'pay');
      expect.soft(body.bookingId).toBe(confirmed.id);
      expect.soft(body.status).toBe('PROCESSING');
      expectNoSecrets(res.body, 'pay');
      expect.soft(JSON.stringify(res.body)).not.toContain('4242424242424242');
      confirmedPaymentId = body.paymentId;
      const done = await waitBooking(
        alice.accessToken,
        confirmed.id,
        (b) => b.status === 'CONFIRMED',
        'CONFIRMED',
      );
      expectBooking(done, 'confirmed booking');
      expectIsoUtc(done.confirmedAt, 'confirmedAt');
      expect.soft(typeof done.ticketCode).toBe('string');
      expect.soft(done.ticketCode?.length ?? 0).toBeGreaterThan(0);
      expect
        .soft(done.payment, 'payment of a confirmed booking')
        .toEqual({ id: body.paymentId, status: 'SUCCEEDED' });
      expect.soft(JSON.stringify(done)).not.toContain('4242424242424242');
      const status = await seatStatus(alice.accessToken);
      for (const s of done.seats) {
        const seat = status.find((x) => x.seatId === s.seatId);
        expect.soft(seat?.status, 'CONFIRMED booking seats show BOOKED').toBe('BOOKED');
        expect.soft(seat?.heldByMe, 'a BOOKED seat is not "held"').toBeFalsy();
      }
      confirmed = done;
    });

    it('POST /payment/pay on a CONFIRMED booking -> 409 BOOKING_NOT_PAYABLE', async () => {
      expectError(
        await pay(alice.accessToken, confirmed.id, '4242424242424242'),
        409,
        'BOOKING_NOT_PAYABLE',
        'pay a CONFIRMED booking',
      );
      const b = await bookingOf(alice.accessToken, confirmed.id);
      expect.soft(b.payment?.id, 'the refused attempt is not the latest payment').toBe(confirmedPaymentId);
    });

    it('GET /bookings/:id?wait=N answers as soon as the payment in flight settles (success and decline)', async () => {
      const [paid, declined] = [
        await holdAndBook(alice.accessToken, await freshSeats(1)),
        await holdAndBook(alice.accessToken, await freshSeats(1)),
      ];
      const immediate = await api<Booking>('GET', `/bookings/${paid.id}?wait=10`, {
        token: alice.accessToken,
      });
      expect(immediate.status).toBe(200);
      expect.soft(immediate.body.status, 'no payment in flight: answered at once').toBe('PENDING');

      expect((await pay(alice.accessToken, paid.id, '4242424242424242')).status).toBe(202);
      let started = Date.now();
      const settled = await api<Booking>('GET', `/bookings/${paid.id}?wait=15`, { token: alice.accessToken });
      expect(settled.status).toBe(200);
      expect.soft(settled.body.status, 'one long-poll sees the confirmation').toBe('CONFIRMED');
      expect.soft(Date.now() - started, 'answered when it settled, not after 15 s').toBeLessThan(10_000);
      expectBooking(settled.body, 'long-polled booking');

      expect((await pay(alice.accessToken, declined.id, '4000000000000002')).status).toBe(202);
      started = Date.now();
      const refused = await api<Booking>('GET', `/bookings/${declined.id}?wait=15`, {
        token: alice.accessToken,
      });
      expect(refused.status).toBe(200);
      expect.soft(refused.body.status).toBe('PENDING');
      expect.soft(refused.body.payment?.status, 'one long-poll sees the decline').toBe('FAILED');
      expect.soft(refused.body.payment?.failureCode).toBe('card_declined');
      expect.soft(Date.now() - started).toBeLessThan(10_000);

      for (const wait of ['31', '-1', 'abc', '1.5']) {
        expectError(
          await api('GET', `/bookings/${paid.id}?wait=${wait}`, { token: alice.accessToken }),
          400,
          'VALIDATION_FAILED',
          `wait=${wait}`,
        );
      }
      const other = await api('GET', `/bookings/${paid.id}?wait=5`, { token: bob.accessToken });
      expectError(other, 404, 'NOT_FOUND', "another user's booking with wait");
    });

    it('sends one confirmation email naming the booking, film, showtime, theater, room, seats, total and ticket code', async () => {
      const mine = () =>
        smtp.mails.filter((m) => m.to.includes(alice.user.email) && m.raw.includes(confirmed.id));
      await waitFor(() => mine().some((m) => /confirm/i.test(subjectOf(m.raw))), {
        timeoutMs: 20_000,
        what: 'the confirmation email',
      });
      const mails = mine().filter((m) => /confirm/i.test(subjectOf(m.raw)));
      expect.soft(mails, 'exactly one confirmation').toHaveLength(1);
      const text = decodeMail(mails[0].raw);
      expect.soft(text).toContain(String(movie.title));
      expect.soft(text).toContain(String(theater.name));
      expect.soft(text).toContain(String(room.name ?? `Room ${suffix}`));
      for (const s of confirmed.seats) expect.soft(text).toContain(s.label);
      expect.soft(text).toContain(String(confirmed.ticketCode));
      expect.soft(/30\.00|3,000|3000/.test(text), 'the total (3000 cents) appears').toBe(true);
      expect
        .soft(
          /2\d{3}/.test(text) && text.includes(String(showtimeStart.getUTCFullYear())),
          'the showtime year',
        )
        .toBe(true);
    });

    it('test cards: card_declined, insufficient_funds, invalid_number leave it PENDING and payable; a Luhn-valid other number succeeds', async () => {
      const booking = await holdAndBook(alice.accessToken, await freshSeats(1));
      const attempts: [string, string][] = [
        ['4000000000000002', 'card_declined'],
        ['4000000000009995', 'insufficient_funds'],
        ['4242424242424241', 'invalid_number'],
        ['1234567812345678', 'invalid_number'],
      ];
      const seen = new Set<string>();
      for (const [number, code] of attempts) {
        const res = await pay(alice.accessToken, booking.id, number);
        expect(res.status, `pay with ${number}: ${JSON.stringify(res.body)}`).toBe(202);
        const paymentId = String((res.body as Json).paymentId);
        expect.soft(seen.has(paymentId), 'each attempt is a new payment').toBe(false);
        seen.add(paymentId);
        const failed = await waitBooking(
          alice.accessToken,
          booking.id,
          (b) => b.payment?.id === paymentId && b.payment.status === 'FAILED',
          `payment with ${number} to fail`,
        );
        expect.soft(failed.status, `after ${number} the booking stays PENDING`).toBe('PENDING');
        expect
          .soft(failed.payment, `payment after ${number}`)
          .toEqual({ id: paymentId, status: 'FAILED', failureCode: code });
        expectBooking(failed, `after ${number}`);
      }
      const ok = await pay(alice.accessToken, booking.id, '5555555555554444');
      expect(ok.status).toBe(202);
      const done = await waitBooking(
        alice.accessToken,
        booking.id,
        (b) => b.status === 'CONFIRMED',
        'Luhn-valid card to confirm',
      );
      expect.soft(done.payment).toEqual({ id: (ok.body as Json).paymentId, status: 'SUCCEEDED' });

      // CONFIRMED: "refunded per policy" — the endpoint still answers 200 with the booking.
      const cancel = await api('POST', `/bookings/${booking.id}/cancel`, { token: alice.accessToken });
      expect.soft(cancel.status, 'cancel a CONFIRMED booking -> 200 booking').toBe(200);
      if (cancel.status === 200) expectBooking(cancel.body, 'cancel CONFIRMED');
      else expectErrorShape(cancel, 'cancel CONFIRMED');
      console.log(`cancel CONFIRMED -> ${cancel.status} ${JSON.stringify(cancel.body)}`);
      await sleep(3_000);
      console.log(`3 s later: ${JSON.stringify(await bookingOf(alice.accessToken, booking.id))}`);
      const seatNow = (await seatStatus()).find((s) => s.seatId === booking.seats[0].seatId);
      console.log(`seat of the cancelled CONFIRMED booking: ${JSON.stringify(seatNow)}`);
    }, 120_000);

    it('POST /bookings/:id/cancel on PENDING -> 200 CANCELLED, seats AVAILABLE at once; then not payable', async () => {
      const seats = await freshSeats(2);
      const booking = await holdAndBook(alice.accessToken, seats);
      const res = await api<Booking>('POST', `/bookings/${booking.id}/cancel`, { token: alice.accessToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectBooking(res.body, 'cancel PENDING');
      expect.soft(res.body.status).toBe('CANCELLED');
      expect.soft(res.body.id).toBe(booking.id);
      const status = await seatStatus();
      for (const s of seats)
        expect.soft(status.find((x) => x.seatId === s.seatId)?.status, 'released at once').toBe('AVAILABLE');
      expectError(
        await pay(alice.accessToken, booking.id, '4242424242424242'),
        409,
        'BOOKING_NOT_PAYABLE',
        'pay a CANCELLED booking',
      );
      const again = await api('POST', `/bookings/${booking.id}/cancel`, { token: alice.accessToken });
      expect.soft(again.status, 'cancelling twice is not a 5xx').toBeLessThan(500);
      const later = await bookingOf(alice.accessToken, booking.id);
      expect.soft(later.status, 'a CANCELLED booking stays CANCELLED').toBe('CANCELLED');
      await waitFor(
        () =>
          smtp.mails.some(
            (m) =>
              m.to.includes(alice.user.email) &&
              m.raw.includes(booking.id) &&
              /cancel/i.test(subjectOf(m.raw)),
          ),
        {
          timeoutMs: 20_000,
          what: 'the cancellation email (subject says cancelled, body names the booking)',
        },
      ).catch((error: Error) => expect.soft(false, error.message).toBe(true));
    });

    it('POST /seats/book and POST /payment/pay honour Idempotency-Key', async () => {
      const [seat] = await freshSeats(1);
      const h = await hold(alice.accessToken, [seat.seatId]);
      expect(h.status).toBe(201);
      const bookKey = `book-${suffix}`;
      const bookBody = { holdId: (h.body as Json).holdId };
      const first = await expectIdempotentPost<Booking>('/seats/book', {
        token: alice.accessToken,
        key: bookKey,
        body: bookBody,
        otherBody: { holdId: 'another-hold' },
        what: 'book key reuse',
      });

      const payKey = `pay-${suffix}`;
      const p1 = await pay(alice.accessToken, first.body.id, '4000000000000002', {
        'idempotency-key': payKey,
      });
      expect(p1.status).toBe(202);
      const p2 = await pay(alice.accessToken, first.body.id, '4000000000000002', {
        'idempotency-key': payKey,
      });
      expect.soft(p2.status).toBe(202);
      expect.soft(p2.body, 'the replay is the first response (same paymentId)').toEqual(p1.body);
      expectError(
        await pay(alice.accessToken, first.body.id, '4000000000009995', { 'idempotency-key': payKey }),
        409,
        'IDEMPOTENCY_KEY_REUSED',
        'pay key reuse',
      );
      await api('POST', `/bookings/${first.body.id}/cancel`, { token: alice.accessToken });
    });

    it('POST /payment/pay validates its body', async () => {
      const id = confirmed.id;
      const cases: [string, Json][] = [
        ['card', { bookingId: id }],
        ['bookingId', { card: card('4242424242424242') }],
        ['card.number', { bookingId: id, card: { ...card('4242424242424242'), number: 'four-two' } }],
        ['card.expMonth', { bookingId: id, card: { ...card('4242424242424242'), expMonth: 13 } }],
        ['card.expYear', { bookingId: id, card: { ...card('4242424242424242'), expYear: 'soon' } }],
        ['card.cvc', { bookingId: id, card: { ...card('4242424242424242'), cvc: undefined } }],
        ['card', { bookingId: id, card: '4242424242424242' }],
        ['amount', { bookingId: id, card: card('4242424242424242'), amount: 1 }],
        ['card.name', { bookingId: id, card: { ...card('4242424242424242'), name: 'A' } }],
      ];
      for (const [field, body] of cases) {
        const err = expectError(
          await api('POST', '/payment/pay', { token: alice.accessToken, body }),
          400,
          'VALIDATION_FAILED',
          `pay bad ${field}`,
        );
        expectFieldErrors(err, `pay bad ${field}`, field);
      }
    });

    it("GET /bookings (auth) -> list of the caller's bookings, newest first", async () => {
      const res = await api('GET', '/bookings?limit=100', { token: alice.accessToken });
      expect(res.status).toBe(200);
      const items = expectList(res.body, 'GET /bookings', 1, 100) as Booking[];
      expect.soft(items.length).toBeGreaterThanOrEqual(4);
      for (const b of items) {
        expectBooking(b, 'GET /bookings item');
        expect.soft(b.userId).toBe(alice.user.id);
      }
      const times = items.map((b) => Date.parse(b.createdAt));
      expect.soft(times, 'newest first').toEqual([...times].sort((a, b) => b - a));
      expect.soft(items.map((b) => b.id)).toContain(confirmed.id);
      const theirs = await api('GET', '/bookings', { token: bob.accessToken });
      expect.soft(((theirs.body as Json).items as Booking[]).map((b) => b.id)).not.toContain(confirmed.id);
      const paged = await api('GET', '/bookings?page=2&limit=1', { token: alice.accessToken });
      const pi = expectList(paged.body, 'GET /bookings page 2', 2, 1) as Booking[];
      expect.soft(pi.map((b) => b.id)).toEqual([items[1]?.id]);
    });

    it('POST /payment/callback: bad, missing, stale or tampered signatures -> 400 INVALID_SIGNATURE; valid -> 200 {received:true}, duplicate too', async () => {
      const booking = await holdAndBook(alice.accessToken, await freshSeats(1));
      const event = {
        id: `evt_contract_${suffix}`,
        type: 'payment.failed',
        createdAt: new Date().toISOString(),
        data: {
          paymentId: `pay_contract_${suffix}`,
          bookingId: booking.id,
          amount: booking.totalAmount,
          currency: booking.currency,
          failureCode: 'card_declined',
        },
      };
      const raw = JSON.stringify(event);
      const send = (signature: string | undefined, body = raw) =>
        rawRequest(base, 'POST', '/payment/callback', {
          body,
          headers: {
            'content-type': 'application/json',
            ...(signature ? { 'x-payment-signature': signature } : {}),
          },
        });
      const now = Math.floor(Date.now() / 1000);
      const bad: [string, string | undefined, string?][] = [
        ['missing', undefined],
        ['garbage', 'garbage'],
        ['wrong secret', signPayload('not-the-secret', raw)],
        ['stale (400 s old)', signPayload(WEBHOOK_SECRET, raw, now - 400)],
        ['from the future (400 s)', signPayload(WEBHOOK_SECRET, raw, now + 400)],
        [
          'tampered body',
          signPayload(WEBHOOK_SECRET, raw),
          raw.replace('card_declined', 'insufficient_funds'),
        ],
        ['v1 only', signPayload(WEBHOOK_SECRET, raw).split(',')[1]],
      ];
      for (const [what, signature, body] of bad) {
        const res = await send(signature, body);
        expectError(
          { status: res.status, body: res.body, headers: res.headers },
          400,
          'INVALID_SIGNATURE',
          `callback ${what}`,
        );
      }
      const ok = await send(signPayload(WEBHOOK_SECRET, raw));
      expect.soft(ok.status, `valid callback: ${ok.text}`).toBe(200);
      expect.soft(ok.body).toEqual({ received: true });
      const dup = await send(signPayload(WEBHOOK_SECRET, raw));
      expect.soft(dup.status, 'the same event again is acknowledged').toBe(200);
      expect.soft(dup.body).toEqual({ received: true });
      const after = await waitBooking(
        alice.accessToken,
        booking.id,
        (b) => b.payment?.id === event.data.paymentId,
        'the signed payment.failed webhook to be recorded',
      ).catch(() => bookingOf(alice.accessToken, booking.id));
      expect.soft(after.status, 'a failed payment leaves the booking PENDING').toBe('PENDING');
      expect.soft(after.payment, "the webhook's outcome is the latest payment").toEqual({
        id: event.data.paymentId,
        status: 'FAILED',
        failureCode: 'card_declined',
      });
      await api('POST', `/bookings/${booking.id}/cancel`, { token: alice.accessToken });
    });
  });
}
