/**
 * The live seat map that seat-service keeps in Redis and the gateway reads directly (one round trip per
 * status read). All keys of a showtime share the hash tag `{st:<id>}`, so a Redis Cluster keeps them in one slot.
 */
export function seatMapKeys(showtimeId: string) {
  const p = `seat:{st:${showtimeId}}:`;
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
