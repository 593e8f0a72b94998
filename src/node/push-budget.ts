import type { Turns } from '../protocol/push-share.js';

/** How much of its token a node holds at least at a turn to push there. */
const AT_TURN = 0.75;
/**
 * With turns a node saves up to two pushes: it pushes once a turn at most, so no burst comes of them, and the
 * push saved beyond one keeps its rate at its share when its turns come a little more often than the share.
 */
const SAVED_WITH_TURNS = 2;

/**
 * A token bucket of pushes per minute, whose rate the node sets each round to its share of the branch's budget
 * (push-share.ts). Waiting for a token is what makes a busy node batch: results keep arriving while it waits,
 * and the next commit carries them all. It saves one token at most: a node idle for a while pushes once at
 * once, never a burst, so that many nodes waking together stay near the budget. A node waits for a token
 * before the round reads the tip, and spends it when it pushes (a round that finds nothing to push spends
 * none). Infinity or 0: no limit.
 *
 * With turns (push-share.ts turnsOf), a busy node pushes at its own slots of the budget's train: busy nodes
 * then push one after another instead of racing for the same moment and losing rounds (a lost round costs a
 * fetch, a build and a push for nothing). A node whose share is below what its turns give skips the turns at
 * which its token is not nearly whole, and keeps its place; a round that lost its race at its turn tries again
 * while the turn lasts, not a whole train later. An idle node keeps no turns: its results do not wait for one.
 */
export class PushBudget {
  private last: number;
  private turns: Turns | undefined;
  private spentAt = -Infinity;

  /** `tokens`: what it holds at first, one push at once by default. */
  constructor(
    private perMinute: number,
    private readonly clock: () => number = Date.now,
    private tokens = 1,
  ) {
    this.last = clock();
  }

  /** Pushes a minute the node makes at most: its share, or with turns one a turn if that is fewer; 0: no limit. */
  get rate(): number {
    if (!this.limited()) return 0;
    return this.turns ? Math.min(this.perMinute, 60_000 / this.turns.everyMs) : this.perMinute;
  }

  /** A new rate from now on, and the node's turns (undefined: whenever the token is whole); what was saved at the old rate is kept. */
  setRate(perMinute: number, turns?: Turns): void {
    this.refill();
    this.perMinute = perMinute;
    this.turns = turns;
    // Without turns, one push saved at most: a node idle for a while pushes once at once, never a burst.
    if (!turns) this.tokens = Math.min(this.tokens, 1);
  }

  /** How long until a push may start (0 when the budget allows one now). */
  wait(): number {
    if (!this.limited()) return 0;
    this.refill();
    const periodMs = 60_000 / this.perMinute;
    if (!this.turns) return Math.max(0, (1 - this.tokens) * periodMs);
    const { offsetMs, everyMs, slotMs } = this.turns;
    const now = this.clock();
    // The turns at which the token is at least nearly whole (a node that pushes at every turn keeps it
    // there): early by a little at most, so that the grid's pushes of a minute stay near its budget.
    const from = now + (AT_TURN - this.tokens) * periodMs;
    const current = this.lastTurn(now);
    // A round that lost its race tries again while its turn lasts, before the next node's; one push a turn.
    if (now - current < slotMs && current >= from && this.spentAt < current) return 0;
    const next = offsetMs + Math.ceil((from - offsetMs) / everyMs) * everyMs;
    return Math.max(current + everyMs, next) - now;
  }

  /** Whether the node is within one of its turns now: a round that lost its race there retries at once. */
  inTurn(): boolean {
    if (!this.turns || !this.limited()) return false;
    const now = this.clock();
    return now - this.lastTurn(now) < this.turns.slotMs;
  }

  /** When the node's latest turn began, at or before `now`. */
  private lastTurn(now: number): number {
    const { offsetMs, everyMs } = this.turns!;
    return offsetMs + Math.floor((now - offsetMs) / everyMs) * everyMs;
  }

  /** A push is made: a push that had to be made early (a node signing off) leaves a debt the next ones wait for. */
  spend(): void {
    this.refill();
    this.tokens -= 1;
    this.spentAt = this.clock();
  }

  private limited(): boolean {
    return this.perMinute > 0 && Number.isFinite(this.perMinute);
  }

  private refill(): void {
    const now = this.clock();
    const most = this.turns ? SAVED_WITH_TURNS : 1;
    if (this.limited()) this.tokens = Math.min(most, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
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
