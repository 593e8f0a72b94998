// A worker's round as a pure function: from what the tip holds (RoundSnapshot), what the node holds in memory
// (Holdings), who it is (RoundSettings) and the time, the one commit the round makes and what the node does
// once it lands (RoundPlan). No git, no clock, no processes (only a claim's token is random): the worker
// reads the tip, calls planRound inside transact(), applies what the plan observed at the tip (lost claims,
// cancels) and, once the commit lands, what it did (results written, claims taken).
//
//   planRound(snapshot, held, settings, now) -> RoundPlan
//
// The plan, step by step (each a function below, run in this order, each appending to one draft):
//   results   a finished task's result, or its hand-back, is written while the claim at the tip holds its
//             token (fencing); one that does not is `fenced`. A cancel request ends it as `cancelled`.
//   lost      claims the tip no longer gives this node: waiting ones are `dropped`, running ones `stopped`.
//   held      claims in this node's folder that nothing here runs: a stopping node hands them back, a claim
//             this process issued (a push that reported an error but landed) is `adopted`, any other (an
//             earlier incarnation's) goes back to the queue.
//   cancels   a cancel request for a waiting claim ends it before it starts, for a running one stops it,
//             for a task neither queued nor in progress is spent and removed.
//   queue     rejected queued files leave the queue (to failed/, or removed when their id has a result
//             already), and claims are taken, best first, within slots + prefetch, max-tasks, CPUs and memory.
//   checkpoints  at a heartbeat, a running task's claim records the checkpoint the worker just stored for it.
//   drain     a node that signs off takes away the drain request that asked it to.
//   shards    a commit made anyway moves the queue files submitters added flat into their folders.
//   node      the node file is written when anything changed, a heartbeat is due, or the node starts or stops.
// No change at all means no commit: the plan's `changes` is empty.
//
// To add a kind of change: add its inputs to RoundSnapshot (read from the tip) or Holdings (kept by the
// worker), its outcome to RoundPlan, and a step that appends to the draft's changes (and, for the commit
// message, to its body); put it in STEPS before `nodeStep`, and count it in commitMessage. The worker acts on the new outcome in Worker.observe (at once,
// whether the push lands or not) or Worker.landed (once the commit is at the tip).
import type { Change } from '../git/store.js';
import {
  cancelledRun,
  claimTask,
  concludeClaim,
  concludeNodeError,
  serialize,
  nodeChange,
  rejectFile,
  requeueClaim,
  runWithoutOutput,
  type Execution,
} from '../protocol/transitions.js';
import { iso } from '../common/time.js';
import { errorMessage } from '../common/errors.js';
import { printable } from '../common/printable.js';
import type { Checkpoint, Claim, NodeRecord, Policy, Progress, QueuedTask } from '../protocol/schemas.js';
import { locate } from '../protocol/layout.js';
import { nodeSideReason } from './circuit-breaker.js';
import { VERSION } from '../protocol/version.js';
import { shardMoves, type ShardMove } from '../protocol/queue-shards.js';
import type { Scan } from './scheduler.js';
import type { QuorumRound } from './quorum-round.js';

/** Queued files a round moves out of the queue at most: one bad push of thousands is cleared over rounds. */
export const MAX_REJECTS_PER_COMMIT = 20;

/** A claim of this node: at the tip, or held in memory. */
export interface HeldClaim {
  claim: Claim;
  /** Its file under tasks/in_progress/<node>/. */
  path: string;
}

export interface RunningClaim extends HeldClaim {
  /** A cancel request stopped it already. */
  cancelled?: boolean;
  /** It is being stopped (a cancel, a lost claim, a stop): not stopped again. */
  aborted?: boolean;
}

export interface FinishedClaim extends HeldClaim {
  run: Execution;
  /**
   * Why the node hands the task back to the queue instead of failing it: the node stopped it (shutdown), or
   * its sandbox failed under it. Such an attempt does not count against max_attempts.
   */
  returned?: string;
  cancelled: boolean;
}

