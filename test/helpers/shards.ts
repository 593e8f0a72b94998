// Sharded test grids: several bare repositories in one folder whose dgrid.json lists them all as `shards`,
// reached over file:// or through smart-HTTP servers (http-git.ts) serving that folder.
import { mkdtemp, rm } from 'node:fs/promises';
import type { TestContext } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initGrid, submitToShards } from '../../src/admin/grid-admin.js';
import { GridStore } from '../../src/git/store.js';
import { GridSnapshot } from '../../src/protocol/snapshot.js';
import { silentLog, type Log } from '../../src/common/log.js';
import { ProcessSandbox } from '../../src/sandbox/process.js';
import { parsePolicy } from '../../src/protocol/policy.js';
import { startNode, type GridNode } from '../../src/node/shard-node.js';
import type { Result, Task } from '../../src/protocol/schemas.js';
import type { WorkerSettings } from '../../src/node/worker.js';

export interface ShardedGrid {
  dir: string;
  /** The bare repositories, in the policy's order. */
  bares: string[];
  /** Their URLs as the policy lists them. */
  urls: string[];
  /** Each shard read over file://, whatever serves it. */
  stores: GridStore[];
  submit(tasks: Task[]): Promise<void>;
  /** A node pointed at the first shard (or `remote`), serving them all. */
  node(overrides?: Partial<WorkerSettings>, tokens?: ReadonlyMap<string, string>, log?: Log): Promise<GridNode>;
  /** Every result of every shard, with the shard (its index) it was written in. */
  results(): Promise<Map<string, Result & { state: string; shard: number }>>;
}

/** A folder removed when the test ends, to hold the shards (and what serves them). */
export async function shardFolder(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-shards-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * `count` shards in `dir` named shard-0.git and on; `base(i)` is the URL of the folder shard i is served from
 * (file:// of `dir` by default), so a shard's URL is `${base(i)}/shard-i.git`.
 */
export async function shardedGrid(
  dir: string,
  count: number,
  policy: object = {},
  base: (index: number) => string = () => pathToFileURL(dir).href,
): Promise<ShardedGrid> {
  const bares = Array.from({ length: count }, (_, i) => join(dir, `shard-${i}.git`));
  const urls = bares.map((_, i) => `${base(i)}/shard-${i}.git`);
  const policyText = JSON.stringify({ push_budget_per_minute: 0, ...policy, shards: urls });
  const stores: GridStore[] = [];
  for (const [i, bare] of bares.entries()) {
    await initGrid({ repository: bare, branch: 'main', policyText, cacheDir: join(dir, `cache-init-${i}`) });
    stores.push(
      await GridStore.open({ remote: pathToFileURL(bare).href, branch: 'main', dir: join(dir, `cache-test-${i}`) }),
    );
  }
  let nodes = 0;
  const grid: ShardedGrid = {
    dir,
    bares,
    urls,
    stores,
    submit: async (tasks) => {
      const shards = stores.map((store, i) => ({ url: urls[i]!, store }));
      // The test's stores read over file://, but each shard is known by its URL in the policy.
      await submitToShards({ policy: parsePolicy(policyText), shards }, tasks);
    },
    node: (overrides = {}, tokens = new Map(), log = silentLog) => {
      const nodeId = overrides.nodeId ?? `node-${++nodes}`;
      return startNode(
        {
          remote: urls[0]!,
          branch: 'main',
          nodeId,
          labels: [],
          slots: 2,
          maxTasks: 0,
          maxRuntimeMinutes: 0,
          idleTimeoutSeconds: 1,
          pollIntervalSeconds: 0.1,
          cacheDir: join(dir, `cache-${nodeId}`),
          ...overrides,
        },
        new ProcessSandbox(),
        log,
        tokens,
      );
    },
    results: async () => {
      const out = new Map<string, Result & { state: string; shard: number }>();
      for (const [shard, store] of stores.entries()) {
        const snapshot = await GridSnapshot.load(store, await store.fetch());
        const files = [...snapshot.of('completed'), ...snapshot.of('failed')];
        for (const [file, value] of await snapshot.readJson(files)) {
          out.set(file.id, { ...(value as Result), state: file.state, shard });
        }
      }
      return out;
    },
  };
  return grid;
}
