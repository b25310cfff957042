import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import type { PaymentConfig } from '../config';
import { PAYMENT_CONFIG } from '../database';
import { cardBrand, decideCardOutcome } from './card';
import {
  parseCreatePayment,
  parseCreateRefund,
  parseIdempotencyKey,
  type CreatePaymentRequest,
} from './payment-requests';
import {
  PaymentsRepository,
  type PaymentRow,
  type RefundRow,
  type StoredIdempotency,
} from './payments.repository';
import { SettlementWorker } from './settlement.worker';

export interface PaymentAccepted {
  paymentId: string;
  bookingId: string;
  status: 'PROCESSING';
}

export interface RefundAccepted {
  refundId: string;
  paymentId: string;
  amount: number;
  status: 'PROCESSING';
}

export interface RefundView {
  id: string;
  amount: number;
  reason?: string;
  status: RefundRow['status'];
  createdAt: string;
  processedAt?: string;
}

export interface PaymentView {
  id: string;
  bookingId: string;
  amount: number;
  currency: string;
  status: PaymentRow['status'];
  failureCode?: string;
  cardLast4: string;
  cardBrand: string;
  refundedAmount: number;
  createdAt: string;
  processedAt?: string;
  refunds: RefundView[];
}

@Injectable()
export class PaymentsService {
  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    private readonly repo: PaymentsRepository,
    private readonly settlement: SettlementWorker,
  ) {}

  async create(body: unknown, idempotencyKey: unknown): Promise<PaymentAccepted> {
    const key = parseIdempotencyKey(idempotencyKey);
    const request = parseCreatePayment(body);
    const outcome = decideCardOutcome(request.card, new Date());
    const response: PaymentAccepted = {
      paymentId: randomUUID(),
      bookingId: request.bookingId,
      status: 'PROCESSING',
    };
    const fingerprint = this.fingerprint(canonicalPayment(request));
    const created = await this.repo.createPayment(
      {
        id: response.paymentId,
        booking_id: request.bookingId,
        amount: request.amount,
        currency: request.currency,
        card_last4: request.card.number.slice(-4),
        card_brand: cardBrand(request.card.number),
        decided_status: outcome.status,
        decided_failure_code: outcome.status === 'FAILED' ? outcome.failureCode : null,
        request_id: currentRequestId() ?? null,
      },
      this.config.delayMs,
      key ? { scope: 'payment', key, fingerprint, statusCode: 202, response } : undefined,
    );
    // Not created: the key was used before (by a request that has committed), answer as it was answered.
    if (key && !created)
      return replay<PaymentAccepted>(await this.repo.findIdempotencyKey('payment', key), fingerprint);
    this.settlement.dueIn(this.config.delayMs);
    return response;
  }

  async get(id: string): Promise<PaymentView> {
    const payment = isUuid(id) ? await this.repo.findPayment(id) : undefined;
    if (!payment) throw notFound();
    const refunds = await this.repo.listRefunds(id);
    return toView(payment, refunds);
  }

  async refund(paymentId: string, body: unknown, idempotencyKey: unknown): Promise<RefundAccepted> {
    const key = parseIdempotencyKey(idempotencyKey);
    const request = parseCreateRefund(body);
    if (!isUuid(paymentId)) throw notFound();
    const scope = `refund:${paymentId}`;
    const fingerprint = this.fingerprint(
      JSON.stringify({ amount: request.amount ?? null, reason: request.reason ?? null }),
    );
    let created = false;
    const accepted = await this.repo.transaction(async (tx) => {
      const payment = await tx.lockPayment(paymentId);
      if (!payment) throw notFound();
      // Read under the payment lock: a concurrent request with the same key has committed by now.
      if (key) {
        const previous = await tx.findIdempotencyKey(scope, key);
        if (previous) return replay<RefundAccepted>(previous, fingerprint);
      }
      if (payment.status !== 'SUCCEEDED')
        throw new DomainError(
          'CONFLICT',
          `Only a succeeded payment can be refunded; this one is ${payment.status}`,
          {
            paymentId,
            status: payment.status,
          },
        );
      const remaining = payment.amount - (await tx.refundedAmount(paymentId));
      const amount = request.amount ?? remaining;
      if (remaining <= 0 || amount > remaining)
        throw new DomainError('CONFLICT', `At most ${Math.max(0, remaining)} can still be refunded`, {
          paymentId,
          refundable: Math.max(0, remaining),
        });
      const response: RefundAccepted = { refundId: randomUUID(), paymentId, amount, status: 'PROCESSING' };
      if (key) await tx.claimIdempotencyKey({ scope, key, fingerprint, statusCode: 202, response });
      await tx.insertRefund(
        {
          id: response.refundId,
          payment_id: paymentId,
          amount,
          reason: request.reason ?? null,
          request_id: currentRequestId() ?? null,
        },
        this.config.delayMs,
      );
      created = true;
      return response;
    });
    if (created) this.settlement.dueIn(this.config.delayMs);
    return accepted;
  }

  /** Keyed hash of the request, so the card number cannot be recovered from what is stored. */
  private fingerprint(canonical: string): string {
    return createHmac('sha256', this.config.webhook.secret).update(canonical).digest('hex');
  }
}

function canonicalPayment(request: CreatePaymentRequest): string {
  const { bookingId, amount, currency, card } = request;
  return JSON.stringify([bookingId, amount, currency, card.number, card.expMonth, card.expYear, card.cvc]);
}

function replay<T>(stored: StoredIdempotency | undefined, fingerprint: string): T {
  if (!stored) throw new DomainError('UNAVAILABLE', 'Idempotency key state unavailable, try again');
  if (stored.fingerprint !== fingerprint)
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with a different request body',
    );
  return stored.response as T;
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Payment not found');
}

function toView(payment: PaymentRow, refunds: RefundRow[]): PaymentView {
  const view: PaymentView = {
    id: payment.id,
    bookingId: payment.booking_id,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    cardLast4: payment.card_last4,
    cardBrand: payment.card_brand,
    refundedAmount: refunds.filter((r) => r.status === 'SUCCEEDED').reduce((sum, r) => sum + r.amount, 0),
    createdAt: payment.created_at.toISOString(),
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      ...(r.reason ? { reason: r.reason } : {}),
      status: r.status,
      createdAt: r.created_at.toISOString(),
      ...(r.processed_at ? { processedAt: r.processed_at.toISOString() } : {}),
    })),
  };
  if (payment.failure_code) view.failureCode = payment.failure_code;
  if (payment.processed_at) view.processedAt = payment.processed_at.toISOString();
  return view;
}