/** What the round reads at the tip; built by the worker from a GridSnapshot, or in memory by tests. */
export interface RoundSnapshot {
  tip: string;
  policy: Policy;
  /** This node's claims at the tip (its folder, its node id, valid), by task id. */
  claims: ReadonlyMap<string, HeldClaim>;
  /** Cancel requests at the tip: task id to the request's path. */
  cancels: ReadonlyMap<string, string>;
  /** Ids queued or in progress at the tip: a cancel request for any other is spent. */
  live: ReadonlySet<string>;
  /** The node's file at the tip, unless the worker has its own from its last commit. */
  node?: NodeRecord;
  /** The path of a request that this node drain (nodes/drain/<node_id>.json), when there is one. */
  drain?: string;
  /** Whether that request was for an earlier process of this node id: spent, it only goes away. */
  drainSpent?: boolean;
  /** The queue scan, when the node has room to claim; `submittersRead` false when quotas could not be read. */
  queue?: { scan: Pick<Scan, 'claimable' | 'rejected'>; submittersRead: boolean };
  /** The quorum tasks the round may touch and the nodes' reputations (quorum-round.ts); none: no quorum task. */
  quorum?: QuorumRound;
  /** Queue files submitters added flat, which a commit made anyway moves into their folders. */
  unsharded?: readonly ShardMove[];
}

/** What the worker holds in memory at the start of the round. */
export interface Holdings {
  running: readonly RunningClaim[];
  /** Claims held beyond the slots (prefetch), oldest first. */
  waiting: readonly HeldClaim[];
  /** Tasks that ended and whose results are not written yet. */
  finished: readonly FinishedClaim[];
  /** Tokens of the claims this process issued: one at the tip that nothing here runs is adopted. */
  issued: ReadonlySet<string>;
  /** Dependencies that queued tasks this node could run wait for, as of its last queue scan. */
  awaited: ReadonlySet<string>;
  /** Claims taken so far, for max-tasks. */
  claimed: number;
  /** A cap on this round's claims from elsewhere: the node's slot pool when it serves several shards. */
  room?: number;
  /** The node record of the node's last landed commit; undefined before its first. */
  node?: NodeRecord;
  /** When its last landed heartbeat was written (ms since the epoch); 0 before the first. */
  lastHeartbeat: number;
  /** How far the grid server's clock is ahead of this machine's, in ms (clock.ts). */
  clockOffsetMs: number;
  /** Why the node stops, once it does: it claims nothing more and hands back what it never started. */
  stopReason?: string;
  /** This is the node's last commit: it goes offline. */
  final: boolean;
  /** Why the node drains: it finishes what it holds and claims nothing more (status `draining`). */
  draining?: string;
  /** Checkpoints the worker stored for running tasks at this heartbeat, by task id: their claims record them. */
  checkpoints?: ReadonlyMap<string, Checkpoint>;
  /** The latest progress of running tasks, and the circuit breaker's verdict, for the node file. */
  progress?: Record<string, Progress>;
  unhealthy?: NodeRecord['unhealthy'];
}

/** Who the node is and what it may take on; fixed for its run. */
export interface RoundSettings {
  nodeId: string;
  labels: string[];
  slots: number;
  /** Claims held beyond the slots. */
  prefetch: number;
  /** 0: no limit. */
  maxTasks: number;
  /** What the node may commit to its tasks at once. */
  cpus: number;
  memoryMb: number;
  startedAt: Date;
  incarnation: string;
  /** The public half of the node's signing key, named in its node file; set once the node has read its key. */
  publicKey?: string;
}

/** A finished task whose result (or hand-back) the commit writes, with the run as written. */
export interface Concluded {
  done: FinishedClaim;
  run: Execution;
  cancelled: boolean;
  returned?: string;
}

