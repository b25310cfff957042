import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type SeatDatabase } from '../database';

/** The showtimes seat-service no longer sells (cancelled): the durable side of closing one. */
@Injectable()
export class ClosedShowtimesRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  async close(showtimeId: string): Promise<void> {
    await sql`INSERT INTO closed_showtimes (showtime_id) VALUES (${showtimeId}) ON CONFLICT DO NOTHING`.execute(
      this.db,
    );
  }

  async isClosed(showtimeId: string): Promise<boolean> {
    const { rows } = await sql`SELECT 1 FROM closed_showtimes WHERE showtime_id = ${showtimeId}`.execute(
      this.db,
    );
    return rows.length > 0;
  }
}
