// A long grid history with its archive, as the shipped workflows write it over a year: every hour `dgrid
// submit` queues a batch, a node claims it in one commit and finishes it in the next (its node file in both),
// and each day a reaper removes node files a week old and archives the day folder that passed retention:
// the results to <branch>-archive first, then one commit on the grid branch that removes the folder, adds
// the ids to the index tasks/archived/<xx>/<yy>.txt and names the archive commit in `Archived-To:`.
//
// Records come from the real lifecycle functions, so `dgrid audit` replays the history without a
// violation. Everything goes through one streaming fast-import: a million tasks take minutes, not days.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { git } from '../src/git/runner.js';
import type { Change } from '../src/git/store.js';
import { archiveBranch, archivedDayPath, nodePath, queueShardPath, shard } from '../src/protocol/layout.js';
import { archivedIdsPath } from '../src/upkeep/archive.js';
import { claimTask, concludeClaim, emptyStream, nodeChange, serialize } from '../src/protocol/transitions.js';
import { defaultPolicy } from '../src/protocol/policy.js';
import type { TaskFile } from '../src/protocol/snapshot.js';
import type { NodeRecord } from '../src/protocol/schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An hourly worker: a batch submitted, claimed and finished every hour. */
const RUNS_PER_DAY = 24;

export interface ArchivedShape {
  tasks: number;
  days: number;
  /** The end of the history (ms). */
  now: number;
}

export interface ArchivedFigures {
  commits: number;
  /** Results left at the grid's tip, and results moved to the archive. */
  atTip: number;
  archived: number;
}

/** git fast-import fed as a stream, answering get-mark on a descriptor of its own. */
class FastImport {
  private readonly child: ChildProcessByStdio<Writable, null, null>;
  private readonly answers: Readable;
  private pending = '';

  constructor(bare: string) {
    this.child = spawn('git', ['fast-import', '--quiet', '--force', '--done', '--cat-blob-fd=3'], {
      cwd: bare,
      stdio: ['pipe', 'ignore', 'inherit', 'pipe'],
    }) as unknown as ChildProcessByStdio<Writable, null, null>;
    this.answers = this.child.stdio[3] as Readable;
    this.answers.setEncoding('utf8');
  }

  async write(text: string): Promise<void> {
    if (!this.child.stdin.write(text)) await once(this.child.stdin, 'drain');
  }

  /** The object id of a mark, once fast-import has written it. */
  async sha(mark: number): Promise<string> {
    await this.write(`get-mark :${mark}\n`);
    while (!this.pending.includes('\n')) {
      const [chunk] = (await once(this.answers, 'data')) as [string];
      this.pending += chunk;
    }
    const line = this.pending.slice(0, this.pending.indexOf('\n'));
    this.pending = this.pending.slice(line.length + 1);
    return line.trim();
  }

  async done(): Promise<void> {
    await this.write('done\n');
    this.child.stdin.end();
    const [code] = (await once(this.child, 'close')) as [number];
    if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  }
}

