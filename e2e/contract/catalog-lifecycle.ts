import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectFieldErrors,
  expectLayout,
  expectMovie,
  expectShowtime,
  type Json,
} from '../contract-helpers';
import { admin, alice, api, suffix, YEAR, UNKNOWN_ID } from './context';

/** docs/api.md#catalogue: changing showtimes, theaters and rooms, retiring the catalogue (admin). */
export function catalogLifecycleTests(): void {
  describe('Catalogue life cycle', () => {
    const as = (token: string) => ({ token });
    const day = (n: number, hour = 18) => new Date(Date.UTC(YEAR - 1, 6, n, hour, 0, 0)).toISOString();

    async function fixtures(tag: string) {
      const m = await api('POST', '/movies', {
        ...as(admin.accessToken),
        body: { title: `Life cycle ${tag} ${suffix}`, durationMinutes: 100 },
      });
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      const t = await api('POST', '/theaters', {
        ...as(admin.accessToken),
        body: { name: `Life cycle ${tag} ${suffix}`, address: '2 Spec Street', city: 'Testville' },
      });
      expect(t.status, JSON.stringify(t.body)).toBe(201);
      const r = await api('POST', `/theaters/${String(t.body.id)}/rooms`, {
        ...as(admin.accessToken),
        body: { name: `Room ${tag}`, rows: [{ label: 'A', pattern: 'SSSV' }] },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return { movie: m.body, theater: t.body, room: r.body };
    }

    async function createShowtime(movieId: unknown, roomId: unknown, startsAt: string) {
      const res = await api('POST', '/showtimes', {
        ...as(admin.accessToken),
        body: { movieId, roomId, startsAt, prices: { STANDARD: 1000, VIP: 1500 }, currency: 'USD' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    }

    const priceOf = async (showtimeId: unknown, label: string) => {
      const res = await api('GET', `/seats/status/${String(showtimeId)}`);
      const seats = (res.body as Json).seats as Json[];
      return seats.find((s) => s.label === label)?.price;
    };

    it('POST /showtimes starting in the past -> 400 VALIDATION_FAILED (startsAt)', async () => {
      const { movie, room } = await fixtures('past');
      const res = await api('POST', '/showtimes', {
        ...as(admin.accessToken),
        body: {
          movieId: movie.id,
          roomId: room.id,
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          prices: { STANDARD: 1000, VIP: 1500 },
          currency: 'USD',
        },
      });
      expectError(res, 400, 'VALIDATION_FAILED', 'POST /showtimes in the past');
      expectFieldErrors(res.body as Json, 'POST /showtimes in the past', 'startsAt');
    });

    it('PATCH /showtimes/:id -> 200 with the new price, time and sale settings, seen by the seat map', async () => {
      const { movie, room } = await fixtures('patch');
      const showtime = await createShowtime(movie.id, room.id, day(1));
      expect(await priceOf(showtime.id, 'A1')).toBe(1000);
      const res = await api('PATCH', `/showtimes/${String(showtime.id)}`, {
        ...as(admin.accessToken),
        body: { startsAt: day(1, 20), prices: { STANDARD: 1100, VIP: 1600 }, admissionsPerMinute: 120 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectShowtime(res.body, 'PATCH /showtimes/:id');
      expect.soft(res.body).toMatchObject({
        startsAt: day(1, 20),
        prices: { STANDARD: 1100, VIP: 1600 },
        admissionsPerMinute: 120,
      });
      expect.soft(await priceOf(showtime.id, 'A1')).toBe(1100);
      expect.soft(await priceOf(showtime.id, 'A4')).toBe(1600);

      const cleared = await api('PATCH', `/showtimes/${String(showtime.id)}`, {
        ...as(admin.accessToken),
        body: { admissionsPerMinute: null },
      });
      expect.soft(cleared.status).toBe(200);
      expect.soft((cleared.body as Json).admissionsPerMinute).toBeUndefined();

      const past = await api('PATCH', `/showtimes/${String(showtime.id)}`, {
        ...as(admin.accessToken),
        body: { startsAt: new Date(Date.now() - 60_000).toISOString() },
      });
      expectError(past, 400, 'VALIDATION_FAILED', 'PATCH /showtimes/:id into the past');
      expectFieldErrors(past.body as Json, 'PATCH into the past', 'startsAt');

      const other = await createShowtime(movie.id, room.id, day(2));
      const overlap = await api('PATCH', `/showtimes/${String(other.id)}`, {
        ...as(admin.accessToken),
        body: { startsAt: day(1, 21) },
      });
      expectError(overlap, 409, 'SHOWTIME_OVERLAP', 'PATCH /showtimes/:id onto another showtime');

      expectError(
        await api('PATCH', `/showtimes/${UNKNOWN_ID}`, { ...as(admin.accessToken), body: {} }),
        404,
        'NOT_FOUND',
        'PATCH /showtimes/:id unknown',
      );
      expectError(
        await api('PATCH', `/showtimes/${String(showtime.id)}`, { ...as(alice.accessToken), body: {} }),
        403,
        'FORBIDDEN',
        'PATCH /showtimes/:id as a customer',
      );
    });

    it('PATCH /showtimes/:id once a seat was held -> 409 SHOWTIME_HAS_SALES; PATCH /rooms/:id layout -> 409 LAYOUT_LOCKED', async () => {
      const { movie, room } = await fixtures('sold');
      const showtime = await createShowtime(movie.id, room.id, day(3));
      const status = await api('GET', `/seats/status/${String(showtime.id)}`);
      const seat = ((status.body as Json).seats as Json[])[0];
      const held = await api('POST', '/seats/hold', {
        ...as(alice.accessToken),
        body: { showtimeId: showtime.id, seatIds: [seat.seatId] },
      });
      expect(held.status, JSON.stringify(held.body)).toBe(201);

      const res = await api('PATCH', `/showtimes/${String(showtime.id)}`, {
        ...as(admin.accessToken),
        body: { prices: { STANDARD: 1, VIP: 2 } },
      });
      expectError(res, 409, 'SHOWTIME_HAS_SALES', 'PATCH /showtimes/:id after a hold');
      expect.soft(await priceOf(showtime.id, 'A1')).toBe(1000);

      const layout = await api('PATCH', `/rooms/${String(room.id)}`, {
        ...as(admin.accessToken),
        body: { rows: [{ label: 'A', pattern: 'SSSSV' }] },
      });
      expectError(layout, 409, 'LAYOUT_LOCKED', 'PATCH /rooms/:id with a sold showtime');
      expect.soft(((layout.body as Json).details as Json).showtimeIds).toEqual([showtime.id]);

      const renamed = await api('PATCH', `/rooms/${String(room.id)}`, {
        ...as(admin.accessToken),
        body: { name: `Renamed ${suffix}` },
      });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect.soft((renamed.body as Json).name).toBe(`Renamed ${suffix}`);
      expectLayout((renamed.body as Json).layout, 'PATCH /rooms/:id');

      await api('POST', '/seats/release', { ...as(alice.accessToken), body: { holdId: held.body.holdId } });
    });

    it('PATCH /rooms/:id with a new layout -> 200 room with it; PATCH /theaters/:id -> 200 theater', async () => {
      const { theater, room } = await fixtures('layout');
      const res = await api('PATCH', `/rooms/${String(room.id)}`, {
        ...as(admin.accessToken),
        body: {
          rows: [
            { label: 'A', pattern: 'SSSV' },
            { label: 'B', pattern: 'SS' },
          ],
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect.soft((res.body as Json).capacity).toBe(6);
      expectLayout((res.body as Json).layout, 'PATCH /rooms/:id layout');

      const t = await api('PATCH', `/theaters/${String(theater.id)}`, {
        ...as(admin.accessToken),
        body: { city: 'Newtown' },
      });
      expect(t.status, JSON.stringify(t.body)).toBe(200);
      expect.soft(t.body).toMatchObject({ id: theater.id, city: 'Newtown', name: theater.name });
      expectError(
        await api('PATCH', `/theaters/${UNKNOWN_ID}`, { ...as(admin.accessToken), body: { city: 'x' } }),
        404,
        'NOT_FOUND',
        'PATCH /theaters/:id unknown',
      );
      expectError(
        await api('PATCH', `/rooms/${UNKNOWN_ID}`, { ...as(admin.accessToken), body: { name: 'x' } }),
        404,
        'NOT_FOUND',
        'PATCH /rooms/:id unknown',
      );
    });

    it('DELETE /movies|theaters|rooms/:id -> 409 RESOURCE_IN_USE while showtimes use them, else 204 (retired)', async () => {
      const { movie, theater, room } = await fixtures('retire');
      const showtime = await createShowtime(movie.id, room.id, day(5));
      for (const path of [
        `/movies/${String(movie.id)}`,
        `/theaters/${String(theater.id)}`,
        `/rooms/${String(room.id)}`,
      ]) {
        const res = await api('DELETE', path, as(admin.accessToken));
        expectError(res, 409, 'RESOURCE_IN_USE', `DELETE ${path} in use`);
        expect.soft(((res.body as Json).details as Json).showtimeIds).toEqual([showtime.id]);
      }

      const spare = await fixtures('spare');
      const retired = await api('DELETE', `/movies/${String(spare.movie.id)}`, as(admin.accessToken));
      expect(retired.status, JSON.stringify(retired.body)).toBe(204);
      expect((await api('DELETE', `/movies/${String(spare.movie.id)}`, as(admin.accessToken))).status).toBe(
        204,
      );
      const got = await api('GET', `/movies/${String(spare.movie.id)}`);
      expect(got.status).toBe(200);
      expectMovie(got.body, 'GET /movies/:id retired');
      expect.soft(typeof (got.body as Json).retiredAt).toBe('string');
      const listed = await api('GET', `/movies?q=${encodeURIComponent(String(spare.movie.title))}`);
      expect.soft(((listed.body as Json).items as Json[]).map((m) => m.id)).not.toContain(spare.movie.id);
      const refused = await api('POST', '/showtimes', {
        ...as(admin.accessToken),
        body: {
          movieId: spare.movie.id,
          roomId: spare.room.id,
          startsAt: day(6),
          prices: { STANDARD: 1, VIP: 2 },
          currency: 'USD',
        },
      });
      expectError(refused, 400, 'VALIDATION_FAILED', 'POST /showtimes of a retired movie');

      expect((await api('DELETE', `/rooms/${String(spare.room.id)}`, as(admin.accessToken))).status).toBe(
        204,
      );
      expect(
        (await api('DELETE', `/theaters/${String(spare.theater.id)}`, as(admin.accessToken))).status,
      ).toBe(204);
      const theaters = await api('GET', '/theaters?limit=100');
      expect.soft(((theaters.body as Json).items as Json[]).map((t) => t.id)).not.toContain(spare.theater.id);

      for (const path of [`/movies/${UNKNOWN_ID}`, `/theaters/${UNKNOWN_ID}`, `/rooms/${UNKNOWN_ID}`]) {
        expectError(await api('DELETE', path, as(admin.accessToken)), 404, 'NOT_FOUND', `DELETE ${path}`);
        expectError(await api('DELETE', path), 401, 'UNAUTHENTICATED', `DELETE ${path} anonymous`);
        expectError(
          await api('DELETE', path, as(alice.accessToken)),
          403,
          'FORBIDDEN',
          `DELETE ${path} customer`,
        );
      }
    });
  });
}
