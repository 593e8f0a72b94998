import { spawn } from 'node:child_process';
import { UserError } from '../common/errors.js';
import { printable } from '../common/printable.js';
import { sleep } from '../common/time.js';
import { isRateLimited, retryAfterIn } from './rate-limit.js';

export interface GitRunOptions {
  cwd?: string;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Extra environment for this call only (credentials ride here, never in arguments). */
  env?: NodeJS.ProcessEnv;
}

export interface GitOutput {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/** Why a git command failed, so callers can tell "try again" from "give up". */
/** 'rate-limited': the server refused for a while (HTTP 429, or a 403 secondary rate limit); see retryAfterMs. */
export type GitFailure = 'transient' | 'timeout' | 'auth' | 'fatal' | 'rate-limited';

export class GitError extends Error {
  override name = 'GitError';
  /** How long a rate-limited server asked to wait, from what git printed (the store may ask the server). */
  retryAfterMs: number | undefined;
  constructor(
    readonly args: readonly string[],
    readonly failure: GitFailure,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args[0] ?? ''} failed (${failure}${exitCode === null ? '' : `, exit ${exitCode}`}): ${gitReason(stderr)}`,
    );
    this.retryAfterMs = failure === 'rate-limited' ? retryAfterIn(stderr) : undefined;
  }
}

/**
 * The line of git's stderr that says why: its first fatal or error line, the refusal of a push, or else its last
 * line. Git prints its hints after the reason ("Please make sure you have the correct access rights"), so the
 * last lines alone hide it.
 */
export function gitReason(stderr: string): string {
  // A server writes the "remote:" lines: none of its control characters or workflow commands get through.
  const lines = stderr
    .split('\n')
    .map((l) => printable(l.trim()))
    .filter(Boolean);
  return (
    lines.find((l) => /^(remote: )?(fatal|error):/.test(l)) ??
    lines.find((l) => /^! \[(remote )?rejected\]/.test(l)) ??
    lines.at(-1) ??
    'no message'
  );
}

/** Failures no retry can mend, each with what the user should do about it. */
const REMEDIES: { pattern: RegExp; fix: (remote: string) => string }[] = [
  {
    pattern: /branch is currently checked out|refusing to update checked out branch/i,
    fix: (remote) =>
      `${remote} is a clone with the grid branch checked out, and git refuses pushes to that branch: ` +
      `use a bare repository (git clone --bare ${remote} grid.git, or "dgrid init" on a new path), or let pushes ` +
      'update its work tree (git config receive.denyCurrentBranch updateInstead in that clone)',
  },
  {
    pattern:
      // Only the remote's: git run in a damaged cache says "not a git repository (or any of the parent
      // directories)", which a node mends by rebuilding the cache.
      /does not appear to be a git repository|repository .* not found|Repository not found/i,
    fix: (remote) =>
      `${remote} is not a git repository: give the path or URL of the grid's repository, or owner/name on GitHub ` +
      '(make a new grid with "dgrid init PATH")',
  },
  {
    pattern: /could not resolve host|failed to connect|connection refused|connection timed out|Operation timed out/i,
    fix: (remote) => `${remote} cannot be reached: check the host name in the URL and this machine's network`,
  },
];

/**
 * A git failure as a message for the user: git's own reason, then what to do. `remote` names the repository
 * when the caller knows it; otherwise the advice speaks of "the grid repository".
 */
export function explainGitError(error: GitError, repository = 'the grid repository'): UserError {
  // A URL given as https://user:token@host/... must not show its token in a message or a log.
  const remote = repository.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
  const remedy = REMEDIES.find((r) => r.pattern.test(error.stderr));
  const fix =
    remedy?.fix(remote) ??
    (error.failure === 'timeout'
      ? `git took too long; check that ${remote} is reachable and try again`
      : `check the repository (${remote}), the branch and your access to them`);
  return new UserError(`git ${error.args[0] ?? ''}: ${gitReason(error.stderr)}\n${fix}`, { cause: error });
}

/** Whether a failure is one that retrying can never mend, so a long-running node should stop on it. */
export function isHopeless(error: GitError): boolean {
  return error.failure === 'fatal' && REMEDIES.some((r) => r.pattern.test(error.stderr));
}

// Network hiccups, overloaded servers and locks left by a concurrent or killed git are worth a retry.
const TRANSIENT = [
  /could not resolve host/i,
  /connection (refused|reset|timed out)/i,
  /failed to connect/i,
  /early EOF/i,
  /the remote end hung up/i,
  /RPC failed/i,
  /HTTP (408|429|5\d\d)/i,
  /returned error: (408|429|5\d\d)/i,
  /index\.lock': File exists/i,
  /\.lock': File exists/i,
  /unable to access/i,
  /Operation timed out/i,
  /Empty reply from server/i,
  /gnutls_handshake|SSL_read|SSL_ERROR/i,
];

