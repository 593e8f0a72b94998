// What quorum costs: runs per task of quorum-2 tasks once every node has earned trust (adaptive
// replication: a trusted node's run is checked by a second node only at random), against one run per task
// without replication; and the hostile-node scenario of the fault suite (test/faults/quorum-liar.ts).
import { makeGrid, runAll, type TestGrid } from '../test/helpers/grid.js';
import { isTrusted, reputationOf } from '../src/protocol/reputation.js';
import type { Task } from '../src/protocol/schemas.js';

const NODES = 5;
const TRUST_AFTER = 3;
const WARM_BATCH = 10;

export interface AdaptiveCost {
  tasks: number;
  /** Runs of the measured tasks: every replica of every result. */
  runs: number;
  /** Runs per task while the nodes earned trust (every run replicated). */
  warmRunsPerTask: number;
  warmTasks: number;
}

const batch = (prefix: string, count: number): Task[] =>
  Array.from({ length: count }, (_, i) => ({ task_id: `${prefix}${i}`, script: `echo ${prefix} ${i}`, quorum: 2 }));

async function drain(grid: TestGrid): Promise<void> {
  await runAll(
    Array.from({ length: NODES }, (_, i) => grid.worker({ nodeId: `n${i + 1}`, slots: 2, idleTimeoutSeconds: 2 })),
  );
}

async function runsOf(grid: TestGrid, prefix: string): Promise<{ tasks: number; runs: number }> {
  const results = [...(await grid.results()).values()].filter((r) => r.task_id.startsWith(prefix));
  return { tasks: results.length, runs: results.reduce((sum, r) => sum + (r.replicas?.length ?? 1), 0) };
}

/** Every node earns trust on replicated tasks first; then `tasks` quorum-2 tasks run. */
export async function adaptiveCost(tasks: number): Promise<AdaptiveCost> {
  const grid = await makeGrid({ nodes: { trust_after: TRUST_AFTER } });
  try {
    let round = 0;
    for (; round < 10; round++) {
      await grid.submit(batch(`warm${round}-`, WARM_BATCH));
      await drain(grid);
      const nodes = await (await grid.snapshot()).nodes();
      if (nodes.length === NODES && nodes.every((n) => isTrusted(reputationOf(n), TRUST_AFTER))) break;
    }
    const warm = await runsOf(grid, 'warm');
    await grid.submit(batch('m', tasks));
    await drain(grid);
    const measured = await runsOf(grid, 'm');
    return {
      tasks: measured.tasks,
      runs: measured.runs,
      warmRunsPerTask: warm.runs / warm.tasks,
      warmTasks: warm.tasks,
    };
  } finally {
    await grid.cleanup();
  }
}
