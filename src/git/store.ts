// The grid's git store: a bare cache repository with no working tree. Reads go through ls-tree and
// cat-file, commits are built with fast-import on top of the fetched tip, and pushes name the commit
// directly (SHA:refs/heads/<branch>), never with force. A lost race is a rejected push.
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { UserError } from '../common/errors.js';
import { DEFAULT_RETRY_AFTER_MS, askRetryAfter } from './rate-limit.js';
import { signCommit } from './commit-signature.js';
import {
  GitError,
  catFileBatch,
  classify,
  explainGitError,
  git,
  gitBytes,
  isHopeless,
  runGit,
  withRetry,
  type GitRunOptions,
} from './runner.js';

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Blob size in bytes; null for submodules. */
  size: number | null;
  path: string;
}

export type Change =
  | { path: string; content: string | Buffer }
  | { path: string; delete: true }
  /** An object already in the repository placed at `path`: a whole folder moves by its tree id. */
  | { path: string; existing: Pick<TreeEntry, 'mode' | 'sha'> };

export interface StoreOptions {
  /** Any git URL: https://, file://, or a local path. Never carries a secret. */
  remote: string;
  branch: string;
  /** Where the bare cache repository lives. */
  dir: string;
  /** Sent as an HTTP Authorization header through environment-scoped git config. */
  token?: string;
  /** History depth to fetch; 0 fetches everything (audit and dashboard need history). */
  depth?: number;
  /**
   * Fetch commits and trees only, and each blob when it is first read: a worker reads the queue, its own
   * claims and the nodes, never the results, so a cold start costs a small fraction of a clone.
   */
  partial?: boolean;
  timeoutMs?: number;
  /** An SSH private key file: every commit this store builds is signed with it (git's gpg.format=ssh). */
  signingKey?: string;
  /** Wait out a server's rate limit (429, GitHub's secondary 403) and go on, as a command does; a node does not. */
  waitOutRateLimits?: boolean;
}

export type PushOutcome = 'pushed' | 'rejected';

const SCRATCH_REF = 'refs/dgrid/scratch';
/** The grid's remote in the cache repository; its URL never carries a secret. */
const REMOTE = 'grid';
const BLOB_CACHE_LIMIT = 20_000;

export class GridStore {
  private readonly env: NodeJS.ProcessEnv;
  /** The parent of each commit this store built lately: what its push leases. */
  private readonly parents = new Map<string, string | null>();
  private readonly blobs = new Map<string, Buffer>();
  private readonly trackingRef: string;
  /** Whether the cache holds no fetched tip yet: known for a new cache, looked up once for an existing one. */
  private empty: boolean | undefined;
  /** A partial store's reader (readAll): made on its first read. */
  private reader: string | undefined;
  /** Whether this store has fetched already: a cache may hold a tip from a run long ago. */
  private fetched = false;

  private constructor(readonly options: StoreOptions) {
    this.env = credentialEnv(options.remote, options.token);
    this.trackingRef = `refs/remotes/grid/${options.branch}`;
  }

  static async open(options: StoreOptions): Promise<GridStore> {
    await mkdir(options.dir, { recursive: true });
    const exists = await access(`${options.dir}/HEAD`).then(
      () => true,
      () => false,
    );
    const store = new GridStore(options);
    if (exists) {
      // A cache is made for one remote, branch and purpose; only the URL's spelling may have changed.
      await store.git(['config', `remote.${REMOTE}.url`, options.remote]);
      return store;
    }
    await store.create();
    return store;
  }

  /**
   * A bare repository is a config, two folders and HEAD: written here, a store opens without a git process
   * (a store opens on every CLI command and every cold start). HEAD goes last, as it marks the repository whole.
   */
  private async create(): Promise<void> {
    const { dir } = this.options;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config'), cacheConfig(this.options));
    await mkdir(join(dir, 'objects'), { recursive: true });
    await mkdir(join(dir, 'refs'), { recursive: true });
    await writeFile(join(dir, 'HEAD'), 'ref: refs/heads/main\n');
    this.empty = true;
    this.reader = undefined;
  }

