// Which queued tasks a node may claim now, best first. Order: priority (high, normal, low), then the task
// waiting longest (its not_before, or its last attempt), then a per-node shuffle so that racing nodes
// choosing among equal candidates rarely pick the same one.
import { createHash } from 'node:crypto';
import type { GridSnapshot, TaskFile } from './grid.js';
import { attemptsUsed, maxAttempts } from './lifecycle.js';
import type { Policy, QueuedTask } from './schemas.js';
import { checkQueuedTask } from './task-file.js';

export interface Candidate {
  file: TaskFile;
  task: QueuedTask;
}

export interface Rejected {
  file: TaskFile;
  reason: string;
  task?: QueuedTask;
}

export interface NodeView {
  nodeId: string;
  labels: readonly string[];
}

export interface Scan {
  /** Runnable by this node now, best first. */
  claimable: Candidate[];
  /** Not tasks at all, or tasks that can never run; they go to failed/. */
  rejected: Rejected[];
  /** The earliest moment a waiting task becomes claimable by time alone. */
  nextEligibleAt?: Date;
}

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

export async function scanQueue(snapshot: GridSnapshot, node: NodeView, now: Date, policy: Policy): Promise<Scan> {
  const files = snapshot.of('queue');
  const blobs = await snapshot.store.read(files.filter((f) => f.entry.type === 'blob').map((f) => f.entry.sha));
  const claimable: Candidate[] = [];
  const rejected: Rejected[] = [];
  let nextEligibleAt: Date | undefined;
  let completed: Set<string> | undefined;
  for (const file of files) {
    if ((snapshot.byId.get(file.id)?.length ?? 0) > 1) continue; // a duplicate id is for the audit, not for running
    const check = checkQueuedTask(file, blobs.get(file.entry.sha), policy);
    if (!check.ok) {
      rejected.push({ file, reason: check.reason, ...(check.task ? { task: check.task } : {}) });
      continue;
    }
    const { task } = check;
    if (attemptsUsed(task) >= maxAttempts(task, policy)) {
      rejected.push({ file, task, reason: `all ${maxAttempts(task, policy)} attempts are used up` });
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
    if (task.depends_on?.length) {
      completed ??= await snapshot.idsIn('completed');
      if (!task.depends_on.every((id) => completed!.has(id))) continue;
    }
    claimable.push({ file, task });
  }
  claimable.sort((a, b) => compare(a.task, b.task, node.nodeId));
  return { claimable, rejected, ...(nextEligibleAt ? { nextEligibleAt } : {}) };
}

function waitingSince(task: QueuedTask): string {
  return task.attempts?.at(-1)?.ended_at ?? task.not_before ?? '';
}

function compare(a: QueuedTask, b: QueuedTask, nodeId: string): number {
  const rank = PRIORITY_RANK[a.priority ?? 'normal'] - PRIORITY_RANK[b.priority ?? 'normal'];
  if (rank !== 0) return rank;
  const age = waitingSince(a).localeCompare(waitingSince(b));
  if (age !== 0) return age;
  return spread(nodeId, a.task_id).localeCompare(spread(nodeId, b.task_id));
}

function spread(nodeId: string, taskId: string): string {
  return createHash('sha1').update(`${nodeId}\0${taskId}`).digest('hex');
}
