// One reader of a branch's first-parent history for everyone who replays it (the audit, the dashboard's time
// series). Merges count as the change they bring to the branch, renames as a delete and an add, so that a
// reader can follow each file from folder to folder without knowing how git stores a move.
import { gitStream } from './runner.js';

/** One file a commit adds (`A`), modifies (`M`), deletes (`D`) or changes the type of (`T`). */
export interface HistoryChange {
  status: string;
  path: string;
  /** With `blobs`: the blob before and after (all zeros where there is none), and whether the new entry is a regular file. */
  oldSha?: string;
  newSha?: string;
  regularFile?: boolean;
}

export interface HistoryCommit {
  sha: string;
  /** Committer date, ms. */
  time: number;
  committer: string;
  author: string;
  /** Values of the trailer named by `trailer`, in order. */
  trailers: string[];
  changes: HistoryChange[];
  /** With `details`: the author's email, the first parent ('' for none, or one a shallow fetch cut off), the message. */
  authorEmail?: string;
  parent?: string;
  body?: string;
}

export interface HistoryOptions {
  cwd: string;
  timeoutMs: number;
  /** Read each change's blob ids (`git log --raw`); costs about a fifth more than names alone. */
  blobs?: boolean;
  /** Only changes below these paths, and only commits that make some. */
  paths?: string[];
  trailer?: string;
  /** Read each commit's author email, first parent and message too (the commit checker's need). */
  details?: boolean;
}

/** The first-parent history of `tip` (or of a range `from..tip`), oldest first. */
export async function readHistory(tip: string, options: HistoryOptions): Promise<HistoryCommit[]> {
  const commits: HistoryCommit[] = [];
  for await (const batch of historyBatches(tip, options)) commits.push(...batch);
  return commits;
}

/**
 * The same history read as git writes it, in batches of about `size` commits: a year of a busy grid is more
 * than a string can hold, and more than its commits' objects should take at once.
 */
export async function* historyBatches(
  tip: string,
  options: HistoryOptions,
  size = 2000,
): AsyncGenerator<HistoryCommit[]> {
  const trailer = options.trailer ? `%(trailers:key=${options.trailer},valueonly,separator=%x2C)` : '';
  const details = options.details ? '%x00%ae%x00%P%x00%B' : '';
  const args = [
    'log',
    '--first-parent',
    '--reverse',
    '--diff-merges=first-parent',
    '--no-renames',
    options.blobs ? '--raw' : '--name-status',
    '-z',
    '--no-abbrev',
    `--format=\x01%H %ct%x00%cn%x00%an%x00${trailer}${details}`,
    tip,
    ...(options.paths ? ['--', ...options.paths] : []),
  ];
  let pending = Buffer.alloc(0);
  let batch: HistoryCommit[] = [];
  for await (const chunk of gitStream(args, { cwd: options.cwd, timeoutMs: options.timeoutMs })) {
    pending = Buffer.concat([pending, chunk]);
    // Parse up to the last commit that began: the one after it may not have come whole yet.
    const cut = lastCommitStart(pending);
    if (cut <= 0) continue;
    batch.push(...parseCommits(pending.subarray(0, cut), options));
    pending = pending.subarray(cut);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  batch.push(...parseCommits(pending, options));
  if (batch.length > 0) yield batch;
}

const COMMIT_START = Buffer.from('\0\x01');

/**
 * Where the last commit's header starts in `out`, or -1: its \x01 right after a NUL. A message may hold a
 * \x01 after a newline (a node writes its own), never after a NUL, which no commit message holds.
 */
function lastCommitStart(out: Buffer): number {
  const at = out.lastIndexOf(COMMIT_START);
  return at < 0 ? -1 : at + 1;
}

/**
 * Commits from whole commits' worth of `git log -z` output. Each field is decoded on its own, so that what a
 * reader keeps (a path, a blob id) holds no reference to the whole output, as a slice of one string would.
 */
function parseCommits(out: Buffer, options: HistoryOptions): HistoryCommit[] {
  let at = 0;
  const next = (): string | undefined => {
    if (at >= out.length) return undefined;
    let end = out.indexOf(0, at);
    if (end < 0) end = out.length;
    const token = out.toString('utf8', at, end);
    at = end + 1;
    return token;
  };
  const commits: HistoryCommit[] = [];
  let commit: HistoryCommit | undefined;
  for (let raw = next(); raw !== undefined; raw = next()) {
    const token = raw.replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      const [sha, seconds] = token.slice(1).split(' ');
      const committer = next() ?? '';
      const author = next() ?? '';
      const trailers = (next() ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      commit = { sha: sha!, time: Number(seconds) * 1000, committer, author, trailers, changes: [] };
      if (options.details) {
        commit.authorEmail = next() ?? '';
        commit.parent = (next() ?? '').split(' ')[0] ?? '';
        commit.body = next() ?? '';
      }
      commits.push(commit);
    } else if (token.startsWith(':')) {
      // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path
      const [, newMode, oldSha, newSha, status] = token.slice(1).split(' ');
      commit!.changes.push({ status: status!, path: next()!, oldSha, newSha, regularFile: /^100/.test(newMode!) });
    } else if (token) {
      commit!.changes.push({ status: token, path: next()! });
    }
  }
  return commits;
}
