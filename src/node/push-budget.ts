import { sleep } from '../common/time.js';

/**
 * A token bucket of pushes per minute. Waiting for a token is what makes a busy node batch: results keep
 * arriving while it waits, and the next commit carries them all. 0 means no limit.
 */
export class PushBudget {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perMinute: number) {
    this.tokens = perMinute;
  }

  /** Resolves when a push may start (at once when the budget allows); the signal cuts the wait short. */
  async take(signal?: AbortSignal): Promise<void> {
    if (this.perMinute <= 0) return;
    this.refill();
    if (this.tokens < 1) {
      await sleep(((1 - this.tokens) * 60_000) / this.perMinute, signal);
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
    this.last = now;
  }
}

/** The stricter of the grid's budget and the node's own; 0 on either side means that side sets no limit. */
export function effectiveBudget(policyPerMinute: number, nodePerMinute: number | undefined): number {
  const limits = [policyPerMinute, nodePerMinute ?? 0].filter((n) => n > 0);
  return limits.length === 0 ? 0 : Math.min(...limits);
}
