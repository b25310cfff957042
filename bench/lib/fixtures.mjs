import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expectStatus } from './http.mjs';
import { mapLimit, sleep } from './stats.mjs';

const ROWS = 'ABCDEFGHIJ';
const SEATS_PER_ROW = 20; // 10 x 20 = 200 seats, two VIP rows at the back
const MOVIE_MINUTES = 60;
const SLOT_MINUTES = MOVIE_MINUTES + 15 + 5; // showtime + cleaning gap + slack
const USER_PASSWORD = 'bench-password-123';
const TOKEN_MAX_AGE_MS = 10 * 60_000; // access tokens live 15 min (AUTH expiresIn 900)

/**
 * Everything the scenarios need, created through the public admin API: one movie, one theater with one
 * 200-seat room, as many showtimes (a few days ahead, back to back) and customers as asked for.
 */
export class Fixtures {
  constructor(client, { adminEmail, adminPassword, log, cacheFile }) {
    this.client = client;
    this.cacheFile = cacheFile;
    this.adminEmail = adminEmail;
    this.adminPassword = adminPassword;
    this.log = log;
    this.runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    this.users = [];
    this.nextSlot = 0;
  }

  async api(method, path, status, what, opts = {}) {
    return expectStatus(await this.client.request(method, path, opts), status, what);
  }

  async init() {
    const admin = await this.api('POST', '/auth/login', 200, 'admin login (ADMIN_EMAIL/ADMIN_PASSWORD)', {
      body: { email: this.adminEmail, password: this.adminPassword },
    });
    if (admin.user.role !== 'admin') throw new Error(`${this.adminEmail} is not an admin`);
    this.adminToken = admin.accessToken;
    const token = this.adminToken;
    this.movie = await this.api('POST', '/movies', 201, 'create movie', {
      token,
      body: { title: `Bench ${this.runId}`, durationMinutes: MOVIE_MINUTES, genres: ['Benchmark'] },
    });
    const theater = await this.api('POST', '/theaters', 201, 'create theater', {
      token,
      body: { name: `Bench theater ${this.runId}`, city: 'Loopback' },
    });
    const rows = [...ROWS].map((label, i) => ({
      label,
      pattern: (i >= ROWS.length - 2 ? 'V' : 'S').repeat(SEATS_PER_ROW),
    }));
    const room = await this.api('POST', `/theaters/${theater.id}/rooms`, 201, 'create room', {
      token,
      body: { name: 'Bench room', rows },
    });
    this.roomId = room.id;
    this.seats = room.layout.rows.flatMap((r) => r.seats.map((s) => ({ id: s.id, label: s.label })));
    // Start a few days ahead on a whole hour, so showtimes neither start during the run nor clash.
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    this.firstStart = start.getTime();
  }

  /**
   * Creates `count` showtimes of the bench room. Unless `cold`, each is read once (GET /seats/status) before
   * it is used; cold showtimes are used as they are after their creation, as in an on-sale.
   */
  async showtimes(count, what = 'showtimes', { cold = false } = {}) {
    const slots = Array.from({ length: count }, () => this.nextSlot++);
    const started = Date.now();
    const ids = await mapLimit(slots, 8, async (slot) => {
      const showtime = await this.api('POST', '/showtimes', 201, 'create showtime', {
        token: this.adminToken,
        body: {
          movieId: this.movie.id,
          roomId: this.roomId,
          startsAt: new Date(this.firstStart + slot * SLOT_MINUTES * 60_000).toISOString(),
          prices: { STANDARD: 1200, VIP: 1800 },
          currency: 'USD',
        },
      });
      if (cold) return showtime.id;
      const status = await this.api('GET', `/seats/status/${showtime.id}`, 200, 'warm seat status');
      if (status.seats.length !== this.seats.length) {
        throw new Error(
          `showtime ${showtime.id} has ${status.seats.length} seats, expected ${this.seats.length}`,
        );
      }
      return showtime.id;
    });
    this.log(
      `  fixture: ${count} ${cold ? 'cold ' : ''}${what} of ${this.seats.length} seats in ${Date.now() - started} ms`,
    );
    return ids;
  }