export interface RoundPlan {
  /** The commit's changes, the node file last; empty when the round writes nothing. */
  changes: Change[];
  message: string;
  // What the tip says about the node's claims, true whether the push lands or not:
  /** Waiting claims the tip no longer gives this node: never started. */
  dropped: string[];
  /** Running claims the tip no longer gives this node: stopped, their tasks run elsewhere now. */
  stopped: string[];
  /** Waiting claims with a cancel request: they end before starting, their result in a later commit. */
  cancelledWaiting: FinishedClaim[];
  /** Running claims with a cancel request: stopped, their result `cancelled`. */
  cancelledRunning: string[];
  /** Things to tell the operator about. */
  warnings: string[];
  // What the commit does once it lands:
  /** Results and hand-backs written. */
  concluded: Concluded[];
  /** Finished tasks whose claim no longer holds this node's token: their results are not written. */
  fenced: FinishedClaim[];
  /** Claims taken. */
  claims: HeldClaim[];
  /** Claims this process issued, found at the tip: they run here. */
  adopted: HeldClaim[];
  /** Unstarted claims handed back because the node stops. */
  handedBack: number;
  /** Queued files moved out of the queue. */
  rejected: number;
  /** Quorum tasks concluded from others' runs (a trusted node's accepted, or an agreement found). */
  concludedQuorum: number;
  /** The queue scan left nothing this node could claim. */
  exhausted: boolean;
  /** A result it writes completes a dependency a queued task waits for: look at the queue again at once. */
  unblocks: boolean;
  /** The node file written; undefined when the round writes nothing. */
  node?: NodeRecord;
}

/** One step of a round: reads the inputs, appends to the draft. */
type Step = (draft: Draft, input: RoundInput) => void;

interface RoundInput {
  snapshot: RoundSnapshot;
  held: Holdings;
  settings: RoundSettings;
  now: Date;
  stopping: boolean;
}

interface Draft extends RoundPlan {
  /** Lines of the commit message's body. */
  body: string[];
}

const STEPS: Step[] = [
  resultsStep,
  lostStep,
  heldStep,
  cancelsStep,
  queueStep,
  checkpointsStep,
  drainStep,
  shardStep,
  nodeStep,
];

export function planRound(snapshot: RoundSnapshot, held: Holdings, settings: RoundSettings, now: Date): RoundPlan {
  const input = { snapshot, held, settings, now, stopping: held.final || held.stopReason !== undefined };
  const draft: Draft = {
    changes: [],
    message: '',
    body: [],
    dropped: [],
    stopped: [],
    cancelledWaiting: [],
    cancelledRunning: [],
    warnings: [],
    concluded: [],
    fenced: [],
    claims: [],
    adopted: [],
    handedBack: 0,
    rejected: 0,
    concludedQuorum: 0,
    exhausted: false,
    unblocks: false,
  };
  for (const step of STEPS) step(draft, input);
  const { body, ...plan } = draft;
  if (plan.changes.length === 0) return plan;
  return {
    ...plan,
    message: commitMessage(settings.nodeId, plan, held.final) + (body.length ? `\n${body.join('\n')}\n` : ''),
  };
}

/** Whether the tip gives this node the claim it holds: the same task, the same token. */
const holdsAtTip = (snapshot: RoundSnapshot, mine: HeldClaim): HeldClaim | undefined => {
  const atTip = snapshot.claims.get(mine.claim.task_id);
  return atTip?.claim.claim.token === mine.claim.claim.token ? atTip : undefined;
};

/** Waiting claims still held after this round's drops and cancels. */
function stillWaiting(draft: Draft, held: Holdings): HeldClaim[] {
  const gone = new Set([...draft.dropped, ...draft.cancelledWaiting.map((c) => c.claim.task_id)]);
  return held.waiting.filter((w) => !gone.has(w.claim.task_id));
}

