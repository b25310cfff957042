import { randomUUID } from 'node:crypto';
import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import {
  DEAD_LETTER_EXCHANGE,
  EVENTS_EXCHANGE,
  QUEUE_BINDINGS,
  type EventEnvelope,
  type EventPayloads,
  type EventType,
} from '@cinema/contracts';
import { currentRequestId, requestContext } from '@cinema/observability';

export interface BrokerLogger {
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Poison messages go to `<queue>.dlq` after this many deliveries. */
export const DELIVERY_LIMIT = 10;

/**
 * Declares the whole topology. Every service runs it on connect, so no publisher ever sends to an exchange
 * whose queues do not exist yet (a message with no bound queue would be dropped).
 */
export async function declareTopology(channel: Channel | ConfirmChannel): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  for (const [queue, types] of Object.entries(QUEUE_BINDINGS)) {
    await channel.assertQueue(queue, {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': DELIVERY_LIMIT,
        'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
        'x-dead-letter-routing-key': queue,
      },
    });
    await channel.assertQueue(`${queue}.dlq`, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.bindQueue(`${queue}.dlq`, DEAD_LETTER_EXCHANGE, queue);
    for (const type of types) await channel.bindQueue(queue, EVENTS_EXCHANGE, type);
  }
}

/** The request id defaults to the current context's, so an event names the request that caused it. */
export function createEnvelope<T extends EventType>(
  type: T,
  data: EventPayloads[T],
  opts: { id?: string; requestId?: string } = {},
): EventEnvelope<T> {
  return {
    id: opts.id ?? randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    requestId: opts.requestId ?? currentRequestId(),
    data,
  };
}

export type MessageHandler = (envelope: EventEnvelope, message: ConsumeMessage) => Promise<void>;

export interface ConsumeOptions {
  prefetch?: number;
  /** Backoff before a failed message is handed back to the queue, by delivery count. */
  backoffMs?: (deliveryCount: number) => number;
}

/** Our own RabbitMQ client: confirmed persistent publishes, manual acks, bounded prefetch, DLQ on poison. */
export class Broker {
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private readonly consumers: ChannelWrapper[] = [];
  private connected = false;

  constructor(
    url: string,
    private readonly logger: BrokerLogger,
    private readonly publishTimeoutMs = 5_000,
  ) {
    this.connection = amqp.connect([url], { heartbeatIntervalInSeconds: 10, reconnectTimeInSeconds: 1 });
    this.connection.on('connect', () => {
      this.connected = true;
      this.logger.info({}, 'rabbitmq connected');
    });
    this.connection.on('disconnect', ({ err }) => {
      this.connected = false;
      this.logger.warn({ err: err?.message }, 'rabbitmq disconnected');
    });
    this.publisher = this.connection.createChannel({
      confirm: true,
      setup: (ch: ConfirmChannel) => declareTopology(ch),
    });
    this.reportChannelErrors(this.publisher, 'publisher');
  }

  /**
   * A channel that closes while its topology is being declared (a shutdown, a broker restart) makes the
   * wrapper emit 'error'; without a listener that becomes an unhandled rejection. The wrapper reconnects
   * by itself, so a warning is all it takes.
   */
  private reportChannelErrors(wrapper: ChannelWrapper, name: string): void {
    wrapper.on('error', (err: Error) =>
      this.logger.warn({ err: err.message, channel: name }, 'rabbitmq channel error'),
    );
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Resolves once the broker has confirmed the message is stored; rejects on timeout or nack. */
  async publish(envelope: EventEnvelope): Promise<void> {
    if (!this.connected) {
      // Do not let callers wait for a reconnect that may never come; they retry (outbox) or answer 503.
      await this.waitConnected(this.publishTimeoutMs);
    }
    await this.publisher.publish(EVENTS_EXCHANGE, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      messageId: envelope.id,
      type: envelope.type,
      contentType: 'application/json',
      timestamp: Math.floor(Date.now() / 1000),
      headers: envelope.requestId ? { 'x-request-id': envelope.requestId } : {},
      timeout: this.publishTimeoutMs,
    });
  }

  async waitConnected(timeoutMs: number): Promise<void> {
    if (this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.connection.off('connect', onConnect);
        reject(new Error('RabbitMQ is not reachable'));
      }, timeoutMs);
      const onConnect = () => {
        clearTimeout(timer);
        resolve();
      };
      this.connection.once('connect', onConnect);
    });
  }

  consume(queue: string, handler: MessageHandler, opts: ConsumeOptions = {}): void {
    const prefetch = opts.prefetch ?? 20;
    const backoff = opts.backoffMs ?? ((n: number) => Math.min(30_000, 250 * 2 ** Math.max(0, n - 1)));
    const wrapper = this.connection.createChannel({
      confirm: false,
      setup: async (ch: Channel) => {
        await declareTopology(ch);
        await ch.prefetch(prefetch);
        await ch.consume(queue, (msg) => {
          if (msg) void this.dispatch(ch, queue, msg, handler, backoff);
        });
      },
    });
    this.reportChannelErrors(wrapper, queue);
    this.consumers.push(wrapper);
  }

  private async dispatch(
    ch: Channel,
    queue: string,
    msg: ConsumeMessage,
    handler: MessageHandler,
    backoff: (n: number) => number,
  ): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = JSON.parse(msg.content.toString('utf8')) as EventEnvelope;
      if (!envelope || typeof envelope.id !== 'string' || typeof envelope.type !== 'string')
        throw new Error('not an envelope');
    } catch (error) {
      this.logger.error({ queue, err: (error as Error).message }, 'unreadable message dead-lettered');
      safe(() => ch.nack(msg, false, false));
      return;
    }
    const requestId = requestIdOf(envelope, msg);
    try {
      await runInRequestContext(requestId, async () => {
        await handler(envelope, msg);
        this.logger.debug?.({ queue, messageId: envelope.id, type: envelope.type }, 'message handled');
      });
      safe(() => ch.ack(msg));
    } catch (error) {
      const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
      const delay = backoff(deliveries);
      this.logger.warn(
        {
          queue,
          messageId: envelope.id,
          type: envelope.type,
          requestId,
          deliveries,
          retryInMs: delay,
          err: (error as Error).message,
        },
        'message handling failed; will retry',
      );
      setTimeout(() => safe(() => ch.nack(msg, false, true)), delay).unref();
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.close()));
    await this.publisher.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}

/** The request that caused a message: its `x-request-id` header, else the envelope's own field. */
export function requestIdOf(envelope: EventEnvelope, msg: ConsumeMessage): string | undefined {
  const header: unknown = msg.properties.headers?.['x-request-id'];
  if (typeof header === 'string' && header) return header;
  return typeof envelope.requestId === 'string' && envelope.requestId ? envelope.requestId : undefined;
}

function runInRequestContext<T>(requestId: string | undefined, fn: () => Promise<T>): Promise<T> {
  return requestId ? requestContext.run({ requestId }, fn) : fn();
}

/** A channel closed under us (broker restart) makes ack/nack throw; the message is redelivered anyway. */
function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    /* redelivered after reconnect */
  }
}

/** Health check of a service's RabbitMQ connection, for the ops module. */
export function brokerHealthCheck(broker: Broker): { name: string; check(): Promise<void> } {
  return {
    name: 'rabbitmq',
    async check() {
      if (!broker.isConnected()) throw new Error('not connected');
    },
  };
}
