import { Controller, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, notificationPb } from '@cinema/contracts';
import { currentRequestId, HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { freePort } from '@cinema/testing';
import { createRpcClient, GrpcHealthController, startGrpcService } from '../src';

/** Answers with the request id it sees in its async context, or fails with a domain error on demand. */
@Controller()
@notificationPb.NotificationServiceControllerMethods()
class EchoController implements notificationPb.NotificationServiceController {
  async listNotifications(req: notificationPb.ListNotificationsRequest) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (req.bookingId === 'missing') throw new DomainError('NOT_FOUND', 'Nothing here');
    return { items: [{ id: currentRequestId() ?? '', bookingId: req.bookingId }] } as never;
  }
}

@Module({
  imports: [OpsModule.forService('rpc-test', { provide: HEALTH_CHECKS, useValue: [] })],
  controllers: [EchoController, GrpcHealthController],
})
class EchoModule {}

describe('gRPC server: request context and errors', () => {
  let app: INestApplication;
  let client: ReturnType<typeof createRpcClient<notificationPb.NotificationServiceClient>>;

  beforeAll(async () => {
    const grpcPort = await freePort();
    app = await startGrpcService({
      module: EchoModule,
      services: ['notification'],
      grpcHost: '127.0.0.1',
      host: '127.0.0.1',
      grpcPort,
      httpPort: await freePort(),
    });
    client = createRpcClient('notification', `127.0.0.1:${grpcPort}`);
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('runs each handler inside the request id of its caller, also across awaits and concurrent calls', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `req-${i}`);
    const answers = await Promise.all(
      ids.map((requestId) => client.listNotifications({ bookingId: requestId }, { requestId })),
    );
    expect(answers.map((a) => a.items[0]?.id)).toEqual(ids);
    const anonymous = await client.listNotifications({ bookingId: 'x' });
    expect(anonymous.items[0]?.id).toBe('');
  });

  it('still maps a domain error to its code', async () => {
    await expect(
      client.listNotifications({ bookingId: 'missing' }, { requestId: 'r' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