const data = (text: string) => `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;

/** Appends the history to `branch` of the bare repository, on top of its tip, and starts its archive branch. */
export async function writeArchivedHistory(
  bare: string,
  branch: string,
  shape: ArchivedShape,
): Promise<ArchivedFigures> {
  const policy = defaultPolicy();
  const retention = policy.retention.days;
  const importer = new FastImport(bare);
  let mark = 0;
  let commits = 0;
  let first = `from refs/heads/${branch}^0\n`;
  const commit = async (ref: string, author: string, at: number, message: string, ops: string) => {
    const id = ++mark;
    commits++;
    const from = ref === `refs/heads/${branch}` ? first : '';
    if (from) first = '';
    await importer.write(
      `commit ${ref}\nmark :${id}\ncommitter ${author} <${author}@dgrid> ${Math.floor(at / 1000)} +0000\n` +
        data(message) +
        from +
        ops +
        '\n',
    );
    return id;
  };
  const write = (change: Change) => {
    if ('delete' in change) return `D ${change.path}\n`;
    if ('content' in change) return `M 100644 inline ${change.path}\n${data(String(change.content))}`;
    return `M ${change.existing.mode} ${change.existing.sha} ${change.path}\n`;
  };
  const gridRef = `refs/heads/${branch}`;
  const archiveRef = `refs/heads/${archiveBranch(branch)}`;
  await commit(
    archiveRef,
    'dgrid-reaper',
    shape.now - shape.days * DAY_MS,
    `dgrid: start the archive of ${branch}\n`,
    write({ path: 'README.md', content: `# Archive of the grid branch ${branch}\n` }),
  );

  /** Each day's results (id, blob mark, state), kept until the day is archived. */
  const days = new Map<string, { id: string; mark: number }[]>();
  /** The archive index as it stands, by file. */
  const index = new Map<string, string[]>();
  const nodes: { id: string; day: number }[] = [];
  let next = 0;
  let atTip = 0;
  let archived = 0;
  // Days begin at midnight, so that a day's results are in its day folder.
  const start = Math.floor((shape.now - shape.days * DAY_MS) / DAY_MS) * DAY_MS;
  for (let day = 0; day < shape.days; day++) {
    const dayStart = start + day * DAY_MS;
    const dayName = new Date(dayStart).toISOString().slice(0, 10);
    const results: { id: string; mark: number }[] = [];
    const due = Math.round(((day + 1) * shape.tasks) / shape.days) - next;
    for (let run = 0; run < RUNS_PER_DAY; run++) {
      const count = Math.round(((run + 1) * due) / RUNS_PER_DAY) - Math.round((run * due) / RUNS_PER_DAY);
      if (count === 0) continue;
      const at = dayStart + (run * DAY_MS) / RUNS_PER_DAY;
      const ids = Array.from({ length: count }, () => `y${String(next++).padStart(7, '0')}`);
      const tasks = ids.map((id) => ({ task_id: id, script: `echo ${id}` }));
      await commit(
        gridRef,
        'dgrid',
        at,
        `dgrid: submit ${count}\n`,
        tasks.map((t) => write({ path: queueShardPath(t.task_id), content: serialize(t) })).join(''),
      );

      const nodeId = `runner-${day}-${run}`;
      const node = (status: NodeRecord['status'], held: string[], completed: number, when: number): NodeRecord => ({
        node_id: nodeId,
        labels: [],
        slots: 4,
        version: 'history',
        started_at: new Date(at).toISOString(),
        incarnation: `${nodeId}-1`,
        last_heartbeat: new Date(when).toISOString(),
        status,
        tasks: held,
        completed,
        failed: 0,
      });
      const claimedAt = new Date(at + 1000);
      const claims = tasks.map((task) => {
        const file: TaskFile = {
          id: task.task_id,
          state: 'queue',
          entry: { mode: '100644', type: 'blob', sha: '', size: 0, path: queueShardPath(task.task_id) },
        };
        return claimTask(file, task, nodeId, claimedAt, policy);
      });
      await commit(
        gridRef,
        nodeId,
        claimedAt.getTime(),
        `dgrid: ${nodeId}: claim ${count}\n`,
        claims
          .flatMap((c) => c.changes)
          .map(write)
          .join('') + write(nodeChange(node('online', [...ids].sort(), 0, claimedAt.getTime()))),
      );

      const finishedAt = new Date(at + 60_000);
      let ops = '';
      for (const plan of claims) {
        const run = {
          status: 'success' as const,
          exitCode: 0,
          stdout: emptyStream(),
          stderr: emptyStream(),
          startedAt: claimedAt,
          finishedAt,
        };
        for (const change of concludeClaim(plan.changes[1]!.path, plan.claim, run, policy, finishedAt)) {
          if (!('content' in change)) {
            ops += write(change);
            continue;
          }
          // The result as a blob of its own, so the archive commit names the very same object.
          const blob = ++mark;
          await importer.write(`blob\nmark :${blob}\n${data(String(change.content))}`);
          ops += `M 100644 :${blob} ${change.path}\n`;
          results.push({ id: plan.claim.task_id, mark: blob });
        }
      }
      await commit(
        gridRef,
        nodeId,
        finishedAt.getTime(),
        `dgrid: ${nodeId}: finish ${count}, go offline\n`,
        ops + write(nodeChange(node('offline', [], count, finishedAt.getTime()))),
      );
      nodes.push({ id: nodeId, day });
    }
    days.set(dayName, results);
    atTip += results.length;

    // The daily reaper, at the end of the day.
    const reapAt = dayStart + DAY_MS - 60_000;
    let ops = '';
    const stale = nodes.filter((n) => n.day <= day - policy.retention.offline_node_days);
    for (const n of stale) ops += `D ${nodePath(n.id)}\n`;
    nodes.splice(0, stale.length);
    const cutoff = new Date(reapAt - retention * DAY_MS).toISOString().slice(0, 10);
    const old = [...days.keys()].filter((d) => d < cutoff);
    let message = stale.length > 0 ? `dgrid: reap: remove-node ${stale.length}\n` : '';
    if (old.length > 0) {
      let copy = '';
      for (const d of old) {
        for (const r of days.get(d)!)
          copy += `M 100644 :${r.mark} ${archivedDayPath('completed', d)}/${shard(r.id)}/${r.id}.json\n`;
      }
      const holder = await importer.sha(
        await commit(
          archiveRef,
          'dgrid-reaper',
          reapAt,
          `dgrid: archive ${old.length} day folder(s) of ${branch}\n`,
          copy,
        ),
      );
      const touched = new Set<string>();
      for (const d of old) {
        ops += `D tasks/completed/${d}\n`;
        for (const r of days.get(d)!) {
          const path = archivedIdsPath(r.id);
          index.set(path, [...(index.get(path) ?? []), `${r.id} completed ${d}`]);
          touched.add(path);
        }
        archived += days.get(d)!.length;
        atTip -= days.get(d)!.length;
        days.delete(d);
      }
      for (const path of touched) ops += write({ path, content: index.get(path)!.sort().join('\n') + '\n' });
      message = `dgrid: archive ${old.length} day folder(s) older than ${retention} day(s)\n\nArchived-To: ${holder}\n`;
    }
    if (ops) await commit(gridRef, 'dgrid-reaper-history', reapAt, message, ops);
  }
  await importer.done();
  await git(['gc', '--quiet'], { cwd: bare, timeoutMs: 3_600_000 });
  return { commits, atTip, archived };
}

/**
 * The folders holding the most entries at a commit, largest first: invariant 2 says none holds more than
 * 3,000. Reads one recursive listing with trees, so it costs what the commit holds.
 */
export async function largestFolders(bare: string, commit: string, count = 3): Promise<[string, number][]> {
  const out = await git(['ls-tree', '-r', '-t', '-z', '--name-only', commit], { cwd: bare, timeoutMs: 600_000 });
  const sizes = new Map<string, number>();
  for (const path of out.split('\0')) {
    if (!path) continue;
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
    sizes.set(parent, (sizes.get(parent) ?? 0) + 1);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, count);
}
