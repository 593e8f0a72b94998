// What `dgrid audit` checks across the shards of a grid, beyond each shard's own history: every shard's
// dgrid.json equals the first shard's, and every task sits in the shard its id hashes to (an id in two
// shards could run twice).
import type { GridSnapshot } from '../protocol/snapshot.js';
import { repositoryKey, shardIndex } from '../protocol/shards.js';

export interface ShardTip {
  url: string;
  snapshot: GridSnapshot;
}

/** Problems across the shards at their tips, each naming the shard, the file and the fix. */
export async function shardProblems(shards: readonly ShardTip[]): Promise<string[]> {
  const problems: string[] = [];
  const [first] = shards;
  if (!first) return problems;
  const reference = JSON.stringify(await first.snapshot.policy());
  for (const [index, { url, snapshot }] of shards.entries()) {
    const where = repositoryKey(url);
    if (index > 0 && JSON.stringify(await snapshot.policy()) !== reference) {
      problems.push(
        `${where}: dgrid.json differs from the first shard's (${repositoryKey(first.url)}); nodes claim nothing there ` +
          'until they agree: give every shard the same dgrid.json',
      );
    }
    for (const [id, files] of snapshot.byId) {
      const home = shardIndex(id, shards.length);
      if (home === index) continue;
      problems.push(
        `${where}: ${files[0]!.entry.path} belongs to shard ${repositoryKey(shards[home]!.url)} by the hash of its id ` +
          '(a direct push past the gate?): move it there, or cancel it here',
      );
    }
  }
  return problems;
}
