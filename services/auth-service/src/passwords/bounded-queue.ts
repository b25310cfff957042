import { DomainError } from '@cinema/contracts';

export interface QueueLimits {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks waiting for a turn; one more is refused at once. */
  queue: number;
  /**
   * Longest wait for a turn: a task that would wait longer (by the recent tasks' durations) is refused at
   * once, and one still waiting after this long is refused when its turn comes, as its caller is about to
   * give up (the gateway's gRPC deadline).
   */
  maxWaitMs: number;
}

interface Waiting {
  enqueuedAt: number;
  start(): void;
  reject(error: unknown): void;
}

/**
 * Runs expensive tasks at most `concurrency` at a time with at most `queue` waiting. A task that does not
 * fit is refused with UNAVAILABLE and a Retry-After at once, so a burst gets fast answers instead of
 * piling up until every caller's deadline has passed.
 */
export class BoundedQueue {
  private running = 0;
  /** Moving average of a task's duration; 0 until one has finished. */
  private averageMs = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly limits: QueueLimits,
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrency && this.waiting.length === 0) return this.start(task);
    if (this.waiting.length >= this.limits.queue) return Promise.reject(busy(1));
    // Refused now rather than after waiting in vain: the tasks ahead would take longer than maxWaitMs.
    const expectedWaitMs = Math.ceil((this.waiting.length + 1) / this.limits.concurrency) * this.averageMs;
    if (expectedWaitMs > this.limits.maxWaitMs) return Promise.reject(busy(expectedWaitMs / 1000));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        enqueuedAt: this.now(),
        start: () => void this.start(task).then(resolve, reject),
        reject,
      });
    });
  }

  private async start<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    const started = this.now();
    try {
      return await task();
    } finally {
      const took = this.now() - started;
      this.averageMs = this.averageMs === 0 ? took : this.averageMs * 0.8 + took * 0.2;
      this.running--;
      this.next();
    }
  }

  private next(): void {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      if (this.now() - job.enqueuedAt > this.limits.maxWaitMs) job.reject(busy(1));
      else job.start();
    }
  }
}

function busy(retryAfterSeconds: number): DomainError {
  return new DomainError('UNAVAILABLE', 'Too many sign-ins and sign-ups at once; try again shortly', {
    service: 'auth',
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}
