// Creating a grid and submitting tasks directly to it, for the CLI, the demo and the tests. On GitHub,
// tasks arrive by pull request instead, through validate-task.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../common/errors.js';
import { git } from '../git/runner.js';
import { GridStore, type Change } from '../git/store.js';
import { transact } from '../protocol/transaction.js';
import { LIFECYCLE, NODES_DIR, POLICY_FILE, cancelPath, lifecycleDir, queueShardPath } from '../protocol/layout.js';
import { serialize } from '../protocol/transitions.js';
import { parsePolicy } from '../protocol/policy.js';
import { candidate, checkTasks, gridState } from '../validation/submission-checks.js';
import type { CancelRequest, Task } from '../protocol/schemas.js';

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
export async function submitTasks(store: GridStore, tasks: Task[]): Promise<string> {
  const { commit } = await transact(
    store,
    async (snapshot) => {
      const policy = await snapshot.policy();
      const candidates = tasks.map((task) => {
        const blob = Buffer.from(serialize(task), 'utf8');
        const name = `${typeof task.task_id === 'string' ? task.task_id : 'task'}.json`;
        return candidate(name, { mode: '100644', type: 'blob', sha: '', size: blob.length, path: name }, blob);
      });
      const reports = await checkTasks(candidates, await gridState(snapshot, policy), 'submission');
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
