// Creating a grid and submitting tasks directly to it, for the CLI, the demo and the tests. On GitHub,
// tasks arrive by pull request instead, through validate-task.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../common/errors.js';
import { git } from '../git/runner.js';
import { GridStore, type Change } from '../git/store.js';
import { transact } from '../protocol/transaction.js';
import {
  LIFECYCLE,
  NODES_DIR,
  POLICY_FILE,
  cancelPath,
  drainPath,
  lifecycleDir,
  queueShardPath,
} from '../protocol/layout.js';
import { serialize } from '../protocol/transitions.js';
import { iso } from '../common/time.js';
import { parsePolicy } from '../protocol/policy.js';
import { candidate, checkTasks, gridState } from '../validation/submission-checks.js';
import type { CancelRequest, DrainRequest, Task } from '../protocol/schemas.js';
import { isSharded, shardIndex } from '../protocol/shards.js';
import type { OpenGrid } from './shard-stores.js';

/** A repository argument as git understands it: URLs as given, local paths as file:// URLs. */
export function remoteUrl(repository: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository)) return repository;
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) && !existsSync(repository)) {
    const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
    return `${server}/${repository}.git`;
  }
  return pathToFileURL(isAbsolute(repository) ? repository : resolve(repository)).href;
}

export interface InitOptions {
  repository: string;
  branch: string;
  /** The text of dgrid.json to start with; the defaults when absent. */
  policyText?: string;
  cacheDir: string;
  token?: string;
}

/**
 * Makes `repository` a grid: creates a local bare repository when the path does not exist, then adds
 * what is missing (the policy, the lifecycle folders) in one commit. Safe to run twice.
 */
export async function initGrid(options: InitOptions): Promise<{ created: boolean; tip: string }> {
  const remote = remoteUrl(options.repository);
  if (remote.startsWith('file:')) {
    const path = new URL(remote).pathname;
    if (!existsSync(path)) {
      await git(['init', '--quiet', '--bare', `--initial-branch=${options.branch}`, path]);
      // Serve partial fetches as GitHub does, and keep a reflog of every push (the benchmark counts them).
      await git(['config', 'uploadpack.allowFilter', 'true'], { cwd: path });
      await git(['config', 'core.logAllRefUpdates', 'always'], { cwd: path });
    }
  }
  if (options.policyText !== undefined) parsePolicy(options.policyText);
  const store = await GridStore.open({ remote, branch: options.branch, dir: options.cacheDir, token: options.token });
  const tip = await store.fetch();
  const existing = tip === null ? [] : await store.list(tip, [POLICY_FILE, 'tasks', NODES_DIR]);
  const has = (prefix: string) => existing.some((e) => e.path === prefix || e.path.startsWith(prefix + '/'));
  const changes: Change[] = [];
  if (!has(POLICY_FILE)) changes.push({ path: POLICY_FILE, content: options.policyText ?? serialize({}) });
  for (const dir of [...LIFECYCLE.map(lifecycleDir), NODES_DIR]) {
    if (!has(dir)) changes.push({ path: `${dir}/.gitkeep`, content: '' });
  }
  if (changes.length === 0) return { created: false, tip: tip! };
  // The first commit has no parent, so it cannot go through transact(); a concurrent init loses cleanly.
  const commit = await store.commit(tip, changes, 'dgrid: initialise the grid\n', 'dgrid');
  if ((await store.push(commit)) === 'rejected')
    throw new UserError(`${remote} changed while it was being initialised: run init again`);
  return { created: tip === null, tip: commit };
}

/**
 * Checks tasks as the gate does (schema, policy, ids used before, archived ones too, dependencies that name
 * nothing or go round in a cycle) and within the grid's max_queued, then adds them to the queue in one commit.
 */
export async function submitTasks(store: GridStore, tasks: Task[], repository = store.options.remote): Promise<string> {
  const { commit } = await transact(
    store,
    async (snapshot) => {
      const policy = await snapshot.policy();
      const candidates = tasks.map((task) => {
        const blob = Buffer.from(serialize(task), 'utf8');
        const name = `${typeof task.task_id === 'string' ? task.task_id : 'task'}.json`;
        return candidate(name, { mode: '100644', type: 'blob', sha: '', size: blob.length, path: name }, blob);
      });
      const grid = await gridState(snapshot, policy, repository);
      const reports = await checkTasks(candidates, grid, 'submission');
      const problems = reports
        .filter((r) => r.problems.length > 0)
        .map((r) => `task ${r.taskId ?? r.path}: ${r.problems.map((p) => p.message).join('; ')}`);
      const queued = snapshot.of('queue').length;
      if (queued + tasks.length > policy.quotas.max_queued) {
        problems.push(
          `the queue would hold ${queued + tasks.length} tasks; this grid allows at most ${policy.quotas.max_queued} ` +
            '(quotas.max_queued): submit fewer tasks, or wait until workers have taken some',
        );
      }
      if (problems.length > 0) throw new UserError(problems.join('\n'));
      const changes: Change[] = candidates.map((c) => ({ path: queueShardPath(c.file.id), content: c.blob! }));
      return { changes, message: `dgrid: submit ${tasks.map((t) => t.task_id).join(', ')}\n`, value: null };
    },
    { author: 'dgrid' },
  );
  return commit!;
}

