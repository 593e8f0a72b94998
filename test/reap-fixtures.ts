// Grids for the reaper's tests and benchmark: claims of nodes that stopped answering, planted through the
// real lifecycle functions, and large synthetic histories of results written at once with fast-import.
import { createHash, randomUUID } from 'node:crypto';
import type { Change } from '../src/git/store.js';
import { resultPath } from '../src/protocol/layout.js';
import { claimTask, nodeChange, resultRecord, serialize, type StreamCapture } from '../src/protocol/transitions.js';
import { iso } from '../src/common/time.js';
import type { Claim, QueuedTask } from '../src/protocol/schemas.js';
import { transact } from '../src/protocol/transaction.js';
import type { TestGrid } from './helpers/grid.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlantOptions {
  /** How long ago the node's last heartbeat was. */
  heartbeatAgeSeconds: number;
  /** How long ago the tasks were claimed (their lease is counted from then). */
  claimedAgeSeconds?: number;
  /** Whether the node file lists the tasks it holds. */
  listed?: boolean;
  /** Whether the node has a node file at all. */
  nodeFile?: boolean;
}

/** Claims queued tasks for `nodeId` as a node would, with its clock set back as asked, in one commit. */
export async function plantClaims(grid: TestGrid, nodeId: string, ids: string[], options: PlantOptions): Promise<void> {
  const now = Date.now();
  const claimedAt = new Date(now - (options.claimedAgeSeconds ?? 0) * 1000);
  await transact(
    grid.store,
    async (snapshot) => {
      const policy = await snapshot.policy();
      const files = snapshot.of('queue').filter((f) => ids.includes(f.id));
      const changes: Change[] = [];
      for (const [file, task] of await snapshot.readJson(files)) {
        changes.push(...claimTask(file, task as QueuedTask, nodeId, claimedAt, policy).changes);
      }
      if (options.nodeFile ?? true) {
        changes.push(
          nodeChange({
            node_id: nodeId,
            labels: [],
            slots: ids.length,
            version: 'test',
            started_at: iso(claimedAt),
            last_heartbeat: iso(new Date(now - options.heartbeatAgeSeconds * 1000)),
            status: 'online',
            tasks: (options.listed ?? true) ? [...ids].sort() : [],
            completed: 0,
            failed: 0,
          }),
        );
      }
      return { changes, message: `test: ${nodeId} claims ${ids.join(', ')}\n`, value: null };
    },
    { author: nodeId, states: ['queue'] },
  );
}

const capture = (text: string): StreamCapture => ({
  text,
  bytes: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex'),
  truncated: false,
});

/**
 * Adds `count` results spread evenly over the `days` days up to today (one in ten failed, on every day), as real results
 * look, in one commit pushed to the grid.
 */
export async function plantResults(grid: TestGrid, count: number, days: number, prefix = 'r'): Promise<void> {
  const now = Date.now();
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const taskId = `${prefix}${i}`;
    const finishedAt = new Date(now - (i % days) * DAY_MS - (i % 3600) * 1000);
    const startedAt = new Date(finishedAt.getTime() - 1500);
    const claim: Claim = {
      task_id: taskId,
      script: `python3 -c "print(${i} ** 2)"`,
      claim: {
        node_id: `node-${i % 7}`,
        token: randomUUID(),
        attempt: 1,
        claimed_at: iso(startedAt),
        lease_until: iso(new Date(startedAt.getTime() + 150_000)),
      },
    };
    const failed = Math.floor(i / days) % 10 === 0;
    const result = resultRecord(claim, {
      status: failed ? 'failure' : 'success',
      exitCode: failed ? 1 : 0,
      stdout: capture(`${i * i}\n`),
      stderr: capture(failed ? 'Traceback (most recent call last): ...\n' : ''),
      startedAt,
      finishedAt,
    });
    changes.push({
      path: resultPath(failed ? 'failed' : 'completed', taskId, finishedAt),
      content: serialize(result),
    });
  }
  const tip = await grid.store.fetch();
  const commit = await grid.store.commit(tip, changes, `test: ${count} results over ${days} days\n`, 'test');
  if ((await grid.store.push(commit)) !== 'pushed') throw new Error('the grid moved while results were planted');
}
