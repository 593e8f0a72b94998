// A sharded grid on two smart-HTTP hosts, one shard each, served by two nodes that serve both. Midway one
// host goes down: the nodes must keep serving the other shard at no less than 90% of the throughput they
// gave it while both were up, and once the host is back, finish its tasks with nothing lost and nothing
// run twice. Tasks sleep a little, so the nodes' slots, not the machine, set the pace.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { auditGrid } from '../../src/upkeep/audit.js';
import { GridSnapshot } from '../../src/protocol/snapshot.js';
import { shardIndex } from '../../src/protocol/shards.js';
import { serveGit } from '../helpers/http-git.js';
import { shardedGrid } from '../helpers/shards.js';

export interface ShardOutage {
  /** Results per second in the shard that stays up, while both hosts are up and while the other is down. */
  bothUp: number;
  otherDown: number;
  tasks: number;
  lost: string[];
  duplicated: string[];
  /** Audit violations of each shard's history. */
  violations: string[];
}

/**
 * Enough that the shard which stays up still has tasks at the end of the second window: with 60, it drained
 * within it once it had every slot, and the idle rest of the window read as a slower pace (63%).
 */
const TASKS_PER_SHARD = 150;
const WINDOW_MS = 8_000;

export async function runShardOutage(say: (line: string) => void = () => undefined): Promise<ShardOutage> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-shard-outage-'));
  const servers = [await serveGit(dir, 'token-a'), await serveGit(dir, 'token-b')];
  try {
    const grid = await shardedGrid(
      dir,
      2,
      { lease: { heartbeat_seconds: 2, node_timeout_seconds: 60 } },
      (i) => servers[i]!.url,
    );
    const ids: string[][] = [[], []];
    for (let n = 0; ids.some((list) => list.length < TASKS_PER_SHARD); n++) {
      const id = `o${String(n).padStart(4, '0')}`;
      if (ids[shardIndex(id, 2)]!.length < TASKS_PER_SHARD) ids[shardIndex(id, 2)]!.push(id);
    }
    await grid.submit(ids.flat().map((task_id) => ({ task_id, script: 'sleep 0.3' })));
    const tokens = new Map([[new URL(grid.urls[1]!).host, 'token-b']]);
    const nodes = await Promise.all(
      ['n1', 'n2'].map((nodeId) => grid.node({ nodeId, token: 'token-a', slots: 2, idleTimeoutSeconds: 3 }, tokens)),
    );
    const runs = nodes.map((node) => node.run());
    const doneIn = async (shard: number) => {
      const store = grid.stores[shard]!;
      return (await GridSnapshot.load(store, await store.fetch(), { states: ['completed', 'failed'] })).of('completed')
        .length;
    };
    // Past the start (caches, first claims), then a window with both hosts up.
    await sleep(3_000);
    let from = await doneIn(0);
    await sleep(WINDOW_MS);
    const bothUp = ((await doneIn(0)) - from) / (WINDOW_MS / 1000);
    say(`both hosts up: ${bothUp.toFixed(2)} results/s in the first shard`);
    await servers[1]!.stop();
    from = await doneIn(0);
    await sleep(WINDOW_MS);
    const otherDown = ((await doneIn(0)) - from) / (WINDOW_MS / 1000);
    say(`second host down: ${otherDown.toFixed(2)} results/s in the first shard`);
    await servers[1]!.start();
    await Promise.all(runs);

    const seen = new Map<string, number>();
    const violations: string[] = [];
    for (const [shard, store] of grid.stores.entries()) {
      const snapshot = await GridSnapshot.load(store, await store.fetch());
      for (const file of [...snapshot.of('completed'), ...snapshot.of('failed')]) {
        seen.set(file.id, (seen.get(file.id) ?? 0) + 1);
      }
      const audit = await auditGrid(grid.bares[shard]!, 'main');
      violations.push(...audit.violations.map((v) => `shard ${shard}: ${v.rule}: ${v.message}`));
    }
    const all = ids.flat();
    return {
      bothUp,
      otherDown,
      tasks: all.length,
      lost: all.filter((id) => !seen.has(id)),
      duplicated: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
      violations,
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  }
}
