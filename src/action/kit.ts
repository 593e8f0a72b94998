// What every dgrid action shares: reading typed inputs, routing the core's log to the runner, and one
// run() wrapper that tells a user's mistake (a plain message) from a bug (with its stack).
import * as core from '@actions/core';
import { UserError } from '../common/errors.js';
import { GitError, explainGitError } from '../git/runner.js';
import type { Log } from '../common/log.js';
import { remoteUrl } from '../admin/grid-admin.js';
import { parseShardTokens } from '../protocol/shards.js';

export const actionLog: Log = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
};

export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (thrown) {
    const error = thrown instanceof GitError ? explainGitError(thrown) : thrown;
    if (error instanceof UserError) core.setFailed(error.message);
    else core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

export function getString(name: string, fallback = ''): string {
  return core.getInput(name) || fallback;
}

export function getBool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1'].includes(raw)) return true;
  if (['false', 'no', '0'].includes(raw)) return false;
  throw new UserError(`input "${name}" is "${raw}": use true or false`);
}

/** A list given one item per line or separated by commas. */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `repository` input: owner/name or any git URL; this workflow's repository when empty. */
export function getRepository(): string {
  const raw = core.getInput('repository') || process.env.GITHUB_REPOSITORY;
  if (!raw)
    throw new UserError('input "repository" is empty and GITHUB_REPOSITORY is not set: give owner/name or a git URL');
  return remoteUrl(raw);
}

/** The token, masked in every later log line before anything can print it. */
export function getToken(): string | undefined {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  return token || undefined;
}

/** Tokens for the hosts of a sharded grid's other repositories: input shard-tokens, lines HOST=TOKEN, each a secret. */
export function getShardTokens(): Map<string, string> {
  try {
    const tokens = parseShardTokens(core.getInput('shard-tokens'), 'input "shard-tokens"');
    for (const token of tokens.values()) core.setSecret(token);
    return tokens;
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

export function getBranch(): string {
  return core.getInput('branch') || 'main';
}
