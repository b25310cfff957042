import { DomainError } from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import type { PaymentsPort, RefundOutcome } from './ports';

/** Refunds through payment-service's HTTP API; `refund-<paymentId>` makes every retry the same refund. */
export class HttpPaymentsClient implements PaymentsPort {
  constructor(
    private readonly baseUrl: string,
    /** PAYMENT_API_KEY, sent as a bearer token. */
    private readonly apiKey: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async refund(paymentId: string, reason: string): Promise<{ outcome: RefundOutcome; detail: string }> {
    const requestId = currentRequestId();
    let response: Response;
    try {
      response = await fetch(
        `${this.baseUrl.replace(/\/$/, '')}/payments/${encodeURIComponent(paymentId)}/refunds`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': `refund-${paymentId}`,
            ...(requestId ? { 'x-request-id': requestId } : {}),
          },
          body: JSON.stringify({ reason }),
          signal: AbortSignal.timeout(this.timeoutMs),
        },
      );
    } catch (error) {
      throw new DomainError('UNAVAILABLE', `payment service unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { outcome: 'requested', detail: text.slice(0, 300) };
    if (response.status === 404) return { outcome: 'payment_not_found', detail: text.slice(0, 300) };
    // A refund already in flight under the same key, throttling, a server fault, or our API key refused
    // (a configuration to fix, after which the refund must still happen): try again later.
    if (
      response.status >= 500 ||
      response.status === 429 ||
      response.status === 401 ||
      /IDEMPOTENCY_KEY_IN_USE/.test(text)
    )
      throw new DomainError(
        'UNAVAILABLE',
        `payment service answered ${response.status}: ${text.slice(0, 200)}`,
      );
    return { outcome: 'rejected', detail: `${response.status} ${text.slice(0, 300)}` };
  }
}
