import type { FastifyReply } from 'fastify';

/** One Server-Sent Events frame. */
export function sseFrame(event: string, data: unknown): string {
  return sseJsonFrame(event, JSON.stringify(data));
}

/** A frame whose data is already JSON (one line). */
export function sseJsonFrame(event: string, json: string): string {
  return `event: ${event}\ndata: ${json}\n\n`;
}

/**
 * Takes the response over from Fastify and starts an event stream on it, with the headers set so far
 * (security headers, CORS, X-Request-Id). Returns the stream's writer, which writes nothing once the stream
 * has ended (a shutdown ends it before the socket closes).
 */
export function openEventStream(reply: FastifyReply): (frame: string) => void {
  const raw = reply.raw;
  reply.hijack();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = String(value);
  }
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  return (frame) => {
    if (!raw.writableEnded) raw.write(frame);
  };
}
