import {
  BLOCKED_TOKEN,
  ownerToken,
  seatChangesChannel,
  seatDueKey,
  seatMapKeyList,
  seatMapKeys,
  showtimeOfHold,
} from './keys';
import { seatMapMasters, type SeatMapRedis } from './redis';
import * as scripts from './scripts';

/** Scripts over one showtime's keys (KEYS = seatMapKeyList; ARGV starts with showtime and channel). */
const SHOWTIME_SCRIPTS = {
  seatHold: scripts.HOLD_SEATS,
  seatRelease: scripts.RELEASE_HOLD,
  seatClaimBegin: scripts.CLAIM_BEGIN,
  seatClaimAbort: scripts.CLAIM_ABORT,
  seatApplyReservation: scripts.APPLY_RESERVATION,
  seatRemoveReservation: scripts.REMOVE_RESERVATION,
  seatLoadReservations: scripts.LOAD_RESERVATIONS,
  seatReadStatus: scripts.READ_STATUS,
  seatSweep: scripts.SWEEP_EXPIRED,
  seatSetBlocked: scripts.SET_BLOCKED,
  seatClose: scripts.CLOSE_SHOWTIME,
  seatSeatingGate: scripts.SEATING_GATE,
  seatSeatingUngate: scripts.SEATING_UNGATE,
} as const;
/** Scripts over the sweeper's due index alone. */
const DUE_SCRIPTS = { seatDueWithin: scripts.DUE_WITHIN, seatDueShowtimes: scripts.DUE_SHOWTIMES } as const;
/**
 * How much later than a hold's deadline the due index may name its showtime while the hold is being made
 * (the hold's own deadline replaces it right after).
 */
const DUE_SLACK_MS = 1_000;
type ShowtimeScript = keyof typeof SHOWTIME_SCRIPTS;
type Arg = string | number;

export type HoldOutcome =
  | { kind: 'held'; expiresAtMs: number; version: number; replacedHoldId: string }
  | { kind: 'taken'; seatIds: string[] }
  | { kind: 'companion-alone'; seatIds: string[] }
  | { kind: 'not-ready' }
  | { kind: 'changing' };

export type SetBlockedOutcome =
  { kind: 'set'; version: number } | { kind: 'taken'; seatIds: string[] } | { kind: 'not-ready' };

/** A companion seat of a hold and the accessible seat it belongs to. */
export interface CompanionPair {
  companion: string;
  accessible: string;
}

export type ClaimBeginOutcome =
  | { kind: 'ok'; showtimeId: string; seatIds: string[] }
  | { kind: 'gone' }
  | { kind: 'expired' }
  | { kind: 'claimed'; bookingId: string };

export interface SeatMapSnapshot {
  ready: boolean;
  version: number;
  /** seatId -> owner token of every seat that is not free. */
  owners: Map<string, string>;
}

/**
 * All writes of the seat map, and seat-service's reads. Every decision is one atomic Lua script over one
 * showtime's keys (hash tag `{st:<id>}`); nothing here reads then writes from Node. Only the sweeper's due
 * index, a key of its own, is kept beside them in separate steps (see seatDueKey for what it promises).
 */
export class SeatMap {
  private readonly due: string;

  constructor(
    private readonly redis: SeatMapRedis,
    /** REDIS_KEY_PREFIX: every key and channel of the seat map starts with it. */
    private readonly prefix: string,
  ) {
    this.due = seatDueKey(prefix);
    const define = (set: Record<string, string>, numberOfKeys: number) => {
      for (const [name, lua] of Object.entries(set))
        if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
    };
    define(SHOWTIME_SCRIPTS, scripts.SHOWTIME_KEY_COUNT);
    define(DUE_SCRIPTS, 1);
  }

  private run<T>(name: ShowtimeScript, showtimeId: string, args: Arg[]): Promise<T> {
    return call<T>(this.redis, name, [
      ...seatMapKeyList(this.prefix, showtimeId),
      showtimeId,
      seatChangesChannel(this.prefix, showtimeId),
      ...args,
    ]);
  }

  /** Moves the showtime on the due index to `atMs` (Redis clock) unless it is there earlier already. */
  private async dueAt(showtimeId: string, atMs: number): Promise<void> {
    await this.redis.zadd(this.due, 'LT', atMs, showtimeId);
  }

