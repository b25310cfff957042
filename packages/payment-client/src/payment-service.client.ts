import http from 'node:http';
import https from 'node:https';
import {
  PaymentDeclinedError,
  PaymentRequestRejectedError,
  PaymentServiceUnauthorizedError,
  PaymentServiceUnavailableError,
} from './errors';

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

export interface RefundInput {
  /** Minor units; omitted: all that remains of the payment. */
  amount?: number;
  reason?: string;
}

export interface RefundAccepted {
  refundId: string;
  paymentId: string;
  amount?: number;
  status: string;
}

export interface RequestOptions {
  /** The processor dedupes on it: the same key is the same payment or refund, however often it is sent. */
  idempotencyKey: string;
  /** Sent as X-Request-Id, so the service's logs join the caller's. */
  requestId?: string;
}

export interface PaymentServiceClientOptions {
  /** PAYMENT_SERVICE_URL, e.g. http://127.0.0.1:3006. */
  baseUrl: string;
  /** PAYMENT_API_KEY, sent as a bearer token; not needed for `health()` only. */
  apiKey?: string;
  /** Bound on a whole exchange (connect, send, answer), default 5 s. */
  timeoutMs?: number;
  /** Bound on `health()`, default 1.5 s. */
  healthTimeoutMs?: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/**
 * The one HTTP client of the payment service (the card processor simulator, docs/api.md): keep-alive
 * connections, a deadline on every exchange, the bearer key, the request id, and typed errors
 * (errors.ts). The card goes through and is never kept or logged here.
 */
export class PaymentServiceClient {
  // Keep-alive: a payment is one request on an open connection, not a TCP handshake.
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 });
  private readonly timeoutMs: number;
  private readonly healthTimeoutMs: number;

  constructor(private readonly options: PaymentServiceClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.healthTimeoutMs = options.healthTimeoutMs ?? 1_500;
  }

  /** POST /payments: 202 with the payment under way; its outcome comes by webhook. */
  async createPayment(input: CreatePaymentInput, options: RequestOptions): Promise<PaymentAccepted> {
    const answer = await this.send('POST', '/payments', input, options);
    const body = answer.body ?? {};
    return {
      paymentId: idIn(answer, 'paymentId'),
      bookingId: typeof body.bookingId === 'string' ? body.bookingId : input.bookingId,
      status: typeof body.status === 'string' ? body.status : 'PROCESSING',
    };
  }

  /** POST /payments/:id/refunds: 202 with the refund under way; its outcome comes by webhook. */
  async refund(paymentId: string, input: RefundInput, options: RequestOptions): Promise<RefundAccepted> {
    const answer = await this.send(
      'POST',
      `/payments/${encodeURIComponent(paymentId)}/refunds`,
      input,
      options,
    );
    const body = answer.body ?? {};
    return {
      refundId: idIn(answer, 'refundId'),
      paymentId: typeof body.paymentId === 'string' ? body.paymentId : paymentId,
      amount: typeof body.amount === 'number' ? body.amount : undefined,
      status: typeof body.status === 'string' ? body.status : 'PROCESSING',
    };
  }

  /** GET /health (needs no key): resolves when the service answers 200. */
  async health(): Promise<void> {
    const answer = await this.exchange('GET', '/health', {}, undefined, this.healthTimeoutMs);
    if (answer.status !== 200)
      throw new PaymentServiceUnavailableError(`HTTP ${answer.status}`, answer.status);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async send(
    method: 'POST',
    path: string,
    payload: unknown,
    options: RequestOptions,
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': options.idempotencyKey,
    };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (options.requestId) headers['x-request-id'] = options.requestId;
    const answer = await this.exchange(method, path, headers, JSON.stringify(payload), this.timeoutMs);
    if (answer.status >= 200 && answer.status < 300) return answer;
    throw errorOf(answer);
  }

  private exchange(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<Answer> {
    const url = new URL(path, this.options.baseUrl);
    const secure = url.protocol === 'https:';
    const transport = secure ? https : http;
    return new Promise((resolve, reject) => {
      const fail = (cause: string) =>
        reject(new PaymentServiceUnavailableError(`payment service unreachable: ${cause}`));
      const req = transport.request(
        url,
        {
          method,
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => fail(error.message));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseObject(chunks) }));
        },
      );
      // The whole exchange is bounded, not only socket inactivity.
      const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', (error) => fail(error.message));
      req.end(body);
    });
  }
}

function parseObject(chunks: Buffer[]): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The typed error of a non-2xx answer. */
function errorOf({ status, body }: Answer): Error {
  const message = typeof body?.message === 'string' ? body.message.slice(0, 300) : '';
  const text = `payment service answered ${status}${message ? `: ${message}` : ''}`;
  if (status === 401 || status === 403) return new PaymentServiceUnauthorizedError(text, status);
  if (status === 402) {
    const failureCode =
      typeof body?.failureCode === 'string'
        ? body.failureCode
        : typeof body?.code === 'string'
          ? body.code
          : 'card_declined';
    const paymentId = typeof body?.paymentId === 'string' ? body.paymentId : undefined;
    return new PaymentDeclinedError(text, status, failureCode, paymentId);
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const details =
      body?.details && typeof body.details === 'object' && !Array.isArray(body.details)
        ? (body.details as Record<string, unknown>)
        : undefined;
    return new PaymentRequestRejectedError(
      text,
      status,
      typeof body?.code === 'string' ? body.code : undefined,
      details,
    );
  }
  // 5xx, 408, 429, and anything unexpected (1xx/3xx): try again later.
  return new PaymentServiceUnavailableError(text, status);
}

/** The id an accepted request's answer must carry; without it the call's outcome is unknown. */
function idIn(answer: Answer, field: 'paymentId' | 'refundId'): string {
  const value = answer.body?.[field];
  if (typeof value !== 'string')
    throw new PaymentServiceUnavailableError(
      `payment service answered ${answer.status} without a ${field}`,
      answer.status,
    );
  return value;
}