  /**
   * Builds the cache again from nothing when it is gone or damaged: its folder deleted (a cleanup job), its
   * config or HEAD unreadable, or the last fetched tip's tree missing. Every command would fail in such a
   * cache for good; it holds nothing the remote lacks. Returns whether it rebuilt.
   */
  async rebuildIfBroken(): Promise<boolean> {
    if (await this.intact()) return false;
    await rm(this.options.dir, { recursive: true, force: true });
    await this.create();
    return true;
  }

  private async intact(): Promise<boolean> {
    const cwd = this.options.dir;
    // Only the cache itself counts, never a repository around it; null: the folder is gone.
    const env = { GIT_CEILING_DIRECTORIES: dirname(resolvePath(cwd)) };
    const run = (args: string[]) => runGit(args, { cwd, env }).catch(() => null);
    const repository = await run(['rev-parse', '--is-bare-repository']);
    if (repository?.exitCode !== 0 || repository.stdout.toString('utf8').trim() !== 'true') return false;
    const tip = await run(['rev-parse', '--verify', '--quiet', this.trackingRef]);
    if (tip === null) return false;
    if (tip.exitCode !== 0) return tip.stderr.trim() === ''; // no tip fetched yet
    const tree = await run(['cat-file', '-e', `${tip.stdout.toString('utf8').trim()}^{tree}`]);
    return tree?.exitCode === 0;
  }

  /**
   * A store over an existing local repository, a checkout or a bare one, read in place: nothing is fetched
   * and its config is left alone. Only `path` itself counts, never a repository around it, so a wrong folder
   * is an error rather than some other repository. Throws a GitError when `path` is not a repository.
   */
  static async local(path: string): Promise<GridStore> {
    const absolute = resolvePath(path);
    const gitDir = await git(['rev-parse', '--absolute-git-dir'], {
      cwd: absolute,
      env: { GIT_CEILING_DIRECTORIES: dirname(absolute) },
    });
    return new GridStore({ remote: absolute, branch: 'HEAD', dir: gitDir.trim() });
  }

  get branch(): string {
    return this.options.branch;
  }

