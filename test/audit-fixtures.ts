// A large grid history written at once with one fast-import: nodes claiming, finishing, failing and
// retrying, a reaper requeueing orphans, a few files rejected from the queue. Each record is built by the
// real lifecycle functions, so the history is what dgrid itself would write, only much faster.
import { git } from '../src/git/runner.js';
import type { TaskFile } from '../src/protocol/snapshot.js';
import type { Change } from '../src/git/store.js';
import { queueShardPath } from '../src/protocol/layout.js';
import {
  claimTask,
  concludeClaim,
  emptyStream,
  nodeChange,
  rejectFile,
  requeueClaim,
  serialize,
  type Execution,
} from '../src/protocol/transitions.js';
import { defaultPolicy } from '../src/protocol/policy.js';
import type { Claim, NodeRecord, QueuedTask } from '../src/protocol/schemas.js';

export interface SyntheticHistory {
  commits: number;
  tasks: number;
}

interface Held {
  path: string;
  claim: Claim;
}

const NODES = 8;
const SLOTS = 4;
const SUBMIT_BATCH = 100;

/**
 * Writes the history of `tasks` tasks run by 8 nodes to the branch `main` of a new bare repository: one in
 * ten runs fails and is retried, one claim in fifty is orphaned and requeued, one task in a hundred is an
 * invalid file that goes to failed/ without a claim. Each node's commit carries its node file listing the
 * claims it holds, and each node signs off at the end, as workers do.
 */
export async function writeSyntheticHistory(bare: string, tasks: number): Promise<SyntheticHistory> {
  await git(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  const policy = defaultPolicy();
  const random = seeded(7);
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const stream: Buffer[] = [];
  let commits = 0;
  const commit = (author: string, message: string, changes: Change[]) => {
    clock += 1000;
    const lines = [
      'commit refs/heads/main',
      `committer ${author} <${author}@dgrid> ${Math.floor(clock / 1000)} +0000`,
      data(message),
    ];
    for (const change of changes) {
      if ('delete' in change) lines.push(`D ${change.path}`);
      else if ('content' in change) lines.push(`M 100644 inline ${change.path}`, data(String(change.content)));
    }
    stream.push(Buffer.from(lines.join('\n') + '\n\n', 'utf8'));
    commits++;
  };

  // Its rounds come faster than a push budget allows: no budget, as on a local grid.
  commit('dgrid', 'dgrid: initialise the grid\n', [
    { path: 'dgrid.json', content: serialize({ push_budget_per_minute: 0 }) },
  ]);
  const queue = new Map<string, QueuedTask>();
  const running: Held[][] = Array.from({ length: NODES }, () => []);
  /** Each node's counters, as its node file carries them: every run it ended, retried or not. */
  const counted = Array.from({ length: NODES }, () => ({ completed: 0, failed: 0 }));
  let submitted = 0;
  let finished = 0;
  const fileOf = (id: string): TaskFile => ({
    id,
    state: 'queue',
    entry: { mode: '100644', type: 'blob', sha: '', size: 0, path: queueShardPath(id) },
  });

  while (finished < tasks) {
    if (queue.size < 2 * SUBMIT_BATCH && submitted < tasks) {
      const batch: QueuedTask[] = [];
      for (; batch.length < SUBMIT_BATCH && submitted < tasks; submitted++) {
        batch.push({ task_id: `t${String(submitted).padStart(6, '0')}`, script: `echo ${submitted}` });
      }
      for (const task of batch) queue.set(task.task_id, task);
      commit('dgrid', `dgrid: submit ${batch.length}\n`, [
        ...batch.map((t) => ({ path: queueShardPath(t.task_id), content: serialize(t) })),
      ]);
    }
    for (let n = 0; n < NODES; n++) {
      const nodeId = `node-${n}`;
      const now = new Date(clock);
      const changes: Change[] = [];
      // As a worker does, claim from the queue as it was before this commit's own requeues.
      const candidates = [...queue].slice(0, SLOTS);
      for (const held of running[n]!) {
        const run = execution(random() < 0.1 ? 1 : 0, now);
        counted[n]![run.status === 'success' ? 'completed' : 'failed']++;
        const conclusion = concludeClaim(held.path, held.claim, run, policy, run.finishedAt);
        changes.push(...conclusion);
        const requeued = conclusion.find((c) => c.path === queueShardPath(held.claim.task_id));
        if (requeued && 'content' in requeued) queue.set(held.claim.task_id, JSON.parse(String(requeued.content)));
        else finished++;
      }
      running[n] = [];
      for (const [id, task] of candidates) {
        queue.delete(id);
        if (random() < 0.01) {
          changes.push(...rejectFile(fileOf(id), 'an invalid file, for the audit', nodeId, now, task));
          finished++;
          continue;
        }
        const plan = claimTask(fileOf(id), task, nodeId, now, policy);
        changes.push(...plan.changes);
        running[n]!.push({ path: plan.changes[1]!.path, claim: plan.claim });
      }
      if (changes.length > 0) {
        const tasks = running[n]!.map((h) => h.claim.task_id);
        changes.push(nodeChange({ ...nodeRecord(nodeId, 'online', tasks, now), ...counted[n]! }));
        commit(nodeId, `dgrid: ${nodeId}: claim and finish\n`, changes);
      }
    }
    const victim = running[Math.floor(random() * NODES)]!;
    if (victim.length > 0 && random() < 0.3) {
      const held = victim.pop()!;
      // A reaper takes a claim back only from a node silent past its timeout (the audit's fresh-reap).
      clock += (policy.lease.node_timeout_seconds + policy.lease.grace_seconds) * 1000;
      const { task, changes } = requeueClaim(held.path, held.claim, 'orphaned', 'node silent', new Date(clock));
      queue.set(task.task_id, task);
      commit('dgrid-reaper', 'dgrid: reap: requeue 1\n', changes);
    }
  }
  for (let n = 0; n < NODES; n++) {
    commit(`node-${n}`, `dgrid: node-${n}: go offline\n`, [
      nodeChange({ ...nodeRecord(`node-${n}`, 'offline', [], new Date(clock)), ...counted[n]! }),
    ]);
  }
  await git(['fast-import', '--quiet', '--force', '--done'], {
    cwd: bare,
    input: Buffer.concat([...stream, Buffer.from('done\n')]),
    timeoutMs: 600_000,
  });
  return { commits, tasks };
}

function nodeRecord(nodeId: string, status: NodeRecord['status'], tasks: string[], at: Date): NodeRecord {
  return {
    node_id: nodeId,
    labels: [],
    slots: SLOTS,
    version: 'synthetic',
    started_at: '2026-01-01T00:00:00.000Z',
    incarnation: `${nodeId}-1`,
    last_heartbeat: at.toISOString(),
    status,
    tasks: [...tasks].sort(),
    completed: 0,
    failed: 0,
  };
}

function execution(exitCode: number, at: Date): Execution {
  return {
    status: exitCode === 0 ? 'success' : 'failure',
    exitCode,
    stdout: emptyStream(),
    stderr: emptyStream(),
    startedAt: new Date(at.getTime() - 500),
    finishedAt: at,
  };
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}`;
}

/** A small deterministic generator, so a failing history can be written again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
