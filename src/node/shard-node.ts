// A node of a grid whose policy lists shards: one Worker per shard, each with its own cache, node file,
// claims, push budget and pacing in its shard, exactly as a node of a one-repository grid, sharing the node's
// slots through a SlotPool. Exactly one result per task holds per shard as it does for one repository, since
// every claim and result of a shard is written by that shard's worker alone; the workers only share slots and
// read each other's last tip for dependencies across shards.
import { createHash } from 'node:crypto';
import { UserError, errorMessage } from '../common/errors.js';
import type { Log } from '../common/log.js';
import { GridStore } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import { isSharded, repositoryKey, shardIndex, shardPlace, tokenFor } from '../protocol/shards.js';
import type { Policy } from '../protocol/schemas.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { DependencyState } from './scheduler.js';
import { SlotPool } from './slot-pool.js';
import { Worker, type WorkerGauges, type WorkerReport, type WorkerSettings } from './worker.js';

/** What runs a node, whether the grid is one repository or several. */
export interface GridNode {
  run(): Promise<WorkerReport>;
  stop(reason: string): void;
  /** SIGINT or SIGTERM: stop, or drain with drain-on-stop. */
  signal(name: string): void;
  gauges(): WorkerGauges;
}

/**
 * The node for `settings.remote`: a plain Worker when its policy lists no shards, otherwise one worker per
 * shard. `tokens` gives the token for each host other than the repository's own (shards.ts tokenFor).
 */
export async function startNode(
  settings: WorkerSettings,
  sandbox: Sandbox,
  log: Log,
  tokens: ReadonlyMap<string, string> = new Map(),
): Promise<GridNode> {
  const policy = await readPolicy(settings);
  if (!isSharded(policy)) return new Worker(settings, sandbox, log);
  if (shardPlace(policy, settings.remote) < 0) {
    throw new UserError(
      `${repositoryKey(settings.remote)} is not one of the shards its dgrid.json lists (${policy.shards!.join(', ')}): ` +
        'add it to "shards" in every shard, or point the node at one of those',
    );
  }
  return new ShardedNode(settings, policy.shards!, sandbox, log, tokens);
}

/** The policy at the tip of the repository the node was pointed at, read through a shallow cache of its own. */
async function readPolicy(settings: WorkerSettings): Promise<Policy> {
  const store = await GridStore.open({
    remote: settings.remote,
    branch: settings.branch,
    dir: `${settings.cacheDir}-policy`,
    ...(settings.token ? { token: settings.token } : {}),
    partial: true,
    depth: 1,
  });
  const tip = await store.fetch();
  if (tip === null) {
    throw new UserError(`branch "${settings.branch}" does not exist in ${settings.remote}: run "dgrid init" first`);
  }
  return (await GridSnapshot.load(store, tip, { states: [] })).policy();
}

/** The cache of a shard's worker: the node's own for the repository it was pointed at, a sibling for others. */
export function shardCacheDir(cacheDir: string, remote: string, shard: string): string {
  if (repositoryKey(shard) === repositoryKey(remote)) return cacheDir;
  return `${cacheDir}-shard-${createHash('sha1').update(repositoryKey(shard)).digest('hex').slice(0, 10)}`;
}

class ShardedNode implements GridNode {
  private readonly workers: Worker[];
  private readonly urls: readonly string[];

  constructor(
    settings: WorkerSettings,
    shards: readonly string[],
    sandbox: Sandbox,
    private readonly log: Log,
    tokens: ReadonlyMap<string, string>,
  ) {
    this.urls = shards;
    const pool = new SlotPool({ slots: settings.slots, maxTasks: settings.maxTasks });
    const primary = { remote: settings.remote, token: settings.token };
    this.workers = shards.map((url, index) => {
      const token = tokenFor(url, primary, tokens);
      const shardSettings: WorkerSettings = {
        ...settings,
        remote: url,
        cacheDir: shardCacheDir(settings.cacheDir, settings.remote, url),
      };
      if (token) shardSettings.token = token;
      else delete shardSettings.token;
      const elsewhere = {
        foreign: (id: string) => shardIndex(id, shards.length) !== index,
        states: (since: ReadonlyMap<string, string>) => this.dependencyStates(since),
      };
      const reference = () => (index === 0 ? undefined : this.workers[0]?.currentPolicy());
      return new Worker(shardSettings, sandbox, prefixed(log, `[shard ${index + 1}] `), { pool, elsewhere, reference });
    });
  }

  /** Where dependencies stand in their own shards, each read from that shard's worker's last tip. */
  private async dependencyStates(
    since: ReadonlyMap<string, string>,
  ): Promise<Map<string, DependencyState | undefined>> {
    const byShard = new Map<number, Map<string, string>>();
    for (const [id, at] of since) {
      const index = shardIndex(id, this.urls.length);
      if (!byShard.has(index)) byShard.set(index, new Map());
      byShard.get(index)!.set(id, at);
    }
    const states = new Map<string, DependencyState | undefined>();
    for (const [index, ids] of byShard) {
      for (const [id, state] of await this.workers[index]!.dependencyStates(ids)) states.set(id, state);
    }
    return states;
  }

  gauges(): WorkerGauges {
    const all = this.workers.map((w) => w.gauges());
    return {
      report: mergeReports(all.map((g) => g.report)),
      running: all.reduce((n, g) => n + g.running, 0),
      slots: all[0]!.slots,
      // The node is as healthy as its best-connected shard: one host down does not stop the others.
      sinceLastPushSeconds: Math.min(...all.map((g) => g.sinceLastPushSeconds)),
      stopping: all.some((g) => g.stopping),
    };
  }

  stop(reason: string): void {
    for (const worker of this.workers) worker.stop(reason);
  }

  signal(name: string): void {
    for (const worker of this.workers) worker.signal(name);
  }

  async run(): Promise<WorkerReport> {
    this.log.info(`serving ${this.urls.length} shards: ${this.urls.map(repositoryKey).join(', ')}`);
    const outcomes = await Promise.allSettled(
      this.workers.map((worker, index) =>
        worker.run().catch((error: unknown) => {
          // One shard's worker failing (its clock, its node id taken over) stops the node as a whole: a node
          // that half-serves its grid is harder to reason about than one that stops and says why.
          this.log.error(`shard ${this.urls[index]}: ${errorMessage(error)}`);
          this.stop(`the worker of shard ${index + 1} stopped: ${errorMessage(error)}`);
          throw error;
        }),
      ),
    );
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return mergeReports(outcomes.map((o) => (o as PromiseFulfilledResult<WorkerReport>).value));
  }
}

function mergeReports(reports: readonly WorkerReport[]): WorkerReport {
  const sum = (key: 'completed' | 'failed' | 'returned' | 'fenced' | 'pushes' | 'rejectedPushes') =>
    reports.reduce((n, r) => n + r[key], 0);
  return {
    nodeId: reports[0]!.nodeId,
    completed: sum('completed'),
    failed: sum('failed'),
    returned: sum('returned'),
    fenced: sum('fenced'),
    pushes: sum('pushes'),
    rejectedPushes: sum('rejectedPushes'),
    stopReason: reports.find((r) => r.stopReason)?.stopReason ?? '',
    outcomes: reports.flatMap((r) => r.outcomes),
  };
}

function prefixed(log: Log, prefix: string): Log {
  return {
    debug: (m: string) => log.debug(prefix + m),
    info: (m: string) => log.info(prefix + m),
    warn: (m: string) => log.warn(prefix + m),
    error: (m: string) => log.error(prefix + m),
  };
}
