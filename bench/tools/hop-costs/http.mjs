import { createClient } from '../../lib/http.mjs';
import { measureVariants, startChild } from './measure.mjs';
import { holdRequest } from './workload.mjs';

export async function httpRows(opts, cleanup, log) {
  const started = [];
  try {
    const variants = [
      { id: 'http-bare', title: 'HTTP POST JSON, bare Fastify', kind: 'http-bare' },
      { id: 'http-nest', title: 'HTTP POST JSON, Nest + Fastify', kind: 'http-nest' },
    ];
    for (const v of variants) {
      const server = await startChild(v.kind, {}, cleanup);
      // node:http with a keep-alive agent: the load generator's client, and what the gateway and the payment
      // service's webhook sender use.
      const client = createClient(`http://127.0.0.1:${server.port}`, {
        maxSockets: opts.concurrency,
        timeoutMs: 10_000,
      });
      started.push(
        cleanup.add(`${v.kind} client`, () => client.close()),
        server.stop,
      );
      v.sides = [{ key: 'server', read: server.cpuMs }];
      v.op = async () => {
        const res = await client.request('POST', '/seats/hold', { body: holdRequest() });
        if (res.status !== 200 || res.body?.status !== 'HELD')
          throw new Error(`${v.kind}: HTTP ${res.status} ${res.error ?? JSON.stringify(res.body)}`);
      };
    }
    log(`  ${variants.map((v) => v.title).join(' / ')} ...`);
    const results = await measureVariants(opts, variants);
    return variants.map((v, i) => ({ id: v.id, title: v.title, result: results[i] }));
  } finally {
    for (const release of started) await release();
  }
}