function resultsStep(draft: Draft, { snapshot, held, now }: RoundInput): void {
  for (const done of held.finished) {
    const atTip = holdsAtTip(snapshot, done);
    if (!atTip) {
      draft.fenced.push(done);
      continue;
    }
    const concluded: Concluded = { done, run: done.run, cancelled: done.cancelled };
    if (done.returned !== undefined) concluded.returned = done.returned;
    const cancel = snapshot.cancels.get(done.claim.task_id);
    if (cancel) draft.changes.push({ path: cancel, delete: true });
    if (cancel && !(done.cancelled && done.run.status === 'cancelled')) {
      // A cancel ends its task, whatever this attempt's outcome: it never goes back to the queue.
      concluded.run = cancelledRun(done.run);
      concluded.cancelled = true;
      delete concluded.returned;
    }
    const replica = snapshot.quorum?.tipOf(done.claim.task_id);
    if (replica) {
      // A replica of a quorum task, which stays queued: its run is recorded, or it ends the task.
      draft.changes.push(...snapshot.quorum!.end(replica, atTip.path, atTip.claim, concluded.run, concluded, now));
    } else if (concluded.returned !== undefined) {
      draft.changes.push(...requeueClaim(atTip.path, atTip.claim, 'returned', concluded.returned, now).changes);
    } else {
      draft.changes.push(
        ...resultChanges(atTip, concluded, snapshot.policy, new Date(now.getTime() + held.clockOffsetMs), draft),
      );
    }
    draft.concluded.push(concluded);
    draft.unblocks ||=
      concluded.returned === undefined && concluded.run.status === 'success' && held.awaited.has(done.claim.task_id);
  }
}

/**
 * The changes that record a finished task. A run that cannot be written down (a record the sandbox filled
 * with something unwritable) becomes an `error` result that can, so it never blocks the commit.
 */
function resultChanges(
  atTip: HeldClaim,
  concluded: Concluded,
  policy: Policy,
  serverNow: Date,
  draft: Draft,
): Change[] {
  const nodeSide = concluded.cancelled ? undefined : nodeSideReason(concluded.run);
  if (nodeSide) {
    // The node failed under it: back in the queue for another node (a hand-back, not this node's result),
    // or poison once it failed so on POISON_NODES nodes.
    const changes = concludeNodeError(atTip.path, atTip.claim, concluded.run, nodeSide, serverNow);
    if (changes.some((c) => !('delete' in c) && locate(c.path)?.state === 'queue')) concluded.returned = nodeSide;
    return changes;
  }
  try {
    return concludeClaim(atTip.path, atTip.claim, concluded.run, policy, serverNow);
  } catch (error) {
    const reason = `its result could not be recorded: ${errorMessage(error)}`;
    draft.warnings.push(`${atTip.claim.task_id}: ${reason}`);
    concluded.run = runWithoutOutput('error', reason, serverNow);
    return concludeClaim(atTip.path, atTip.claim, concluded.run, policy, serverNow);
  }
}

/** Claims a reaper took back while the node was silent (stopped, cut off). */
function lostStep(draft: Draft, { snapshot, held }: RoundInput): void {
  for (const w of held.waiting) if (!holdsAtTip(snapshot, w)) draft.dropped.push(w.claim.task_id);
  for (const r of held.running) if (!r.aborted && !holdsAtTip(snapshot, r)) draft.stopped.push(r.claim.task_id);
}

function heldStep(draft: Draft, { snapshot, held, settings, now, stopping }: RoundInput): void {
  const running = new Set(held.running.map((r) => r.claim.task_id));
  const finished = new Set(held.finished.map((f) => f.claim.task_id));
  const waiting = new Set(stillWaiting(draft, held).map((w) => w.claim.task_id));
  for (const [taskId, atTip] of snapshot.claims) {
    if (running.has(taskId) || finished.has(taskId)) continue;
    // A stopping node hands back whatever it holds at the tip and never started, whatever it waits on: a
    // claim push that lands after the stop still gives it claims.
    if (!stopping && waiting.has(taskId)) continue;
    // A replica's attempt joins the queued record of its quorum task, which stays queued.
    const replica = snapshot.quorum?.tipOf(taskId);
    const handBack = (status: 'returned' | 'orphaned', reason: string) =>
      replica
        ? snapshot.quorum!.handBack(replica, atTip.path, atTip.claim, status, reason, now)
        : requeueClaim(atTip.path, atTip.claim, status, reason, now).changes;
    if (stopping) {
      const reason = `node ${settings.nodeId} stopped before it started: ${held.stopReason ?? 'max-tasks reached'}`;
      draft.changes.push(...handBack('returned', reason));
      draft.handedBack++;
    } else if (held.issued.has(atTip.claim.claim.token)) {
      draft.adopted.push(atTip);
    } else {
      draft.changes.push(...handBack('orphaned', `node ${settings.nodeId} restarted`));
    }
  }
}

