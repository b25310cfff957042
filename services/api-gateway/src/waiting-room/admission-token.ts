import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a token is for: an admission lets its holder hold seats, a stream ticket opens the SSE stream. */
export type TokenPurpose = 'admission' | 'stream';

export interface SignedClaims {
  purpose: TokenPurpose;
  /** The customer (access token `sub`) the token was issued to. */
  userId: string;
  showtimeId: string;
  /** Epoch milliseconds after which the token is refused. */
  expiresAt: number;
}

const PURPOSE_CODE: Record<TokenPurpose, string> = { admission: 'a', stream: 's' };

/**
 * Compact HMAC-SHA256 tokens the gateway issues and checks itself (no Redis or gRPC round trip):
 * `base64url(purpose.userId.showtimeId.expiresAt).base64url(mac)`. The MAC covers the purpose, so a stream
 * ticket is never an admission; the user id, so a token shared with another account is refused.
 */
export class WaitingRoomTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(claims: SignedClaims): string {
    const payload = Buffer.from(
      [PURPOSE_CODE[claims.purpose], claims.userId, claims.showtimeId, String(claims.expiresAt)].join('.'),
      'utf8',
    ).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claims of an unexpired token of this purpose signed with our key; undefined for anything else. */
  open(token: string | undefined, purpose: TokenPurpose, now: number): SignedClaims | undefined {
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) return undefined;
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return undefined;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const wanted = this.mac(payload);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
    const parts = Buffer.from(payload, 'base64url').toString('utf8').split('.');
    if (parts.length !== 4) return undefined;
    const [code, userId = '', showtimeId = '', expiresAt = ''] = parts;
    if (code !== PURPOSE_CODE[purpose] || !/^\d{1,15}$/.test(expiresAt)) return undefined;
    if (Number(expiresAt) <= now) return undefined;
    return { purpose, userId, showtimeId, expiresAt: Number(expiresAt) };
  }

  /** True only for an unexpired token of this purpose, signed with our key, for this user and showtime. */
  verify(
    token: string | undefined,
    expected: { purpose: TokenPurpose; userId: string; showtimeId: string },
    now: number,
  ): boolean {
    const claims = this.open(token, expected.purpose, now);
    return claims?.userId === expected.userId && claims.showtimeId === expected.showtimeId;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(`cinema-waiting-room.${payload}`).digest();
  }
}
