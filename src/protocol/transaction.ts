// One change to the grid as one commit on the tip it was computed from. A rejected push means the tip
// moved: read the new tip and compute the change again from it; never rebase, never force.
import { ContentionError, UserError } from '../common/errors.js';
import { sleep } from '../common/time.js';
import type { Change, GridStore } from '../git/store.js';
import { GridSnapshot, type SnapshotOptions } from './snapshot.js';
import { PushPacer } from './push-pacer.js';

export interface Plan<T> {
  changes: Change[];
  message: string;
  value: T;
}

export interface Transacted<T> {
  /** The pushed commit; null when the plan had nothing to change. */
  commit: string | null;
  value: T | null;
  rejectedPushes: number;
}

export interface TransactOptions<T = unknown> extends SnapshotOptions {
  author: string;
  maxRounds?: number;
  /** Build the commit but do not push it (dry runs). */
  dryRun?: boolean;
  /** The caller's own pacer, which learns the branch's pace across its changes (a node's); a fresh one by default. */
  pacer?: PushPacer;
  /** What a caller that keeps state across changes (a node) does between the steps of a round. */
  hooks?: TransactHooks<T>;
}

export interface TransactHooks<T> {
  /** Before each round reads the tip: waits for the caller's push budget. */
  beforeRound?(): Promise<void>;
  /** The round's commit is built and about to be pushed: it may land even if the push reports an error. */
  beforePush?(commit: string, value: T): void;
  /** The push lost the race: whether to retry at once (the caller's lease is at risk), and what it waits. */
  urgent?(): boolean;
  rejected?(round: number, waitMs: number): void;
}

export async function transact<T>(
  store: GridStore,
  build: (snapshot: GridSnapshot) => Promise<Plan<T> | null>,
  options: TransactOptions<T>,
): Promise<Transacted<T>> {
  const rounds = options.maxRounds ?? 30;
  const hooks = options.hooks ?? {};
  let rejectedPushes = 0;
  let message = '';
  const pacer = options.pacer ?? new PushPacer();
  let last: GridSnapshot | undefined;
  for (let round = 1; round <= rounds; round++) {
    await hooks.beforeRound?.();
    pacer.begin();
    const tip = await store.fetch();
    if (tip === null) {
      throw new UserError(`branch "${store.branch}" does not exist in ${store.options.remote}: run "dgrid init" first`);
    }
    // After a lost race, the new tip is listed as the difference from the one that lost (options.since).
    const snapshot = await GridSnapshot.load(store, tip, { ...options, ...(last ? { since: last } : {}) });
    last = snapshot;
    const plan = await build(snapshot);
    if (!plan || plan.changes.length === 0) return { commit: null, value: plan?.value ?? null, rejectedPushes };
    if (options.dryRun) return { commit: null, value: plan.value, rejectedPushes };
    message = plan.message;
    const commit = await store.commit(tip, plan.changes, plan.message, options.author);
    hooks.beforePush?.(commit, plan.value);
    if ((await store.push(commit)) === 'pushed') {
      pacer.landed();
      return { commit, value: plan.value, rejectedPushes };
    }
    rejectedPushes++;
    const wait = pacer.lostRace(hooks.urgent?.() ?? false);
    hooks.rejected?.(round, wait);
    await sleep(wait);
  }
  throw new ContentionError(store.branch, rejectedPushes, subject(message));
}

/** A commit message's first line, cut short enough for one line of an error (a submit names every task). */
function subject(message: string): string {
  const line = message.split('\n', 1)[0]!;
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