  /**
   * Holds the seats under `holdId` (newHoldId(showtimeId)). The due index learns of the showtime before the
   * hold exists (at most DUE_SLACK_MS after the hold's deadline: a maker that stops right after its hold
   * still leaves it known), and of the hold's own deadline after: a sweep that reset the index in between
   * cannot leave it unknown. `companions`: the requested companion seats with their accessible seats.
   */
  async hold(
    showtimeId: string,
    userId: string,
    holdId: string,
    ttlMs: number,
    seatIds: string[],
    companions: CompanionPair[] = [],
  ): Promise<HoldOutcome> {
    if (showtimeOfHold(holdId) !== showtimeId) throw new Error('the hold id must name its showtime');
    // Sent together, one round trip: the due index's entry is on its way before the hold can exist, so a
    // maker that stops once the hold is made has already sent it.
    const [, [status, ...rest]] = await Promise.all([
      call(this.redis, 'seatDueWithin', [this.due, showtimeId, ttlMs + DUE_SLACK_MS]),
      this.run<string[]>('seatHold', showtimeId, [
        userId,
        holdId,
        ttlMs,
        companions.length,
        ...companions.flatMap((p) => [p.companion, p.accessible]),
        ...seatIds,
      ]),
    ]);
    if (status === 'NOT_READY') return { kind: 'not-ready' };
    if (status === 'CHANGING') return { kind: 'changing' };
    if (status === 'TAKEN') return { kind: 'taken', seatIds: rest };
    if (status === 'COMPANION_ALONE') return { kind: 'companion-alone', seatIds: rest };
    const expiresAtMs = Number(rest[0]);
    await this.dueAt(showtimeId, expiresAtMs);
    return { kind: 'held', expiresAtMs, version: Number(rest[1]), replacedHoldId: rest[2] ?? '' };
  }

  async releaseHold(
    holdId: string,
    userId: string,
  ): Promise<{ kind: 'released'; seatIds: string[] } | { kind: 'gone' } | { kind: 'not-owner' }> {
    const showtimeId = showtimeOfHold(holdId);
    if (!showtimeId) return { kind: 'gone' };
    const [status, ...seatIds] = await this.run<string[]>('seatRelease', showtimeId, [holdId, userId]);
    if (status === 'NOT_OWNER') return { kind: 'not-owner' };
    if (status === 'GONE') return { kind: 'gone' };
    return { kind: 'released', seatIds };
  }

  /** First step of a claim; the hold id says which showtime (unknown or long gone: 'gone'). */
  async claimBegin(
    holdId: string,
    userId: string,
    bookingId: string,
    graceMs: number,
  ): Promise<ClaimBeginOutcome> {
    const showtimeId = showtimeOfHold(holdId);
    if (!showtimeId) return { kind: 'gone' };
    const [status, ...rest] = await this.run<string[]>('seatClaimBegin', showtimeId, [
      holdId,
      userId,
      bookingId,
      graceMs,
    ]);
    if (status === 'OK') return { kind: 'ok', showtimeId, seatIds: rest };
    if (status === 'CLAIMED') return { kind: 'claimed', bookingId: rest[0] ?? '' };
    if (status === 'EXPIRED') return { kind: 'expired' };
    return { kind: 'gone' };
  }

  /** Undoes claimBegin: the hold is due at its own deadline again, on the due index too. */
  async claimAbort(showtimeId: string, holdId: string, bookingId: string): Promise<void> {
    const deadline = await this.run<string>('seatClaimAbort', showtimeId, [holdId, bookingId]);
    if (deadline) await this.dueAt(showtimeId, Number(deadline));
  }

  /** Marks seats as PENDING/BOOKED for a booking (dropping the hold it came from, if any). */
  async applyReservation(
    showtimeId: string,
    holdId: string,
    kind: 'P' | 'B',
    bookingId: string,
    userId: string,
    seatIds: string[],
  ): Promise<void> {
    if (seatIds.length === 0 && !holdId) return;
    await this.run('seatApplyReservation', showtimeId, [
      holdId,
      ownerToken(kind, bookingId, userId),
      ...seatIds,
    ]);
  }

  async removeReservation(showtimeId: string, bookingId: string, seatIds: string[]): Promise<void> {
    if (seatIds.length === 0) return;
    await this.run('seatRemoveReservation', showtimeId, [bookingId, ...seatIds]);
  }

  /**
   * Makes `seatIds` the showtime's whole set of blocked seats (lifting the others), unless one of them is
   * held or reserved: then nothing changes.
   */
  async setBlocked(showtimeId: string, seatIds: string[]): Promise<SetBlockedOutcome> {
    const [status, ...rest] = await this.run<string[]>('seatSetBlocked', showtimeId, [
      BLOCKED_TOKEN,
      ...seatIds,
    ]);
    if (status === 'NOT_READY') return { kind: 'not-ready' };
    if (status === 'TAKEN') return { kind: 'taken', seatIds: rest };
    return { kind: 'set', version: Number(rest[0]) };
  }

  /**
   * Drops the showtime's "loaded" marker: the next use rebuilds its reservations and blocked seats from
   * PostgreSQL (after a change Redis took and PostgreSQL may not have).
   */
  async forgetLoaded(showtimeId: string): Promise<void> {
    await this.redis.del(seatMapKeys(this.prefix, showtimeId).ready);
  }

