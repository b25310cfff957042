import http from 'node:http';
import https from 'node:https';

export interface WebhookResponse {
  /** Null when no response arrived. */
  statusCode: number | null;
  /** Why the attempt did not get a 2xx, for the delivery log; null on success. */
  error: string | null;
}

/** An idle keep-alive socket is closed after this long (or sooner, if the receiver says so). */
const IDLE_SOCKET_MS = 30_000;

class WebhookTimeout extends Error {
  constructor() {
    super('timed out');
  }
}

/** A kept-alive socket was closed by the receiver as it was reused, before any response. */
class ReusedSocketReset extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/**
 * POSTs webhook bodies to the receiver over keep-alive connections (at most `maxSockets` at once); each
 * exchange is bounded by `timeoutMs`, from the request to the end of the response.
 */
export class WebhookSender {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  constructor(
    private readonly url: URL,
    private readonly timeoutMs: number,
    maxSockets: number,
  ) {
    const secure = url.protocol === 'https:';
    const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: IDLE_SOCKET_MS };
    this.agent = secure ? new https.Agent(options) : new http.Agent(options);
    this.request = secure ? https.request : http.request;
  }

  async post(body: string, headers: Record<string, string>): Promise<WebhookResponse> {
    const payload = Buffer.from(body, 'utf8');
    try {
      return outcome(await this.exchange(payload, headers));
    } catch (first) {
      // The receiver closed an idle connection just as it was reused (its keep-alive ran out), so the request
      // most likely never reached it: send again at once rather than after the retry backoff (a receiver
      // handles an event id once anyway).
      if (!(first instanceof ReusedSocketReset)) return { statusCode: null, error: describe(first) };
      try {
        return outcome(await this.exchange(payload, headers));
      } catch (second) {
        return {
          statusCode: null,
          error: describe(second instanceof ReusedSocketReset ? second.cause : second),
        };
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private exchange(payload: Buffer, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = this.request(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: { ...headers, 'content-length': String(payload.length) },
      });
      let timedOut = false;
      let responded = false;
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new WebhookTimeout());
      }, this.timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (timedOut) return reject(new WebhookTimeout());
        const reset =
          !responded && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
        reject(reset ? new ReusedSocketReset(error) : error);
      };
      req.on('error', fail);
      req.on('response', (res) => {
        responded = true;
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          resolve(res.statusCode ?? 0);
        });
        res.resume();
      });
      req.end(payload);
    });
  }
}

function outcome(statusCode: number): WebhookResponse {
  return { statusCode, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
}

function describe(error: unknown): string {
  if (error instanceof WebhookTimeout) return 'timed out';
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const code = (error as NodeJS.ErrnoException).code;
  return (code && !error.message.includes(code) ? `${error.message} (${code})` : error.message).slice(0, 500);
}
