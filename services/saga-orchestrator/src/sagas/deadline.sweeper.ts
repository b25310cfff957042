import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { SagaConfig } from '../config';
import { SAGA_CONFIG } from '../database';
import { SagaService } from './saga.service';

/** Runs the deadline sweep every SWEEP_INTERVAL_MS in every replica (each saga is claimed SKIP LOCKED). */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(SAGA_CONFIG) private readonly config: SagaConfig,
    private readonly sagas: SagaService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sagas
        .sweepOnce()
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'deadline sweep failed'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.sweepIntervalMs);
  }
}
