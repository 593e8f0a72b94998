// Shards against the per-repository push budget: one node drains short tasks from a grid of one repository,
// then from a grid of four, each shard a bare repository of its own under the same push_budget_per_minute
// and holding as many tasks as the single one. A push carries at most a node's slots and 1,000 claims
// beyond them, so under a binding budget a repository's pace is its pushes a minute times what each
// carries: the node's slots (64, tasks timed by timed-sandbox.ts) run far more than that, and four shards
// should drain about four times as many tasks in the same time. Measured from the pushes each server saw
// land. Run alone: npm run bench -- --shards
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { initGrid, submitToShards } from '../src/admin/grid-admin.js';
import { parsePolicy } from '../src/protocol/policy.js';
import { silentLog } from '../src/common/log.js';
import { startNode } from '../src/node/shard-node.js';
import { shardIndex } from '../src/protocol/shards.js';
import { TimedSandbox } from './timed-sandbox.js';

export interface ShardDrain {
  shards: number;
  tasks: number;
  /**
   * Tasks per second over the grid once each shard's push budget runs at its steady pace: the sum over the
   * shards of the results each gained from its push after the budget's first minute of allowance (a token
   * bucket starts full) to the push that completed it, over that time.
   */
  rate: number;
  pushes: number;
}

export interface ShardDrainOptions {
  shards: number;
  tasksPerShard: number;
  budgetPerMinute: number;
  slots: number;
  /** How long each task takes (timed, not run). */
  taskMs: number;
}

export async function measureShardDrain(root: string, o: ShardDrainOptions): Promise<ShardDrain> {
  const dir = join(root, `shards-${o.shards}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  const bares = Array.from({ length: o.shards }, (_, i) => join(dir, `shard-${i}.git`));
  const urls = bares.map((bare) => pathToFileURL(bare).href);
  const policyText = JSON.stringify({
    push_budget_per_minute: o.budgetPerMinute,
    quotas: { max_queued: o.tasksPerShard, queued_per_submitter: o.tasksPerShard },
    ...(o.shards > 1 ? { shards: urls } : {}),
  });
  const stores: GridStore[] = [];
  for (const [i, bare] of bares.entries()) {
    await initGrid({ repository: bare, branch: 'main', policyText, cacheDir: join(dir, `init-${i}`) });
    stores.push(await GridStore.open({ remote: urls[i]!, branch: 'main', dir: join(dir, `admin-${i}`) }));
    await writeFile(
      join(bare, 'hooks', 'post-receive'),
      `#!/bin/sh\nwhile read old new ref; do echo "$new $(date +%s%3N)"; done >> ${join(bare, 'landed')}\n`,
      { mode: 0o755 },
    );
  }
  // The same number of tasks in each shard: ids picked by their home.
  const perShard = bares.map(() => [] as { task_id: string; script: string }[]);
  for (let n = 0; perShard.some((list) => list.length < o.tasksPerShard); n++) {
    const id = `t${String(n).padStart(5, '0')}`;
    const list = perShard[shardIndex(id, o.shards)]!;
    if (list.length < o.tasksPerShard) list.push({ task_id: id, script: 'true' });
  }
  await submitToShards(
    { policy: parsePolicy(policyText), shards: stores.map((store, i) => ({ url: urls[i]!, store })) },
    perShard.flat(),
  );
  const node = await startNode(
    {
      remote: urls[0]!,
      branch: 'main',
      nodeId: 'bench-shards',
      labels: [],
      slots: o.slots,
      cpus: 64,
      maxTasks: 0,
      maxRuntimeMinutes: 0,
      idleTimeoutSeconds: 1,
      pollIntervalSeconds: 0.2,
      cacheDir: join(dir, 'node'),
    },
    new TimedSandbox(o.taskMs),
    silentLog,
  );
  const report = await node.run();
  let rate = 0;
  // From the node's second push on each shard (its first registers it, at once): the budget's pace.
  for (const bare of bares) rate += await steadyRate(bare, o.tasksPerShard, 1);
  return { shards: o.shards, tasks: o.shards * o.tasksPerShard, rate, pushes: report.pushes };
}

/** Results per second the shard gained from its push number `from` to the push that completed it. */
async function steadyRate(bare: string, tasks: number, from: number): Promise<number> {
  const lines = (await readFile(join(bare, 'landed'), 'utf8')).trim().split('\n');
  const completed = async (commit: string) => {
    const files = await git(['ls-tree', '-r', '--name-only', commit, 'tasks/completed'], { cwd: bare });
    return files.split('\n').filter((p) => p.endsWith('.json')).length;
  };
  const [startCommit, startAt] = lines[from]!.split(' ');
  const before = await completed(startCommit!);
  for (const line of lines.slice(from + 1)) {
    const [commit, at] = line.split(' ');
    if ((await completed(commit!)) >= tasks) return (tasks - before) / ((Number(at) - Number(startAt)) / 1000);
  }
  throw new Error(`${bare} did not drain`);
}
