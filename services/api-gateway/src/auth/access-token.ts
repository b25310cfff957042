import { createSecretKey, type KeyObject } from 'node:crypto';
import { verify, type JwtPayload } from 'jsonwebtoken';
import { ACCESS_TOKEN_DEFAULTS, type AccessTokenClaims, type UserRole } from '@cinema/contracts';

/** The caller as the gateway knows them from a verified access token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

const VERIFIED_CACHE_SIZE = 10_000;

interface VerifiedToken {
  user: AuthenticatedUser;
  exp: number;
  nbf?: number;
}

/** Who must have issued a token (`iss`) and for whom (`aud`); JWT_ISSUER / JWT_AUDIENCE. */
export interface AccessTokenAudience {
  issuer: string;
  audience: string;
}

/** jsonwebtoken's own rule (no clock tolerance): valid from nbf, until before exp, in whole seconds. */
function withinWindow(token: VerifiedToken): boolean {
  const now = Math.floor(Date.now() / 1000);
  if (token.nbf !== undefined && token.nbf > now) return false;
  return now < token.exp;
}

/**
 * Verifies auth-service's HS256 access tokens locally: HS256 only, our issuer and audience, and an `exp`.
 * The key object is built once: handing jsonwebtoken the secret as a string makes it try to parse a key on
 * every call (measured ~50x slower).
 */
export class AccessTokenVerifier {
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly expected: AccessTokenAudience = ACCESS_TOKEN_DEFAULTS,
  ) {
    this.key = createSecretKey(Buffer.from(secret));
  }

  /**
   * Tokens already verified: the signature check of a token gives the same answer every time, so only its
   * time window is checked again (as jsonwebtoken does it). A client sends the same token for many requests.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  /** The user, or undefined for anything not a valid, unexpired token of ours. */
  verify(token: string): AuthenticatedUser | undefined {
    const cached = this.verified.get(token);
    if (cached) {
      if (withinWindow(cached)) return cached.user;
      this.verified.delete(token);
      return undefined;
    }
    let payload: string | JwtPayload;
    try {
      payload = verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.expected.issuer,
        audience: this.expected.audience,
      });
    } catch {
      return undefined;
    }
    // jsonwebtoken accepts a token without `exp` as one that never expires; ours always expire.
    if (typeof payload !== 'object' || typeof payload.exp !== 'number') return undefined;
    const user = toUser(payload);
    if (user) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
      this.verified.set(token, { user, exp: payload.exp, nbf: payload.nbf });
    }
    return user;
  }

  /** Reads `Authorization: Bearer <token>`; undefined when absent or invalid. */
  fromHeader(header: string | string[] | undefined): AuthenticatedUser | undefined {
    const token = bearerToken(header);
    return token ? this.verify(token) : undefined;
  }
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

export function toUser(claims: JwtPayload & Partial<AccessTokenClaims>): AuthenticatedUser | undefined {
  const { sub, email, name, role } = claims;
  if (typeof sub !== 'string' || !sub || typeof email !== 'string') return undefined;
  if (role !== 'customer' && role !== 'usher' && role !== 'admin') return undefined;
  return { id: sub, email, name: typeof name === 'string' ? name : '', role };
}
