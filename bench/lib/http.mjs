import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A small JSON client over node:http with its own keep-alive agent: lighter than fetch in the hot loops, so
 * the load generator takes less of the CPU it shares with the system under test.
 */
export function createClient(baseUrl, { maxSockets = 256, timeoutMs = 30_000 } = {}) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const hostname = url.hostname;
  const port = Number(url.port || 80);

  /** Resolves {status, body, ms}; network errors resolve with status 0 and `error` (never rejects). */
  function request(method, path, { token, body, headers } = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const h = { ...headers };
    if (payload !== undefined) {
      h['content-type'] = 'application/json';
      h['content-length'] = Buffer.byteLength(payload);
    }
    if (token) h.authorization = `Bearer ${token}`;
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request({ hostname, port, method, path, headers: h, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed, ms, started, ended: started + ms });
        });
        res.on('error', (error) =>
          resolve({ status: 0, error: error.message, ms: performance.now() - started }),
        );
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (error) =>
        resolve({
          status: 0,
          error: error.message,
          timeout: error.message === 'timeout',
          ms: performance.now() - started,
        }),
      );
      req.end(payload);
    });
  }

  return { request, agent, close: () => agent.destroy() };
}

/** Throws unless the response has the expected status; returns its body. */
export function expectStatus(res, status, what) {
  if (res.status !== status) {
    const detail = res.error ?? JSON.stringify(res.body)?.slice(0, 400);
    throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${detail}`);
  }
  return res.body;
}
