// One reader of a branch's first-parent history for everyone who replays it (the audit, the dashboard's time
// series). Merges count as the change they bring to the branch, renames as a delete and an add, so that a
// reader can follow each file from folder to folder without knowing how git stores a move.
import { git } from './runner.js';

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
}

export interface HistoryOptions {
  cwd: string;
  timeoutMs: number;
  /** Read each change's blob ids (`git log --raw`); costs about a fifth more than names alone. */
  blobs?: boolean;
  /** Only changes below these paths, and only commits that make some. */
  paths?: string[];
  trailer?: string;
}

/** The first-parent history of `tip`, oldest first. */
export async function readHistory(tip: string, options: HistoryOptions): Promise<HistoryCommit[]> {
  const trailer = options.trailer ? `%(trailers:key=${options.trailer},valueonly,separator=%x2C)` : '';
  const out = await git(
    [
      'log',
      '--first-parent',
      '--reverse',
      '--diff-merges=first-parent',
      '--no-renames',
      options.blobs ? '--raw' : '--name-status',
      '-z',
      '--no-abbrev',
      `--format=\x01%H %ct%x00%cn%x00%an%x00${trailer}`,
      tip,
      ...(options.paths ? ['--', ...options.paths] : []),
    ],
    { cwd: options.cwd, timeoutMs: options.timeoutMs },
  );
  const tokens = out.split('\0');
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
