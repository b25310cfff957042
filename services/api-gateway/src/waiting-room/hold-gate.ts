import { DomainError } from '@cinema/contracts';
import type { WaitingRoomTokens } from './admission-token';
import type { SaleSettingsCache } from './sale-settings.cache';

/**
 * The check a hold passes before it goes to seat-service: the sale is open, and for a showtime with a
 * waiting room the customer brings their own admission. Checked in the gateway's memory only (the sale
 * settings come from a short-lived cache, the admission is verified by its signature).
 */
export class HoldGate {
  constructor(
    private readonly settings: SaleSettingsCache,
    private readonly tokens: WaitingRoomTokens,
    private readonly clock: () => number = Date.now,
  ) {}

  async assertMayHold(userId: string, showtimeId: string, admissionToken: string | undefined): Promise<void> {
    const sale = await this.settings.get(showtimeId);
    const now = this.clock();
    if (sale.cancelled) throw new DomainError('SHOWTIME_CANCELLED', 'This showtime has been cancelled');
    if (sale.onSaleAt > now) {
      throw new DomainError('NOT_ON_SALE', 'Tickets for this showtime are not on sale yet', {
        onSaleAt: new Date(sale.onSaleAt).toISOString(),
      });
    }
    if (sale.admissionsPerMinute <= 0) return;
    if (!this.tokens.verify(admissionToken, { purpose: 'admission', userId, showtimeId }, now)) {
      throw new DomainError(
        'NOT_ADMITTED',
        admissionToken
          ? 'The admission is not valid for this customer and showtime, or has expired: join the waiting room again'
          : 'This showtime has a waiting room: join it and send the admission in X-Admission-Token',
      );
    }
  }
}
