import http from 'node:http';
import https from 'node:https';
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
  // Keep-alive: a payment is one request on an open connection, not a TCP handshake.
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 });

  constructor(
    private readonly baseUrl: string,
    /** PAYMENT_API_KEY, sent as a bearer token like a processor's API key. */
    private readonly apiKey: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async createPayment(
    input: CreatePaymentInput,
    idempotencyKey: string,
    requestId?: string,
  ): Promise<PaymentAccepted> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    };
    if (requestId) headers['x-request-id'] = requestId;
    const response = await this.request('/payments', 'POST', headers, JSON.stringify(input));
    const body = response.body;
    const ok = response.status >= 200 && response.status < 300;
    if (ok && body && typeof body.paymentId === 'string') {
      return {
        paymentId: body.paymentId,
        bookingId: typeof body.bookingId === 'string' ? body.bookingId : input.bookingId,
        status: typeof body.status === 'string' ? body.status : 'PROCESSING',
      };
    }
    // A 401 means our key is wrong, which is ours to fix, not the customer's: it stays a 503 below.
    if (response.status < 500 && response.status !== 401 && body && isErrorCode(body.code)) {
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
    const response = await this.request('/health', 'GET', {}, undefined, 1_500);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  }

  private request(
    path: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body?: string,
    timeoutMs = this.timeoutMs,
  ): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
    const url = new URL(path, this.baseUrl);
    const transport = url.protocol === 'https:' ? https : http;
    const unavailable = (cause: string) =>
      new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
        service: 'payment-service',
        cause,
      });
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method,
          agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(unavailable(error.message)));
          res.on('end', () => {
            let parsed: Record<string, unknown> | undefined;
            try {
              const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              parsed = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
            } catch {
              parsed = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      // The whole exchange is bounded, not only socket inactivity.
      const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', (error) => reject(unavailable(error.message)));
      req.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
