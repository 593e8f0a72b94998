// Output files in the grid repository itself, but never on the grid branch: each file is one commit on a
// ref of its own, refs/dgrid/outputs/<blob id>, whose tree holds the file under its sha256. The grid branch
// carries only the result's {name, bytes, sha256, url}; fetching the branch never brings a file, and
// deleting a ref (retention) lets the host collect it. Git's blob id addresses the content, so a file stored
// twice is one ref.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../common/errors.js';
import { GitError, classify, git, runGit, withRetry, type GitRunOptions } from '../git/runner.js';
import { credentialEnv } from '../git/store.js';
import type { FileStore, LocalFile } from './file-store.js';

export const OUTPUT_REF_PREFIX = 'refs/dgrid/outputs/';
const URL_PREFIX = `git:${OUTPUT_REF_PREFIX}`;
const REMOTE = 'grid';
/** A file stored again after this long is stored anew (a fast-forward), which restarts its retention. */
const REFRESH_AFTER_MS = 86_400_000;
const IDENTITY = {
  GIT_AUTHOR_NAME: 'dgrid',
  GIT_AUTHOR_EMAIL: 'dgrid@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'dgrid',
  GIT_COMMITTER_EMAIL: 'dgrid@users.noreply.github.com',
};

export interface GitFileStoreOptions {
  /** The grid repository's URL (any git URL); never carries a secret. */
  remote: string;
  token?: string;
  /** A bare repository of its own, apart from the grid's cache: output files never mix with the grid's objects. */
  dir: string;
  timeoutMs?: number;
}

export class GitFileStore implements FileStore {
  readonly kind = 'git';
  private readonly run: GitRunOptions;

  private constructor(private readonly options: GitFileStoreOptions) {
    this.run = {
      cwd: options.dir,
      env: credentialEnv(options.remote, options.token),
      timeoutMs: options.timeoutMs ?? 600_000,
    };
  }