const AUTH =
  /Authentication failed|could not read (Username|Password)|terminal prompts disabled|HTTP 40[13]|returned error: 40[13]|Permission to .* denied/i;

export function classify(stderr: string): GitFailure {
  if (isRateLimited(stderr)) return 'rate-limited';
  if (AUTH.test(stderr)) return 'auth';
  return TRANSIENT.some((pattern) => pattern.test(stderr)) ? 'transient' : 'fatal';
}

const BASE_ENV: NodeJS.ProcessEnv = {
  // Never wait for a password prompt nobody can answer, and never ask the user's credential helpers.
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: 'true',
  SSH_ASKPASS: 'true',
  GCM_INTERACTIVE: 'never',
  LC_ALL: 'C',
};

/** Runs git once; resolves with its output whatever the exit code, rejects only on timeout or spawn failure. */
export function runGit(args: readonly string[], options: GitRunOptions = {}): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code says why
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString('utf8');
      if (timedOut) reject(new GitError(args, 'timeout', null, err));
      else resolve({ exitCode: code ?? 1, stdout: Buffer.concat(stdout), stderr: err });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns stdout; a non-zero exit becomes a classified GitError. */
export async function git(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return (await gitBytes(args, options)).toString('utf8');
}

/** As git(), for output that must stay bytes: paths in a tree need not be UTF-8. */
export async function gitBytes(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  const out = await runGit(args, options);
  if (out.exitCode !== 0) throw new GitError(args, classify(out.stderr), out.exitCode, out.stderr);
  return out.stdout;
}

/**
 * Runs git and yields its stdout as it comes, for output too large to hold at once (a year of history); a
 * non-zero exit, a timeout or a spawn failure throws once the output ends. The timeout counts only the
 * waits for git's next output: a reader that works on each part for longer in all (an audit of a million
 * tasks) is not git being stuck. Stopping early kills git.
 */
export async function* gitStream(args: readonly string[], options: GitRunOptions = {}): AsyncGenerator<Buffer> {
  const child = spawn('git', args, {
    cwd: options.cwd,
    env: { ...process.env, ...BASE_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
  };
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('close', resolve);
    child.on('error', reject);
  });
  closed.catch(() => undefined); // awaited below; a spawn failure must not go unhandled meanwhile
  try {
    const output = child.stdout[Symbol.asyncIterator]();
    for (;;) {
      wait();
      const next = await output.next();
      clearTimeout(timer);
      if (next.done) break;
      yield next.value as Buffer;
    }
    wait();
    const code = await closed;
    const err = Buffer.concat(stderr).toString('utf8');
    if (timedOut) throw new GitError(args, 'timeout', null, err);
    if (code !== 0) throw new GitError(args, classify(err), code, err);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Wait as long as a rate-limited server asks (its Retry-After, at most MAX_RATE_LIMIT_WAIT_MS), then try
   * again: what a command does. A long-running node leaves it unset and waits between its rounds instead,
   * where a stop still reaches it.
   */
  waitOutRateLimits?: boolean;
}

/** The longest a command waits for a rate limit at a time: a server asking for more is told apart by failing. */
const MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000;

/** Retries transient failures and timeouts with full-jitter exponential backoff. */
export async function withRetry<T>(action: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 8_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (options.waitOutRateLimits && error instanceof GitError && error.failure === 'rate-limited') {
        const wait = error.retryAfterMs ?? max;
        if (attempt >= attempts || wait > MAX_RATE_LIMIT_WAIT_MS) throw error;
        await sleep(wait);
        continue;
      }
      const retryable = error instanceof GitError && (error.failure === 'transient' || error.failure === 'timeout');
      if (!retryable || attempt >= attempts) throw error;
      await sleep(Math.random() * Math.min(max, base * 2 ** attempt));
    }
  }
}

/**
 * Reads objects by id with one `git cat-file --batch`, each as a view into its output; rejects when one is
 * missing, unless `missing` is given: then their ids go there. `options` carries the repository (cwd) and, for a
 * partial one, the credentials its lazy fetch needs.
 */
export async function catFileBatch(
  shas: readonly string[],
  options: GitRunOptions,
  missing?: string[],
): Promise<Map<string, Buffer>> {
  const objects = new Map<string, Buffer>();
  if (shas.length === 0) return objects;
  const out = await runGit(['cat-file', '--batch'], { ...options, input: shas.join('\n') + '\n' });
  if (out.exitCode !== 0) throw new GitError(['cat-file'], 'fatal', out.exitCode, out.stderr);
  let offset = 0;
  for (const sha of shas) {
    const newline = out.stdout.indexOf(0x0a, offset);
    const header = out.stdout.subarray(offset, newline).toString('utf8').split(' ');
    if (header[1] === 'missing') {
      if (!missing) throw new GitError(['cat-file'], 'fatal', 0, `object ${sha} is missing`);
      missing.push(sha);
      offset = newline + 1;
      continue;
    }
    const size = Number(header[2]);
    objects.set(sha, out.stdout.subarray(newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return objects;
}
