// A grid spread over several repositories: the policy's `shards` lists their URLs, and together they are one
// grid. A task lives in the shard its id hashes to, wherever it was submitted from: an id then has one home,
// so "an id runs once in a grid's life" holds across shards with no shard reading another to admit a task,
// and `dgrid submit`, the gate and the workers all compute the same home from the id alone.
//
// Every shard keeps its own dgrid.json, and all must say the same (the first shard's is the reference): a
// node checks before serving a shard, and `dgrid audit` checks each shard against the first.
import { createHash } from 'node:crypto';
import type { Policy } from './schemas.js';

/** The index of the shard a task id belongs to among `count`; letter case aside, as ids are compared so. */
export function shardIndex(taskId: string, count: number): number {
  if (count <= 1) return 0;
  const digest = createHash('sha256').update(taskId.toLowerCase(), 'utf8').digest();
  return digest.readUInt32BE(0) % count;
}

/** The URL of the shard a task id belongs to, or undefined for a grid of one repository. */
export function homeShard(policy: Pick<Policy, 'shards'>, taskId: string): string | undefined {
  const shards = policy.shards;
  if (!shards || shards.length < 2) return undefined;
  return shards[shardIndex(taskId, shards.length)];
}

/**
 * A repository URL as it identifies the repository: without credentials, a default port, a trailing slash or
 * `.git`, the host in lower case. Two URLs that differ only there name one repository.
 */
export function repositoryKey(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed.replace(/\/+$/, '').replace(/\.git$/, '');
  }
  const path = decodeURIComponent(parsed.pathname)
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  const host = parsed.host.toLowerCase();
  return `${parsed.protocol}//${host}${path}`;
}

export function sameRepository(a: string, b: string): boolean {
  return repositoryKey(a) === repositoryKey(b);
}

/** The index of `repository` among the policy's shards; -1 when it is not listed. */
export function shardPlace(policy: Pick<Policy, 'shards'>, repository: string): number {
  return (policy.shards ?? []).findIndex((url) => sameRepository(url, repository));
}

/** Whether the policy spreads the grid over several repositories. */
export function isSharded(policy: Pick<Policy, 'shards'>): boolean {
  return (policy.shards?.length ?? 0) > 1;
}

/**
 * Why `taskId` may not be queued in `repository` of a sharded grid, or undefined when it may. A repository
 * the policy does not list cannot take tasks at all: the policy and the repository disagree.
 */
export function wrongShard(policy: Pick<Policy, 'shards'>, repository: string, taskId: string): string | undefined {
  if (!isSharded(policy)) return undefined;
  if (shardPlace(policy, repository) < 0) {
    return (
      `this repository (${repositoryKey(repository)}) is not one of the shards in dgrid.json ` +
      `(${policy.shards!.join(', ')}): add it to "shards", or submit to one of those`
    );
  }
  const home = homeShard(policy, taskId)!;
  if (sameRepository(home, repository)) return undefined;
  return `task id "${taskId}" belongs to shard ${home} (by the hash of its id, see "shards" in dgrid.json): submit it there`;
}

/** The host of a URL, as a token is given for it: `host[:port]`, lower case; '' for a local path. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Tokens per host from lines `HOST=TOKEN` (the run-worker input `shard-tokens`, the CLI's
 * DGRID_SHARD_TOKENS). A token goes only to its own host: a grid's shards on two hosts never see each
 * other's credentials. Returns the problem of the first bad line as an error message.
 */
export function parseShardTokens(text: string, source: string): Map<string, string> {
  const tokens = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const host = eq > 0 ? line.slice(0, eq).trim().toLowerCase() : '';
    const token = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!host || !token || /[\s/@]/.test(host)) {
      // The line may hold a token: its text never reaches the message.
      throw new Error(`${source}, line ${index + 1}: write HOST=TOKEN, e.g. git.example.com=<token>`);
    }
    tokens.set(host, token);
  });
  return tokens;
}

/**
 * The token for a shard's URL: the one given for its host, else the grid's own token when the shard is on
 * the same host as the repository that token was given for, else none.
 */
export function tokenFor(
  url: string,
  primary: { remote: string; token?: string | undefined },
  tokens: ReadonlyMap<string, string>,
): string | undefined {
  const host = hostOf(url);
  const own = tokens.get(host);
  if (own !== undefined) return own;
  return host === hostOf(primary.remote) ? primary.token : undefined;
}
