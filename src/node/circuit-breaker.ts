// A node whose last runs failed for node-side reasons (its sandbox, a missing image, a full disk) would fail
// every task it claims: after THRESHOLD such runs in a row it claims nothing for a pause, reports itself
// unhealthy (its node file, /healthz), and then tries again; each time it opens again the pause doubles.
import type { Execution } from '../protocol/transitions.js';

const THRESHOLD = 3;
const FIRST_PAUSE_MS = 60_000;
const MAX_PAUSE_MS = 30 * 60_000;

/** How a run says its node, not its task, failed: the sandbox could not run it, or the machine lacks room. */
const NODE_SIDE =
  /docker could not run the container|the Docker daemon|No such image|Unable to find image|no space left on device|ENOSPC|could not start: /i;

/** Why a run failed for node-side reasons; undefined when the task is to blame, or it did not fail. */
export function nodeSideReason(run: Pick<Execution, 'status' | 'reason' | 'sandboxLost'>): string | undefined {
  if (run.sandboxLost) return run.sandboxLost;
  if (run.status !== 'error' || run.reason === undefined) return undefined;
  return NODE_SIDE.test(run.reason) ? run.reason : undefined;
}

export interface BreakerState {
  reason: string;
  since: Date;
  retryAt: Date;
}

export class CircuitBreaker {
  private inARow = 0;
  private opened = 0;
  private state: BreakerState | undefined;

  constructor(
    private readonly threshold = THRESHOLD,
    private readonly firstPauseMs = FIRST_PAUSE_MS,
  ) {}

  /** Records a run's end: a node-side failure's reason, or undefined for any other end. */
  record(reason: string | undefined, now: Date): void {
    if (reason === undefined) {
      this.inARow = 0;
      this.opened = 0;
      this.state = undefined;
      return;
    }
    this.inARow++;
    if (this.inARow < this.threshold) return;
    // Tried again after a pause and failed again: a longer pause.
    const pause = Math.min(MAX_PAUSE_MS, this.firstPauseMs * 2 ** this.opened++);
    this.state = { reason, since: this.state?.since ?? now, retryAt: new Date(now.getTime() + pause) };
  }

  /** Whether the node may claim now: closed, or its pause is over (it tries again, and stays unhealthy). */
  allowsClaims(now: Date): boolean {
    return this.state === undefined || now >= this.state.retryAt;
  }

  /** Why the node is unhealthy, while it is: from the threshold's failure until a run ends otherwise. */
  unhealthy(): BreakerState | undefined {
    return this.state;
  }
}
