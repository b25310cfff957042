import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/api.md#webhooks): header
 * `X-Payment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. Pure functions
 * shared by the sender (payment-service) and the receiver (gateway).
 */
export const SIGNATURE_HEADER = 'x-payment-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The raw body is signed byte for byte as sent, so the receiver must verify the bytes it received. */
export function computeSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex');
}

/** The header value for `rawBody` signed at `now`. */
export function signWebhook(secret: string, rawBody: string | Buffer, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

export interface ParsedSignature {
  timestamp: number;
  signatures: string[];
}

export function parseSignatureHeader(header: string | undefined | null): ParsedSignature | null {
  if (!header) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

export type VerifyFailure = 'malformed' | 'expired' | 'mismatch';
export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: VerifyFailure };

/**
 * Checks a signature header against the raw body with any of `secrets` (current first, then the previous
 * one during a rotation). Signatures more than `toleranceSeconds` away from `now` are refused (replays).
 */
export function verifyWebhookSignature(
  header: string | undefined | null,
  rawBody: string | Buffer,
  secrets: string | readonly string[],
  opts: { toleranceSeconds?: number; now?: Date } = {},
): VerifyResult {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: 'expired' };
  const candidates = (typeof secrets === 'string' ? [secrets] : secrets).filter((s) => s.length > 0);
  for (const secret of candidates) {
    const expected = Buffer.from(computeSignature(secret, parsed.timestamp, rawBody), 'hex');
    for (const given of parsed.signatures) {
      if (timingSafeEqual(expected, Buffer.from(given, 'hex')))
        return { ok: true, timestamp: parsed.timestamp };
    }
  }
  return { ok: false, reason: 'mismatch' };
}
