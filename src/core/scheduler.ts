// Which queued tasks a node may claim now, best first, and which will never run.
//
// Order: priority (high, normal, low); within a priority the task waiting longest first (since its last
// attempt ended, its not_before, or when this node first saw it in the queue); then a shuffle seeded by
// the node id, so racing nodes choosing among equal candidates rarely pick the same task.
import { createHash } from 'node:crypto';
import type { TreeEntry } from './git/store.js';
import type { GridSnapshot, TaskFile } from './grid.js';
import { attemptsUsed, maxAttempts } from './lifecycle.js';
import type { Policy, QueuedTask, Status } from './schemas.js';
import { checkQueuedTask } from './task-file.js';

export interface Candidate {
  file: TaskFile;
  task: QueuedTask;
}

export interface Rejected {
  file: TaskFile;
  reason: string;
  status: Status;
  task?: QueuedTask;
  /** The cancel request this rejection answers, removed in the same commit. */
  cancel?: TreeEntry;
}

export interface NodeView {
  nodeId: string;
  labels: readonly string[];
  /** When this node first saw each queued task: the age of tasks that have no other clock. */
  firstSeen: Map<string, string>;
}

export interface Scan {
  /** Runnable by this node now, best first. */
  claimable: Candidate[];
  /** Queued tasks that will never run: they go to failed/. */
  rejected: Rejected[];
  /** The earliest moment a waiting task becomes claimable by time alone. */
  nextEligibleAt?: Date;
  /** Dependencies that tasks this node could otherwise claim wait for: once one completes, look again. */
  awaited: Set<string>;
}

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

export async function scanQueue(snapshot: GridSnapshot, node: NodeView, now: Date, policy: Policy): Promise<Scan> {
  const files = snapshot.of('queue');
  const blobs = await snapshot.store.read(files.filter((f) => f.entry.type === 'blob').map((f) => f.entry.sha));
  const seenAt = now.toISOString();
  const rejected: Rejected[] = [];
  const valid: Candidate[] = [];
  for (const file of files) {
    if ((snapshot.byId.get(file.id)?.length ?? 0) > 1) continue; // a duplicate id is for the audit, not for running
    if (!node.firstSeen.has(file.id)) node.firstSeen.set(file.id, seenAt);
    const check = checkQueuedTask(file, blobs.get(file.entry.sha), policy);
    const cancel = snapshot.cancels.get(file.id);
    if (cancel) {
      rejected.push({
        file,
        status: 'cancelled',
        reason: 'cancelled while queued',
        cancel,
        ...(check.task ? { task: check.task } : {}),
      });
    } else if (!check.ok) {
      rejected.push({ file, status: 'error', reason: check.reason, ...(check.task ? { task: check.task } : {}) });
    } else if (attemptsUsed(check.task) >= maxAttempts(check.task, policy)) {
      rejected.push({
        file,
        status: 'error',
        task: check.task,
        reason: `all ${maxAttempts(check.task, policy)} attempts are used up`,
      });
    } else valid.push({ file, task: check.task });
  }

  const waiting = valid.filter((c) => c.task.depends_on?.length);
  const doomed = waiting.length > 0 ? await failedDependencies(snapshot, waiting, rejected) : new Map<string, Doom>();
  const completed = waiting.length > 0 ? await snapshot.idsIn('completed') : new Set<string>();

  const claimable: Candidate[] = [];
  const awaited = new Set<string>();
  let nextEligibleAt: Date | undefined;
  for (const candidate of valid) {
    const { task, file } = candidate;
    const doom = doomed.get(task.task_id);
    if (doom) {
      rejected.push({ file, task, ...doom });
      continue;
    }
    if (!(task.requires ?? []).every((label) => node.labels.includes(label))) continue;
    if (task.not_before !== undefined) {
      const at = new Date(task.not_before);
      if (at > now) {
        if (!nextEligibleAt || at < nextEligibleAt) nextEligibleAt = at;
        continue;
      }
    }
    if (!(task.depends_on ?? []).every((id) => completed.has(id))) {
      for (const id of task.depends_on!) awaited.add(id);
      continue;
    }
    claimable.push(candidate);
  }
  claimable.sort((a, b) => compare(a.task, b.task, node));
  return { claimable, rejected, awaited, ...(nextEligibleAt ? { nextEligibleAt } : {}) };
}

/**
 * Tasks that can never run because a dependency failed or does not exist, transitively: a chain of
 * dependents fails in one commit, each naming the dependency that failed.
 */
type Doom = { status: Status; reason: string };

async function failedDependencies(
  snapshot: GridSnapshot,
  waiting: Candidate[],
  rejected: Rejected[],
): Promise<Map<string, Doom>> {
  const failed = await snapshot.idsIn('failed');
  for (const r of rejected) failed.add(r.file.id);
  const completed = await snapshot.idsIn('completed');
  const known = (id: string) => snapshot.byId.has(id) || completed.has(id) || failed.has(id);
  const doomed = new Map<string, Doom>();
  const doomOf = (dep: string): Doom | undefined => {
    if (failed.has(dep) || doomed.has(dep)) return { status: 'failure', reason: `dependency ${dep} failed` };
    if (!known(dep))
      return { status: 'error', reason: `dependency ${dep} does not exist in this grid: fix depends_on` };
    return undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const { task } of waiting) {
      if (doomed.has(task.task_id)) continue;
      const doom = (task.depends_on ?? []).map(doomOf).find((d) => d !== undefined);
      if (doom) {
        doomed.set(task.task_id, doom);
        changed = true;
      }
    }
  }
  return doomed;
}

function waitingSince(task: QueuedTask, node: NodeView): string {
  return task.attempts?.at(-1)?.ended_at ?? task.not_before ?? node.firstSeen.get(task.task_id) ?? '';
}

function compare(a: QueuedTask, b: QueuedTask, node: NodeView): number {
  const rank = PRIORITY_RANK[a.priority ?? 'normal'] - PRIORITY_RANK[b.priority ?? 'normal'];
  if (rank !== 0) return rank;
  const age = waitingSince(a, node).localeCompare(waitingSince(b, node));
  if (age !== 0) return age;
  return spread(node.nodeId, a.task_id).localeCompare(spread(node.nodeId, b.task_id));
}

function spread(nodeId: string, taskId: string): string {
  return createHash('sha1').update(`${nodeId}\0${taskId}`).digest('hex');
}
