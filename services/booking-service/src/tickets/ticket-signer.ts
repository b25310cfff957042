import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * What a ticket says, signed: enough for a scanning device to admit or refuse it without the server
 * (which showtime, when, how many people), and the booking it stands for.
 */
export interface TicketPayload {
  /** Format version. */
  v: 1;
  /** Id of the key that signed it (see TicketKey). */
  k: string;
  /** Booking id. */
  b: string;
  /** Showtime id. */
  s: string;
  /** The showtime's start, Unix seconds. */
  t: number;
  /** Seats (people) admitted. */
  n: number;
}

export interface TicketKey {
  kid: string;
  alg: 'Ed25519';
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  pem: string;
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** SPKI DER prefix of an Ed25519 public key; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX_LENGTH = 12;
/** Generous: a real payload is about 150 characters; this bounds the work a forged QR code can cause. */
const MAX_TICKET_LENGTH = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs and verifies tickets: `base64url(payload JSON).base64url(Ed25519 signature of the first part)`.
 * The key pair derives from TICKET_SIGNING_KEY (its SHA-256 is the Ed25519 seed), so every replica signs
 * with the same key and the same booking always gets the same ticket (Ed25519 is deterministic).
 */
export class TicketSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly key: TicketKey;

  constructor(secret: string) {
    const seed = createHash('sha256').update(`cinema-ticket:${secret}`).digest();
    this.privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.publicKey = createPublicKey(this.privateKey);
    const spki = this.publicKey.export({ format: 'der', type: 'spki' });
    const raw = spki.subarray(ED25519_SPKI_PREFIX_LENGTH);
    this.key = {
      kid: createHash('sha256').update(raw).digest('base64url').slice(0, 8),
      alg: 'Ed25519',
      publicKey: raw.toString('base64url'),
      pem: this.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
  }

  sign(ticket: { bookingId: string; showtimeId: string; startsAt: Date; seats: number }): string {
    const payload: TicketPayload = {
      v: 1,
      k: this.key.kid,
      b: ticket.bookingId,
      s: ticket.showtimeId,
      t: Math.floor(ticket.startsAt.getTime() / 1000),
      n: ticket.seats,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${sign(null, Buffer.from(body), this.privateKey).toString('base64url')}`;
  }

  /** The payload of a ticket this key signed; undefined for anything else (forged, altered, unreadable). */
  verify(ticket: string): TicketPayload | undefined {
    if (typeof ticket !== 'string' || ticket.length > MAX_TICKET_LENGTH) return undefined;
    const parts = ticket.trim().split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
    const [body, signature] = parts;
    const signatureBytes = Buffer.from(signature, 'base64url');
    if (signatureBytes.length !== 64) return undefined;
    if (!verify(null, Buffer.from(body), this.publicKey, signatureBytes)) return undefined;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    return isPayload(payload) ? payload : undefined;
  }
}

function isPayload(value: unknown): value is TicketPayload {
  const p = value as Partial<TicketPayload> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.v === 1 &&
    typeof p.k === 'string' &&
    typeof p.b === 'string' &&
    UUID.test(p.b) &&
    typeof p.s === 'string' &&
    UUID.test(p.s) &&
    Number.isInteger(p.t) &&
    Number.isInteger(p.n)
  );
}

export const TICKET_SIGNER = Symbol('TICKET_SIGNER');
