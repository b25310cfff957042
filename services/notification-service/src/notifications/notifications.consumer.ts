import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Broker } from '@cinema/messaging';
import type { NotificationConfig } from '../config';
import { NOTIFICATION_CONFIG } from '../database';
import { NotificationsService } from './notifications.service';

export const CONSUMER_OPTIONS = Symbol('CONSUMER_OPTIONS');
/** The RabbitMQ client the consumer reads from; null when consuming is disabled (tests). */
export const CONSUMER_BROKER = Symbol('CONSUMER_BROKER');

export interface ConsumerOptions {
  /** False in tests that call the handler directly. */
  enabled: boolean;
  queue: string;
}

/** Message adapter: booking events from RabbitMQ (acked after the handler resolved) to the service. */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(CONSUMER_OPTIONS) private readonly options: ConsumerOptions,
    @Inject(CONSUMER_BROKER) private readonly broker: Broker | null,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled || !this.broker) return;
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
  }
}
