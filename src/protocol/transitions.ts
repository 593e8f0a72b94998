// The lifecycle transitions, as pure functions from records to file changes. Each keeps invariant 1:
// a task leaves one folder in the same commit as it enters the next.
import { createHash, randomUUID } from 'node:crypto';
import type { Change } from '../git/store.js';
import { iso } from '../common/time.js';
import { inProgressPath, nodePath, queueShardPath, resultPath } from './layout.js';
import type { Attempt, Claim, NodeRecord, Policy, QueuedTask, Result, Status, StoredFile } from './schemas.js';
import type { TaskFile } from './snapshot.js';

export function serialize(record: object): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/**
 * Attempts that count against max_attempts: a node handing a task back unstarted does not, nor one whose
 * node failed under it (node_error; after POISON_NODES such nodes the task is poison, see poisoned()).
 */
export function attemptsUsed(task: QueuedTask): number {
  return (task.attempts ?? []).filter((a) => a.status !== 'returned' && a.status !== 'node_error').length;
}

export function maxAttempts(task: QueuedTask, policy: Policy): number {
  return Math.min(task.max_attempts ?? policy.default_attempts, policy.max_attempts);
}

export interface ClaimPlan {
  claim: Claim;
  changes: Change[];
}

/** Moves a queued task to the node, under a token unique to this claim. */
export function claimTask(file: TaskFile, task: QueuedTask, nodeId: string, now: Date, policy: Policy): ClaimPlan {
  const timeout = task.timeout_seconds ?? policy.default_timeout_seconds;
  const claim: Claim = {
    ...task,
    claim: {
      node_id: nodeId,
      token: randomUUID(),
      attempt: (task.attempts?.length ?? 0) + 1,
      claimed_at: iso(now),
      lease_until: iso(new Date(now.getTime() + (timeout + policy.lease.grace_seconds) * 1000)),
    },
  };
  return {
    claim,
    changes: [
      { path: file.entry.path, delete: true },
      { path: inProgressPath(nodeId, task.task_id), content: serialize(claim) },
    ],
  };
}

export interface StreamCapture {
  text: string;
  bytes: number;
  sha256: string;
  truncated: boolean;
}

export interface Execution {
  status: Status;
  exitCode: number | null;
  reason?: string;
  /** The sandbox itself failed under the task (its Docker daemon went away), so the task is not to blame. */
  sandboxLost?: string;
  stdout: StreamCapture;
  stderr: StreamCapture;
  startedAt: Date;
  finishedAt: Date;
  /** The task's output files once stored; none when it named no outputs or never ran. */
  outputs?: StoredFile[];
}

export const emptyStream = (): StreamCapture => ({
  text: '',
  bytes: 0,
  sha256: createHash('sha256').digest('hex'),
  truncated: false,
});

/** An execution with no output: the script never ran, or nothing of its run is known. */
export function runWithoutOutput(status: Status, reason: string, startedAt: Date, finishedAt = startedAt): Execution {
  return { status, exitCode: null, reason, stdout: emptyStream(), stderr: emptyStream(), startedAt, finishedAt };
}

function withoutClaim(claim: Claim): QueuedTask {
  const { claim: _claim, ...task } = claim;
  return task;
}

export function resultRecord(claim: Claim, run: Execution): Result {
  return {
    ...claim,
    node_id: claim.claim.node_id,
    status: run.status,
    exit_code: run.exitCode,
    ...(run.reason === undefined ? {} : { reason: run.reason }),
    timestamp: iso(run.finishedAt),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    duration_ms: Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()),
    attempt: claim.claim.attempt,
    stdout: run.stdout.text,
    stdout_bytes: run.stdout.bytes,
    stdout_sha256: run.stdout.sha256,
    stdout_truncated: run.stdout.truncated,
    stderr: run.stderr.text,
    stderr_bytes: run.stderr.bytes,
    stderr_sha256: run.stderr.sha256,
    stderr_truncated: run.stderr.truncated,
    ...resultOutputs(claim, run.outputs),
  };
}

/**
 * A result's `outputs` are the files stored, where its task's `outputs` were the patterns asked for: a task
 * that asked for some gets the list, empty when none was stored.
 */
