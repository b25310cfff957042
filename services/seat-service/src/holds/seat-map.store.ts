import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { ownerToken, seatChangesChannel, seatMapKeys } from '@cinema/contracts';
import { REDIS } from '../redis';
import * as scripts from './seat-scripts';

const HOLD_SCRIPT = { seatHold: scripts.HOLD_SEATS } as const;
const SHOWTIME_SCRIPTS = {
  seatRelease: scripts.RELEASE_HOLD,
  seatSweep: scripts.SWEEP_EXPIRED,
  seatClaimBegin: scripts.CLAIM_BEGIN,
  seatClaimAbort: scripts.CLAIM_ABORT,
  seatApplyReservation: scripts.APPLY_RESERVATION,
  seatRemoveReservation: scripts.REMOVE_RESERVATION,
  seatLoadReservations: scripts.LOAD_RESERVATIONS,
  seatReadStatus: scripts.READ_STATUS,
} as const;
const INDEX_SCRIPTS = {
  seatTouchShowtime: scripts.TOUCH_SHOWTIME,
  seatRescheduleShowtime: scripts.RESCHEDULE_SHOWTIME,
} as const;
type ScriptName = keyof typeof HOLD_SCRIPT | keyof typeof SHOWTIME_SCRIPTS | keyof typeof INDEX_SCRIPTS;
type Arg = string | number;

const DUE_KEY = 'seat:{sweep}:due';
const TOUCH_KEY = 'seat:{sweep}:touch';
/** How long a hold id keeps pointing at its showtime (claims and releases of old holds find "gone"). */
const HOLD_INDEX_TTL_SECONDS = 86_400;

export type HoldOutcome =
  | { kind: 'held'; expiresAtMs: number; version: number; replacedHoldId: string }
  | { kind: 'taken'; seatIds: string[] }
  | { kind: 'not-ready' };

export type ClaimBeginOutcome =
  | { kind: 'ok'; seatIds: string[] }
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
 * All Redis access of the seat map. Each method is one atomic Lua script over one showtime's keys
 * (hash tag `{st:<id>}`, so a Redis Cluster keeps them in one slot); nothing here reads then writes from Node.
 */
@Injectable()
export class SeatMapStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {
    for (const [name, lua] of Object.entries(SHOWTIME_SCRIPTS)) {
      if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 7, lua });
    }
    // The showtime's keys, then the sweeper's due and touch index and the hold id's index key.
    if (!('seatHold' in redis))
      redis.defineCommand('seatHold', { numberOfKeys: 10, lua: HOLD_SCRIPT.seatHold });
    for (const [name, lua] of Object.entries(INDEX_SCRIPTS)) {
      if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 2, lua });
    }
  }

  // The order is the scripts' KEYS[1..7].
  private static keys(showtimeId: string): string[] {
    const k = seatMapKeys(showtimeId);
    return [k.seats, k.holds, k.exp, k.users, k.version, k.ready, k.dirty];
  }

  private run<T>(name: keyof typeof SHOWTIME_SCRIPTS, showtimeId: string, args: Arg[]): Promise<T> {
    return call<T>(this.redis, name, [
      ...SeatMapStore.keys(showtimeId),
      showtimeId,
      seatChangesChannel(showtimeId),
      ...args,
    ]);
  }

  async hold(
    showtimeId: string,
    userId: string,
    holdId: string,
    ttlMs: number,
    seatIds: string[],
  ): Promise<HoldOutcome> {
    const [status, ...rest] = await call<string[]>(this.redis, 'seatHold', [
      ...SeatMapStore.keys(showtimeId),
      DUE_KEY,
      TOUCH_KEY,
      holdIndexKey(holdId),
      showtimeId,
      seatChangesChannel(showtimeId),
      userId,
      holdId,
      ttlMs,
      HOLD_INDEX_TTL_SECONDS + Math.ceil(ttlMs / 1000),
      ...seatIds,
    ]);
    if (status === 'NOT_READY') return { kind: 'not-ready' };
    if (status === 'TAKEN') return { kind: 'taken', seatIds: rest };
    const expiresAtMs = Number(rest[0]);
    return { kind: 'held', expiresAtMs, version: Number(rest[1]), replacedHoldId: rest[2] ?? '' };
  }

  /** The showtime a hold id belongs to, or null when unknown (never existed, or long gone). */
  async showtimeOfHold(holdId: string): Promise<string | null> {
    if (!holdId) return null;
    return this.redis.get(holdIndexKey(holdId));
  }

  async releaseHold(
    showtimeId: string,
    holdId: string,
    userId: string,
  ): Promise<{ kind: 'released'; seatIds: string[] } | { kind: 'gone' } | { kind: 'not-owner' }> {
    const [status, ...seatIds] = await this.run<string[]>('seatRelease', showtimeId, [holdId, userId]);
    if (status === 'NOT_OWNER') return { kind: 'not-owner' };
    if (status === 'GONE') return { kind: 'gone' };
    return { kind: 'released', seatIds };
  }

  async claimBegin(
    showtimeId: string,
    holdId: string,
    userId: string,
    bookingId: string,
    graceMs: number,
  ): Promise<ClaimBeginOutcome> {
    const [status, ...rest] = await this.run<string[]>('seatClaimBegin', showtimeId, [
      holdId,
      userId,
      bookingId,
      graceMs,
    ]);
    if (status === 'OK') return { kind: 'ok', seatIds: rest };
    if (status === 'CLAIMED') return { kind: 'claimed', bookingId: rest[0] ?? '' };
    if (status === 'EXPIRED') return { kind: 'expired' };
    return { kind: 'gone' };
  }

  async claimAbort(showtimeId: string, holdId: string, bookingId: string): Promise<void> {
    await this.run('seatClaimAbort', showtimeId, [holdId, bookingId]);
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

  async dirtyCounter(showtimeId: string): Promise<string> {
    return (await this.redis.get(SeatMapStore.keys(showtimeId)[6])) ?? '0';
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

  async readStatus(showtimeId: string): Promise<SeatMapSnapshot> {
    const [ready, version, ...pairs] = await this.run<string[]>('seatReadStatus', showtimeId, []);
    const owners = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) owners.set(pairs[i], pairs[i + 1]);
    return { ready: ready === '1', version: Number(version), owners };
  }

  /** Frees the showtime's expired holds; returns how many and the next deadline (ms) if any hold is left. */
  async sweepShowtime(
    showtimeId: string,
    limit: number,
  ): Promise<{ expired: number; nextMs: string; unfinishedClaims: string[] }> {
    const [count, next, ...unfinishedClaims] = await this.run<string[]>('seatSweep', showtimeId, [limit]);
    return { expired: Number(count), nextMs: next ?? '', unfinishedClaims };
  }

  dueShowtimes(nowMs: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(DUE_KEY, '-inf', nowMs, 'LIMIT', 0, limit);
  }

  async touchCounter(showtimeId: string): Promise<string> {
    return (await this.redis.hget(TOUCH_KEY, showtimeId)) ?? '0';
  }

  async reschedule(showtimeId: string, touched: string, nextMs: string): Promise<void> {
    await call(this.redis, 'seatRescheduleShowtime', [DUE_KEY, TOUCH_KEY, showtimeId, touched, nextMs]);
  }
}

function holdIndexKey(holdId: string): string {
  return `seat:hold:${holdId}`;
}

function call<T>(target: Redis, name: ScriptName, args: Arg[]): Promise<T> {
  const fn = (target as unknown as Record<string, (...a: Arg[]) => Promise<T>>)[name];
  return fn.apply(target, args);
}
