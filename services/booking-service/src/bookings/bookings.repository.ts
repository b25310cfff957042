import { Inject, Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import { sql, type Kysely, type Transaction } from '@cinema/database';
import type { BookingStatus, PaymentStatus } from '@cinema/contracts';
import { enqueueEvent } from '@cinema/messaging';
import { DB, type BookingDatabase } from '../database';
import { toSnapshot, type BookingItemRow, type BookingRecord, type BookingRow } from './bookings.mapper';

type Db = Kysely<BookingDatabase> | Transaction<BookingDatabase>;

/** A payment status never moves back: PROCESSING < SUCCEEDED|FAILED < REFUNDED. */
const paymentRank = (column: string) =>
  sql`(CASE ${sql.ref(column)} WHEN 'PROCESSING' THEN 0 WHEN 'REFUNDED' THEN 2 ELSE 1 END)`;

export type NewBooking = Omit<Insertable<BookingDatabase['bookings']>, 'status'>;
export type EndStatus = Extract<BookingStatus, 'EXPIRED' | 'FAILED' | 'CANCELLED'>;

@Injectable()
export class BookingsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<BookingDatabase>) {}

  async find(id: string, userId?: string): Promise<BookingRecord | undefined> {
    let query = this.db.selectFrom('bookings').selectAll().where('id', '=', id);
    if (userId) query = query.where('user_id', '=', userId);
    const booking = await query.executeTakeFirst();
    return booking ? this.complete(this.db, booking) : undefined;
  }

  async findByHold(holdId: string): Promise<BookingRecord | undefined> {
    const booking = await this.db
      .selectFrom('bookings')
      .selectAll()
      .where('hold_id', '=', holdId)
      .executeTakeFirst();
    return booking ? this.complete(this.db, booking) : undefined;
  }

  async listByUser(
    userId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: BookingRecord[]; total: number }> {
    const { total } = await this.db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('bookings')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    if (rows.length === 0) return { items: [], total: Number(total) };
    const ids = rows.map((r) => r.id);
    const items = await this.db
      .selectFrom('booking_items')
      .selectAll()
      .where('booking_id', 'in', ids)
      .orderBy(sql`length(label)`)
      .orderBy('label')
      .execute();
    const payments = await this.db
      .selectFrom('booking_payments')
      .selectAll()
      .distinctOn('booking_id')
      .where('booking_id', 'in', ids)
      .orderBy('booking_id')
      .orderBy('created_at', 'desc')
      .execute();
    return {
      total: Number(total),
      items: rows.map((booking) => ({
        booking,
        items: items.filter((i) => i.booking_id === booking.id),
        payment: payments.find((p) => p.booking_id === booking.id),
      })),
    };
  }

  /**
   * Inserts a PENDING booking, its seats and `booking.created` in one transaction. Returns undefined when a
   * booking for the same hold already exists (unique hold_id).
   */
  async insertPending(row: NewBooking, items: Omit<BookingItemRow, 'booking_id'>[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('bookings')
        .values({ ...row, status: 'PENDING' })
        .onConflict((oc) => oc.column('hold_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) return false;
      await trx
        .insertInto('booking_items')
        .values(items.map((i) => ({ ...i, booking_id: inserted.id })))
        .execute();
      await enqueueEvent(trx, 'booking.created', {
        bookingId: inserted.id,
        userId: inserted.user_id,
        showtimeId: inserted.showtime_id,
        expiresAt: inserted.expires_at.toISOString(),
        totalAmount: inserted.total_amount,
        currency: inserted.currency,
      });
      return true;
    });
  }

  /** PENDING -> CONFIRMED with its payment marked SUCCEEDED and `booking.confirmed`; false if not PENDING. */
  async confirm(bookingId: string, paymentId: string, ticketCode: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const booking = await trx
        .updateTable('bookings')
        .set({
          status: 'CONFIRMED',
          confirmed_at: sql<Date>`now()`,
          ticket_code: ticketCode,
          confirmed_payment_id: paymentId,
        })
        .where('id', '=', bookingId)
        .where('status', '=', 'PENDING')
        .returningAll()
        .executeTakeFirst();
      if (!booking) return false;
      await this.upsertPayment(trx, bookingId, paymentId, 'SUCCEEDED', null);
      await enqueueEvent(trx, 'booking.confirmed', toSnapshot(booking, await this.items(trx, bookingId)));
      return true;
    });
  }

  /** PENDING -> EXPIRED|FAILED|CANCELLED with its event; false if the booking was not PENDING. */
  async endPending(bookingId: string, status: EndStatus, userId?: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('bookings')
        .set({ status, ended_at: sql<Date>`now()` })
        .where('id', '=', bookingId)
        .where('status', '=', 'PENDING');
      if (userId) update = update.where('user_id', '=', userId);
      const booking = await update.returningAll().executeTakeFirst();
      if (!booking) return false;
      const snapshot = toSnapshot(booking, await this.items(trx, bookingId));
      if (status === 'EXPIRED') await enqueueEvent(trx, 'booking.expired', snapshot);
      if (status === 'CANCELLED')
        await enqueueEvent(trx, 'booking.cancelled', { ...snapshot, refundAmount: 0 });
      // FAILED has no event of its own: the refund that always follows it emits booking.refunded.
      return true;
    });
  }

  /**
   * CONFIRMED -> CANCELLED while the showtime has not started; `booking.cancelled` carries the refund the
   * saga then requests. False if the booking is not CONFIRMED or its showtime has started.
   */
  async cancelConfirmed(bookingId: string, userId: string | undefined): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('bookings')
        .set({ status: 'CANCELLED', ended_at: sql<Date>`now()` })
        .where('id', '=', bookingId)
        .where('status', '=', 'CONFIRMED')
        .where('starts_at', '>', sql<Date>`now()`);
      if (userId) update = update.where('user_id', '=', userId);
      const booking = await update.returningAll().executeTakeFirst();
      if (!booking) return false;
      const snapshot = toSnapshot(booking, await this.items(trx, bookingId));
      await enqueueEvent(trx, 'booking.cancelled', { ...snapshot, refundAmount: booking.total_amount });
      return true;
    });
  }

  /**
   * Records a payment attempt's status, never moving it backwards (a late PROCESSING cannot overwrite
   * SUCCEEDED). The first time a payment becomes REFUNDED, `booking.refunded` is written with it.
   */
  async recordPayment(
    bookingId: string,
    paymentId: string,
    status: PaymentStatus,
    failureCode: string | null,
    reason: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const changed = await this.upsertPayment(trx, bookingId, paymentId, status, failureCode);
      if (changed !== 'REFUNDED') return;
      const booking = await trx
        .selectFrom('bookings')
        .selectAll()
        .where('id', '=', bookingId)
        .executeTakeFirstOrThrow();
      await enqueueEvent(trx, 'booking.refunded', {
        ...toSnapshot(booking, await this.items(trx, bookingId)),
        refundAmount: booking.total_amount,
        reason,
      });
    });
  }

  async hasPaymentWithStatus(bookingId: string, status: PaymentStatus): Promise<boolean> {
    const row = await this.db
      .selectFrom('booking_payments')
      .select('payment_id')
      .where('booking_id', '=', bookingId)
      .where('status', '=', status)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Returns the new status when the row was inserted or moved forward, undefined when nothing changed. */
  private async upsertPayment(
    trx: Db,
    bookingId: string,
    paymentId: string,
    status: PaymentStatus,
    failureCode: string | null,
  ): Promise<PaymentStatus | undefined> {
    const row = await trx
      .insertInto('booking_payments')
      .values({ payment_id: paymentId, booking_id: bookingId, status, failure_code: failureCode })
      .onConflict((oc) =>
        oc
          .column('payment_id')
          .doUpdateSet({
            status: (eb) => eb.ref('excluded.status'),
            failure_code: (eb) => eb.ref('excluded.failure_code'),
            updated_at: sql<Date>`clock_timestamp()`,
          })
          .where(
            sql<boolean>`booking_payments.booking_id = excluded.booking_id AND ${paymentRank('booking_payments.status')} < ${paymentRank('excluded.status')}`,
          ),
      )
      .returning('status')
      .executeTakeFirst();
    return row?.status;
  }

  private async items(db: Db, bookingId: string): Promise<BookingItemRow[]> {
    return db
      .selectFrom('booking_items')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .orderBy(sql`length(label)`)
      .orderBy('label')
      .execute();
  }

  private async complete(db: Db, booking: BookingRow): Promise<BookingRecord> {
    const [items, payment] = await Promise.all([
      this.items(db, booking.id),
      db
        .selectFrom('booking_payments')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { booking, items, payment };
  }
}
