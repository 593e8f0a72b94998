// The repositories of a grid as the CLI reads them: the one named on the command line, and when its policy
// lists shards, each of them (the token for each from its host, see shards.ts).
import { UserError } from '../common/errors.js';
import { cacheDir } from '../git/cache-dir.js';
import { GridStore } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import { isSharded, repositoryKey, sameRepository, shardPlace, tokenFor } from '../protocol/shards.js';
import type { Policy } from '../protocol/schemas.js';

export interface GridAccess {
  remote: string;
  branch: string;
  token?: string | undefined;
  /** Tokens by host for shards elsewhere (DGRID_SHARD_TOKENS). */
  tokens: ReadonlyMap<string, string>;
}

export interface OpenGrid {
  /** The policy of the repository named, which is the grid's (each shard's must equal it). */
  policy: Policy;
  /** Every repository of the grid, in the policy's order; just the one for a grid of one repository. */
  shards: { url: string; store: GridStore }[];
}

/** Opens the repository named and, for a sharded grid, every shard; `purpose` names the caches. */
export async function openGrid(
  access: GridAccess,
  purpose: string,
  options: { partial?: boolean; depth?: number } = {},
): Promise<OpenGrid> {
  const open = (url: string) => {
    const token = tokenFor(url, access, access.tokens);
    return GridStore.open({
      remote: url,
      branch: access.branch,
      dir: cacheDir(url, access.branch, purpose),
      ...(token ? { token } : {}),
      // A command waits out a rate limit rather than fail on it.
      waitOutRateLimits: true,
      ...options,
    });
  };
  const primary = await open(access.remote);
  const tip = await primary.fetch();
  const policy = await (await GridSnapshot.load(primary, tip, { states: [] })).policy();
  if (!isSharded(policy)) return { policy, shards: [{ url: access.remote, store: primary }] };
  if (shardPlace(policy, access.remote) < 0) {
    throw new UserError(
      `${repositoryKey(access.remote)} is not one of the shards its dgrid.json lists (${policy.shards!.join(', ')}): ` +
        'add it to "shards" in every shard, or name one of those with --repository',
    );
  }
  const shards: OpenGrid['shards'] = [];
  for (const url of policy.shards!) {
    shards.push({ url, store: sameRepository(url, access.remote) ? primary : await open(url) });
  }
  return { policy, shards };
}
