import { DomainError, isErrorCode } from '@cinema/contracts';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface CreatePaymentInput {
  bookingId: string;
  amount: number;
  currency: string;
  card: CardInput;
}

export interface PaymentAccepted {
  paymentId: string;
  bookingId: string;
  status: string;
}

/** HTTP client of the payment service (common.md point 4). The card goes through and is never kept here. */
export class PaymentProcessorClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async createPayment(
    input: CreatePaymentInput,
    idempotencyKey: string,
    requestId?: string,
  ): Promise<PaymentAccepted> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    };
    if (requestId) headers['x-request-id'] = requestId;
    const response = await this.request('/payments', {
      method: 'POST',
      headers,
      body: JSON.stringify(input),
    });
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (response.ok && body && typeof body.paymentId === 'string') {
      return {
        paymentId: body.paymentId,
        bookingId: typeof body.bookingId === 'string' ? body.bookingId : input.bookingId,
        status: typeof body.status === 'string' ? body.status : 'PROCESSING',
      };
    }
    if (response.status < 500 && body && isErrorCode(body.code)) {
      const details = body.details && typeof body.details === 'object' ? body.details : undefined;
      throw new DomainError(
        body.code,
        typeof body.message === 'string' ? body.message : body.code,
        details as Record<string, unknown> | undefined,
      );
    }
    throw new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
      service: 'payment-service',
      httpStatus: response.status,
    });
  }

  async health(): Promise<void> {
    const response = await this.request('/health', { method: 'GET' }, 1_500);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }

  private async request(path: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<Response> {
    try {
      return await fetch(new URL(path, this.baseUrl), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
        service: 'payment-service',
        cause: (error as Error).message,
      });
    }
  }
}
