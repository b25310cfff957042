import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grpcServiceClient } from '@cinema/rpc';
import { freePort, grpcServicesAt, uniqueSuffix, waitFor } from '@cinema/testing';

const root = join(__dirname, '..');

/**
 * The built gateway (services/api-gateway/dist/main.js) as its own process, with a seat-service that only
 * answers the seat status: SIGTERM must end its open seat streams and let the process exit.
 */
describe('api-gateway process on SIGTERM with an open seat stream', () => {
  const seat = new Server();
  let child: ChildProcess;
  let output = '';
  let url = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  beforeAll(async () => {
    const service = grpcServiceClient('seat').service;
    const impl: Record<
      string,
      (call: ServerUnaryCall<unknown, unknown>, cb: sendUnaryData<unknown>) => void
    > = {};
    for (const name of Object.keys(service))
      impl[name] = (_call, cb) => cb({ code: 12, details: 'not faked' });
    impl.GetSeatStatus = (call, cb) =>
      cb(null, {
        showtimeId: (call.request as { showtimeId: string }).showtimeId,
        version: 1,
        currency: 'USD',
        seats: [],
      });
    seat.addService(service, impl);
    const grpcPort = await new Promise<number>((resolve, reject) =>
      seat.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
    const port = await freePort();
    const address = `127.0.0.1:${grpcPort}`;
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(root, 'services', 'api-gateway', 'dist', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        API_GATEWAY_PORT: String(port),
        API_GATEWAY_METRICS_PORT: '0',
        BIND_HOST: '127.0.0.1',
        ...grpcServicesAt(address),
        PAYMENT_SERVICE_URL: 'http://127.0.0.1:1',
        REDIS_KEY_PREFIX: `test:gw-sigterm:${uniqueSuffix()}:`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => (exit = { code, signal }));
    await waitFor(
      async () => {
        if (exit) throw new Error(`the gateway exited at start (${exit.signal ?? exit.code}): ${output}`);
        return fetch(`${url}/health`).then(
          () => true,
          () => false,
        );
      },
      { what: 'the gateway to listen', timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    if (child && !exit) child.kill('SIGKILL');
    seat.forceShutdown();
  });

  it('ends the stream with a reconnect hint and exits', async () => {
    const state = { text: '', status: 0, ended: false };
    const req = httpRequest(`${url}/seats/stream/${randomUUID()}`, {
      headers: { accept: 'text/event-stream' },
    });
    req.on('response', (res) => {
      state.status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (state.text += chunk));
      res.on('end', () => (state.ended = true));
    });
    req.on('error', () => undefined);
    req.end();
    await waitFor(() => state.text.includes('event: snapshot'), { what: 'the snapshot', timeoutMs: 20_000 });
    expect(state.status).toBe(200);

    child.kill('SIGTERM');
    await waitFor(() => exit, { what: 'the gateway process to exit after SIGTERM', timeoutMs: 30_000 });
    expect(exit, output).toEqual({ code: null, signal: 'SIGTERM' });
    await waitFor(() => state.ended, { what: 'the stream to end' });
    expect(state.text).toMatch(/\n\n: server shutting down, reconnect\nretry: \d+\n\n$/);
    expect(output).toContain('ending seat streams for shutdown');
  });
});
