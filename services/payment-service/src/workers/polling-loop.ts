import type { Logger } from '@nestjs/common';

/**
 * Runs `step` repeatedly: again at once while it finds work, every `intervalMs` when idle, with a growing
 * pause after errors. Work is found in the database, so several replicas can each run a loop.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly step: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes an idle loop now (new work was just committed in this process). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let done = 0;
      try {
        done = await this.step();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(`${this.name} failed (${failures} in a row): ${(error as Error).message}`);
      }
      if (done > 0 && this.running) continue;
      const delay = failures > 0 ? Math.min(10_000, this.intervalMs * 2 ** failures) : this.intervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
