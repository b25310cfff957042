import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@cinema/testing';
import { WebhookSender } from '../src/webhooks/webhook-sender';

interface Seen {
  socket: Socket;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A receiver that answers each request with `respond` (which may also break the socket). */
async function receiver(
  respond: (seen: Seen, nth: number, res: import('node:http').ServerResponse) => void,
): Promise<{ server: Server; url: URL; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { socket: req.socket, headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(entry);
      respond(entry, seen.filter((s) => s.socket === req.socket).length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/payment/callback`);
  return { server, url, seen };
}

describe('WebhookSender', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((fn) => fn()));
  const sender = (url: URL, timeoutMs = 2_000) => {
    const s = new WebhookSender(url, timeoutMs, 4);
    cleanup.push(() => s.close());
    return s;
  };

  it('sends the body bytes and headers as given, over one kept-alive connection', async () => {
    const r = await receiver((_, __, res) => res.writeHead(200).end('{"received":true}'));
    cleanup.push(() => r.server.close());
    const s = sender(r.url);
    const body = JSON.stringify({ id: 'e1', data: { bookingId: 'quote " backslash \\ é 😀' } });
    const headers = { 'content-type': 'application/json', 'x-payment-signature': 't=1,v1=ab' };
    for (let i = 0; i < 3; i += 1)
      expect(await s.post(body, headers)).toEqual({ statusCode: 200, error: null });
    expect(r.seen).toHaveLength(3);
    expect(new Set(r.seen.map((x) => x.socket)).size).toBe(1);
    expect(r.seen[0].body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(r.seen[0].headers).toMatchObject({
      ...headers,
      'content-length': String(Buffer.byteLength(body)),
    });
  });

  it('reports a non-2xx answer, a refused connection and a receiver that does not answer in time', async () => {
    const r = await receiver((_, __, res) => res.writeHead(503).end());
    cleanup.push(() => r.server.close());
    expect(await sender(r.url).post('{}', {})).toEqual({ statusCode: 503, error: 'HTTP 503' });

    const refused = await sender(new URL(`http://127.0.0.1:${await freePort()}/x`)).post('{}', {});
    expect(refused).toEqual({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });

    const silent = await receiver(() => undefined);
    cleanup.push(() => silent.server.closeAllConnections());
    cleanup.push(() => silent.server.close());
    // The receiver never answers: only the sender's own timeout ends the request.
    expect(await sender(silent.url, 300).post('{}', {})).toEqual({ statusCode: null, error: 'timed out' });
  });

  it('sends again at once when a kept-alive connection was closed under it', async () => {
    // The second request on any connection finds it closed, as when the receiver's keep-alive ran out.
    const r = await receiver((seen, nth, res) => {
      if (nth >= 2) seen.socket.destroy();
      else res.writeHead(200).end();
    });
    cleanup.push(() => r.server.close());
    const s = sender(r.url);
    expect(await s.post('{"n":1}', {})).toEqual({ statusCode: 200, error: null });
    expect(await s.post('{"n":2}', {})).toEqual({ statusCode: 200, error: null });
    expect(r.seen.map((x) => x.body.toString())).toEqual(['{"n":1}', '{"n":2}', '{"n":2}']);
  });
});
