// Where `dgrid audit --checkpoint FILE` keeps what it learnt, so the next audit replays only the commits
// since: the commit the state is of, the archive tip it was checked against, and the replay's state, one
// JSON row a line (a million tasks make a state larger than one string may be).
//
// The file lives with whoever runs the audit, never in the grid: a node cannot hand the auditor a state
// that skips its own commits. It is trusted only as far as git vouches for it: its commit must be on the
// first-parent line of the tip, and its archive tip an ancestor of today's with nothing under tasks/
// removed or changed since; otherwise the audit replays everything.
import { createReadStream } from 'node:fs';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runGit } from '../git/runner.js';

export const CHECKPOINT_VERSION = 1;

export interface CheckpointHeader {
  version: number;
  branch: string;
  /** The last commit the state covers. */
  commit: string;
  /** The archive branch's tip the archived results were checked against; null when it did not exist. */
  archiveTip: string | null;
}

/** Rows written one per line; the temporary file becomes the checkpoint only once whole. */
export class RowWriter {
  private readonly fd: number;
  private buffer = '';

  constructor(private readonly path: string) {
    this.fd = openSync(`${path}.partial`, 'w');
  }

  row(value: unknown): void {
    this.buffer += JSON.stringify(value) + '\n';
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Writes the header last-but-first: it goes in a line of its own at the end, read first by readRows. */
  finish(header: CheckpointHeader): void {
    this.row(header);
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }

  abandon(): void {
    closeSync(this.fd);
  }
}

/** The rows of a checkpoint and its header (its last row); undefined when there is no readable one. */
export async function readCheckpoint(
  path: string,
): Promise<{ header: CheckpointHeader; rows: unknown[][] } | undefined> {
  const rows: unknown[][] = [];
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) rows.push(JSON.parse(line) as unknown[]);
  } catch {
    return undefined; // missing or damaged: a full replay, which writes it anew
  }
  const header = rows.pop() as unknown as CheckpointHeader | undefined;
  if (header?.version !== CHECKPOINT_VERSION || typeof header.commit !== 'string') return undefined;
  return { header, rows };
}

/**
 * Whether the checkpoint still speaks for this repository: its commit is the tip or a first-parent ancestor
 * of it, and the archive only grew since it was checked. Returns why not, or undefined when it does.
 */
export async function staleCheckpoint(
  dir: string,
  header: CheckpointHeader,
  branch: string,
  tip: string,
  archiveTip: string | null,
): Promise<string | undefined> {
  if (header.branch !== branch) return `it is of branch ${header.branch}`;
  // On the line: the oldest first-parent commit after it has it as its first parent.
  const since = await runGit(['rev-list', '--first-parent', `${header.commit}..${tip}`], { cwd: dir });
  const oldest = since.stdout.toString('utf8').trim().split('\n').pop();
  const parent = oldest ? await runGit(['rev-parse', '--verify', '--quiet', `${oldest}^1`], { cwd: dir }) : undefined;
  const onLine = oldest ? parent?.stdout.toString('utf8').trim() === header.commit : tip === header.commit;
  if (since.exitCode !== 0 || !onLine) {
    return `its commit ${header.commit.slice(0, 12)} is not on the first-parent line of ${tip.slice(0, 12)}`;
  }
  if (header.archiveTip === null || header.archiveTip === archiveTip) return undefined;
  if (archiveTip === null) return 'the archive branch it checked is gone';
  const ancestor = await runGit(['merge-base', '--is-ancestor', header.archiveTip, archiveTip], { cwd: dir });
  if (ancestor.exitCode !== 0) return `the archive branch was rewritten since ${header.archiveTip.slice(0, 12)}`;
  const changed = await runGit(
    ['diff-tree', '-r', '--name-only', '--diff-filter=DMT', header.archiveTip, archiveTip, '--', 'tasks/'],
    { cwd: dir },
  );
  if (changed.exitCode !== 0 || changed.stdout.length > 0) return 'results in the archive were removed or changed';
  return undefined;
}
