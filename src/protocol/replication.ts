// The transitions of a quorum task, as pure functions from records to file changes (quorum.ts judges).
//
// A quorum task stays in the queue, its one home, until it has a result. Each replica run is a claim of
// its own in in_progress/<node>/<id>.json, one per node; a finished run goes to tasks/replicas/<id>/<node>.json.
// The commit that completes the agreement (or finds it out of reach) writes the one final result, with every
// run in `replicas`, and removes the queue file, the runs and any claim still running, so invariant 1 holds
// in that same commit: first push wins, a loser re-reads the tip and finds its claim gone (fencing).
import type { Change } from '../git/store.js';
import { iso } from '../common/time.js';
import { inProgressPath, replicaPath, resultPath } from './layout.js';
import { judge, replicasOf, runOf, type Judgement } from './quorum.js';
import { isQuarantined, reputationOf, reputationsAfter, shouldQuarantine } from './reputation.js';
import type { Claim, NodeRecord, Policy, QueuedTask, Replica, Result } from './schemas.js';
import {
  claimTask,
  emptyStream,
  requeueClaim,
  resultOutputs,
  resultRecord,
  serialize,
  type Execution,
} from './transitions.js';
import type { Attempt } from './schemas.js';
import type { TaskFile } from './snapshot.js';

/** What the tip holds of one queued quorum task. */
export interface QuorumTip {
  queueFile: TaskFile;
  task: QueuedTask;
  /** Replica claims running, by path and the node they are filed under. */
  claims: { path: string; nodeId: string }[];
  /** Finished runs: replica results, oldest attempt first. */
  runs: { path: string; result: Result }[];
}

/** The attempt number of the next replica: above every run, claim and earlier attempt of the task. */
export function nextReplicaAttempt(tip: QuorumTip, claimAttempts: readonly number[]): number {
  const seen = [
    ...(tip.task.attempts ?? []).map((a) => a.attempt),
    ...tip.runs.map((r) => r.result.attempt),
    ...claimAttempts,
  ];
  return Math.max(0, ...seen) + 1;
}

/** A replica claim: the task stays in the queue, and this node runs one more replica under its own token. */
export function claimReplica(
  queueFile: TaskFile,
  task: QueuedTask,
  nodeId: string,
  now: Date,
  policy: Policy,
  attempt: number,
): { claim: Claim; path: string; changes: Change[] } {
  const { claim } = claimTask(queueFile, task, nodeId, now, policy);
  claim.claim.attempt = attempt;
  const path = inProgressPath(nodeId, task.task_id);
  return { claim, path, changes: [{ path, content: serialize(claim) }] };
}

/** A finished replica run, recorded for judging; the claim it ends goes in the same commit. */
export function recordReplica(claimPath: string, claim: Claim, run: Execution): { result: Result; changes: Change[] } {
  const result = resultRecord(claim, run);
  return {
    result,
    changes: [
      { path: claimPath, delete: true },
      { path: replicaPath(claim.task_id, claim.claim.node_id), content: serialize(result) },
    ],
  };
}

/**
 * Ends a replica claim that never ran to a result (handed back, orphaned): the attempt joins the history of
 * the queue record as it is at the tip, which stays the task's home. `queued` is that record.
 */
export function returnReplica(
  queueFile: TaskFile,
  queued: QueuedTask,
  claimPath: string,
  claim: Claim,
  status: Attempt['status'],
  reason: string,
  now: Date,
): { task: QueuedTask; changes: Change[] } {
  const { task, changes } = requeueClaim(claimPath, { ...claim, attempts: queued.attempts ?? [] }, status, reason, now);
  const { not_before: _kept, ...rest } = task;
  const record: QueuedTask = { ...rest, ...(queued.not_before ? { not_before: queued.not_before } : {}) };
  return {
    task: record,
    changes: [changes[0]!, { path: queueFile.entry.path, content: serialize(record) }],
  };
}

/** Everything a quorum task holds besides its queue file: its claims and its runs. */
export function replicaLeftovers(tip: Pick<QuorumTip, 'claims' | 'runs'>): Change[] {
  return [...tip.claims.map((c) => c.path), ...tip.runs.map((r) => r.path)].map((path) => ({ path, delete: true }));
}

/**
 * The final result of a quorum task from its runs, judged as agreed or out of reach; the commit removes the
 * queue file, the runs and the claims still running. `preferred` picks, among agreeing runs, the one that
 * becomes the result (the concluding node's own, so that its claim is the one the result ends).
 */
export function concludeQuorum(
  tip: QuorumTip,
  runs: readonly Result[],
  judgement: Exclude<Judgement, { state: 'pending' }>,
  nodeId: string,
  now: Date,
  preferred?: string,
): { result: Result; changes: Change[] } {
  const judged = runs.map(runOf);
  const replicas = replicasOf(judged, judgement.verdicts);
  let result: Result;
  if (judgement.state === 'agreed') {
    const own = runs.findIndex((r, i) => r.node_id === preferred && judgement.verdicts[i] === 'valid');
    const winner = runs[own >= 0 ? own : judgement.winner]!;
    // The history is the queue record's: replicas that never ran to a result joined it after this one's claim.
    const { attempts: _claimed, ...run } = winner;
    result = { ...run, ...(tip.task.attempts ? { attempts: tip.task.attempts } : {}), replicas };
  } else {
    const empty = emptyStream();
    result = {
      ...tip.task,
      task_id: tip.task.task_id,
      node_id: nodeId,
      status: 'error',
      exit_code: null,
      reason: judgement.reason,
      timestamp: iso(now),
      started_at: iso(now),
      finished_at: iso(now),
      duration_ms: 0,
      attempt: Math.max(0, ...runs.map((r) => r.attempt)),
      stdout: empty.text,
      stdout_bytes: 0,
      stdout_sha256: empty.sha256,
      stdout_truncated: false,
      stderr: empty.text,
      stderr_bytes: 0,
      stderr_sha256: empty.sha256,
      stderr_truncated: false,
      ...resultOutputs(tip.task, undefined),
      replicas,
    };
  }
  const state = result.status === 'success' ? 'completed' : 'failed';
  return {
    result,
    changes: [
      { path: tip.queueFile.entry.path, delete: true },
      ...replicaLeftovers(tip),
      { path: resultPath(state, tip.task.task_id, now), content: serialize(result) },
    ],
  };
}

/** Concludes a task whose runs are judged final now, or returns undefined while it is still pending. */
export function judgeTip(
  tip: QuorumTip,
  runs: readonly Result[],
  running: number,
  quorum: number,
  maxResults: number,
): Exclude<Judgement, { state: 'pending' }> | undefined {
  const judgement = judge(runs.map(runOf), running, quorum, maxResults);
  return judgement.state === 'pending' ? undefined : judgement;
}

/**
 * The node files a final result changes: each node it judged gets its reputation, and a node that reached
 * QUARANTINE_AFTER_INVALID invalid runs is quarantined. Nodes without a file at the tip are left out.
 */
export function reputationUpdates(
  replicas: readonly Replica[],
  nodes: ReadonlyMap<string, NodeRecord>,
): Map<string, NodeRecord> {
  const after = reputationsAfter(replicas, (id) => reputationOf(nodes.get(id)));
  const updates = new Map<string, NodeRecord>();
  for (const [id, reputation] of after) {
    const node = nodes.get(id);
    if (!node) continue;
    const quarantined = isQuarantined(node) || shouldQuarantine(reputation);
    updates.set(id, { ...node, reputation, ...(quarantined ? { status: 'quarantined' as const, tasks: [] } : {}) });
  }
  return updates;
}
