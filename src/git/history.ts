// One reader of a branch's first-parent history for everyone who replays it (the audit, the dashboard's time
// series). Merges count as the change they bring to the branch, renames as a delete and an add, so that a
// reader can follow each file from folder to folder without knowing how git stores a move.
import { StringDecoder } from 'node:string_decoder';
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
  const decoder = new StringDecoder('utf8');
  let text = '';
  let batch: HistoryCommit[] = [];
  for await (const chunk of gitStream(args, { cwd: options.cwd, timeoutMs: options.timeoutMs })) {
    text += decoder.write(chunk);
    // Parse up to the last commit that began: the one after it may not have come whole yet.
    const cut = lastCommitStart(text);
    if (cut <= 0) continue;
    batch.push(...parseCommits(text.slice(0, cut), options));
    text = text.slice(cut);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  batch.push(...parseCommits(text + decoder.end(), options));
  if (batch.length > 0) yield batch;
}

/**
 * Where the last commit's header starts in `text`, or -1: its \x01 right after a NUL. A message may hold a
 * \x01 after a newline (a node writes its own), never after a NUL, which no commit message holds.
 */
function lastCommitStart(text: string): number {
  const at = text.lastIndexOf('\0\x01');
  return at < 0 ? -1 : at + 1;
}

/** Commits from whole commits' worth of `git log -z` output. */
function parseCommits(text: string, options: HistoryOptions): HistoryCommit[] {
  const tokens = text.split('\0');
  const commits: HistoryCommit[] = [];
  let commit: HistoryCommit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      const [sha, seconds] = token.slice(1).split(' ');
      const committer = tokens[++i] ?? '';
      const author = tokens[++i] ?? '';
      const trailers = (tokens[++i] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      commit = { sha: sha!, time: Number(seconds) * 1000, committer, author, trailers, changes: [] };
      if (options.details) {
        commit.authorEmail = tokens[++i] ?? '';
        commit.parent = (tokens[++i] ?? '').split(' ')[0] ?? '';
        commit.body = tokens[++i] ?? '';
      }
      commits.push(commit);
    } else if (token.startsWith(':')) {
      // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path
      const [, newMode, oldSha, newSha, status] = token.slice(1).split(' ');
      commit!.changes.push({ status: status!, path: tokens[++i]!, oldSha, newSha, regularFile: /^100/.test(newMode!) });
    } else if (token) {
      commit!.changes.push({ status: token, path: tokens[++i]! });
    }
  }
  return commits;
}
