/**
 * The live seat map that seat-service keeps in Redis and the gateway reads directly (one round trip per
 * status read). All keys of a showtime share the hash tag `{st:<id>}`, so a Redis Cluster keeps them in one slot.
 * Every name starts with the deployment's key prefix (REDIS_KEY_PREFIX: empty by default, one of its own for
 * each test system), which must not contain `{`: the hash tag has to stay the key's first.
 */
export function seatMapKeys(prefix: string, showtimeId: string) {
  const p = `${prefix}seat:{st:${showtimeId}}:`;
  return {
    /** hash seatId -> owner token, for every seat that is not free */
    seats: `${p}seats`,
    holds: `${p}holds`,
    exp: `${p}exp`,
    users: `${p}users`,
    /** the change version, the one the SSE stream carries */
    version: `${p}ver`,
    /** present once the map was loaded from PostgreSQL; without it readers must ask seat-service */
    ready: `${p}ready`,
    dirty: `${p}dirty`,
  };
}

/** The sweeper's indexes over all showtimes: due (showtimes by earliest hold deadline) and touch counters. */
export function seatSweepKeys(prefix: string) {
  return { due: `${prefix}seat:{sweep}:due`, touch: `${prefix}seat:{sweep}:touch` };
}

/** A hold id's pointer to its showtime. */
export function holdIndexKey(prefix: string, holdId: string): string {
  return `${prefix}seat:hold:${holdId}`;
}

/** Who occupies a seat: a live hold (H), a PENDING reservation (P) or a BOOKED one (B). */
export type OwnerKind = 'H' | 'P' | 'B';

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
