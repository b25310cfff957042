import { randomUUID } from 'node:crypto';
import type { PaymentEventData } from '@cinema/contracts';

export type WebhookEventType = 'payment.succeeded' | 'payment.failed' | 'refund.succeeded';

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  paymentId: string;
  createdAt: string;
  /** The exact JSON sent (and signed) on every attempt. */
  body: string;
}

export type WebhookData = PaymentEventData & { refundId?: string };

/** API.md body: {id, type, createdAt, data:{paymentId, bookingId, amount, currency, failureCode?}}. */
export function buildWebhookEvent(
  type: WebhookEventType,
  data: WebhookData,
  opts: { id?: string; now?: Date } = {},
): WebhookEvent {
  const id = opts.id ?? randomUUID();
  const createdAt = (opts.now ?? new Date()).toISOString();
  const payload: WebhookData = {
    paymentId: data.paymentId,
    bookingId: data.bookingId,
    amount: data.amount,
    currency: data.currency,
  };
  if (data.failureCode) payload.failureCode = data.failureCode;
  if (data.refundId) payload.refundId = data.refundId;
  return {
    id,
    type,
    paymentId: data.paymentId,
    createdAt,
    body: JSON.stringify({ id, type, createdAt, data: payload }),
  };
}

/** Exponential backoff (base, 2x base, 4x base...) capped at maxMs, with +-20 % jitter. */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.min(maxMs, exponential * (0.8 + 0.4 * random())));
}