  private async git(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.gitBytes(args, options)).toString('utf8');
  }

  private async gitBytes(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
    try {
      return await gitBytes(args, {
        cwd: this.options.dir,
        timeoutMs: this.options.timeoutMs,
        env: this.env,
        ...options,
      });
    } catch (error) {
      throw this.explain(await this.rateLimited(error));
    }
  }

  private retry<T>(action: () => Promise<T>): Promise<T> {
    return withRetry(action, { waitOutRateLimits: this.options.waitOutRateLimits === true });
  }

  /** A rate-limited failure whose text named no wait: the server is asked for its Retry-After, or a minute. */
  private async rateLimited(error: unknown): Promise<unknown> {
    if (error instanceof GitError && error.failure === 'rate-limited' && error.retryAfterMs === undefined) {
      error.retryAfterMs = (await askRetryAfter(this.options.remote, this.options.token)) ?? DEFAULT_RETRY_AFTER_MS;
    }
    return error;
  }

  /** A refused credential or a wrong repository is the user's to fix, not a reason to retry. */
  private explain(error: unknown): unknown {
    if (error instanceof GitError && isHopeless(error)) return explainGitError(error, this.options.remote);
    if (error instanceof GitError && error.failure === 'auth') {
      return new UserError(
        `${this.options.remote}: the server refused the credentials (${error.stderr.trim().split('\n').pop()}); ` +
          'give a token that can read and push the grid (input "token", or DGRID_TOKEN for the CLI)',
      );
    }
    return error;
  }

  /** The remote branch tip without fetching: the cheap "did anything move?" check. */
  async remoteTip(): Promise<string | null> {
    const out = await this.retry(() =>
      this.git(['ls-remote', this.options.remote, `refs/heads/${this.options.branch}`]),
    );
    return out.split('\t')[0]?.trim() || null;
  }

  /** Fetches the branch tip; null when the branch does not exist yet. */
  async fetch(): Promise<string | null> {
    const depth = this.options.depth ?? 1;
    const args = ['fetch', '--quiet', '--no-tags', '--no-auto-gc'];
    // Later fetches of this store bring the commits since its last one, not the tip alone: --depth makes
    // the server walk the tip's whole tree, a cost that grows with the results at the tip (0.3 s a fetch
    // with 100,000) where the commits of a few seconds cost almost nothing.
    if (depth > 0 && !this.fetched) args.push(`--depth=${depth}`);
    // Partial stores take only trees on a cold start, then every new object: the blobs a node reads next
    // (new tasks, its claims) are among them, and the results of others are small.
    const cold = this.options.partial === true && (this.empty ??= (await this.tip()) === null);
    if (this.options.partial) args.push(cold ? '--filter=blob:none' : '--no-filter');
    args.push(REMOTE, `+refs/heads/${this.options.branch}:${this.trackingRef}`);
    try {
      await this.retry(() => this.git(args));
    } catch (error) {
      if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) return null;
      throw error;
    }
    this.empty = false;
    this.fetched = true;
    // FETCH_HEAD names what this fetch brought: a file read, where asking git would cost a process a round.
    const fetched = await readFile(join(this.options.dir, 'FETCH_HEAD'), 'utf8');
    return fetched.slice(0, fetched.indexOf('\t'));
  }

  /**
   * Fetches `commits` more of the branch's history behind what a shallow fetch brought, and returns the oldest
   * commit the cache then holds on the first-parent line: where a reader that checks commits starts.
   */
  async deepen(commits: number): Promise<string | null> {
    const args = ['fetch', '--quiet', '--no-tags', '--no-auto-gc', `--deepen=${commits}`];
    if ((await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true') {
      await this.retry(() => this.git([...args, REMOTE, `+refs/heads/${this.options.branch}:${this.trackingRef}`]));
    }
    const line = await this.git(['rev-list', '--first-parent', this.trackingRef]);
    return line.trim().split('\n').at(-1) || null;
  }

  /** The last fetched tip, from the cache; null before the first fetch. */
  private async tip(): Promise<string | null> {
    const out = await runGit(['rev-parse', '--verify', '--quiet', this.trackingRef], { cwd: this.options.dir });
    return out.exitCode === 0 ? out.stdout.toString('utf8').trim() : null;
  }

  /**
   * Every entry below the given paths at a commit (or tree), recursively; with `recursive` false, the paths
   * themselves, or the children of those written with a trailing slash.
   */
  async list(commit: string, paths: readonly string[], recursive = true): Promise<TreeEntry[]> {
    const out = await this.gitBytes([
      'ls-tree',
      ...(recursive ? ['-r'] : []),
      // Sizes need the blobs; in a partial store that would fetch each one lazily, one request apiece.
      ...(this.options.partial ? [] : ['-l']),
      '-z',
      '--full-tree',
      commit,
      '--',
      ...paths,
    ]);
    const entries: TreeEntry[] = [];
    for (let start = 0; start < out.length;) {
      const end = out.indexOf(0, start);
      const record = out.subarray(start, end < 0 ? out.length : end);
      start = end < 0 ? out.length : end + 1;
      const tab = record.indexOf(0x09);
      const [mode, type, sha, size] = record.subarray(0, tab).toString('latin1').split(/ +/);
      entries.push({
        mode: mode!,
        type: type as TreeEntry['type'],
        sha: sha!,
        size: size === undefined || size === '-' ? null : Number(size),
        path: decodePath(record.subarray(tab + 1)),
      });
    }
    return entries;
  }

  /**
   * The paths of the files below `paths` at a commit: a listing that holds names only, for readers of many
   * thousands of entries (a node's first look at the results), whose objects would swell the process.
   */
  async listPaths(commit: string, paths: readonly string[]): Promise<string[]> {
    const out = await this.gitBytes(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths]);
    const names: string[] = [];
    for (let start = 0; start < out.length;) {
      const end = out.indexOf(0, start);
      names.push(decodePath(out.subarray(start, end < 0 ? out.length : end)));
      start = end < 0 ? out.length : end + 1;
    }
    return names;
  }

  /**
   * Reads blobs by id in one cat-file process; blobs are immutable, so they are cached by id. The cache keeps
   * the most recently read BLOB_CACHE_LIMIT: what a node reads every round (its queue, its claims) stays,
   * while a read larger than the cache still answers every blob it asked for.
   */
  async read(shas: readonly string[]): Promise<Map<string, Buffer>> {
    const fresh = await this.readAll(shas.filter((sha) => !this.blobs.has(sha)));
    const found = new Map<string, Buffer>();
    for (const sha of shas) {
      const cached = this.blobs.get(sha);
      // Copies, so the cache does not pin the whole cat-file output.
      const blob = cached ?? Buffer.from(fresh.get(sha)!);
      found.set(sha, blob);
      this.blobs.delete(sha);
      this.blobs.set(sha, blob);
    }
    for (const sha of this.blobs.keys()) {
      if (this.blobs.size <= BLOB_CACHE_LIMIT) break;
      this.blobs.delete(sha);
    }
    return found;
  }

  /**
   * Fetches the given blobs in one request, as git's own lazy fetch would one by one. When every blob is
   * here already, git does not connect at all.
   */
  private async prefetch(shas: readonly string[]): Promise<void> {
    const args = ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head'];
    args.push('--recurse-submodules=no', '--filter=blob:none', '--stdin', REMOTE);
    await this.retry(() => this.git(args, { input: shas.join('\n') + '\n' }));
  }

  /**
   * The paths below `paths` that differ between two commits, each with whether it is gone at `to`: what
   * changed in a folder, at the cost of the change rather than of the folder.
   */
  async changedPaths(
    from: string,
    to: string,
    paths: readonly string[],
  ): Promise<{ path: string; deleted: boolean }[]> {
    const out = await this.git(['diff-tree', '-r', '-z', '--no-renames', '--name-status', from, to, '--', ...paths]);
    const fields = out.split('\0');
    const changed: { path: string; deleted: boolean }[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) changed.push({ path: fields[i + 1]!, deleted: fields[i] === 'D' });
    return changed;
  }

  /**
   * The entries below `paths` that differ between two commits, each as it is at `to` (undefined: gone there):
   * a listing brought from one tip to the next at the cost of the change. Entries carry no size.
   */
  async changedEntries(
    from: string,
    to: string,
    paths: readonly string[],
  ): Promise<{ path: string; entry: TreeEntry | undefined }[]> {
    const out = await this.gitBytes(['diff-tree', '-r', '-z', '--no-renames', '--raw', from, to, '--', ...paths]);
    const changed: { path: string; entry: TreeEntry | undefined }[] = [];
    // ":<old mode> <new mode> <old sha> <new sha> <status>" NUL path NUL
    for (let start = 0; start < out.length;) {
      const metaEnd = out.indexOf(0, start);
      const pathEnd = out.indexOf(0, metaEnd + 1);
      const [, mode, , sha, status] = out
        .subarray(start + 1, metaEnd)
        .toString('latin1')
        .split(' ');
      const path = decodePath(out.subarray(metaEnd + 1, pathEnd < 0 ? out.length : pathEnd));
      start = pathEnd < 0 ? out.length : pathEnd + 1;
      const type = mode === '160000' ? 'commit' : mode === '040000' ? 'tree' : 'blob';
      changed.push({ path, entry: status === 'D' ? undefined : { mode: mode!, type, sha: sha!, size: null, path } });
    }
    return changed;
  }

  /** The commit a revision (HEAD, a branch) names in this repository; null when it names none. */
  async resolve(revision: string): Promise<string | null> {
    const out = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: this.options.dir });
    return out.exitCode === 0 ? out.stdout.toString('utf8').trim() : null;
  }

  /**
   * Reads blobs by id in one cat-file process, past the cache: for reading a whole grid at once, which may
   * hold more records than the cache keeps.
   */
  async readAll(shas: readonly string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(shas)];
    const run = { cwd: this.options.dir, env: this.env, timeoutMs: this.options.timeoutMs };
    if (!this.options.partial || unique.length === 0) return catFileBatch(unique, run);
    // A partial store lacks the blobs a cold start left behind (and those git's gc drops from a partial
    // cache), and cat-file fetches a missing blob one request apiece: thousands of them stall a node for
    // minutes. So a reader that knows no promisor remote reads what is here and names what is not; that comes
    // in one request, and only then is read. One process when all are here, as they are on most rounds.
    const missing: string[] = [];
    const reader = {
      ...run,
      cwd: await this.readerDir(),
      env: { GIT_OBJECT_DIRECTORY: join(this.options.dir, 'objects') },
    };
    const found = await catFileBatch(unique, reader, missing);
    if (missing.length > 0) {
      await this.prefetch(missing);
      for (const [sha, blob] of await catFileBatch(missing, run)) found.set(sha, blob);
    }
    return found;
  }

  /**
   * A repository whose objects are the store's (GIT_OBJECT_DIRECTORY) and which has no promisor remote, so
   * cat-file in it answers "missing" where the store's own would fetch: written in the store's folder, which
   * git ignores, and gone with it.
   */
  private async readerDir(): Promise<string> {
    if (this.reader === undefined) {
      const reader = join(this.options.dir, 'dgrid-reader');
      await mkdir(join(reader, 'refs'), { recursive: true });
      await mkdir(join(reader, 'objects'), { recursive: true });
      await writeFile(join(reader, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
      await writeFile(join(reader, 'HEAD'), 'ref: refs/heads/main\n');
      this.reader = reader;
    }
    return this.reader;
  }

  async readOne(sha: string): Promise<Buffer> {
    return (await this.read([sha])).get(sha)!;
  }

  /** Builds a commit of `changes` on top of `parent` (null for the first commit) without a working tree. */
  async commit(parent: string | null, changes: readonly Change[], message: string, author: string): Promise<string> {
    const when = `${Math.floor(Date.now() / 1000)} +0000`;
    const chunks: Buffer[] = [];
    const line = (text: string) => chunks.push(Buffer.from(text + '\n', 'utf8'));
    const data = (content: Buffer) => {
      line(`data ${content.length}`);
      chunks.push(content);
      line('');
    };
    line(`reset ${SCRATCH_REF}`);
    line(`commit ${SCRATCH_REF}`);
    line('mark :1');
    line(`author ${author} <${author}@dgrid> ${when}`);
    line(`committer ${author} <${author}@dgrid> ${when}`);
    data(Buffer.from(message, 'utf8'));
    if (parent) line(`from ${parent}`);
    for (const change of changes) {
      if ('delete' in change) line(`D ${quotePath(change.path)}`);
      else if ('existing' in change) line(`M ${change.existing.mode} ${change.existing.sha} ${quotePath(change.path)}`);
      else {
        line(`M 100644 inline ${quotePath(change.path)}`);
        data(Buffer.isBuffer(change.content) ? change.content : Buffer.from(change.content, 'utf8'));
      }
    }
    line('');
    line('get-mark :1');
    line('done');
    const out = await this.git(['fast-import', '--quiet', '--force', '--done', '--date-format=raw'], {
      input: Buffer.concat(chunks),
    });
    const { signingKey } = this.options;
    const built = signingKey ? await signCommit(out.trim(), signingKey, { cwd: this.options.dir }) : out.trim();
    this.parents.set(built, parent);
    // A few rounds' worth: a commit is pushed in the round that built it.
    if (this.parents.size > 64) this.parents.delete(this.parents.keys().next().value!);
    return built;
  }

  /**
   * Pushes a commit this store built as the new branch tip, if the tip is still the commit's parent:
   * 'rejected' means somebody else moved it. The push leases that parent (the expected old value of the
   * branch), so it is always a fast-forward, never a force (invariant 3); the lease is also what tells a
   * lost race, where git alone would look for the new tip among its objects to say "non-fast-forward", and a
   * partial store fetches that commit from the host on every lost race.
   */
  async push(commit: string): Promise<PushOutcome> {
    const onto = this.parents.get(commit);
    if (onto === undefined) throw new Error(`commit ${commit} was not built by this store: it pushes only its own`);
    const ref = `refs/heads/${this.options.branch}`;
    return this.retry(async () => {
      const out = await runGit(
        ['push', '--porcelain', `--force-with-lease=${ref}:${onto ?? ''}`, this.options.remote, `${commit}:${ref}`],
        {
          cwd: this.options.dir,
          env: this.env,
          timeoutMs: this.options.timeoutMs,
        },
      );
      if (out.exitCode === 0) return 'pushed';
      const text = out.stdout.toString('utf8') + out.stderr;
      // A refusal that no new tip changes: treated as a lost race, it would be retried forever.
      if (/branch is currently checked out/.test(text)) throw new GitError(['push'], 'fatal', out.exitCode, out.stderr);
      // A moved tip (stale lease), or a server-side refusal such as a hook or a lost ref-update race.
      if (/\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|stale info/.test(text)) return 'rejected';
      throw await this.rateLimited(new GitError(['push'], classify(out.stderr), out.exitCode, out.stderr));
    }).catch((error: unknown) => {
      throw this.explain(error);
    });
  }

  /**
   * Stores `content` as the one file of a parentless commit at `ref` of the remote (never the grid branch),
   * without force: a ref that exists already is left as it is, so name refs after their content.
   */
  async pushFileRef(ref: string, content: Buffer): Promise<void> {
    const commit = await this.commit(null, [{ path: 'file', content }], `dgrid: ${ref}\n`, 'dgrid');
    await this.retry(async () => {
      const out = await runGit(['push', '--porcelain', this.options.remote, `${commit}:${ref}`], {
        cwd: this.options.dir,
        env: this.env,
        timeoutMs: this.options.timeoutMs,
      });
      // Rejected: the ref holds another commit of the same content already.
      if (out.exitCode === 0 || /\[rejected\]|non-fast-forward|fetch first/.test(out.stdout.toString('utf8'))) return;
      throw new GitError(['push'], classify(out.stderr), out.exitCode, out.stderr);
    }).catch((error: unknown) => {
      throw this.explain(error);
    });
  }

  /** The file pushFileRef stored at `ref` of the remote; null when the remote has no such ref. */
  async fetchFileRef(ref: string): Promise<Buffer | null> {
    const local = `refs/dgrid/fetched/${ref.replace(/^refs\//, '')}`;
    try {
      await this.retry(() =>
        this.git([
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-auto-gc',
          ...(this.options.partial ? ['--no-filter'] : []),
          REMOTE,
          `+${ref}:${local}`,
        ]),
      );
    } catch (error) {
      if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) return null;
      throw error;
    }
    return this.gitBytes(['cat-file', 'blob', `${local}:file`]);
  }

  /**
   * Packs what the rounds left loose, and drops what no fetched tip reaches any more, once `looseLimit` loose
   * objects (git's own default) or 50 packs have gathered: every round's fetch and commit leave some, so a
   * long-running node's cache would grow without bound. Counted exactly, not estimated as `gc --auto` does,
   * and never in the background: only between rounds, when nothing else writes the cache. Returns the loose
   * objects it packed or dropped.
   */
  async tidy(looseLimit = 6700): Promise<number> {
    // The fetches since the last tidy brought whole history, which the tip reaches: the next fetch takes
    // the tip alone again, so that what came before it is dropped by a later gc, not kept for good.
    this.fetched = false;
    const counts = await this.git(['count-objects', '-v']);
    const count = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(counts)?.[1] ?? 0);
    const loose = count('count');
    if (loose < looseLimit && count('packs') < 50) return 0;
    // No bitmap: it needs every object, and a partial cache lacks the blobs it never read.
    await this.git(['-c', 'gc.pruneExpire=now', '-c', 'repack.writeBitmaps=false', 'gc', '--quiet']);
    return loose;
  }

  /**
   * The branch's commits since `sinceMs` (committer date), newest first, each with its author: a node commits
   * under its node id. Reads what the cache holds: a node's cache has the commits since its first fetch.
   */
  async recentPushes(tip: string, sinceMs: number): Promise<{ at: number; author: string }[]> {
    const since = Math.floor(sinceMs / 1000);
    const out = await this.git(['log', '--first-parent', `--since=@${since}`, '--format=%ct %an', tip]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => ({
        at: Number(line.slice(0, line.indexOf(' '))) * 1000,
        author: line.slice(line.indexOf(' ') + 1),
      }));
  }

  /** Full history of the branch, oldest first, for the audit and the dashboard's time series. */
  async log(tip: string, paths: readonly string[] = []): Promise<string[]> {
    const out = await this.git(['rev-list', '--reverse', '--first-parent', tip, '--', ...paths]);
    return out.split('\n').filter(Boolean);
  }
}

