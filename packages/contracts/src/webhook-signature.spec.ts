import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  parseSignatureHeader,
  signWebhook,
  verifyWebhookSignature,
} from './webhook-signature';

const SECRET = 'whsec-test-secret';
const BODY = JSON.stringify({ id: 'evt_1', type: 'payment.succeeded', data: { amount: 1200 } });
const NOW = new Date('2026-01-01T00:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

describe('webhook signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, NOW)).toBe(`t=${T},v1=${expected}`);
    expect(computeSignature(SECRET, T, BODY)).toBe(expected);
  });

  it('verifies a fresh signature', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: NOW })).toEqual({ ok: true, timestamp: T });
  });

  it('accepts up to 300 s of clock difference and refuses beyond', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: new Date(NOW.getTime() + 300_000) }).ok).toBe(
      true,
    );
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: new Date(NOW.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: new Date(NOW.getTime() - 301_000) }).ok).toBe(
      false,
    );
  });

  it('refuses a wrong secret', () => {
    const header = signWebhook('another-secret', BODY, NOW);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: NOW })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts the previous secret during a rotation', () => {
    const header = signWebhook('old-secret', BODY, NOW);
    expect(verifyWebhookSignature(header, BODY, [SECRET, 'old-secret'], { now: NOW }).ok).toBe(true);
  });

  it('refuses a tampered body', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    const tampered = BODY.replace('1200', '1');
    expect(verifyWebhookSignature(header, tampered, SECRET, { now: NOW })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a tampered timestamp', () => {
    const [, v1] = signWebhook(SECRET, BODY, NOW).split(',');
    expect(verifyWebhookSignature(`t=${T + 1},${v1}`, BODY, SECRET, { now: NOW }).ok).toBe(false);
  });

  it('refuses missing or malformed headers', () => {
    for (const header of [undefined, '', 'garbage', `t=${T}`, 'v1=abc', `t=abc,v1=${'0'.repeat(64)}`]) {
      expect(verifyWebhookSignature(header, BODY, SECRET, { now: NOW })).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('parses several v1 signatures', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(parseSignatureHeader(`t=${T}, v1=${a}, v1=${b}`)).toEqual({ timestamp: T, signatures: [a, b] });
  });

  describe('over the raw bytes the receiver got', () => {
    const body = Buffer.from('{"id":"evt_1","type":"payment.succeeded"}');
    const at = (seconds: number) => new Date(seconds * 1000);
    const now = 1_800_000_000;
    const verify = (header: string | undefined, raw: Buffer, secrets: string[]) =>
      verifyWebhookSignature(header, raw, secrets, { now: at(now) }).ok;

    it('accepts a fresh signature by the current or the previous secret', () => {
      expect(verify(signWebhook('current', body, at(now)), body, ['current', 'old'])).toBe(true);
      expect(verify(signWebhook('old', body, at(now - 10)), body, ['current', 'old'])).toBe(true);
    });

    it('refuses a wrong secret, another body, or a missing/garbled header', () => {
      expect(verify(signWebhook('other', body, at(now)), body, ['current'])).toBe(false);
      expect(
        verify(signWebhook('current', body, at(now)), Buffer.from(`${body.toString()} `), ['current']),
      ).toBe(false);
      expect(verify(undefined, body, ['current'])).toBe(false);
      expect(verify('garbage', body, ['current'])).toBe(false);
      expect(verify(`t=${now},v1=abc`, body, ['current'])).toBe(false);
    });

    it('refuses signatures older or newer than 300 s', () => {
      expect(verify(signWebhook('current', body, at(now - 300)), body, ['current'])).toBe(true);
      expect(verify(signWebhook('current', body, at(now - 301)), body, ['current'])).toBe(false);
      expect(verify(signWebhook('current', body, at(now + 301)), body, ['current'])).toBe(false);
    });

    it('finds the valid v1 among several and ignores an empty secret', () => {
      const good = signWebhook('current', body, at(now)).split(',')[1];
      expect(verify(`t=${now},v1=${'0'.repeat(64)},${good}`, body, ['current'])).toBe(true);
      expect(verify(signWebhook('', body, at(now)), body, [''])).toBe(false);
    });
  });
});
