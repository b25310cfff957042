import { performance } from 'node:perf_hooks';
import { sleep } from './stats.mjs';

const CARD = {
  number: '4242424242424242',
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  cvc: '123',
};

/**
 * One purchase as a customer makes it: hold one seat -> POST /seats/book -> POST /payment/pay (4242...) ->
 * GET /bookings/:id?wait=`waitS` until CONFIRMED (or, with `waitS` 0, GET /bookings/:id every `pollMs`).
 * Resolves `{ ok: true, steps }` with each step's ms, or `{ ok: false, failure }` naming the step and answer.
 */
export async function buy(client, { token, showtimeId, seatId }, opts) {
  const steps = {};
  const hold = await client.request('POST', '/seats/hold', {
    token,
    body: { showtimeId, seatIds: [seatId] },
  });
  if (hold.status !== 201) return failed('hold', hold);
  steps.hold = hold.ms;
  const book = await client.request('POST', '/seats/book', { token, body: { holdId: hold.body.holdId } });
  if (book.status !== 201) return failed('book', book);
  steps.book = book.ms;
  const pay = await client.request('POST', '/payment/pay', {
    token,
    body: { bookingId: book.body.id, card: CARD },
  });
  if (pay.status !== 202) return failed('pay', pay);
  steps.pay = pay.ms;
  const paid = performance.now();
  const giveUp = paid + opts.confirmTimeoutMs;
  let polls = 0;
  for (;;) {
    const path =
      opts.waitS > 0 ? `/bookings/${book.body.id}?wait=${opts.waitS}` : `/bookings/${book.body.id}`;
    const res = await client.request('GET', path, { token });
    polls++;
    if (res.status !== 200) return failed('poll', res, polls);
    if (res.body.status === 'CONFIRMED') break;
    if (res.body.status !== 'PENDING') return failed('poll', { status: res.body.status, body: {} }, polls);
    if (performance.now() > giveUp)
      return failed('poll', { status: 'not CONFIRMED in time', body: {} }, polls);
    // A long-poll answer that is still PENDING means the wait ran out: ask again at once.
    if (opts.waitS === 0) await sleep(opts.pollMs);
  }
  steps.confirm = performance.now() - paid;
  return { ok: true, steps, polls };
}

function failed(step, res, polls = 0) {
  const what = res.status === 0 ? (res.timeout ? 'timeout' : 'error') : res.status;
  return { ok: false, failure: `${step} ${what}${res.body?.code ? ` ${res.body.code}` : ''}`, polls };
}

/** Failures by kind ({ "book 409 HOLD_EXPIRED": 3 }) summed the way the result table splits them. */
export function failureCounts(failures) {
  const by = (pattern) =>
    Object.entries(failures)
      .filter(([key]) => new RegExp(`^\\w+ ${pattern}`).test(key))
      .reduce((sum, [, c]) => sum + c, 0);
  return {
    '4xx': by('4'),
    '5xx': by('5'),
    timeouts: by('(timeout|not CONFIRMED)'),
    socketErrors: by('error'),
  };
}
