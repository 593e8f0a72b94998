/**
 * A token bucket of pushes per minute, whose rate the node sets each round to its share of the branch's budget
 * (push-share.ts). Waiting for a token is what makes a busy node batch: results keep arriving while it waits,
 * and the next commit carries them all. It saves one token at most: a node idle for a while pushes once at
 * once, never a burst, so that many nodes waking together stay near the budget. A node waits for a token
 * before the round reads the tip, and spends it when it pushes (a round that finds nothing to push spends
 * none). Infinity or 0: no limit.
 *
 * With a turn offset (push-share.ts turnOffsetMs), a push waits for the node's next turn once its token is
 * nearly whole: busy nodes then push one after another, each in its own part of the period, instead of
 * racing for the same moment and losing rounds (a lost round costs a fetch, a build and a push for nothing).
 * A node whose token is whole already (it was idle for a period) pushes at once: its results do not wait.
 */
export class PushBudget {
  private last: number;
  private offsetMs: number | undefined;

  /** `tokens`: what it holds at first, one push at once by default. */
  constructor(
    private perMinute: number,
    private readonly clock: () => number = Date.now,
    private tokens = 1,
  ) {
    this.last = clock();
  }

  get rate(): number {
    return this.limited() ? this.perMinute : 0;
  }

  /**
   * A new rate from now on, and where in its period the node's turns fall (undefined: whenever the token is
   * whole); what was saved at the old rate is kept.
   */
  setRate(perMinute: number, offsetMs?: number): void {
    this.refill();
    this.perMinute = perMinute;
    this.offsetMs = offsetMs;
  }

  /** How long until a push may start (0 when the budget allows one now). */
  wait(): number {
    if (!this.limited()) return 0;
    this.refill();
    if (this.tokens >= 1) return 0;
    const periodMs = 60_000 / this.perMinute;
    const untilToken = (1 - this.tokens) * periodMs;
    if (this.offsetMs === undefined) return untilToken;
    // The first turn from a quarter period before the token is whole: pushing at turns a period apart, the
    // node spends each token a little early and repays it by the next turn, so it keeps its place.
    const now = this.clock();
    const from = now + untilToken - periodMs / 4;
    const turn = this.offsetMs + Math.ceil((from - this.offsetMs) / periodMs) * periodMs;
    return Math.max(0, turn - now);
  }

  /** A push is made: a push that had to be made early (a node signing off) leaves a debt the next ones wait for. */
  spend(): void {
    this.refill();
    this.tokens -= 1;
  }

  private limited(): boolean {
    return this.perMinute > 0 && Number.isFinite(this.perMinute);
  }

  private refill(): void {
    const now = this.clock();
    if (this.limited()) this.tokens = Math.min(1, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
    this.last = now;
  }
}

/** The stricter of the node's share of the grid's budget and its own; 0 on either side means that side sets no limit. */
export function effectiveBudget(sharePerMinute: number, nodePerMinute: number | undefined): number {
  const limits = [sharePerMinute, nodePerMinute ?? 0].filter((n) => n > 0 && Number.isFinite(n));
  return limits.length === 0 ? 0 : Math.min(...limits);
}

/** The longest measured turn prefetch is sized for, in turns of the node's share. */
const MAX_TURNS = 4;

/** What a node's claims should cover so that its slots stay busy from one push to the next. */
export interface PrefetchView {
  slots: number;
  /** Pushes a minute this node may make (its share); 0 or Infinity: no limit. */
  perMinute: number;
  /**
   * How long this node's turns have been taking, landed push to landed push (PushPacer.turn): longer than
   * its share allows when pushes race one another and some are lost. Undefined before it has pushed twice.
   */
  turnMs?: number | undefined;
  /** How long its tasks have been taking, a moving average; undefined before the first one finished. */
  taskMs: number | undefined;
  /** The node's prefetch setting: the least it holds beyond its slots. */
  configured: number;
  /** The most it ever holds beyond its slots. */
  max: number;
  /** How long until the node stops (its max-runtime); undefined when it runs on. */
  untilStopMs?: number | undefined;
}

/**
 * Claims held beyond the slots, sized so that the node stays busy until its next turn: with a push every
 * 60/share seconds and tasks of d seconds, each slot runs turn/d tasks between two pushes, and one push
 * carries their results and the claims for the next turn. The turn is the share's or, when lost races make
 * it longer, the one measured. Never less than the setting; without a binding budget or a measured task, the
 * setting alone.
 */
export function prefetchFor(view: PrefetchView): number {
  const { slots, taskMs, untilStopMs } = view;
  const prefetch = turnPrefetch(view);
  // Claims that could not start before the node stops would only be put back at its sign-off.
  if (untilStopMs === undefined || taskMs === undefined) return prefetch;
  return Math.min(prefetch, Math.floor((slots * Math.max(0, untilStopMs)) / Math.max(taskMs, 1)));
}

function turnPrefetch(view: PrefetchView): number {
  const { slots, perMinute, taskMs, configured, max } = view;
  if (!(perMinute > 0) || !Number.isFinite(perMinute) || taskMs === undefined) return configured;
  // A measured turn counts up to a few of the share's: one that spanned idle time says nothing of contention.
  const shareTurnMs = 60_000 / perMinute;
  const turnMs = Math.min(Math.max(shareTurnMs, view.turnMs ?? 0), MAX_TURNS * shareTurnMs);
  // A quarter more, and one more task per slot: turns vary (a lost race, a busy host), tasks run a little longer.
  const wanted = Math.ceil((slots * turnMs * 5) / (4 * Math.max(taskMs, 1))) + slots;
  return Math.min(max, Math.max(configured, wanted));
}
