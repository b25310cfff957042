import { describe, expect, it } from 'vitest';
import { call, onSaleShowtime, token, useFakeGateway } from './harness';

const ADA = '11111111-1111-4111-8111-111111111111';
const BOB = '66666666-6666-4666-8666-666666666666';
const SEAT = '44444444-4444-4444-8444-444444444441';
const UPCOMING = '77777777-7777-4777-8777-777777777771';
const QUEUED = '77777777-7777-4777-8777-777777777772';
const PLAIN = '77777777-7777-4777-8777-777777777773';

/** Reads an SSE response until `frames` events have come, then stops reading. */
async function readEvents(response: Response, frames: number): Promise<{ event: string; data: unknown }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events: { event: string; data: unknown }[] = [];
  while (events.length < frames) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const frame = text.slice(0, end);
      text = text.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe('api-gateway: on-sales and the waiting room', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;
  const onSaleAt = new Date(Date.now() + 3_600_000).toISOString();
  // One admission a minute, the sale open for just over a minute: one slot is free now, the next comes
  // about 59 s after this file loads, far beyond what these tests take.
  const queuedSince = new Date(Date.now() - 61_000).toISOString();
  fake.on('movie', 'getShowtime', (request: { id: string }) => {
    if (request.id === UPCOMING) return onSaleShowtime(request.id, { onSaleAt, admissionsPerMinute: 30 });
    if (request.id === QUEUED)
      return onSaleShowtime(request.id, { onSaleAt: queuedSince, admissionsPerMinute: 1 });
    return onSaleShowtime(request.id);
  });
  fake.on('seat', 'holdSeats', (request: { showtimeId: string; seatIds: string[] }) => ({
    holdId: 'hold-1',
    showtimeId: request.showtimeId,
    seatIds: request.seatIds,
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
  }));
  const hold = (showtimeId: string, opts: { user?: string; admission?: string } = {}) =>
    call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token({ sub: opts.user ?? ADA }),
      body: { showtimeId, seatIds: [SEAT] },
      headers: opts.admission ? { 'x-admission-token': opts.admission } : {},
    });
  const holdsOf = (showtimeId: string) =>
    fake
      .callsOf('seat', 'holdSeats')
      .filter((c) => (c.request as { showtimeId: string }).showtimeId === showtimeId);

  it('refuses holds before onSaleAt with 409 NOT_ON_SALE; early arrivals wait BEFORE_SALE', async () => {
    const res = await hold(UPCOMING);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'NOT_ON_SALE', details: { onSaleAt } });
    expect(holdsOf(UPCOMING)).toHaveLength(0);
    const path = `/showtimes/${UPCOMING}/waiting-room`;
    expect((await call(ctx.gw.url, 'GET', path, { token: token() })).body).toEqual({
      showtimeId: UPCOMING,
      state: 'NOT_JOINED',
      onSaleAt,
      admissionsPerMinute: 30,
    });
    const joined = await call(ctx.gw.url, 'POST', path, { token: token() });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ showtimeId: UPCOMING, state: 'BEFORE_SALE', onSaleAt });
    expect(joined.body.position).toBeUndefined();
    expect(joined.body.admission).toBeUndefined();
    expect((await call(ctx.gw.url, 'POST', path, {})).status).toBe(401);
  });

  it('with a waiting room: 403 NOT_ADMITTED without an admission, 201 with one, 403 with someone else’s', async () => {
    const without = await hold(QUEUED);
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ code: 'NOT_ADMITTED' });
    const forged = await hold(QUEUED, { admission: 'not-a-token' });
    expect(forged.status).toBe(403);
    expect(holdsOf(QUEUED)).toHaveLength(0);

    const path = `/showtimes/${QUEUED}/waiting-room`;
    // The first customer takes the free slot at once; the next one waits for the next.
    const ada = await call(ctx.gw.url, 'POST', path, { token: token() });
    expect(ada.status).toBe(200);
    expect(ada.body).toMatchObject({ showtimeId: QUEUED, state: 'ADMITTED', admissionsPerMinute: 1 });
    const admission = ada.body.admission as { token: string; expiresAt: string };
    expect(Date.parse(admission.expiresAt)).toBeGreaterThan(Date.now());
    const bob = await call(ctx.gw.url, 'POST', path, { token: token({ sub: BOB }) });
    expect(bob.body).toMatchObject({ state: 'WAITING', position: 1 });
    expect(bob.body.estimatedWaitSeconds).toBeGreaterThan(0);
    expect(bob.body.estimatedWaitSeconds).toBeLessThanOrEqual(60);
    // A reload (or joining again) gives the same place and the same admission.
    const bobAgain = await call(ctx.gw.url, 'POST', path, { token: token({ sub: BOB }) });
    expect(bobAgain.body).toMatchObject({ state: 'WAITING', position: 1 });
    const adaAgain = await call(ctx.gw.url, 'GET', path, { token: token() });
    expect(adaAgain.body.admission).toEqual(admission);

    const ok = await hold(QUEUED, { admission: admission.token });
    expect(ok.status).toBe(201);
    expect(holdsOf(QUEUED)).toHaveLength(1);
    const shared = await hold(QUEUED, { user: BOB, admission: admission.token });
    expect(shared.status).toBe(403);
    expect(shared.body).toMatchObject({ code: 'NOT_ADMITTED' });
    const elsewhere = await hold(UPCOMING, { admission: admission.token });
    expect(elsewhere.body).toMatchObject({ code: 'NOT_ON_SALE' });
    expect(holdsOf(QUEUED)).toHaveLength(1);
  });

  it('streams the place over SSE with a stream ticket; 401 without one', async () => {
    const path = `/showtimes/${QUEUED}/waiting-room`;
    expect((await call(ctx.gw.url, 'GET', `${path}/stream`)).status).toBe(401);
    expect((await call(ctx.gw.url, 'GET', `${path}/stream?ticket=forged`)).status).toBe(401);
    const joined = await call(ctx.gw.url, 'GET', path, { token: token({ sub: BOB }) });
    const ticket = joined.body.streamTicket as string;
    expect(typeof ticket).toBe('string');
    // A ticket is for its own showtime only.
    expect(
      (await call(ctx.gw.url, 'GET', `/showtimes/${UPCOMING}/waiting-room/stream?ticket=${ticket}`)).status,
    ).toBe(401);
    const response = await fetch(`${ctx.gw.url}${path}/stream?ticket=${encodeURIComponent(ticket)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const [first] = await readEvents(response, 1);
    expect(first).toMatchObject({ event: 'waiting-room', data: { showtimeId: QUEUED, state: 'WAITING' } });
  });

  it('answers NOT_REQUIRED for a showtime without a waiting room, and holds need no admission', async () => {
    const res = await call(ctx.gw.url, 'POST', `/showtimes/${PLAIN}/waiting-room`, { token: token() });
    expect(res.body).toEqual({ showtimeId: PLAIN, state: 'NOT_REQUIRED' });
    expect((await hold(PLAIN)).status).toBe(201);
  });
});
