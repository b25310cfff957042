import { DomainError } from '@cinema/contracts';

export interface QueueLimits {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks waiting for a turn; one more is refused at once. */
  queue: number;
  /** A task still waiting after this long is refused when its turn comes: its caller is about to give up. */
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
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly limits: QueueLimits,
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrency && this.waiting.length === 0) return this.start(task);
    if (this.waiting.length >= this.limits.queue) return Promise.reject(busy());
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
    try {
      return await task();
    } finally {
      this.running--;
      this.next();
    }
  }

  private next(): void {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      if (this.now() - job.enqueuedAt > this.limits.maxWaitMs) job.reject(busy());
      else job.start();
    }
  }
}

function busy(): DomainError {
  return new DomainError('UNAVAILABLE', 'Too many sign-ins and sign-ups at once; try again shortly', {
    service: 'auth',
    retryAfterSeconds: 1,
  });
}
