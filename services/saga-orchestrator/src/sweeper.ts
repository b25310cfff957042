import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * Runs `sweep()` every `intervalMs` (counted from the end of the previous run) in every replica, from start
 * until shutdown, which waits for a run in progress. A failed run is logged and the next one comes as usual:
 * what a sweep picks up is claimed in the database (SKIP LOCKED), so replicas never do the same work twice.
 */
export abstract class Sweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  protected constructor(
    private readonly what: string,
    private readonly intervalMs: number,
  ) {}

  protected abstract sweep(): Promise<unknown>;

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
      this.running = this.sweep()
        .catch((error: Error) => this.logger.warn({ err: error.message }, `${this.what} failed`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.intervalMs);
  }
}