  /**
   * Customers of earlier runs against the same gateway, revived through POST /auth/refresh (no argon2, unlike
   * registering or logging in). Any refusal (another database behind the same port, a spent token) drops the
   * cache: the customers are then registered as usual.
   */
  async reviveCachedCustomers() {
    if (!this.cacheFile || !existsSync(this.cacheFile)) return;
    let cached;
    try {
      cached = JSON.parse(readFileSync(this.cacheFile, 'utf8'));
    } catch {
      return;
    }
    if (!Array.isArray(cached?.customers) || cached.customers.length === 0) return;
    const started = Date.now();
    const revived = await mapLimit(cached.customers, 8, async (c) => {
      const res = await this.client.request('POST', '/auth/refresh', {
        body: { refreshToken: c.refreshToken },
      });
      if (res.status !== 200) return null;
      return {
        id: res.body.user.id,
        email: c.email,
        token: res.body.accessToken,
        refreshToken: res.body.refreshToken,
        issuedAt: Date.now(),
      };
    });
    if (revived.some((u) => u === null)) {
      this.log('  fixture: cached customers refused (another system?), registering new ones');
      rmSync(this.cacheFile, { force: true });
      return;
    }
    this.users = revived;
    this.saveCache();
    this.log(
      `  fixture: ${revived.length} customers of earlier runs signed in again in ${Date.now() - started} ms`,
    );
  }

  saveCache() {
    if (!this.cacheFile) return;
    const customers = this.users.map(({ email, refreshToken }) => ({ email, refreshToken }));
    writeFileSync(this.cacheFile, `${JSON.stringify({ customers })}\n`, { mode: 0o600 });
  }

  /** At least `count` customers with fresh access tokens. */
  async customers(count) {
    const started = Date.now();
    const missing = Array.from(
      { length: Math.max(0, count - this.users.length) },
      (_, i) => this.users.length + i,
    );
    // Few at a time: argon2 hashing is CPU-heavy and the gateway gives auth-service 3 s per call.
    const created = await mapLimit(missing, 3, (i) => this.register(i));
    this.users.push(...created);
    const stale = this.users.slice(0, count).filter((u) => Date.now() - u.issuedAt > TOKEN_MAX_AGE_MS);
    await mapLimit(stale, 6, (u) => this.renew(u));
    if (created.length + stale.length > 0) this.saveCache();
    if (created.length + stale.length > 0) {
      this.log(
        `  fixture: ${created.length} customers registered, ${stale.length} renewed, ${Date.now() - started} ms`,
      );
    }
    return this.users.slice(0, count);
  }

  async register(i) {
    const email = `bench-${this.runId}-${i}@example.com`;
    for (let attempt = 1; ; attempt++) {
      const res = await this.client.request('POST', '/auth/register', {
        body: { email, password: USER_PASSWORD, name: `Bench customer ${i}` },
      });
      if (res.status === 201) {
        return {
          id: res.body.user.id,
          email,
          token: res.body.accessToken,
          refreshToken: res.body.refreshToken,
          issuedAt: Date.now(),
        };
      }
      // A register that timed out in the gateway may still have created the account.
      if (res.status === 409 && res.body?.code === 'EMAIL_TAKEN') return this.login({ email });
      if (attempt >= 5 || (res.status !== 503 && res.status !== 0))
        expectStatus(res, 201, 'register customer');
      await sleep(500 * attempt);
    }
  }

  /** A fresh access token: through the refresh token when there is one (cheap), else a login. */
  async renew(user) {
    if (user.refreshToken) {
      const res = await this.client.request('POST', '/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      if (res.status === 200) {
        user.token = res.body.accessToken;
        user.refreshToken = res.body.refreshToken;
        user.issuedAt = Date.now();
        return user;
      }
    }
    return this.login(user);
  }

  async login(user) {
    for (let attempt = 1; ; attempt++) {
      const res = await this.client.request('POST', '/auth/login', {
        body: { email: user.email, password: USER_PASSWORD },
      });
      if (res.status === 200) {
        user.id = res.body.user.id;
        user.token = res.body.accessToken;
        user.refreshToken = res.body.refreshToken;
        user.issuedAt = Date.now();
        return user;
      }
      if (attempt >= 5 || (res.status !== 503 && res.status !== 0)) expectStatus(res, 200, 'customer login');
      await sleep(500 * attempt);
    }
  }
}
