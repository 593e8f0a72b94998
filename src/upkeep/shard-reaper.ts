// The reaper of a sharded grid: the reaper (and its archive) run over each shard in turn, each with the token
// for its host. Every shard is reaped on its own, as a grid of one repository is: a node's claims and node
// file in one shard say nothing of another.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../common/errors.js';
import type { Log } from '../common/log.js';
import { GridStore } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import { isSharded, repositoryKey, tokenFor } from '../protocol/shards.js';
import { reap, type ReapReport, type ReapSettings } from './reaper.js';

/** Reaps `settings.remote`, or every shard its policy lists; a shard that cannot be reached fails the run last. */
export async function reapGrid(
  settings: ReapSettings,
  log: Log,
  tokens: ReadonlyMap<string, string> = new Map(),
): Promise<ReapReport & { shards?: string[] }> {
  const shards = await shardsOf(settings);
  if (shards === undefined) return reap(settings, log);
  const total: ReapReport = {
    dryRun: settings.dryRun,
    requeued: 0,
    failed: 0,
    nodesOffline: 0,
    actions: [],
    commits: [],
    rejectedPushes: 0,
  };
  let failure: unknown;
  for (const url of shards) {
    const token = tokenFor(url, settings, tokens);
    const { token: _, ...rest } = settings;
    try {
      const report = await reap({ ...rest, remote: url, ...(token ? { token } : {}) }, log);
      total.requeued += report.requeued;
      total.failed += report.failed;
      total.nodesOffline += report.nodesOffline;
      total.actions.push(...report.actions.map((a) => ({ ...a, subject: `${a.subject} (${repositoryKey(url)})` })));
      total.commits.push(...report.commits);
      total.rejectedPushes += report.rejectedPushes;
    } catch (error) {
      // One host down does not keep the others unreaped.
      log.error(`could not reap ${repositoryKey(url)}: ${errorMessage(error)}`);
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return { ...total, shards };
}

/** The shards the policy at the tip lists, or undefined for a grid of one repository. */
async function shardsOf(settings: ReapSettings): Promise<string[] | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-reap-policy-'));
  try {
    const store = await GridStore.open({
      remote: settings.remote,
      branch: settings.branch,
      dir,
      partial: true,
      depth: 1,
      ...(settings.token ? { token: settings.token } : {}),
      waitOutRateLimits: true,
    });
    const policy = await (await GridSnapshot.load(store, await store.fetch(), { states: [] })).policy();
    return isSharded(policy) ? policy.shards! : undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
