// The only way the app reaches the API (docs/api.md): JSON over fetch on the page's own origin, the access
// token in memory, the refresh token in localStorage so a reload keeps the customer signed in. An expired
// access token is renewed silently (before it expires, and once more on a 401), one refresh at a time.
import type {
  Booking,
  Card,
  ErrorBody,
  Hold,
  Layout,
  Movie,
  Page,
  PaymentAccepted,
  SeatStatusBody,
  SeatType,
  Session,
  Showtime,
  Theater,
  Ticket,
  User,
  WaitingRoom,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const REFRESH_KEY = 'cinema.refreshToken';
const USER_KEY = 'cinema.user';
/** Renew the access token this long before it expires. */
const REFRESH_AHEAD_MS = 60_000;

interface SessionState {
  user: User | null;
  accessToken: string | null;
  refreshToken: string | null;
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storedUser(): User | null {
  try {
    return JSON.parse(stored(USER_KEY) ?? 'null') as User | null;
  } catch {
    return null;
  }
}

const state: SessionState = { user: storedUser(), accessToken: null, refreshToken: stored(REFRESH_KEY) };
if (!state.refreshToken) state.user = null;
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;

export function currentUser(): User | null {
  return state.user;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(session: Session | null): void {
  clearTimeout(refreshTimer);
  if (session) {
    state.user = session.user;
    state.accessToken = session.accessToken;
    state.refreshToken = session.refreshToken;
    try {
      localStorage.setItem(REFRESH_KEY, session.refreshToken);
      localStorage.setItem(USER_KEY, JSON.stringify(session.user));
    } catch {
      /* storage refused (private mode): the session lasts as long as the page */
    }
    const delay = Math.max(session.expiresIn * 1000 - REFRESH_AHEAD_MS, 5_000);
    refreshTimer = setTimeout(() => void refreshSession(), delay);
  } else {
    state.user = null;
    state.accessToken = null;
    state.refreshToken = null;
    try {
      localStorage.removeItem(REFRESH_KEY);
      localStorage.removeItem(USER_KEY);
    } catch {
      /* nothing stored */
    }
  }
  for (const listener of listeners) listener();
}

/**
 * Trades the refresh token for a new session. Answers whether the customer is still signed in: a refused
 * token ends the session; a network failure or an unavailable service keeps it for a later try.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= withRefreshLock(async () => {
    // Another tab may have refreshed already: its token is the live one (ours is spent, and reusing a spent
    // token revokes the whole session).
    const refreshToken = stored(REFRESH_KEY) ?? state.refreshToken;
    if (!refreshToken) return false;
    try {
      const session = await send<Session>('POST', '/auth/refresh', { body: { refreshToken }, auth: false });
      setSession(session);
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) setSession(null);
      return false;
    } finally {
      refreshing = null;
    }
  });
  return refreshing;
}

/** One refresh at a time across the tabs of this browser (Web Locks), where the browser offers them. */
async function withRefreshLock(run: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request('cinema.refresh', run) : run();
}

// Signing out in one tab signs out the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === REFRESH_KEY && event.newValue === null && state.user) setSession(null);
  });
}

export interface RequestOptions {
  body?: unknown;
  /** Send the access token (and renew it when needed). */
  auth?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Answer the body as text (a CSV report) instead of parsing JSON. */
  text?: boolean;
}

