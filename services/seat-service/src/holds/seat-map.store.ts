import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { holdIndexKey, ownerToken, seatChangesChannel, seatMapKeys, seatSweepKeys } from '@cinema/contracts';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import { REDIS } from '../redis';
import * as scripts from './seat-scripts';

const HOLD_SCRIPT = { seatHold: scripts.HOLD_SEATS } as const;
const SHOWTIME_SCRIPTS = {
  seatApplyReservation: scripts.APPLY_RESERVATION,
  seatRemoveReservation: scripts.REMOVE_RESERVATION,
  seatLoadReservations: scripts.LOAD_RESERVATIONS,
  seatReadStatus: scripts.READ_STATUS,
} as const;
/** The showtime's keys, then the sweeper's due index. */
const DUE_SCRIPTS = {
  seatSweep: scripts.SWEEP_EXPIRED,
  seatClaimAbort: scripts.CLAIM_ABORT,
} as const;
/** The hold index key: these find the showtime themselves, under the key prefix they are written for. */
const HOLD_ID_SCRIPTS = {
  seatRelease: scripts.releaseHoldScript,
  seatClaimBegin: scripts.claimBeginScript,
} as const;
type ScriptName =
  | keyof typeof HOLD_SCRIPT
  | keyof typeof SHOWTIME_SCRIPTS
  | keyof typeof DUE_SCRIPTS
  | keyof typeof HOLD_ID_SCRIPTS
  | 'seatDueShowtimes';
type Arg = string | number;

/** How long a hold id keeps pointing at its showtime (claims and releases of old holds find "gone"). */
const HOLD_INDEX_TTL_SECONDS = 86_400;

export type HoldOutcome =
  | { kind: 'held'; expiresAtMs: number; version: number; replacedHoldId: string }
  | { kind: 'taken'; seatIds: string[] }
  | { kind: 'not-ready' };

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
 * All Redis access of the seat map. Each method is one atomic Lua script over one showtime's keys
 * (hash tag `{st:<id>}`, so a Redis Cluster keeps them in one slot); nothing here reads then writes from Node.
 */
@Injectable()
export class SeatMapStore {
  /** REDIS_KEY_PREFIX: every key and channel of the seat map starts with it. */
  private readonly prefix: string;
  private readonly sweep: { due: string; touch: string };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SEAT_CONFIG) config: SeatConfig,
  ) {
    this.prefix = config.redis.keyPrefix;
    this.sweep = seatSweepKeys(this.prefix);
    const define = (scriptSet: Record<string, string>, numberOfKeys: number) => {
      for (const [name, lua] of Object.entries(scriptSet))
        if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
    };
    define(SHOWTIME_SCRIPTS, 7);
    define(DUE_SCRIPTS, 8);
    define(
      Object.fromEntries(Object.entries(HOLD_ID_SCRIPTS).map(([name, lua]) => [name, lua(this.prefix)])),
      1,
    );
    // The showtime's keys, then the sweeper's due and touch index and the hold id's index key.
    define(HOLD_SCRIPT, 10);
    define({ seatDueShowtimes: scripts.DUE_SHOWTIMES }, 1);
  }

  // The order is the scripts' KEYS[1..7].
  private keys(showtimeId: string): string[] {
    const k = seatMapKeys(this.prefix, showtimeId);
    return [k.seats, k.holds, k.exp, k.users, k.version, k.ready, k.dirty];
  }

  private channel(showtimeId: string): string {
    return seatChangesChannel(this.prefix, showtimeId);
  }

  private run<T>(name: keyof typeof SHOWTIME_SCRIPTS, showtimeId: string, args: Arg[]): Promise<T> {
    return call<T>(this.redis, name, [
      ...this.keys(showtimeId),
      showtimeId,
      this.channel(showtimeId),
      ...args,
    ]);
  }

  private runWithDue<T>(name: keyof typeof DUE_SCRIPTS, showtimeId: string, args: Arg[]): Promise<T> {
    return call<T>(this.redis, name, [
      ...this.keys(showtimeId),
      this.sweep.due,
      showtimeId,
      this.channel(showtimeId),
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
      ...this.keys(showtimeId),
      this.sweep.due,
      this.sweep.touch,
      holdIndexKey(this.prefix, holdId),
      showtimeId,
      this.channel(showtimeId),
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

  async releaseHold(
    holdId: string,
    userId: string,
  ): Promise<{ kind: 'released'; seatIds: string[] } | { kind: 'gone' } | { kind: 'not-owner' }> {
    if (!holdId) return { kind: 'gone' };
    const [status, ...seatIds] = await call<string[]>(this.redis, 'seatRelease', [
      holdIndexKey(this.prefix, holdId),
      holdId,
      userId,
    ]);
    if (status === 'NOT_OWNER') return { kind: 'not-owner' };
    if (status === 'GONE') return { kind: 'gone' };
    return { kind: 'released', seatIds };
  }

  /** First step of a claim; the hold id alone says which showtime (unknown or long gone: 'gone'). */
  async claimBegin(
    holdId: string,
    userId: string,
    bookingId: string,
    graceMs: number,
  ): Promise<ClaimBeginOutcome> {
    if (!holdId) return { kind: 'gone' };
    const [status, ...rest] = await call<string[]>(this.redis, 'seatClaimBegin', [
      holdIndexKey(this.prefix, holdId),
      holdId,
      userId,
      bookingId,
      graceMs,
    ]);
    if (status === 'OK') return { kind: 'ok', showtimeId: rest[0], seatIds: rest.slice(1) };
    if (status === 'CLAIMED') return { kind: 'claimed', bookingId: rest[0] ?? '' };
    if (status === 'EXPIRED') return { kind: 'expired' };
    return { kind: 'gone' };
  }

  async claimAbort(showtimeId: string, holdId: string, bookingId: string): Promise<void> {
    await this.runWithDue('seatClaimAbort', showtimeId, [holdId, bookingId]);
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
    return (await this.redis.get(this.keys(showtimeId)[6])) ?? '0';
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

  /**
   * Frees the showtime's expired holds and moves it on the due index; returns how many, the ms until its
   * next deadline (null: no hold left) and the bookings whose claim never finished.
   */
  async sweepShowtime(
    showtimeId: string,
    limit: number,
  ): Promise<{ expired: number; nextInMs: number | null; unfinishedClaims: string[] }> {
    const [count, next, ...unfinishedClaims] = await this.runWithDue<string[]>('seatSweep', showtimeId, [
      limit,
    ]);
    return { expired: Number(count), nextInMs: next ? Number(next) : null, unfinishedClaims };
  }

  /** Showtimes with a hold past its deadline, and the ms until the earliest one not due yet (null: none). */
  async dueShowtimes(limit: number): Promise<{ showtimeIds: string[]; nextInMs: number | null }> {
    const [next, ...showtimeIds] = await call<string[]>(this.redis, 'seatDueShowtimes', [
      this.sweep.due,
      limit,
    ]);
    return { showtimeIds, nextInMs: next ? Number(next) : null };
  }
}

function call<T>(target: Redis, name: ScriptName, args: Arg[]): Promise<T> {
  const fn = (target as unknown as Record<string, (...a: Arg[]) => Promise<T>>)[name];
  return fn.apply(target, args);
}