function cancelsStep(draft: Draft, { snapshot, held, now }: RoundInput): void {
  for (const [taskId, path] of snapshot.cancels) {
    const waiting = stillWaiting(draft, held).find((w) => w.claim.task_id === taskId);
    const running = held.running.find((r) => r.claim.task_id === taskId);
    if (waiting) {
      const run = runWithoutOutput('cancelled', 'cancelled on request before it started', now);
      draft.cancelledWaiting.push({ ...waiting, run, cancelled: true });
    } else if (running && !running.cancelled) {
      draft.cancelledRunning.push(taskId);
    } else if (!snapshot.live.has(taskId)) {
      // Finished or never there: nothing left to cancel.
      draft.changes.push({ path, delete: true });
    }
  }
}

function queueStep(draft: Draft, { snapshot, held, settings, now, stopping }: RoundInput): void {
  const queue = snapshot.queue;
  if (!queue || stopping || held.draining !== undefined) return;
  // A quorum task this commit already ended (its last replica here finished or was cancelled) is not judged
  // again: its queue file is in the snapshot still.
  const ending = new Set(draft.changes.filter((c) => 'delete' in c).map((c) => c.path));
  const scan = {
    claimable: queue.scan.claimable.filter((c) => !ending.has(c.file.entry.path)),
    rejected: queue.scan.rejected.filter((r) => !ending.has(r.file.entry.path)),
  };
  const quorum = snapshot.quorum;
  for (const bad of scan.rejected.slice(0, MAX_REJECTS_PER_COMMIT)) {
    draft.warnings.push(printable(`${bad.file.entry.path} will not run: ${bad.reason}`));
    if (bad.earlierResult) {
      // A second result for the id would break invariant 1: the queued file only leaves the queue.
      draft.changes.push({ path: bad.file.entry.path, delete: true });
      draft.body.push(`Refused: ${bad.file.id} already has a result, ${bad.earlierResult}`);
    } else {
      draft.changes.push(...rejectFile(bad.file, bad.reason, settings.nodeId, now, bad.task, bad.status));
    }
    if (bad.cancel) draft.changes.push({ path: bad.cancel.path, delete: true });
    draft.changes.push(...(quorum?.leftovers(bad.file.id) ?? []));
    draft.rejected++;
  }
  const policy = snapshot.policy;
  const waiting = stillWaiting(draft, held);
  // CPUs and memory bound what runs at once: a claim that starts now, in a free slot, must fit what the
  // running tasks and the waiting claims that start first leave. A claim beyond the slots (prefetch) waits for
  // a slot and for room (the worker starts a claim only when it fits), so it need only fit the node: held
  // against the free resources, prefetch would stop at what the node runs at once.
  const free = new FreeResources(settings.cpus, settings.memoryMb);
  for (const { claim } of held.running) free.take(resourcesOf(claim, policy));
  let freeSlots = Math.max(0, settings.slots - held.running.length);
  for (const { claim } of [...waiting, ...draft.adopted]) {
    const need = resourcesOf(claim, policy);
    if (freeSlots > 0 && free.fits(need)) {
      free.take(need);
      freeSlots--;
    }
  }
  let room = Math.max(
    0,
    Math.min(roomToClaim(settings, held.running.length, waiting.length, held.claimed), held.room ?? Infinity) -
      draft.adopted.length,
  );
  for (const candidate of scan.claimable) {
    if (room === 0) break;
    const need = resourcesOf(candidate.task, policy);
    if (need.cpus > settings.cpus || need.memoryMb > settings.memoryMb) continue; // never fits this node
    const startsNow = freeSlots > 0 && free.fits(need);
    if (!startsNow && room <= freeSlots) continue; // only slots to start now are left, and a smaller task may fit them
    const taken = () => {
      room--;
      if (!startsNow) return;
      free.take(need);
      freeSlots--;
    };
    const replica = quorum?.tipOf(candidate.task.task_id);
    if (replica) {
      const step = quorum!.step(replica);
      if (step.step === 'wait') continue;
      if (step.step !== 'claim') {
        draft.changes.push(...quorum!.conclude(replica, step, now));
        draft.concludedQuorum++;
        continue;
      }
      taken();
      const plan = quorum!.claim(replica, now);
      draft.changes.push(...plan.changes);
      draft.claims.push({ claim: plan.claim, path: plan.path });
      continue;
    }
    taken();
    const plan = claimTask(candidate.file, candidate.task, settings.nodeId, now, policy);
    draft.changes.push(...plan.changes);
    draft.claims.push({ claim: plan.claim, path: plan.changes[1]!.path });
  }
  draft.exhausted =
    queue.submittersRead &&
    draft.claims.length === scan.claimable.length &&
    scan.rejected.length <= MAX_REJECTS_PER_COMMIT;
}