async function send<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    accept: opts.text ? 'text/plain' : 'application/json',
    ...opts.headers,
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.auth && state.accessToken) headers.authorization = `Bearer ${state.accessToken}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The network request failed');
  }
  const text = await res.text();
  if (res.ok && opts.text) return text as T;
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: described by its status below */
  }
  if (!res.ok) {
    const body = (json ?? {}) as Partial<ErrorBody>;
    const details = { ...(body.details ?? {}) };
    const retryAfter = res.headers.get('retry-after');
    if (retryAfter && details.retryAfterSeconds === undefined) details.retryAfterSeconds = Number(retryAfter);
    throw new ApiError(
      res.status,
      body.code ?? `HTTP_${res.status}`,
      body.message ?? res.statusText,
      details,
    );
  }
  return json as T;
}

/** A request as the signed-in customer: renews the access token first if needed, and once on a 401. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  if (!opts.auth) return send<T>(method, path, opts);
  if (!state.accessToken && state.refreshToken) await refreshSession();
  try {
    return await send<T>(method, path, opts);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && state.refreshToken && (await refreshSession())) {
      return send<T>(method, path, opts);
    }
    throw error;
  }
}

/** Whether a request carries a token: the optional-token reads use one when the customer is signed in. */
function signedIn(): boolean {
  return Boolean(state.accessToken || state.refreshToken);
}

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const id = (value: string) => encodeURIComponent(value);

/** A fresh idempotency key for one attempt of a request that creates something. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

function holdHeaders(admissionToken: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'idempotency-key': newIdempotencyKey() };
  if (admissionToken) headers['x-admission-token'] = admissionToken;
  return headers;
}

export const api = {
  async register(email: string, password: string, name: string): Promise<User> {
    setSession(await send<Session>('POST', '/auth/register', { body: { email, password, name } }));
    return state.user as User;
  },
  async login(email: string, password: string): Promise<User> {
    setSession(await send<Session>('POST', '/auth/login', { body: { email, password } }));
    return state.user as User;
  },
  /** Signs out here whatever the server answers; the server revokes the refresh token's family. */
  async logout(): Promise<void> {
    const refreshToken = state.refreshToken;
    try {
      if (refreshToken && state.accessToken) {
        await send('POST', '/auth/logout', { body: { refreshToken }, auth: true });
      }
    } finally {
      setSession(null);
    }
  },
  /** Restores the session of a reloaded page (the access token lives only in memory). */
  async resume(): Promise<void> {
    if (state.refreshToken && !state.accessToken) await refreshSession();
  },

  movies: (params: { q?: string; genre?: string; page?: number; limit?: number } = {}) =>
    request<Page<Movie>>('GET', `/movies${query({ limit: 100, ...params })}`),
  movie: (movieId: string) => request<Movie>('GET', `/movies/${id(movieId)}`),
  movieShowtimes: (movieId: string) =>
    request<Page<Showtime>>('GET', `/movies/${id(movieId)}/showtimes${query({ limit: 100 })}`),
  showtime: (showtimeId: string) => request<Showtime>('GET', `/showtimes/${id(showtimeId)}`),
  theaters: () => request<Page<Theater>>('GET', `/theaters${query({ limit: 100 })}`),

  layout: (roomId: string) => request<Layout>('GET', `/seats/layout/${id(roomId)}`),
  seatStatus: (showtimeId: string) =>
    request<SeatStatusBody>('GET', `/seats/status/${id(showtimeId)}`, { auth: signedIn() }),
  /** `admissionToken`: the waiting room's admission, for a showtime that has one. */
  holdSeats: (showtimeId: string, seatIds: string[], admissionToken?: string) =>
    request<Hold>('POST', '/seats/hold', {
      auth: true,
      body: { showtimeId, seatIds },
      headers: holdHeaders(admissionToken),
    }),
  holdBest: (showtimeId: string, quantity: number, seatType?: SeatType, admissionToken?: string) =>
    request<Hold>('POST', '/seats/hold', {
      auth: true,
      body: seatType ? { showtimeId, quantity, seatType } : { showtimeId, quantity },
      headers: holdHeaders(admissionToken),
    }),
  release: (holdId: string) =>
    request<{ holdId: string; released: string[] }>('POST', '/seats/release', {
      auth: true,
      body: { holdId },
    }),
  book: (holdId: string) =>
    request<Booking>('POST', '/seats/book', {
      auth: true,
      body: { holdId },
      headers: { 'idempotency-key': newIdempotencyKey() },
    }),

  bookings: () => request<Page<Booking>>('GET', `/bookings${query({ limit: 100 })}`, { auth: true }),
  /** With `waitSeconds`, a long poll: answers when the payment in progress settles, or after that long. */
  booking: (bookingId: string, waitSeconds = 0, signal?: AbortSignal) =>
    request<Booking>('GET', `/bookings/${id(bookingId)}${query({ wait: waitSeconds || undefined })}`, {
      auth: true,
      signal,
    }),
  cancelBooking: (bookingId: string) =>
    request<Booking>('POST', `/bookings/${id(bookingId)}/cancel`, { auth: true }),
  /** `key` is the attempt's idempotency key: a retry of the same attempt is one charge. */
  pay: (bookingId: string, card: Card, key: string) =>
    request<PaymentAccepted>('POST', '/payment/pay', {
      auth: true,
      body: { bookingId, card },
      headers: { 'idempotency-key': key },
    }),

  ticket: (bookingId: string) => request<Ticket>('GET', `/bookings/${id(bookingId)}/ticket`, { auth: true }),
  waitingRoom: (showtimeId: string) =>
    request<WaitingRoom>('GET', `/showtimes/${id(showtimeId)}/waiting-room`, { auth: true }),
  joinWaitingRoom: (showtimeId: string) =>
    request<WaitingRoom>('POST', `/showtimes/${id(showtimeId)}/waiting-room`, { auth: true }),
};
