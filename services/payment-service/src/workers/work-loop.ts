import type { Logger } from '@nestjs/common';

/** Due times are rounded up to this, so a burst of rows due within it wakes the loop once. */
const DUE_QUANTUM_MS = 5;
/** Beyond this many pending due times, the fallback poll finds the rest. */
const MAX_DUE_TIMES = 10_000;

/**
 * Why a step runs: `poll` at start, every `fallbackMs` and when retrying after an error (look for any
 * work); `due` when a due time it was told about has passed; `nudge` when nudged, or again at once because
 * the previous step left work behind.
 */
export type Wake = 'poll' | 'due' | 'nudge';

/**
 * Runs `step` when there may be work instead of polling for it every few ms: at once when nudged (this
 * process committed work that is due now), at the due times it was told about (work due later, retries),
 * and, for work nobody told it about (rows of a replica that died, expired leases), at start and every
 * `fallbackMs`. `step` returns true when it left work behind (a full batch); it then runs again at once,
 * as it does after a nudge that came during it. Work is found in the database, so several replicas can
 * each run a loop.
 */
export class WorkLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private nudged = false;
  /** Ascending, on the performance.now() clock. */
  private dueAt: number[] = [];
  private wake: (() => void) | null = null;
  private rearm: (() => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly step: (wake: Wake) => Promise<boolean>,
    private readonly fallbackMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Work was just committed in this process and is due now. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Work was just committed in this process that becomes due in `delayMs`. */
  wakeAfter(delayMs: number): void {
    if (!this.running) return;
    const at = Math.ceil((performance.now() + Math.max(0, delayMs)) / DUE_QUANTUM_MS) * DUE_QUANTUM_MS;
    let i = this.dueAt.length;
    while (i > 0 && this.dueAt[i - 1] > at) i -= 1;
    if ((i > 0 && this.dueAt[i - 1] === at) || this.dueAt.length >= MAX_DUE_TIMES) return;
    this.dueAt.splice(i, 0, at);
    if (i === 0) this.rearm?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
    this.dueAt = [];
  }

  private async run(): Promise<void> {
    let failures = 0;
    let wake: Wake = 'poll';
    let lastPollAt = performance.now();
    while (this.running) {
      this.nudged = false;
      const now = performance.now();
      let passed = 0;
      while (passed < this.dueAt.length && this.dueAt[passed] <= now) passed += 1;
      if (passed > 0) this.dueAt.splice(0, passed);
      // A due time that passed while nudges kept the loop busy is still owed its full look, and so is the
      // fallback poll: under steady traffic the loop may never sleep long enough for either to fire.
      if (passed > 0 && wake === 'nudge') wake = 'due';
      if (now - lastPollAt >= this.fallbackMs) wake = 'poll';
      if (wake === 'poll') lastPollAt = now;
      let more = false;
      try {
        more = await this.step(wake);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(`${this.name} failed (${failures} in a row): ${(error as Error).message}`);
      }
      if (!this.running) break;
      if (failures === 0 && (more || this.nudged)) {
        wake = 'nudge';
        continue;
      }
      wake = await this.sleep(
        failures > 0 ? Math.min(this.fallbackMs, 100 * 2 ** failures) : this.fallbackMs,
      );
    }
  }

  private sleep(fallbackMs: number): Promise<Wake> {
    return new Promise((resolve) => {
      const fallbackAt = performance.now() + fallbackMs;
      let timer: NodeJS.Timeout | undefined;
      const finish = (wake: Wake) => {
        clearTimeout(timer);
        this.wake = null;
        this.rearm = null;
        resolve(wake);
      };
      // Re-checks on every timer: a timer can fire a little early, and an earlier due time can arrive.
      const arm = () => {
        clearTimeout(timer);
        const now = performance.now();
        if (now >= fallbackAt) return finish('poll');
        if (now >= (this.dueAt[0] ?? Infinity)) return finish('due');
        const wait = Math.min(fallbackAt, this.dueAt[0] ?? Infinity) - now;
        timer = setTimeout(arm, Math.ceil(wait));
      };
      this.wake = () => finish('nudge');
      this.rearm = arm;
      arm();
    });
  }
}
