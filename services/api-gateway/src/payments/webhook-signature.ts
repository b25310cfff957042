import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signatures older (or further in the future) than this are refused, against replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=<unix>,v1=<hex hmac_sha256(secret, "<t>.<raw body>")>` as the payment service sends it. */
export function signWebhook(secret: string, rawBody: Buffer | string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * True when the header carries a fresh timestamp and a v1 signature made with one of the secrets (current
 * and, during a rotation, the previous one) over exactly these bytes.
 */
export function verifyWebhookSignature(
  header: string | undefined,
  rawBody: Buffer,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
    if (signatures.some((candidate) => timingSafeEqual(candidate, expected))) return true;
  }
  return false;
}