function checkpointsStep(draft: Draft, { snapshot, held }: RoundInput): void {
  const ending = new Set(draft.concluded.map((c) => c.done.claim.task_id));
  for (const [taskId, checkpoint] of held.checkpoints ?? []) {
    const running = held.running.find((r) => r.claim.task_id === taskId);
    const atTip = running && !running.aborted && !ending.has(taskId) ? holdsAtTip(snapshot, running) : undefined;
    if (!atTip || atTip.claim.checkpoint?.sha256 === checkpoint.sha256) continue;
    draft.changes.push({ path: atTip.path, content: serialize({ ...atTip.claim, checkpoint }) });
  }
}

function drainStep(draft: Draft, { snapshot, held }: RoundInput): void {
  // The node did what the request asked: its last commit takes the request away; a request for an earlier
  // process of this node id goes at once.
  if (snapshot.drain && (held.final || snapshot.drainSpent)) draft.changes.push({ path: snapshot.drain, delete: true });
}

/** A commit made anyway carries the flat queue files into their folders (queue-shards.ts); never one of its own. */
function shardStep(draft: Draft, { snapshot }: RoundInput): void {
  if (draft.changes.length === 0 || !snapshot.unsharded?.length) return;
  draft.changes.push(...shardMoves(snapshot.unsharded, new Set(draft.changes.map((c) => c.path))));
}

function nodeStep(draft: Draft, { snapshot, held, settings, now, stopping }: RoundInput): void {
  const busy =
    held.running.length > 0 ||
    stillWaiting(draft, held).length > 0 ||
    held.finished.length > 0 ||
    draft.cancelledWaiting.length > 0;
  // A node that starts draining says so at once: whoever asked sees it in its node file.
  const drainUntold = held.draining !== undefined && held.node?.status !== 'draining';
  const heartbeat =
    isHeartbeatDue(held.lastHeartbeat, busy, snapshot.policy, now) || held.node === undefined || drainUntold;
  if (draft.changes.length === 0 && !heartbeat && !held.final) return;
  const previous = held.node ?? snapshot.node;
  const results = draft.concluded.filter((c) => c.returned === undefined);
  // What the node holds at the tip and has not ended in this commit: running, waiting, or finished with its
  // result still to be written. A claim taken back is not listed, even while its task is being stopped.
  const ending = new Set(draft.concluded.map((c) => c.done.claim.task_id));
  const holding = [...held.running, ...held.waiting, ...held.finished]
    .filter((h) => !ending.has(h.claim.task_id) && holdsAtTip(snapshot, h))
    .map((h) => h.claim.task_id);
  const tasks = held.final ? [] : [...holding, ...[...draft.claims, ...draft.adopted].map((c) => c.claim.task_id)];
  draft.node = {
    node_id: settings.nodeId,
    labels: settings.labels,
    slots: settings.slots,
    version: VERSION,
    started_at: iso(settings.startedAt),
    incarnation: settings.incarnation,
    last_heartbeat: iso(now),
    status: held.final ? 'offline' : stopping || held.draining !== undefined ? 'draining' : 'online',
    tasks: [...new Set(tasks)].sort(),
    completed: (previous?.completed ?? 0) + results.filter((c) => c.run.status === 'success').length,
    failed: (previous?.failed ?? 0) + results.filter((c) => c.run.status !== 'success').length,
    ...(held.final || !held.progress || Object.keys(held.progress).length === 0 ? {} : { progress: held.progress }),
    ...(held.unhealthy ? { unhealthy: held.unhealthy } : {}),
    ...(settings.publicKey ? { public_key: settings.publicKey } : {}),
  };
  // Reputation is written by the nodes that judge a run, never by the node itself: carried from the tip.
  const judged = snapshot.quorum?.own() ?? snapshot.node;
  if (judged?.reputation) draft.node.reputation = judged.reputation;
  if (judged?.status === 'quarantined') Object.assign(draft.node, { status: 'quarantined', tasks: [] });
  draft.changes.push(...(snapshot.quorum?.nodeChanges() ?? []), nodeChange(draft.node));
}

