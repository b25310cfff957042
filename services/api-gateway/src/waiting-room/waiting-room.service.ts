import { DomainError } from '@cinema/contracts';
import type { WaitingRoomTokens } from './admission-token';
import type { SaleSettings, SaleSettingsCache } from './sale-settings.cache';
import type { QueueEntry, WaitingRoomStore } from './waiting-room.store';
import type { WaitingRoomState } from './waiting-room.responses';

export interface WaitingRoomView {
  showtimeId: string;
  state: WaitingRoomState;
  position?: number;
  estimatedWaitSeconds?: number;
  onSaleAt?: string;
  admissionsPerMinute?: number;
  admission?: { token: string; expiresAt: string };
  streamTicket?: string;
}

/** Joining, polling and streaming a showtime's waiting room: the rules between the API and the queue. */
export class WaitingRoomService {
  constructor(
    private readonly settings: SaleSettingsCache,
    private readonly store: WaitingRoomStore,
    private readonly tokens: WaitingRoomTokens,
    private readonly streamTicketMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  join(userId: string, showtimeId: string): Promise<WaitingRoomView> {
    return this.answer(userId, showtimeId, true);
  }

  status(userId: string, showtimeId: string): Promise<WaitingRoomView> {
    return this.answer(userId, showtimeId, false);
  }

  /** The customer a stream ticket was issued to, if it is a valid ticket for this showtime. */
  streamUser(ticket: string | undefined, showtimeId: string): string | undefined {
    const claims = this.tokens.open(ticket, 'stream', this.clock());
    return claims?.showtimeId === showtimeId ? claims.userId : undefined;
  }

  private async answer(userId: string, showtimeId: string, join: boolean): Promise<WaitingRoomView> {
    const sale = await this.settings.get(showtimeId);
    if (sale.cancelled) throw new DomainError('SHOWTIME_CANCELLED', 'This showtime has been cancelled');
    const now = this.clock();
    const base: WaitingRoomView = { showtimeId, state: 'NOT_REQUIRED' };
    if (sale.onSaleAt > 0) base.onSaleAt = new Date(sale.onSaleAt).toISOString();
    if (sale.admissionsPerMinute <= 0) return base;
    base.admissionsPerMinute = sale.admissionsPerMinute;
    const queue = { onSaleAt: sale.onSaleAt, admissionsPerMinute: sale.admissionsPerMinute };
    const entry = join
      ? await this.store.join(showtimeId, userId, queue, now)
      : await this.store.status(showtimeId, userId, queue, now);
    return { ...base, ...this.describe(entry, userId, sale, now) };
  }

  private describe(
    entry: QueueEntry,
    userId: string,
    sale: SaleSettings,
    now: number,
  ): Omit<WaitingRoomView, 'showtimeId'> {
    const streamTicket = this.tokens.sign({
      purpose: 'stream',
      userId,
      showtimeId: sale.showtimeId,
      expiresAt: now + this.streamTicketMs,
    });
    switch (entry.kind) {
      case 'none':
        return { state: 'NOT_JOINED' };
      case 'expired':
        return { state: 'EXPIRED' };
      case 'waiting':
        if (entry.beforeSale) return { state: 'BEFORE_SALE', streamTicket };
        return {
          state: 'WAITING',
          position: entry.position,
          estimatedWaitSeconds: Math.max(0, Math.ceil((entry.admitAt - now) / 1000)),
          streamTicket,
        };
      case 'admitted':
        return {
          state: 'ADMITTED',
          // Signed from the stored admission time, so every reload and every replica gives the same token.
          admission: {
            token: this.tokens.sign({
              purpose: 'admission',
              userId,
              showtimeId: sale.showtimeId,
              expiresAt: entry.expiresAt,
            }),
            expiresAt: new Date(entry.expiresAt).toISOString(),
          },
          streamTicket,
        };
    }
  }
}
