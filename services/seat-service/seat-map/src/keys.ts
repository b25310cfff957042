import { randomUUID } from 'node:crypto';

/**
 * The live seat map's Redis layout. Every key of one showtime carries the hash tag `{st:<showtimeId>}`, so a
 * Redis Cluster keeps them in one slot and each Lua script works on one showtime's keys alone. The sweeper's
 * due index is the one key that is not a showtime's; no script touches it together with a showtime's keys.
 * Every name starts with the deployment's key prefix (REDIS_KEY_PREFIX: empty by default, one of its own for
 * each test system), which must not contain `{`: the hash tag has to stay the key's first.
 */
export function seatMapKeys(prefix: string, showtimeId: string) {
  const p = `${prefix}seat:{st:${showtimeId}}:`;
  return {
    /** hash seatId -> owner token, for every seat that is not free */
    seats: `${p}seats`,
    /** hash holdId -> JSON {u: userId, d: deadline ms, c: bookingId being claimed or '', s: seatIds} */
    holds: `${p}holds`,
    /** sorted set holdId by deadline (ms, Redis clock): the showtime's own due index */
    exp: `${p}exp`,
    /** hash userId -> that user's current holdId (a new hold replaces it) */
    users: `${p}users`,
    /** the change version, the one the SSE stream carries */
    version: `${p}ver`,
    /** present once the map was loaded from PostgreSQL; without it readers must ask seat-service */
    ready: `${p}ready`,
    /** counter of reservation changes seen while not ready (makes the loader retry) */
    dirty: `${p}dirty`,
  };
}

/** The keys in the order every showtime script takes them (KEYS[1..7]). */
export function seatMapKeyList(prefix: string, showtimeId: string): string[] {
  const k = seatMapKeys(prefix, showtimeId);
  return [k.seats, k.holds, k.exp, k.users, k.version, k.ready, k.dirty];
}

/**
 * The sweeper's registry of showtimes that may have holds: a sorted set showtimeId -> when to look at it
 * (ms, the clock of the Redis holding it). It is kept next to the showtimes' own due indexes (`exp`), not
 * atomically with them: it may name a showtime too early or one with no hold left (the sweeper then corrects
 * it), and it is written before a hold exists and again after, so that it never names one too late.
 */
export function seatDueKey(prefix: string): string {
  return `${prefix}seat:{sweep}:due`;
}

/**
 * Redis pub/sub channel carrying live seat changes of one showtime to every gateway replica. Redis prefixes
 * no channel itself: the key prefix (REDIS_KEY_PREFIX) is part of the name.
 */
export function seatChangesChannel(prefix: string, showtimeId: string): string {
  return `${prefix}seats:changes:{${showtimeId}}`;
}

/** One batch of changes of a showtime's map, as published on its channel and forwarded by the SSE stream. */
export interface SeatChangeMessage {
  showtimeId: string;
  version: number;
  changes: { seatId: string; status: string }[];
}

/**
 * A hold id names its showtime (`<showtimeId>.<random uuid>`): releasing or claiming a hold finds the
 * showtime's keys from the id alone, with no index key outside the showtime's slot.
 */
export function newHoldId(showtimeId: string): string {
  return `${showtimeId}.${randomUUID()}`;
}

/** The showtime a hold id names; null when it names none (not an id this library made). */
export function showtimeOfHold(holdId: string): string | null {
  const dot = holdId.lastIndexOf('.');
  if (dot <= 0 || dot === holdId.length - 1) return null;
  // '|' separates the parts of an owner token; such an id was never handed out.
  return holdId.includes('|') ? null : holdId.slice(0, dot);
}

/**
 * Who occupies a seat: a live hold (H), a PENDING reservation (P), a BOOKED one (B), or nobody because the
 * seat is blocked for this showtime (X, BLOCKED_TOKEN).
 */
export type OwnerKind = 'H' | 'P' | 'B' | 'X';

/** The `seats` hash value of a seat blocked for the showtime (PUT /showtimes/:id/blocked-seats). */
export const BLOCKED_TOKEN = 'X|blocked|';

/** The value of a taken seat in the `seats` hash: `<kind>|<holdId or bookingId>|<userId>`. */
export function ownerToken(kind: OwnerKind, ownerId: string, userId: string): string {
  return `${kind}|${ownerId}|${userId}`;
}

export function parseOwnerToken(token: string): { kind: OwnerKind; ownerId: string; userId: string } {
  const first = token.indexOf('|');
  const second = token.indexOf('|', first + 1);
  return {
    kind: token.slice(0, first) as OwnerKind,
    ownerId: token.slice(first + 1, second),
    userId: token.slice(second + 1),
  };
}

/**
 * The field of a showtime's `holds` hash that closes its sale while its seating changes (SEATING_GATE). Its
 * value has a hold's shape with no seats, so code that walks every hold meets an empty one.
 */
export const SEATING_GATE_FIELD = '!gate';

/**
 * Redis pub/sub channel naming a showtime whose seating (prices, time, layout) seat-service just replaced:
 * seat-service replicas and gateway readers forget the copy they remembered.
 */
export function seatingChangedChannel(prefix: string): string {
  return `${prefix}seating:changed`;
}