/**
 * Submits each task to the shard its id hashes to, one commit per shard (each checked there as the gate
 * would); a grid of one repository takes them all. Returns the commit of each shard that took tasks.
 */
export async function submitToShards(
  grid: OpenGrid,
  tasks: Task[],
): Promise<{ shard: string; commit: string; taskIds: string[] }[]> {
  const byShard = new Map<number, Task[]>();
  for (const task of tasks) {
    const index =
      isSharded(grid.policy) && typeof task.task_id === 'string' ? shardIndex(task.task_id, grid.shards.length) : 0;
    byShard.set(index, [...(byShard.get(index) ?? []), task]);
  }
  const done: { shard: string; commit: string; taskIds: string[] }[] = [];
  for (const index of dependenciesFirst(byShard, grid.shards.length)) {
    const shardTasks = byShard.get(index)!;
    const { url, store } = grid.shards[index]!;
    done.push({
      shard: url,
      commit: await submitTasks(store, shardTasks, url),
      taskIds: shardTasks.map((t) => t.task_id),
    });
  }
  return done;
}

/**
 * The shards in an order that queues a dependency before its dependents where the submission allows it: a
 * node that sees a dependent before its dependency's shard was read would only wait, but this way it need not.
 */
function dependenciesFirst(byShard: ReadonlyMap<number, Task[]>, count: number): number[] {
  const home = new Map<string, number>();
  for (const [index, tasks] of byShard) for (const t of tasks) home.set(t.task_id, index);
  const after = new Map<number, Set<number>>([...byShard.keys()].map((i) => [i, new Set<number>()]));
  for (const [index, tasks] of byShard) {
    for (const t of tasks) {
      for (const dep of t.depends_on ?? []) {
        const other = home.get(dep) ?? shardIndex(dep, count);
        if (other !== index && byShard.has(other)) after.get(index)!.add(other);
      }
    }
  }
  const order: number[] = [];
  const left = [...byShard.keys()].sort((a, b) => a - b);
  while (left.length > 0) {
    // The first shard whose dependencies are queued already; in a cycle between shards, the first one left.
    const next = left.find((i) => [...after.get(i)!].every((d) => order.includes(d))) ?? left[0]!;
    order.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return order;
}

/**
 * Asks for tasks to be cancelled by adding tasks/cancel/<task_id>.json, the same file a pull request can
 * add. A worker moves a queued task to failed/ as `cancelled`; the node running a task stops it within
 * one poll interval of seeing the request.
 */
export async function requestCancel(store: GridStore, taskIds: string[], reason?: string): Promise<string> {
  const { commit } = await transact(
    store,
    async (snapshot) => {
      const changes: Change[] = [];
      for (const id of taskIds) {
        const state = snapshot.byId.get(id)?.[0]?.state;
        if (state !== 'queue' && state !== 'in_progress') {
          throw new UserError(
            `task ${id} is not queued or running${state ? ` (it is in ${state}/)` : ''}: nothing to cancel`,
          );
        }
        const request: CancelRequest = { task_id: id, ...(reason ? { reason } : {}) };
        changes.push({ path: cancelPath(id), content: serialize(request) });
      }
      return { changes, message: `dgrid: cancel ${taskIds.join(', ')}\n`, value: null };
    },
    { author: 'dgrid', states: ['queue', 'in_progress'] },
  );
  return commit!;
}

/**
 * Asks a node to drain by adding nodes/drain/<node_id>.json: the node finishes what it runs, claims nothing
 * more, and signs off (status `draining` meanwhile), removing the request in its last commit. Only those who
 * may push to the grid can ask (the gate refuses any change to nodes/ by pull request).
 */
export async function requestDrain(store: GridStore, nodeId: string, reason?: string): Promise<string | null> {
  const { commit } = await transact(
    store,
    async (snapshot) => {
      const node = await snapshot.node(nodeId).catch(() => undefined);
      if (!node) {
        const known = [...snapshot.nodeEntries.keys()].sort();
        throw new UserError(
          `node "${nodeId}" has no node file in nodes/: give the id of a running node` +
            (known.length > 0 ? ` (${known.join(', ')})` : ''),
        );
      }
      if (node.status === 'offline' || snapshot.drains.has(nodeId)) return null;
      const request: DrainRequest = {
        node_id: nodeId,
        ...(node.incarnation ? { incarnation: node.incarnation } : {}),
        ...(reason ? { reason } : {}),
        requested_at: iso(new Date()),
      };
      return {
        changes: [{ path: drainPath(nodeId), content: serialize(request) }],
        message: `dgrid: drain ${nodeId}\n`,
        value: null,
      };
    },
    { author: 'dgrid', states: [] },
  );
  return commit;
}
