import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { round } from '../../lib/stats.mjs';
import { findProcesses, isLoopback, measureVariants, procCpuMs, startChild } from './measure.mjs';

export async function amqpRows(opts, cleanup, log) {
  const url = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';
  if (!isLoopback(new URL(url).hostname)) throw new Error('RABBITMQ_URL must be a loopback address');
  const beams = findProcesses((c) => c.includes('beam.smp'));
  const broker = beams.find((b) => /-s rabbit boot/.test(b.cmdline)) ?? beams[0];
  if (!broker) throw new Error('no beam.smp process found (RabbitMQ not on this machine?)');
  const title = 'AMQP publish+confirm, quorum, ack';
  log(`  ${title} ...`);
  const queue = `hopcost_${randomBytes(5).toString('hex')}`;
  const connection = await amqp.connect(url);
  const releaseConnection = cleanup.add('amqp publisher connection', () => connection.close());
  let releaseQueue = async () => undefined;
  try {
    const channel = await connection.createConfirmChannel();
    releaseQueue = cleanup.add(`queue ${queue}`, async () => {
      // A connection of its own: the publishing one may be gone by now.
      const admin = await amqp.connect(url);
      try {
        const ch = await admin.createChannel();
        await ch.deleteQueue(queue);
      } finally {
        await admin.close().catch(() => undefined);
      }
    });
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const consumer = await startChild('amqp-consumer', { url, queue, prefetch: 20 }, cleanup);
    try {
      // The broker's own background CPU (and anything else using it right now), for the note.
      const idleStart = procCpuMs(broker.pid);
      const idleT0 = performance.now();
      await new Promise((r) => setTimeout(r, 2_000));
      const idleMsPerS = (procCpuMs(broker.pid) - idleStart) / ((performance.now() - idleT0) / 1000);
      let published = 0;
      // As Broker.publish in packages/messaging: an envelope, JSON, persistent, confirmed.
      const op = (i) => {
        const envelope = {
          id: randomUUID(),
          type: 'booking.created',
          occurredAt: new Date().toISOString(),
          requestId: randomUUID(),
          data: {
            bookingId: randomUUID(),
            customerId: randomUUID(),
            showingId: randomUUID(),
            seatIds: [randomUUID(), randomUUID()],
            amountCents: 2400 + i,
            currency: 'EUR',
          },
        };
        published += 1;
        return new Promise((resolve, reject) => {
          channel.publish(
            '',
            queue,
            Buffer.from(JSON.stringify(envelope)),
            {
              persistent: true,
              messageId: envelope.id,
              type: envelope.type,
              contentType: 'application/json',
              timestamp: Math.floor(Date.now() / 1000),
              headers: { 'x-request-id': envelope.requestId },
            },
            (err) => (err ? reject(err instanceof Error ? err : new Error('nacked')) : resolve()),
          );
        });
      };
      // The consumer's acks are part of the cost: each measured block ends once it has taken every message.
      const consumed = () => consumer.waitFor(published, 120_000);
      const [result] = await measureVariants(opts, [
        {
          op,
          afterWarmup: consumed,
          drain: consumed,
          sides: [
            { key: 'server', read: consumer.cpuMs },
            { key: 'broker', read: async () => procCpuMs(broker.pid) },
          ],
        },
      ]);
      const idlePerOp = (idleMsPerS * result.wallS) / opts.n;
      return [
        {
          id: 'amqp',
          title,
          result,
          note: `broker background (idle, measured 2 s before) ${round(idleMsPerS, 1)} ms/s, i.e. ~${round(idlePerOp, 3)} ms of the broker's ms/msg`,
        },
      ];
    } finally {
      await consumer.stop();
      await channel.close().catch(() => undefined);
    }
  } finally {
    await releaseQueue();
    await releaseConnection();
  }
}
