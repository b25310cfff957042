import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const body = Buffer.from('{"id":"evt_1","type":"payment.succeeded"}');
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('accepts a fresh signature by the current or the previous secret', () => {
    expect(verifyWebhookSignature(signWebhook('current', body, now), body, ['current', 'old'], now)).toBe(
      true,
    );
    expect(verifyWebhookSignature(signWebhook('old', body, now - 10), body, ['current', 'old'], now)).toBe(
      true,
    );
  });

  it('refuses a wrong secret, another body, or a missing/garbled header', () => {
    expect(verifyWebhookSignature(signWebhook('other', body, now), body, ['current'], now)).toBe(false);
    expect(
      verifyWebhookSignature(
        signWebhook('current', body, now),
        Buffer.from(`${body.toString()} `),
        ['current'],
        now,
      ),
    ).toBe(false);
    expect(verifyWebhookSignature(undefined, body, ['current'], now)).toBe(false);
    expect(verifyWebhookSignature('garbage', body, ['current'], now)).toBe(false);
    expect(verifyWebhookSignature(`t=${now},v1=abc`, body, ['current'], now)).toBe(false);
  });

  it('refuses signatures older or newer than 300 s', () => {
    expect(verifyWebhookSignature(signWebhook('current', body, now - 300), body, ['current'], now)).toBe(
      true,
    );
    expect(verifyWebhookSignature(signWebhook('current', body, now - 301), body, ['current'], now)).toBe(
      false,
    );
    expect(verifyWebhookSignature(signWebhook('current', body, now + 301), body, ['current'], now)).toBe(
      false,
    );
  });

  it('finds the valid v1 among several and ignores an empty secret', () => {
    const good = signWebhook('current', body, now).split(',')[1];
    const header = `t=${now},v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhookSignature(header, body, ['current'], now)).toBe(true);
    expect(verifyWebhookSignature(signWebhook('', body, now), body, [''], now)).toBe(false);
  });
});
