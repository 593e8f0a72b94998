// A grid's history as the shipped workflows write it, for the cold-start figure: every task arrives by pull
// request (its commit and the merge), a worker node starts every 30 minutes (worker.yml), registers, claims
// what is queued, finishes it and goes offline, each commit carrying its node file, and the daily reaper
// removes node files a week old. Written with one fast-import, so ten thousand tasks take seconds.
import { git } from '../src/git/runner.js';
import { inProgressPath, nodePath, queuePath, resultPath } from '../src/protocol/layout.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** worker.yml's schedule: a node run every 30 minutes. */
const NODE_RUNS_PER_DAY = 48;
/** The policy's default retention.offline_node_days. */
const OFFLINE_NODE_DAYS = 7;
/** Where each pull request's own commit is built; every one names its parent, so one ref serves them all. */
const PULL_REF = 'refs/dgrid-bench/pull';

export interface HistoryShape {
  tasks: number;
  days: number;
  /** The last day of the history. */
  now: number;
}

export interface HistoryFigures {
  commits: number;
}

/** Appends the history to `branch` of the bare repository, on top of its tip. */
export async function writeGridHistory(bare: string, branch: string, shape: HistoryShape): Promise<HistoryFigures> {
  const tip = (await git(['rev-parse', branch], { cwd: bare })).trim();
  const out: string[] = [];
  let clock = Math.floor((shape.now - shape.days * DAY_MS) / 1000);
  let mark = 0;
  let parent = tip;
  const commit = (ref: string, author: string, message: string, parents: string[], ops: string[]): string => {
    const id = `:${++mark}`;
    out.push(`commit ${ref}`, `mark ${id}`, `committer ${author} <${author}@dgrid> ${clock++} +0000`);
    out.push(`data ${Buffer.byteLength(message)}`, message);
    out.push(`from ${parents[0]}`, ...parents.slice(1).map((p) => `merge ${p}`), ...ops, '');
    return id;
  };
  const write = (path: string, value: object) => {
    const text = JSON.stringify(value, null, 2) + '\n';
    return [`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text];
  };
  const onMain = (author: string, message: string, ops: string[]) => {
    parent = commit(`refs/heads/${branch}`, author, message, [parent], ops);
  };

  const queued: string[] = [];
  const nodes: Array<{ id: string; day: number }> = [];
  let next = 0;
  for (let day = 0; day < shape.days; day++) {
    const dayStart = shape.now - (shape.days - day) * DAY_MS;
    clock = Math.max(clock, Math.floor(dayStart / 1000));
    const arriving = Math.round(((day + 1) * shape.tasks) / shape.days) - next;
    for (let run = 0; run < NODE_RUNS_PER_DAY; run++) {
      // The day's pull requests arrive between the node runs.
      const due =
        Math.round(((run + 1) * arriving) / NODE_RUNS_PER_DAY) - Math.round((run * arriving) / NODE_RUNS_PER_DAY);
      for (let i = 0; i < due; i++) {
        const id = `h${next++}`;
        const task = { task_id: id, script: `echo ${id}`, timeout_seconds: 60 };
        const head = commit(PULL_REF, 'submitter', `Add task ${id}\n`, [parent], write(queuePath(id), task));
        parent = commit(
          `refs/heads/${branch}`,
          'github',
          `Merge pull request #${next}\n`,
          [parent, head],
          write(queuePath(id), task),
        );
        queued.push(id);
      }
      const node = `runner-${day}-${run}`;
      const at = new Date(dayStart + (run * DAY_MS) / NODE_RUNS_PER_DAY);
      const record = (status: string, tasks: string[], completed: number) => ({
        node_id: node,
        labels: [],
        slots: 1,
        version: '0.1.0',
        started_at: at.toISOString(),
        last_heartbeat: new Date(at.getTime() + 60_000).toISOString(),
        status,
        tasks,
        completed,
        failed: 0,
      });
      onMain(node, `dgrid: ${node}: heartbeat\n`, write(nodePath(node), record('online', [], 0)));
      const claimed = queued.splice(0);
      if (claimed.length > 0) {
        onMain(node, `dgrid: ${node}: claim ${claimed.length}\n`, [
          ...claimed.flatMap((id) => [`D ${queuePath(id)}`, ...write(inProgressPath(node, id), { task_id: id })]),
          ...write(nodePath(node), record('online', claimed, 0)),
        ]);
        onMain(node, `dgrid: ${node}: finish ${claimed.length}\n`, [
          ...claimed.flatMap((id) => [
            `D ${inProgressPath(node, id)}`,
            ...write(resultPath('completed', id, at), {
              task_id: id,
              node_id: node,
              status: 'success',
              exit_code: 0,
              stdout: `${id}\n`,
              stderr: '',
              timestamp: at.toISOString(),
            }),
          ]),
          ...write(nodePath(node), record('online', [], claimed.length)),
        ]);
      }
      onMain(node, `dgrid: ${node}: go offline\n`, write(nodePath(node), record('offline', [], claimed.length)));
      nodes.push({ id: node, day });
    }
    const stale = nodes.filter((n) => n.day <= day - OFFLINE_NODE_DAYS);
    if (stale.length > 0) {
      onMain(
        'dgrid-reaper',
        `dgrid: reap: remove-node ${stale.length}\n`,
        stale.map((n) => `D ${nodePath(n.id)}`),
      );
      nodes.splice(0, stale.length);
    }
  }
  await git(['fast-import', '--quiet', '--force'], { cwd: bare, input: out.join('\n') + '\n' });
  // The pull-request branches were merged and deleted; their commits live on in the merges.
  await git(['update-ref', '-d', PULL_REF], { cwd: bare });
  return { commits: mark };
}
