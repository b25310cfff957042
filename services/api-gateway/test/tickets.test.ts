import { describe, expect, it } from 'vitest';
import { DomainError, type authPb, type bookingPb } from '@cinema/contracts';
import { call, IDS, token, useFakeGateway } from './harness';

const TICKET = 'eyJ2IjoxfQ.c2lnbmF0dXJl';
const USHER = '66666666-6666-4666-8666-666666666666';
const ADMIN = '77777777-7777-4777-8777-777777777777';

describe('gateway: tickets, check-in and roles', () => {
  const fixture = useFakeGateway();
  const { fake } = fixture;
  const url = () => fixture.gw.url;
  const customer = token();
  const usher = token({ sub: USHER, role: 'usher' });
  const admin = token({ sub: ADMIN, role: 'admin' });

  it('GET /bookings/:id/ticket answers the ticket with its QR code as SVG, or the PNG itself', async () => {
    fake.on('booking', 'getTicket', (req: bookingPb.GetBookingRequest): bookingPb.Ticket => {
      if (req.userId !== IDS.user) throw new DomainError('NOT_FOUND', 'Booking not found');
      return { bookingId: req.id, ticket: TICKET, ticketCode: 'K7M2Q9XA' };
    });
    const json = await call(url(), 'GET', `/bookings/${IDS.booking}/ticket`, { token: customer });
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('private, no-store');
    expect(json.body).toMatchObject({ bookingId: IDS.booking, ticket: TICKET, ticketCode: 'K7M2Q9XA' });
    expect(String(json.body.qrSvg)).toMatch(/^<svg[\s\S]*<\/svg>/);
    expect(fake.callsOf('booking', 'getTicket').at(-1)?.request).toMatchObject({
      id: IDS.booking,
      userId: IDS.user,
    });

    const png = await fetch(`${url()}/bookings/${IDS.booking}/ticket?format=png`, {
      headers: { authorization: `Bearer ${customer}` },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(0, 4)
        .toString('hex'),
    ).toBe('89504e47');

    const bad = await call(url(), 'GET', `/bookings/${IDS.booking}/ticket?format=gif`, { token: customer });
    expect(bad.status).toBe(400);
    const other = await call(url(), 'GET', `/bookings/${IDS.booking}/ticket`, {
      token: token({ sub: USHER }),
    });
    expect(other).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await call(url(), 'GET', `/bookings/${IDS.booking}/ticket`)).status).toBe(401);
  });

  it('GET /tickets/keys is public', async () => {
    fake.on('booking', 'getTicketKeys', (): bookingPb.TicketKeys => ({
      keys: [{ kid: 'abcdefgh', alg: 'Ed25519', publicKey: 'cHVi', pem: '-----BEGIN PUBLIC KEY-----' }],
    }));
    const res = await call(url(), 'GET', '/tickets/keys');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      keys: [{ kid: 'abcdefgh', alg: 'Ed25519', publicKey: 'cHVi', pem: '-----BEGIN PUBLIC KEY-----' }],
    });
  });

  it('POST /checkin is for ushers and admins, passing who scans', async () => {
    fake.on('booking', 'checkIn', (req: bookingPb.CheckInRequest): bookingPb.CheckInResult => ({
      bookingId: IDS.booking,
      showtimeId: IDS.showtime,
      startsAt: '2030-01-01T20:00:00.000Z',
      movieTitle: 'Film',
      theaterName: 'Theater',
      roomName: 'Room',
      seats: [{ seatId: IDS.seatA, label: 'A1', type: 'STANDARD', price: 0 }],
      checkedInAt: '2030-01-01T19:40:00.000Z',
      checkedInBy: req.staffId,
      gate: req.gate,
      ticketCode: 'K7M2Q9XA',
    }));
    const body = { ticket: TICKET, showtimeId: IDS.showtime };
    const forCustomer = await call(url(), 'POST', '/checkin', { token: customer, body });
    expect(forCustomer).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await call(url(), 'POST', '/checkin', { body })).status).toBe(401);
    const before = fake.callsOf('booking', 'checkIn').length;
    expect(before).toBe(0);

    for (const [who, staff] of [
      [usher, USHER],
      [admin, ADMIN],
    ]) {
      const res = await call(url(), 'POST', '/checkin', { token: who, body: { ...body, gate: 'Door 1' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        bookingId: IDS.booking,
        ticketCode: 'K7M2Q9XA',
        showtime: {
          id: IDS.showtime,
          startsAt: '2030-01-01T20:00:00.000Z',
          movieTitle: 'Film',
          theaterName: 'Theater',
          roomName: 'Room',
        },
        seats: [{ seatId: IDS.seatA, label: 'A1', type: 'STANDARD' }],
        checkedInAt: '2030-01-01T19:40:00.000Z',
        checkedInBy: staff,
        gate: 'Door 1',
      });
      expect(fake.callsOf('booking', 'checkIn').at(-1)?.request).toMatchObject({
        ticket: TICKET,
        showtimeId: IDS.showtime,
        staffId: staff,
        gate: 'Door 1',
      });
    }

    for (const bad of [
      {},
      { ticket: '' },
      { ticket: TICKET, showtimeId: 'x' },
      { ticket: TICKET, extra: 1 },
    ]) {
      const res = await call(url(), 'POST', '/checkin', { token: usher, body: bad });
      expect(res, JSON.stringify(bad)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('passes check-in refusals on with their status and details', async () => {
    fake.on('booking', 'checkIn', () => {
      throw new DomainError('ALREADY_CHECKED_IN', 'Already admitted', {
        checkedInAt: '2030-01-01T19:40:00.000Z',
        checkedInBy: USHER,
      });
    });
    const res = await call(url(), 'POST', '/checkin', { token: usher, body: { ticket: TICKET } });
    expect(res).toMatchObject({
      status: 409,
      body: {
        code: 'ALREADY_CHECKED_IN',
        details: { checkedInAt: '2030-01-01T19:40:00.000Z', checkedInBy: USHER },
      },
    });
  });

  it('PATCH /users/:id sets a role, for admins only, with the admin as actor', async () => {
    fake.on('auth', 'setUserRole', (req: authPb.SetUserRoleRequest): authPb.User => ({
      id: req.id,
      email: 'u@test.local',
      name: 'U',
      role: req.role,
    }));
    const path = `/users/${IDS.user}`;
    expect((await call(url(), 'PATCH', path, { token: usher, body: { role: 'usher' } })).status).toBe(403);
    const res = await call(url(), 'PATCH', path, { token: admin, body: { role: 'usher' } });
    expect(res).toMatchObject({ status: 200, body: { id: IDS.user, role: 'usher' } });
    expect(fake.callsOf('auth', 'setUserRole').at(-1)?.request).toMatchObject({
      actorId: ADMIN,
      id: IDS.user,
      role: 'usher',
    });
    const bad = await call(url(), 'PATCH', path, { token: admin, body: { role: 'boss' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(
      (await call(url(), 'PATCH', '/users/nope', { token: admin, body: { role: 'usher' } })).status,
    ).toBe(404);
  });

  it('describes the PNG answer of the ticket in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${url()}/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: object; headers: object }> }>
      >;
    };
    const ok = doc.paths['/bookings/{id}/ticket'].get.responses['200'];
    expect(Object.keys(ok.content).sort()).toEqual(['application/json', 'image/png']);
    expect(ok.headers).toHaveProperty('X-Request-Id');
    expect(Object.keys(doc.paths['/checkin'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '409', '413']),
    );
  });
});