  static async open(options: GitFileStoreOptions): Promise<GitFileStore> {
    const exists = await access(`${options.dir}/HEAD`).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(options.dir, { recursive: true });
      await git(['init', '--quiet', '--bare', options.dir]);
    }
    // A partial clone of the grid: listing and pruning read commits and trees, never the files themselves.
    const settings: [string, string][] = [
      ['gc.auto', '0'],
      ['core.repositoryformatversion', '1'],
      [`remote.${REMOTE}.url`, options.remote],
      [`remote.${REMOTE}.promisor`, 'true'],
      [`remote.${REMOTE}.partialclonefilter`, 'blob:none'],
      ['extensions.partialClone', REMOTE],
    ];
    for (const [key, value] of settings) await git(['config', key, value], { cwd: options.dir });
    return new GitFileStore(options);
  }

  async put(files: readonly LocalFile[]): Promise<string[]> {
    const blobs = await Promise.all(files.map((file) => this.git(['hash-object', '-w', '--', file.path])));
    const wanted = new Map<string, string>(); // blob id -> sha256
    files.forEach((file, i) => wanted.set(blobs[i]!, file.sha256));
    await withRetry(() => this.pushRefs(wanted), { attempts: 3 });
    return blobs.map((blob) => `${URL_PREFIX}${blob}`);
  }

  /**
   * One push for every file not stored yet. A ref that exists already is kept when it holds the file; one
   * that holds anything else (a node wrote it wrongly) gets a commit on top that does: a fast-forward, as no
   * tool ever force-pushes.
   */
  private async pushRefs(wanted: Map<string, string>): Promise<void> {
    const existing = await this.remoteRefs([...wanted.keys()]);
    if (existing.size > 0) {
      await this.git([
        'fetch',
        '--quiet',
        '--no-tags',
        '--depth=1',
        '--filter=blob:none',
        REMOTE,
        ...[...existing.keys()].map((blob) => `${OUTPUT_REF_PREFIX}${blob}`),
      ]);
    }
    const refspecs: string[] = [];
    for (const [blob, sha256] of wanted) {
      const parent = existing.get(blob);
      // Kept as it is while fresh; one stored long ago gets a new commit on top, so that retention, which
      // goes by the tip's date, keeps the file as long as this newer result.
      if (parent && (await this.entryOf(parent, sha256)) === blob && (await this.isFresh(parent))) continue;
      const tree = await this.git(['mktree'], { input: `100644 blob ${blob}\t${sha256}\n` });
      const commit = await this.git(
        ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `dgrid output ${sha256}`],
        { env: { ...this.run.env, ...IDENTITY } },
      );
      refspecs.push(`${commit}:${OUTPUT_REF_PREFIX}${blob}`);
    }
    if (refspecs.length === 0) return;
    const out = await runGit(['push', '--porcelain', this.options.remote, ...refspecs], this.run);
    if (out.exitCode === 0) return;
    // Another node stored one of these files first: the retry finds its ref and keeps it.
    const text = out.stdout.toString('utf8') + out.stderr;
    const failure = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|already exists/.test(text)
      ? 'transient'
      : classify(out.stderr);
    throw new GitError(['push'], failure, out.exitCode, out.stderr);
  }

  /** The commit each of these output refs points at on the remote, for those that exist. */
  private async remoteRefs(blobs: readonly string[]): Promise<Map<string, string>> {
    const out = await this.git(['ls-remote', this.options.remote, ...blobs.map((b) => `${OUTPUT_REF_PREFIX}${b}`)]);
    const refs = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const [commit, ref] = line.split('\t');
      if (ref?.startsWith(OUTPUT_REF_PREFIX)) refs.set(ref.slice(OUTPUT_REF_PREFIX.length), commit!);
    }
    return refs;
  }

  private async isFresh(commit: string): Promise<boolean> {
    const date = Number(await this.git(['log', '-1', '--format=%ct', commit]));
    return Date.now() - date * 1000 < REFRESH_AFTER_MS;
  }

  /** The blob a fetched output commit holds under `sha256`; undefined when it holds none. */
  private async entryOf(commit: string, sha256: string): Promise<string | undefined> {
    const out = await runGit(['rev-parse', '--verify', '--quiet', `${commit}:${sha256}`], this.run);
    return out.exitCode === 0 ? out.stdout.toString('utf8').trim() : undefined;
  }

  async get(url: string, dest: string): Promise<void> {
    if (!url.startsWith(URL_PREFIX) || !/^[0-9a-f]{40,64}$/.test(url.slice(URL_PREFIX.length))) {
      throw new UserError(`"${url}" is not a git output url (${URL_PREFIX}<blob id>)`);
    }
    const blob = url.slice(URL_PREFIX.length);
    try {
      await withRetry(() =>
        this.git(['fetch', '--quiet', '--no-tags', '--depth=1', '--no-filter', REMOTE, `${OUTPUT_REF_PREFIX}${blob}`]),
      );
    } catch (error) {
      if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) {
        throw new UserError(`output ${url} is not in the grid repository (pruned by retention, or never stored)`);
      }
      throw error;
    }
    // The ref is named by the blob's id and git checks every object against its id as it fetches: the ref
    // holds this very content, or `cat-file` finds no such blob.
    await this.catFile(blob, dest);
  }

  private async catFile(blob: string, dest: string): Promise<void> {
    const child = spawn('git', ['cat-file', 'blob', blob], {
      cwd: this.options.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    // Streamed: an output may be far larger than this process's memory.
    await pipeline(child.stdout, createWriteStream(dest, { mode: 0o600 }));
    const code = await exited;
    if (code !== 0) throw new GitError(['cat-file'], 'fatal', code, stderr || `no blob ${blob}`);
  }

  async prune(before: Date, keep: ReadonlySet<string>): Promise<number> {
    const listed = await this.git(['ls-remote', this.options.remote, `${OUTPUT_REF_PREFIX}*`]);
    const refs = listed
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[1]!)
      .filter((ref) => ref.startsWith(OUTPUT_REF_PREFIX));
    if (refs.length === 0) return 0;
    // Commits and trees only: the dates and the sha256 names, never the files.
    await this.git([
      'fetch',
      '--quiet',
      '--no-tags',
      '--depth=1',
      '--filter=blob:none',
      REMOTE,
      ...refs.map((ref) => `+${ref}:refs/dgrid/seen/${ref.slice(OUTPUT_REF_PREFIX.length)}`),
    ]);
    const seen = await this.git([
      'for-each-ref',
      '--format=%(refname) %(committerdate:unix) %(objectname)',
      'refs/dgrid/seen/',
    ]);
    const old: string[] = [];
    for (const line of seen.split('\n').filter(Boolean)) {
      const [ref, date, commit] = line.split(' ');
      if (Number(date) * 1000 >= before.getTime()) continue;
      const names = await this.git(['ls-tree', '--name-only', commit!]);
      if (names.split('\n').some((name) => keep.has(name))) continue;
      old.push(`:${OUTPUT_REF_PREFIX}${ref!.slice('refs/dgrid/seen/'.length)}`);
    }
    if (old.length > 0) await this.git(['push', '--quiet', this.options.remote, ...old]);
    return old.length;
  }

  private git(args: readonly string[], extra: GitRunOptions = {}): Promise<string> {
    return git(args, { ...this.run, ...extra }).then((out) => out.trim());
  }
}
