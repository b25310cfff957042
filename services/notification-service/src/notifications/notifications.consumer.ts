import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import type { NotificationConfig } from '../config';
import { NOTIFICATION_CONFIG } from '../database';
import { NotificationsService } from './notifications.service';

export const CONSUMER_OPTIONS = Symbol('CONSUMER_OPTIONS');

export interface ConsumerOptions {
  /** False in tests that call the handler directly. */
  enabled: boolean;
  queue: string;
}

/** Message adapter: booking events from RabbitMQ (acked after the handler resolved) to the service. */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private broker: Broker | null = null;

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(CONSUMER_OPTIONS) private readonly options: ConsumerOptions,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.broker = new Broker(this.config.rabbit.url, createLogger('notification-service'));
    this.broker.consume(
      this.options.queue,
      async (envelope) => void (await this.notifications.handle(envelope)),
      {
        prefetch: this.config.prefetch,
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.broker?.close();
    this.broker = null;
  }
}