  /** Closes the showtime's sale while its seating changes (SEATING_GATE). */
  async closeForChange(
    showtimeId: string,
    token: string,
    ttlMs: number,
  ): Promise<'OK' | 'SALES' | 'BUSY' | 'NOT_READY'> {
    return this.run('seatSeatingGate', showtimeId, [token, ttlMs]);
  }

  /** Reopens the sale closed with this token; `changed`: the seating did change (SEATING_UNGATE). */
  async reopenAfterChange(showtimeId: string, token: string, changed: boolean): Promise<boolean> {
    return (await this.run<string>('seatSeatingUngate', showtimeId, [token, changed ? '1' : '0'])) === 'OK';
  }

  async dirtyCounter(showtimeId: string): Promise<string> {
    return (await this.redis.get(seatMapKeys(this.prefix, showtimeId).dirty)) ?? '0';
  }

  /** Returns false when reservations changed since `dirty` was read: read PostgreSQL again and retry. */
  async loadReservations(
    showtimeId: string,
    dirty: string,
    owners: { seatId: string; token: string }[],
  ): Promise<boolean> {
    const args: string[] = [dirty];
    for (const o of owners) args.push(o.seatId, o.token);
    return (await this.run<string>('seatLoadReservations', showtimeId, args)) === 'OK';
  }

  /** CLOSE_SHOWTIME: the map stops taking holds and its live holds are released; returns the seats freed. */
  async close(showtimeId: string): Promise<string[]> {
    return this.run<string[]>('seatClose', showtimeId, []);
  }

  async readStatus(showtimeId: string): Promise<SeatMapSnapshot> {
    const [ready, version, ...pairs] = await this.run<string[]>('seatReadStatus', showtimeId, []);
    const owners = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) owners.set(pairs[i], pairs[i + 1]);
    return { ready: ready === '1', version: Number(version), owners };
  }

  /**
   * Frees the showtime's expired holds and moves it on the due index; returns how many, the ms until its
   * next deadline (null: no hold left) and the bookings whose claim never finished.
   * The index is set from the sweep, then checked against the showtime's deadlines once more: a hold made
   * meanwhile either is seen by that check or writes its deadline after it.
   */
  async sweepShowtime(
    showtimeId: string,
    limit: number,
  ): Promise<{ expired: number; nextInMs: number | null; unfinishedClaims: string[] }> {
    const [count, nextIn, nextAt, ...unfinishedClaims] = await this.run<string[]>('seatSweep', showtimeId, [
      limit,
    ]);
    if (nextAt) await this.redis.zadd(this.due, Number(nextAt), showtimeId);
    else await this.redis.zrem(this.due, showtimeId);
    const [, earliest] = await this.redis.zrange(
      seatMapKeys(this.prefix, showtimeId).exp,
      0,
      0,
      'WITHSCORES',
    );
    if (earliest !== undefined && (!nextAt || Number(earliest) < Number(nextAt)))
      await this.dueAt(showtimeId, Number(earliest));
    return { expired: Number(count), nextInMs: nextIn ? Number(nextIn) : null, unfinishedClaims };
  }

  /**
   * Puts every showtime that has holds on the due index at its earliest deadline; returns how many. The
   * index is one key, which can be lost alone (a Redis Cluster master lost with its replicas) while the
   * showtimes' keys survive on other masters: the sweeper calls this now and then, so such holds still end.
   */
  async registerAllShowtimes(): Promise<number> {
    const [head, tail] = seatMapKeys(this.prefix, '\u0000').exp.split('\u0000');
    const match = `${head.replace(/[*?[\]\\]/g, '\\$&')}*${tail}`;
    const masters = seatMapMasters(this.redis);
    // A cluster client knows its masters once it has read the slots: none yet is no answer, not "no holds".
    if (masters.length === 0) throw new Error('the Redis Cluster is not reachable yet');
    let found = 0;
    for (const node of masters) {
      for await (const keys of node.scanStream({ match, count: 500 }) as AsyncIterable<string[]>) {
        for (const key of keys) {
          const [, earliest] = await this.redis.zrange(key, 0, 0, 'WITHSCORES');
          if (earliest === undefined) continue;
          await this.dueAt(key.slice(head.length, key.length - tail.length), Number(earliest));
          found++;
        }
      }
    }
    return found;
  }

  /** Showtimes to sweep now, and the ms until the earliest one not due yet (null: none). */
  async dueShowtimes(limit: number): Promise<{ showtimeIds: string[]; nextInMs: number | null }> {
    const [next, ...showtimeIds] = await call<string[]>(this.redis, 'seatDueShowtimes', [this.due, limit]);
    return { showtimeIds, nextInMs: next ? Number(next) : null };
  }
}

function call<T>(target: SeatMapRedis, name: string, args: Arg[]): Promise<T> {
  const fn = (target as unknown as Record<string, (...a: Arg[]) => Promise<T>>)[name];
  return fn.apply(target, args);
}
