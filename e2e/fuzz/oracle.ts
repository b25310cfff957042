import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ERROR_STATUS, isErrorCode } from '@cinema/contracts';
import type { FuzzRequest } from './requests';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The server closed the connection before reading all of an oversized request (see `send`). */
  closedUnread?: boolean;
}

/** Node's default limit on the request line and headers, and the gateway's body limit (413 beyond). */
const HEADER_LIMIT_BYTES = 16 * 1024;
const BODY_LIMIT_BYTES = 256 * 1024;

/** A request the server never answered is a failure too, but only after a deadline no healthy run nears. */
const ANSWER_DEADLINE_MS = 90_000;

/** Sends one request; an event stream is read up to its first bytes and then dropped. */
export async function send(baseUrl: string, req: FuzzRequest, token: string | undefined): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error('no answer within the deadline')),
    ANSWER_DEADLINE_MS,
  );
  try {
    const headers = { ...req.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${req.url}`, {
      method: req.method,
      headers,
      body: req.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      const reader = res.body?.getReader();
      const first = reader ? await reader.read() : { value: undefined };
      controller.abort();
      return { status: res.status, headers: res.headers, text: new TextDecoder().decode(first.value) };
    }
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // A request too large to read is answered (431, 413) and its connection closed at once: a client still
    // sending the rest of it sees the connection go (EPIPE, ECONNRESET) before it reads the answer.
    const oversized =
      req.url.length + JSON.stringify(req.headers).length > HEADER_LIMIT_BYTES ||
      (req.body !== undefined && Buffer.byteLength(String(req.body)) > BODY_LIMIT_BYTES);
    if (oversized && ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(cause?.code ?? '')) {
      return { status: 0, headers: new Headers(), text: '', closedUnread: true };
    }
    // "fetch failed" alone names neither the request nor why: the connection closed, was refused, timed out.
    throw new Error(
      `${req.method} ${req.url.slice(0, 200)} got no answer: ${(error as Error).message}` +
        (cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''),
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** What the victim owns: everything in here must stay out of other callers' answers. */
export interface Victim {
  /** Ids of the victim's own objects (user, holds, bookings, payments). */
  privateIds: string[];
  /** Strings that identify the victim's data: the ids above, the email, ticket codes, tokens. */
  markers: string[];
}

export function describeRequest(req: FuzzRequest): string {
  const body =
    req.body === undefined
      ? ''
      : typeof req.body === 'string'
        ? ` body ${JSON.stringify(req.body.length > 300 ? `${req.body.slice(0, 300)}…(${req.body.length})` : req.body)}`
        : ` body <${req.body.length} bytes>`;
  const url = req.url.length > 300 ? `${req.url.slice(0, 300)}…(${req.url.length})` : req.url;
  return `${req.actor} ${req.method} ${url} [${req.how}] headers ${JSON.stringify(
    Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}…` : v]),
    ),
  )}${body}`;
}

function errorShapeProblems(answer: Answer): string[] {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return ['the error body is not JSON'];
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return ['the error body is not an object'];
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  if (b.statusCode !== answer.status)
    problems.push(`statusCode ${String(b.statusCode)} differs from the HTTP status`);
  if (b.error !== STATUS_CODES[answer.status])
    problems.push(`error ${JSON.stringify(b.error)} is not the reason phrase`);
  if (!isErrorCode(b.code)) problems.push(`code ${JSON.stringify(b.code)} is not a known code`);
  else if (ERROR_STATUS[b.code] !== answer.status)
    problems.push(`code ${b.code} does not go with ${answer.status}`);
  if (typeof b.message !== 'string' || b.message.length === 0)
    problems.push('message is not a non-empty string');
  if (
    b.details !== undefined &&
    (b.details === null || typeof b.details !== 'object' || Array.isArray(b.details))
  ) {
    problems.push('details is not an object');
  }
  const extra = Object.keys(b).filter(
    (k) => !['statusCode', 'error', 'code', 'message', 'details'].includes(k),
  );
  if (extra.length > 0) problems.push(`unexpected fields ${extra.join(', ')}`);
  return problems;
}

function requestText(req: FuzzRequest): string {
  const body = typeof req.body === 'string' ? req.body : '';
  let decoded = req.url;
  try {
    decoded = decodeURIComponent(req.url);
  } catch {
    /* keep it encoded */
  }
  return `${req.url} ${decoded} ${JSON.stringify(req.headers)} ${req.forgedToken ?? ''} ${body}`.toLowerCase();
}

/** Every property of the fuzz, for one request and its answer. Returns what is wrong, empty when all holds. */
export function problemsOf(req: FuzzRequest, answer: Answer, victim: Victim): string[] {
  const problems: string[] = [];
  if (answer.closedUnread) return problems;
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status >= 400 && req.method !== 'HEAD') {
    problems.push(...errorShapeProblems(answer).map((p) => `error body: ${p}`));
  }
  if (!answer.headers.get('x-request-id')) problems.push('no X-Request-Id');
  if (answer.status === 429 && !answer.headers.get('retry-after')) problems.push('a 429 without Retry-After');
  if (req.actor !== 'admin') {
    const sent = requestText(req);
    const response = answer.text.toLowerCase();
    for (const marker of victim.markers) {
      const m = marker.toLowerCase();
      if (response.includes(m) && !sent.includes(m)) problems.push(`the answer holds the victim's ${marker}`);
    }
  }
  return problems;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** An id nobody has, of the victim id's shape (a hold id is `<showtimeId>.<uuid>`): every UUID in it replaced. */
function lookalike(id: string): string {
  const swapped = id.replace(UUID, () => randomUUID());
  return swapped === id ? randomUUID() : swapped;
}

/**
 * The same request with the victim's ids swapped for ids nobody has, when it names one of them: its answer
 * must be the one the original got, or the original tells that the victim's object exists.
 */
export function twinOf(
  req: FuzzRequest,
  victim: Victim,
): { twin: FuzzRequest; swaps: [string, string][] } | undefined {
  const touched = [...new Set(req.references.filter((r) => victim.privateIds.includes(r)))];
  if (touched.length === 0 || req.actor === 'admin') return undefined;
  const swaps = touched.map((id): [string, string] => [id, lookalike(id)]);
  const swap = (value: string) => swaps.reduce((v, [from, to]) => v.split(from).join(to), value);
  const headers = { ...req.headers };
  // A fresh key: the victim's key under another body would only meet IDEMPOTENCY_KEY_REUSED.
  const key = headers['idempotency-key'];
  if (key !== undefined && /^[\x21-\x7e]{1,255}$/.test(key))
    headers['idempotency-key'] = `twin-${randomUUID()}`;
  return {
    twin: {
      ...req,
      url: swap(req.url),
      headers,
      body: typeof req.body === 'string' ? swap(req.body) : req.body,
      references: req.references.map(swap),
    },
    swaps,
  };
}

/** Problems when the victim's object is told apart from a missing one. */
export function twinProblems(original: Answer, twin: Answer, swaps: [string, string][]): string[] {
  if (original.closedUnread || twin.closedUnread) return [];
  if (original.status >= 500 || safeCode(original.text).startsWith('IDEMPOTENCY_KEY')) return [];
  const normal = (text: string, ids: string[]) =>
    ids.reduce((t, id) => t.split(id).join('<id>'), text).replace(/"requestId":"[^"]*"/g, '');
  const a = normal(
    original.text,
    swaps.map(([from]) => from),
  );
  const b = normal(
    twin.text,
    swaps.map(([, to]) => to),
  );
  if (original.status === twin.status && a === b) return [];
  return [
    `the victim's ${swaps.map(([from]) => from).join(', ')} is told apart from an unknown id: ` +
      `${original.status} ${a.slice(0, 300)} versus ${twin.status} ${b.slice(0, 300)}`,
  ];
}

function safeCode(text: string): string {
  try {
    return String((JSON.parse(text) as { code?: unknown }).code);
  } catch {
    return '';
  }
}
