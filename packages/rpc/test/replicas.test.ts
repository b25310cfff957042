import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { notificationPb } from '@cinema/contracts';
import { freePort, waitFor } from '@cinema/testing';
import { createRpcClient, grpcServiceClient, grpcTarget } from '../src';

const service = grpcServiceClient('notification').service;

/** A real gRPC server on its own port answering with its name, so a test sees which replica served a call. */
async function replica(name: string, port: number): Promise<Server> {
  const server = new Server();
  server.addService(service, {
    ListNotifications: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) =>
      callback(null, { items: [{ id: name }] }),
  });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return server;
}

type Client = ReturnType<typeof createRpcClient<notificationPb.NotificationServiceClient>>;

async function servedBy(client: Client, calls: number): Promise<string[]> {
  const answers = await Promise.all(
    Array.from({ length: calls }, () => client.listNotifications({ bookingId: 'b' }, { timeoutMs: 5_000 })),
  );
  return answers.map((a) => a.items[0]?.id ?? '');
}

describe('gRPC client over several replicas', () => {
  const servers: Server[] = [];
  let client: Client | undefined;

  afterEach(() => {
    client?.close();
    client = undefined;
    for (const s of servers.splice(0)) s.forceShutdown();
  });

  it('turns a list of addresses into a static round-robin target and leaves other targets alone', () => {
    expect(grpcTarget('127.0.0.1:5003')).toBe('127.0.0.1:5003');
    expect(grpcTarget('127.0.0.1:5003, 127.0.0.1:5103')).toBe('ipv4:127.0.0.1:5003,127.0.0.1:5103');
    expect(grpcTarget('[::1]:5003,[::1]:5103')).toBe('ipv6:[::1]:5003,[::1]:5103');
    expect(grpcTarget('dns:///seat-service:50054')).toBe('dns:///seat-service:50054');
    expect(() => grpcTarget('seat-a:5003,seat-b:5003')).toThrow(/dns:\/\/\//);
    expect(() => grpcTarget('127.0.0.1:5003,[::1]:5003')).toThrow(/mix/);
    expect(() => grpcTarget(' , ')).toThrow(/required/);
  });

  it('spreads calls over both replicas and keeps succeeding on one when the other dies', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    servers.push(await replica('a', portA), await replica('b', portB));
    client = createRpcClient<notificationPb.NotificationServiceClient>(
      'notification',
      `127.0.0.1:${portA},127.0.0.1:${portB}`,
    );

    // Until both connections are up, round_robin uses the one that is: ask until both have answered.
    const seen = new Set<string>();
    await waitFor(
      async () => {
        for (const name of await servedBy(client!, 10)) seen.add(name);
        return seen.size === 2;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'both replicas to answer' },
    );
    // Both connected: consecutive calls alternate.
    const spread = await servedBy(client, 20);
    expect(spread.filter((n) => n === 'a').length).toBe(10);
    expect(spread.filter((n) => n === 'b').length).toBe(10);

    // A crash: every connection of replica a is torn down at once, without a goodbye to in-flight calls.
    servers[0].forceShutdown();
    const after = await servedBy(client, 40);
    expect(after).toEqual(Array.from({ length: 40 }, () => 'b'));

    // It comes back on the same port and is used again.
    servers[0] = await replica('a', portA);
    await waitFor(async () => (await servedBy(client!, 10)).includes('a'), {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'the restarted replica to be used again',
    });
  });

  it('answers UNAVAILABLE when every replica is down, and recovers when one returns', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    client = createRpcClient<notificationPb.NotificationServiceClient>(
      'notification',
      `127.0.0.1:${portA},127.0.0.1:${portB}`,
    );
    await expect(client.listNotifications({ bookingId: 'b' }, { timeoutMs: 1_000 })).rejects.toMatchObject({
      code: expect.stringMatching(/UNAVAILABLE|TIMEOUT|DEADLINE/),
    });
    servers.push(await replica('b', portB));
    await waitFor(async () => (await servedBy(client!, 1).catch(() => []))[0] === 'b', {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'the replica that came up to answer',
    });
  });
});
