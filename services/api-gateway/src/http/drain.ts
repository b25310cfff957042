import { setMaxListeners } from 'node:events';
import type { FastifyInstance } from 'fastify';

/**
 * Aborted when the gateway starts shutting down (before its HTTP server closes), so work that would hold
 * a response open for long (a long poll) answers at once instead of keeping the process alive.
 */
export class ShutdownSignal {
  private readonly controller = new AbortController();

  constructor() {
    // One listener per long poll in flight: many at once is normal, not a leak.
    setMaxListeners(0, this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  begin(): void {
    this.controller.abort();
  }
}

/**
 * Lets a closing gateway drain: a request already in flight when the server starts closing is answered as
 * usual, with `Connection: close`, so its connection ends with it. Without this a keep-alive connection
 * that falls idle after the close began stays open until its keep-alive timeout (the server closes only
 * the connections idle at the moment it starts closing), and holds the process that long. Requests that
 * arrive on an open connection while closing are answered 503 by Fastify itself.
 */
export function installDrain(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing && !reply.raw.headersSent) reply.header('connection', 'close');
    done(null, payload);
  });
}
