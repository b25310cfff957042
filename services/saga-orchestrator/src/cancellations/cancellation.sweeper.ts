import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { SagaConfig } from '../config';
import { SAGA_CONFIG } from '../database';
import { ShowtimeCancellations } from './showtime-cancellations';

/**
 * Resumes showtime cancellations whose step failed or whose runner stopped (a crash), every
 * SWEEP_INTERVAL_MS in every replica (each flow is taken SKIP LOCKED).
 */
@Injectable()
export class CancellationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CancellationSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(SAGA_CONFIG) private readonly config: SagaConfig,
    private readonly cancellations: ShowtimeCancellations,
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
      this.running = this.cancellations
        .resumeDue()
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'cancellation sweep failed'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.sweepIntervalMs);
  }
}
