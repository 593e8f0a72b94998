// Output files live as long as results do on the grid branch: the reaper deletes those stored longer ago
// than retention.days, as it archives the results that named them. A file stored again since (another task
// wrote the same bytes) was refreshed by that store, so it stays.
import { errorMessage } from '../common/errors.js';
import type { Log } from '../common/log.js';
import type { GridStore } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import { openFileStore } from '../storage/index.js';

export async function pruneOutputs(
  store: GridStore,
  context: { remote: string; token?: string; cacheDir: string },
  now: Date,
  log: Log,
): Promise<number> {
  try {
    const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: [] });
    const policy = await snapshot.policy();
    const files = await openFileStore(policy, context);
    const pruned = await files.prune(new Date(now.getTime() - policy.retention.days * 86_400_000), new Set());
    if (pruned > 0) log.info(`deleted ${pruned} output file(s) stored over ${policy.retention.days} days ago`);
    return pruned;
  } catch (error) {
    // The grid's own upkeep is done; a store that cannot be reached now is tried again on the next run.
    log.warn(`could not prune output files: ${errorMessage(error)}`);
    return 0;
  }
}
