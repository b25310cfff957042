import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { freePort, measureVariants, startChild } from './measure.mjs';
import { holdRequest, PROTO, PROTO_LOADER_OPTIONS } from './workload.mjs';

export async function grpcRows(opts, cleanup, log) {
  const dir = mkdtempSync(join(tmpdir(), 'hopcost-'));
  const releaseDir = cleanup.add(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const proto = join(dir, 'hopcost.proto');
  writeFileSync(proto, PROTO);
  const started = [];
  try {
    const def = loadSync(proto, PROTO_LOADER_OPTIONS);
    const { Echo } = grpc.loadPackageDefinition(def).hopcost;
    const variants = [
      { id: 'grpc-bare', title: 'gRPC unary, bare grpc-js', kind: 'grpc-bare' },
      { id: 'grpc-nest', title: 'gRPC unary, Nest GRPC transport', kind: 'grpc-nest' },
    ];
    for (const v of variants) {
      const port = v.kind === 'grpc-nest' ? await freePort() : 0;
      const server = await startChild(v.kind, { proto, port }, cleanup);
      // The services' client: raw grpc-js, a deadline and the request id in metadata (packages/rpc).
      const client = new Echo(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), {
        'grpc.keepalive_time_ms': 30_000,
        'grpc.max_receive_message_length': 16 * 1024 * 1024,
      });
      started.push(
        cleanup.add(`${v.kind} client`, () => client.close()),
        server.stop,
      );
      v.sides = [{ key: 'server', read: server.cpuMs }];
      v.op = () =>
        new Promise((resolve, reject) => {
          const metadata = new grpc.Metadata();
          metadata.set('x-request-id', randomUUID());
          client.Hold(holdRequest(), metadata, { deadline: new Date(Date.now() + 10_000) }, (err, res) =>
            err ? reject(err) : res.status === 'HELD' ? resolve() : reject(new Error('bad reply')),
          );
        });
    }
    log(`  ${variants.map((v) => v.title).join(' / ')} ...`);
    const results = await measureVariants(opts, variants);
    return variants.map((v, i) => ({ id: v.id, title: v.title, result: results[i] }));
  } finally {
    for (const release of started) await release();
    await releaseDir();
  }
}