export function resultOutputs(
  task: Partial<QueuedTask> | undefined,
  stored: StoredFile[] | undefined,
): { outputs: StoredFile[] | undefined } {
  // An undefined field is left out of the file (JSON has no undefined).
  return { outputs: task?.outputs === undefined && stored === undefined ? undefined : (stored ?? []) };
}

/** Finishes a claim: the caller has checked that the tip still holds this claim's token (fencing). */
export function finishClaim(claimPath: string, claim: Claim, run: Execution): { result: Result; changes: Change[] } {
  const result = resultRecord(claim, run);
  const state = run.status === 'success' ? 'completed' : 'failed';
  return {
    result,
    changes: [
      { path: claimPath, delete: true },
      { path: resultPath(state, claim.task_id, run.finishedAt), content: serialize(result) },
    ],
  };
}

/** Delay before the next attempt: exponential in the attempts used, with full jitter, capped. */
export function retryDelaySeconds(attemptsUsedSoFar: number, policy: Policy, random = Math.random): number {
  const ceiling = Math.min(
    policy.max_retry_backoff_seconds,
    policy.retry_backoff_seconds * 2 ** (attemptsUsedSoFar - 1),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Ends a claim with its run: a failure or timeout with attempts left goes back to the queue with its next
 * not_before after a backoff; everything else is final. The caller has checked the claim's token (fencing).
 * `serverNow` is the time on the grid's server as this node measured it (see clock.ts): the nodes that claim
 * the retry compare not_before with their own clocks, so it must not carry the skew of the node that failed.
 */
export function concludeClaim(
  claimPath: string,
  claim: Claim,
  run: Execution,
  policy: Policy,
  serverNow: Date,
): Change[] {
  const retryable = run.status === 'failure' || run.status === 'timeout';
  const used = attemptsUsed(claim) + 1;
  if (!retryable || used >= maxAttempts(claim, policy)) return finishClaim(claimPath, claim, run).changes;
  const reason = run.reason ?? `exit code ${run.exitCode}`;
  const notBefore = new Date(serverNow.getTime() + retryDelaySeconds(used, policy) * 1000);
  return requeueClaim(claimPath, claim, run.status, reason, run.finishedAt, { exitCode: run.exitCode, notBefore })
    .changes;
}

/**
 * A cancel request ends its task whatever the attempt's outcome (a failure with attempts left, a hand-back
 * on stop, a sandbox lost): final, in failed/ as `cancelled`, with what the attempt did kept.
 */
export function cancelledRun(run: Execution): Execution {
  const how = run.reason ?? (run.exitCode === null ? run.status : `${run.status}, exit code ${run.exitCode}`);
  return { ...run, status: 'cancelled', reason: `cancelled on request (the attempt ended: ${how})` };
}

/** Puts a claimed task back in the queue, its attempt kept in the history. */
export function requeueClaim(
  claimPath: string,
  claim: Claim,
  status: Attempt['status'],
  reason: string,
  now: Date,
  retry: { exitCode?: number | null; notBefore?: Date } = {},
): { task: QueuedTask; changes: Change[] } {
  const attempt: Attempt = {
    attempt: claim.claim.attempt,
    node_id: claim.claim.node_id,
    claim_token: claim.claim.token,
    claimed_at: claim.claim.claimed_at,
    ended_at: iso(now),
    status,
    reason,
    ...(retry.exitCode === undefined ? {} : { exit_code: retry.exitCode }),
  };
  const task: QueuedTask = {
    ...withoutClaim(claim),
    ...(retry.notBefore ? { not_before: iso(retry.notBefore) } : {}),
    attempts: [...(claim.attempts ?? []), attempt],
  };
  return {
    task,
    changes: [
      { path: claimPath, delete: true },
      { path: queueShardPath(claim.task_id), content: serialize(task) },
    ],
  };
}

/**
 * A queued task that will never run goes to failed/ with a reason: a file that is not a task (status
 * `error`), a task whose dependency failed (`failure`), or a cancelled one (`cancelled`).
 */
export function rejectFile(
  file: TaskFile,
  reason: string,
  nodeId: string,
  now: Date,
  task?: QueuedTask,
  status: Status = 'error',
): Change[] {
  const empty = emptyStream();
  const result: Result = {
    ...(task ?? {}),
    task_id: file.id,
    node_id: nodeId,
    status,
    exit_code: null,
    reason,
    timestamp: iso(now),
    started_at: iso(now),
    finished_at: iso(now),
    duration_ms: 0,
    attempt: task ? attemptsUsed(task) : 0,
    stdout: empty.text,
    stdout_bytes: 0,
    stdout_sha256: empty.sha256,
    stdout_truncated: false,
    stderr: empty.text,
    stderr_bytes: 0,
    stderr_sha256: empty.sha256,
    stderr_truncated: false,
    ...resultOutputs(task, undefined),
  };
  return [
    { path: file.entry.path, delete: true },
    { path: resultPath('failed', file.id, now), content: serialize(result) },
  ];
}

export function nodeChange(node: NodeRecord): Change {
  return { path: nodePath(node.node_id), content: serialize(node) };
}

/**
 * Ends a claim whose node died during its last allowed attempt: final, in failed/ with status `error`, the
 * claim's history kept like any result's.
 */
export function exhaustClaim(claimPath: string, claim: Claim, reason: string, now: Date): Change[] {
  const run = runWithoutOutput('error', reason, new Date(claim.claim.claimed_at), now);
  return finishClaim(claimPath, claim, run).changes;
}

/**
 * How long a node has been silent at `now`. A heartbeat dated after `now` proves only that it was written
 * before now, so it counts as written now; the reaper rewrites one dated beyond grace to its own now, so
 * that a dead node's clock cannot keep its claims. An unreadable heartbeat counts as never.
 */
export function silenceMs(node: Pick<NodeRecord, 'last_heartbeat'>, now: Date): number {
  const heartbeat = Date.parse(node.last_heartbeat);
  return Number.isNaN(heartbeat) ? Infinity : Math.max(0, now.getTime() - heartbeat);
}

/**
 * The one liveness rule, for the reaper, the dashboard and a worker taking up a node id alike: a node is
 * silent when no heartbeat came for longer than node timeout + grace, grace being the bound on clock skew
 * between the node and the reader. A heartbeat that cannot be read as a time counts as silent.
 */
export function isSilent(
  node: Pick<NodeRecord, 'last_heartbeat'>,
  now: Date,
  policy: Policy,
  nodeTimeoutSeconds = policy.lease.node_timeout_seconds,
): boolean {
  return silenceMs(node, now) > (nodeTimeoutSeconds + policy.lease.grace_seconds) * 1000;
}

/** A heartbeat dated more than grace after `now`: its node's clock is off by more than skew allows. */
export function heartbeatFromFuture(node: Pick<NodeRecord, 'last_heartbeat'>, now: Date, policy: Policy): boolean {
  return Date.parse(node.last_heartbeat) > now.getTime() + policy.lease.grace_seconds * 1000;
}

/** A task that failed for node-side reasons on this many different nodes is poison: it fails, final. */
export const POISON_NODES = 3;

/** The nodes on which a task failed for node-side reasons (its `node_error` attempts). */
export function nodeErrorNodes(task: QueuedTask): Set<string> {
  return new Set((task.attempts ?? []).filter((a) => a.status === 'node_error').map((a) => a.node_id));
}

/**
 * Ends a claim whose node failed under it (its sandbox, a missing image, a full disk): back to the queue as a
 * `node_error` attempt, which does not count against max_attempts, unless this makes POISON_NODES different
 * nodes it failed on: then it is poison and fails, final, instead of taking down more nodes.
 */
export function concludeNodeError(
  claimPath: string,
  claim: Claim,
  run: Execution,
  reason: string,
  now: Date,
): Change[] {
  const nodes = nodeErrorNodes(claim).add(claim.claim.node_id);
  if (nodes.size < POISON_NODES) return requeueClaim(claimPath, claim, 'node_error', reason, now).changes;
  const poison = `poison task: it failed for node-side reasons on ${nodes.size} nodes (${[...nodes].join(', ')}); last: ${reason}`;
  return finishClaim(claimPath, claim, { ...run, status: 'error', reason: poison }).changes;
}