/**
 * The config of a new cache repository. Concurrent writers in one cache (slots, a killed process) must not
 * leave half-written state behind, so no automatic gc or maintenance (a node tidies between rounds); a
 * partial store fetches what it lacks from the grid remote.
 */
function cacheConfig(options: StoreOptions): string {
  const quoted = `"${options.remote.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const lines = ['[core]', `\trepositoryformatversion = ${options.partial ? 1 : 0}`, '\tbare = true'];
  lines.push('[gc]', '\tauto = 0', '[maintenance]', '\tauto = false', `[remote "${REMOTE}"]`, `\turl = ${quoted}`);
  if (options.partial) {
    lines.push('\tpromisor = true', '\tpartialclonefilter = blob:none', '[extensions]', `\tpartialClone = ${REMOTE}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A path of a tree as text. Git paths are bytes, and anyone who can push may add one that is not UTF-8: each
 * byte that is not part of a UTF-8 character becomes a lone surrogate U+DC80..U+DCFF (as Python's
 * "surrogateescape"), which no UTF-8 text holds, so encodePath gives back the very same bytes and a change
 * to that path (moving a file out of the queue) touches the file itself.
 */
export function decodePath(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd')) return text;
  let decoded = '';
  for (let i = 0; i < bytes.length;) {
    let length = 1;
    while (length <= 4 && i + length <= bytes.length) {
      const part = bytes.subarray(i, i + length);
      const char = part.toString('utf8');
      if (Buffer.from(char, 'utf8').equals(part)) break;
      length++;
    }
    if (length > 4 || i + length > bytes.length) {
      decoded += String.fromCharCode(0xdc00 + bytes[i]!);
      i++;
    } else {
      decoded += bytes.subarray(i, i + length).toString('utf8');
      i += length;
    }
  }
  return decoded;
}

/** The bytes of a path that decodePath made. */
export function encodePath(path: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - 0xdc00]));
      run = '';
    } else run += char;
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * fast-import takes a path as the rest of its line, or C-style quoted: any path that is not plain printable
 * ASCII is quoted, each other byte written in octal, so no name a pusher chose can end the line, start a
 * quote, or land anywhere but at its own bytes.
 */
function quotePath(path: string): string {
  if (/^[\x20-\x7e]*$/.test(path) && !/^"|\\/.test(path)) return path;
  let quoted = '"';
  for (const byte of encodePath(path)) {
    if (byte === 0x22 || byte === 0x5c) quoted += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) quoted += String.fromCharCode(byte);
    else quoted += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${quoted}"`;
}

/**
 * The token travels as an HTTP header set through GIT_CONFIG_* variables of the git process: never in a
 * URL, an argument list, or a config file on disk. Scoped to the remote's URL so no other host sees it.
 */
export function credentialEnv(remote: string, token: string | undefined): NodeJS.ProcessEnv {
  if (!token || !/^https?:\/\//.test(remote)) return {};
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  const origin = new URL(remote);
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${origin.protocol}//${origin.host}/.extraheader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}
