import { createHash, timingSafeEqual } from 'node:crypto';
import { errorBody } from '@cinema/http';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an Authorization header carries `Bearer <apiKey>`, compared in constant time. */
export function bearerMatches(header: string | undefined, apiKey: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  // Digests have one length, so the comparison reveals neither the key's length nor a matching prefix.
  return match !== null && timingSafeEqual(digest(match[1].trim()), digest(apiKey));
}

interface RequestLike {
  url: string;
  headers: { authorization?: string };
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

/**
 * An onRequest hook: like a card processor's API, every route but /health needs the API key
 * (PAYMENT_API_KEY), checked before the body is read; /metrics too, since it tells the traffic.
 */
export function apiKeyHook(apiKey: string) {
  return (request: RequestLike, reply: ReplyLike, done: () => void): void => {
    const path = request.url.split('?', 1)[0];
    if (path === '/health' || bearerMatches(request.headers.authorization, apiKey)) return done();
    reply
      .status(401)
      .header('www-authenticate', 'Bearer')
      .header('content-type', 'application/json; charset=utf-8')
      .send(
        errorBody('UNAUTHENTICATED', 'A valid payment API key is required (Authorization: Bearer <key>)'),
      );
  };
}