function commitMessage(nodeId: string, plan: RoundPlan, final: boolean): string {
  const parts: string[] = [];
  if (plan.claims.length) parts.push(`claim ${plan.claims.length}`);
  if (plan.concluded.length) parts.push(`finish ${plan.concluded.length}`);
  if (plan.rejected) parts.push(`reject ${plan.rejected}`);
  if (plan.concludedQuorum) parts.push(`conclude ${plan.concludedQuorum}`);
  if (final) parts.push('go offline');
  if (parts.length === 0) parts.push('heartbeat');
  return `dgrid: ${nodeId}: ${parts.join(', ')}\n`;
}

/**
 * How many more claims the node takes now: its free slots and prefetch, within max-tasks. Finished tasks
 * free their slot at once: their results ride in the same commit as the next claims.
 */
export function roomToClaim(
  settings: Pick<RoundSettings, 'slots' | 'prefetch' | 'maxTasks'>,
  running: number,
  waiting: number,
  claimed: number,
): number {
  const quota = settings.maxTasks > 0 ? settings.maxTasks - claimed : Infinity;
  return Math.max(0, Math.min(settings.slots + settings.prefetch - running - waiting, quota));
}

/**
 * Heartbeats keep a node's claims alive, so while it holds any (`busy`) one is due every
 * lease.heartbeat_seconds. An idle node's heartbeat only keeps it listed as online, so it comes every half
 * node timeout: an idle node spends a push every few minutes, not every minute.
 */
export function isHeartbeatDue(lastHeartbeat: number, busy: boolean, policy: Policy | undefined, now: Date): boolean {
  const lease = policy?.lease ?? { heartbeat_seconds: 60, node_timeout_seconds: 600 };
  const seconds = busy ? lease.heartbeat_seconds : Math.max(lease.heartbeat_seconds, lease.node_timeout_seconds / 2);
  return now.getTime() - lastHeartbeat >= seconds * 1000;
}

/**
 * The CPUs and memory a node has left for tasks to start: the planner's claims that start at once and the
 * worker's start of a waiting claim take from the same account, so both hold running tasks within the node.
 */
export class FreeResources {
  constructor(
    private cpus: number,
    private memoryMb: number,
  ) {}

  fits(need: { cpus: number; memoryMb: number }): boolean {
    return need.cpus <= this.cpus && need.memoryMb <= this.memoryMb;
  }

  take(need: { cpus: number; memoryMb: number }): void {
    this.cpus -= need.cpus;
    this.memoryMb -= need.memoryMb;
  }
}

/** What a task takes from its node: its own request, or the policy's per-task default, never above the policy. */
export function resourcesOf(task: QueuedTask, policy: Policy): { cpus: number; memoryMb: number } {
  return {
    cpus: Math.min(task.resources?.cpus ?? policy.limits.cpus, policy.limits.cpus),
    memoryMb: Math.min(task.resources?.memory_mb ?? policy.limits.memory_mb, policy.limits.memory_mb),
  };
}
