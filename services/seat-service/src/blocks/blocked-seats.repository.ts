import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type SeatDatabase } from '../database';

export interface BlockedSet {
  seatIds: string[];
  reason: string;
}

/** Thrown inside the transaction to undo it; carries the seats that refused the change. */
export class BlockRefused extends Error {
  constructor(readonly seatIds: string[]) {
    super('seats unavailable');
  }
}

/**
 * Seats blocked for one showtime, durably: reservations rows with status BLOCKED (no booking), so the unique
 * index reservations_one_active_per_seat keeps a blocked seat and a reserved one apart; the reason in
 * showtime_blocks.
 */
@Injectable()
export class BlockedSeatsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  async seatIds(showtimeId: string): Promise<string[]> {
    const { rows } = await sql<{ seat_id: string }>`
      SELECT seat_id FROM reservations WHERE showtime_id = ${showtimeId} AND status = 'BLOCKED'`.execute(
      this.db,
    );
    return rows.map((r) => r.seat_id);
  }

  async find(showtimeId: string): Promise<BlockedSet> {
    const [seatIds, head] = await Promise.all([
      this.seatIds(showtimeId),
      this.db
        .selectFrom('showtime_blocks')
        .select('reason')
        .where('showtime_id', '=', showtimeId)
        .executeTakeFirst(),
    ]);
    return { seatIds, reason: seatIds.length > 0 ? (head?.reason ?? '') : '' };
  }

  /**
   * Replaces the showtime's blocked seats in one transaction, with `alsoInRedis` run before the commit (it
   * throws BlockRefused, or anything else, to undo it all). Concurrent replacements of one showtime queue on
   * its row; a seat actively reserved refuses the change (BlockRefused with those seats).
   */
  async replace(
    showtimeId: string,
    seatIds: string[],
    reason: string,
    alsoInRedis: () => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM showtimes WHERE id = ${showtimeId} FOR NO KEY UPDATE`.execute(trx);
      await sql`DELETE FROM reservations WHERE showtime_id = ${showtimeId} AND status = 'BLOCKED'`.execute(
        trx,
      );
      if (seatIds.length > 0) {
        const { rows } = await sql<{ seat_id: string }>`
          INSERT INTO reservations (showtime_id, seat_id, booking_id, hold_id, user_id, status, reserved_until)
          SELECT ${showtimeId}, seat_id, '', '', '', 'BLOCKED', 'infinity'
          FROM unnest(${seatIds}::text[]) AS seat_id
          ON CONFLICT (showtime_id, seat_id) WHERE status IN ('PENDING', 'BOOKED', 'BLOCKED') DO NOTHING
          RETURNING seat_id`.execute(trx);
        const inserted = new Set(rows.map((r) => r.seat_id));
        const reserved = seatIds.filter((id) => !inserted.has(id));
        if (reserved.length > 0) throw new BlockRefused(reserved);
      }
      await sql`
        INSERT INTO showtime_blocks (showtime_id, reason, updated_at)
        VALUES (${showtimeId}, ${reason || null}, now())
        ON CONFLICT (showtime_id) DO UPDATE SET reason = EXCLUDED.reason, updated_at = now()`.execute(trx);
      await alsoInRedis();
    });
  }
}
