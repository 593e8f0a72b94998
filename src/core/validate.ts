// Validation of task files in a checkout of a grid, as validate-task and `dgrid validate` run it: the changes
// of a pull request (read from git objects only, never from the working tree a pull request could shape),
// files on disk, or the whole queue.
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './errors.js';
import { GitError, git } from './git/runner.js';
import { GridStore, type TreeEntry } from './git/store.js';
import type { GridSnapshot, TaskFile } from './grid.js';
import type { CancelRequest } from './schemas.js';
import { parseStrictJson } from './strict-json.js';
import { cancelValidator } from './validation.js';
import { CANCEL_DIR, POLICY_FILE, lifecycleDir } from './layout.js';
import {
  candidate,
  checkTasks,
  loadGridState,
  quotaProblems,
  treeCandidates,
  type Candidate,
  type FileReport,
} from './task-check.js';
import { entryProblem, type TaskProblem } from './task-file.js';

export interface ValidationReport {
  files: FileReport[];
  /** Problems of the submission as a whole (quotas), not of one file. */
  problems: string[];
}

/** What the action outputs and the CLI prints last. */
export interface Verdict {
  valid: boolean;
  checked: number;
  invalid: number;
  /** The ids of the task files without problems. */
  taskIds: string[];
}

export function verdictOf(report: ValidationReport): Verdict {
  const invalid = report.files.filter((f) => f.problems.length > 0).length;
  return {
    valid: invalid === 0 && report.problems.length === 0,
    checked: report.files.length,
    invalid,
    taskIds: report.files.flatMap((f) => (f.taskId !== undefined && f.problems.length === 0 ? [f.taskId] : [])),
  };
}

export interface CheckoutOptions {
  /** The top folder of the grid checkout. */
  path: string;
  /** The policy file in the checkout (dgrid.json unless the grid keeps it elsewhere), read from the base commit. */
  policyPath: string;
}

export interface PullRequestOptions extends CheckoutOptions {
  base: string;
  head: string;
  /** The submitter's GitHub login, for quotas.queued_per_submitter. */
  author?: string;
}

const QUEUE_DIR = lifecycleDir('queue');
const QUEUE_FILE = /^tasks\/queue\/[^/]+$/;
const CANCEL_FILE = /^tasks\/cancel\/[^/]+$/;

/**
 * The changes of a pull request from base to head. The only change a submitter may make is adding files
 * tasks/queue/<task_id>.json; quotas and the policy come from the base, which the pull request cannot change.
 */
export async function validatePullRequest(options: PullRequestOptions): Promise<ValidationReport> {
  const { store } = await openCheckout(options.path);
  const base = await commitOf(store, options.base, 'base');
  const head = await commitOf(store, options.head, 'head');
  const grid = await loadGridState(store, base, options.policyPath);

  const refused: FileReport[] = [];
  const added = new Set<string>();
  const cancels = new Set<string>();
  for (const change of await changes(store, base, head)) {
    if (change.status === 'A' && CANCEL_FILE.test(change.path)) {
      cancels.add(change.path);
      continue;
    }
    const problem = changeProblem(change, options.policyPath);
    if (problem) refused.push({ path: change.path, problems: [{ message: problem }] });
    else added.add(change.path);
  }
  const entries = (await store.list(head, [QUEUE_DIR])).filter((e) => added.has(e.path));
  const checked = await checkTasks(await treeCandidates(store, entries), grid, 'submission');
  if (cancels.size > 0) {
    const requests = (await store.list(head, [CANCEL_DIR])).filter((e) => cancels.has(e.path));
    const submitted = options.author ? await submittedBy(store, base, options.author) : new Map<string, boolean>();
    refused.push(...(await checkCancels(store, requests, grid.snapshot, submitted, options.author)));
  }

  const queued = grid.snapshot.of('queue');
  const use = { added: entries.length, queued: queued.length };
  // Attribution reads the history of the queue: only worth it when the quota could be exceeded at all.
  const mayExceed = queued.length + entries.length > grid.policy.quotas.queued_per_submitter;
  const { author } = options;
  const submitter =
    author && mayExceed ? { login: author, queued: await queuedBy(store, base, author, queued) } : undefined;
  return {
    files: [...checked, ...refused].sort((a, b) => (a.path < b.path ? -1 : 1)),
    problems: quotaProblems(submitter ? { ...use, submitter } : use, grid.policy),
  };
}

/** Task files on disk (drafts, or files outside a pull request), against the grid at the checkout's HEAD. */
export async function validateFiles(
  options: CheckoutOptions & { files: readonly string[] },
): Promise<ValidationReport> {
  const { top, store } = await openCheckout(options.path);
  const grid = await loadGridState(store, await store.resolve('HEAD'), options.policyPath);
  const candidates: Candidate[] = [];
  for (const file of options.files) candidates.push(await diskCandidate(top, file));
  return { files: await checkTasks(candidates, grid, 'submission'), problems: [] };
}

/** Every file in the queue at the checkout's HEAD, as workers would read it. */
export async function validateQueue(options: CheckoutOptions): Promise<ValidationReport> {
  const { store } = await openCheckout(options.path);
  const grid = await loadGridState(store, await store.resolve('HEAD'), options.policyPath);
  const candidates = await treeCandidates(
    store,
    grid.snapshot.of('queue').map((f) => f.entry),
  );
  return { files: await checkTasks(candidates, grid, 'queued'), problems: [] };
}

interface Checkout {
  /** The top folder of the working tree, as a real path. */
  top: string;
  /** Reads the checkout's git objects in place. */
  store: GridStore;
}

async function openCheckout(path: string): Promise<Checkout> {
  try {
    // Checked first, because git cannot even start in a folder that does not exist.
    if ((await stat(path)).isDirectory()) return { top: await realpath(path), store: await GridStore.local(path) };
  } catch (error) {
    if (!(error instanceof GitError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  throw new UserError(`${path} is not a git checkout: give the top folder of a clone of the grid repository`);
}

async function commitOf(store: GridStore, revision: string, what: string): Promise<string> {
  const commit = await store.resolve(revision);
  if (commit === null) {
    throw new UserError(
      `the ${what} commit ${revision} is not in the checkout: check out with fetch-depth: 0 so that both ends of the pull request are there`,
    );
  }
  return commit;
}

interface Change {
  /** A, D, M or T as git diff reports it (renames are split into D and A). */
  status: string;
  path: string;
}

async function changes(store: GridStore, base: string, head: string): Promise<Change[]> {
  // base...head: what the pull request changes since it forked, not what the base gained meanwhile.
  const out = await git(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', `${base}...${head}`], {
    cwd: store.options.dir,
  });
  const fields = out.split('\0');
  const result: Change[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    result.push({ status: fields[i]!.split(' ')[4]!.charAt(0), path: fields[i + 1]! });
  }
  return result;
}

const VERBS: Record<string, string> = { A: 'adding', D: 'deleting', M: 'changing', T: 'changing the type of' };

function changeProblem({ status, path }: Change, policyPath: string): string | undefined {
  if (status === 'A' && QUEUE_FILE.test(path)) return undefined;
  return `${VERBS[status] ?? 'changing'} ${path} is not allowed: ${refusal(status, path, policyPath)}`;
}

// The parts of the repository out of a submission's reach, by path prefix; the first match wins.
const OFF_LIMITS: [string, string][] = [
  [`${QUEUE_DIR}/`, 'task files go directly in tasks/queue/, not in a sub-folder: move it there'],
  [`${CANCEL_DIR}/`, 'a pull request may only add cancel requests tasks/cancel/<task_id>.json: remove this change'],
  ['tasks/', 'only dgrid moves tasks between the lifecycle folders: add new tasks to tasks/queue/'],
  ['nodes/', 'node files are written by worker nodes only: remove this change'],
  ['.github/', 'a task submission cannot change workflows or repository settings: remove this change'],
];

function refusal(status: string, path: string, policyPath: string): string {
  if (QUEUE_FILE.test(path)) {
    return status === 'D'
      ? 'a queued task stays until a worker takes it; to cancel it, add tasks/cancel/<task_id>.json instead, and restore the file'
      : 'a queued task cannot be edited; leave it as it is and submit a new task with another task_id';
  }
  if (path === policyPath || path === POLICY_FILE) {
    return 'a task submission cannot change the grid policy: remove this change';
  }
  const area = OFF_LIMITS.find(([prefix]) => path.startsWith(prefix));
  return area?.[1] ?? 'a task submission only adds files tasks/queue/<task_id>.json: remove this change';
}

/**
 * How many of the queued files were submitted by `login`. Tasks record no submitter, so this asks the history:
 * a file counts when the commit that first added it on the base branch (following first parents, so a merge
 * counts as adding what it brings in) is a GitHub merge "Merge pull request #N from <login>/...", or was
 * authored as <login> (by name, or by the <id>+<login>@users.noreply.github.com address GitHub uses).
 */
async function queuedBy(store: GridStore, base: string, login: string, queued: readonly TaskFile[]): Promise<number> {
  const submitted = await submittedBy(store, base, login);
  return queued.filter((file) => submitted.get(file.entry.path)).length;
}

/** For each path ever added to the queue on the base branch, whether `login` submitted it (see queuedBy). */
async function submittedBy(store: GridStore, base: string, login: string): Promise<Map<string, boolean>> {
  const out = await git(
    [
      'log',
      '--first-parent',
      '-m',
      '--diff-filter=A',
      '--name-only',
      '-z',
      '--format=%x1e%an%x1f%ae%x1f%s',
      base,
      '--',
      QUEUE_DIR,
    ],
    { cwd: store.options.dir },
  );
  const submitted = new Map<string, boolean>();
  // Newest first: a later record is an older commit, so the first submission of a path wins.
  for (const record of out.split('\x1e').slice(1)) {
    const end = record.indexOf('\0');
    const [name = '', email = '', subject = ''] = record.slice(0, end).split('\x1f');
    const theirs = isSubmitter(login, name, email, subject);
    for (const path of record
      .slice(end + 1)
      .replace(/^\n/, '')
      .split('\0')) {
      if (path) submitted.set(path, theirs);
    }
  }
  return submitted;
}

/**
 * Cancel requests in a pull request: a valid request for a task that is queued or running at the base, and
 * submitted by the pull request's author. Anyone else's task is for a maintainer (`dgrid cancel`).
 */
async function checkCancels(
  store: GridStore,
  entries: readonly TreeEntry[],
  snapshot: GridSnapshot,
  submitted: Map<string, boolean>,
  author: string | undefined,
): Promise<FileReport[]> {
  const blobs = await store.read(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
  return entries.map((entry) => {
    const id = basename(entry.path, '.json');
    const problems = cancelProblems(entry, id, blobs.get(entry.sha), snapshot, submitted, author);
    // No taskId: a request names a task but is not one, so it stays out of the task-ids output.
    return { path: entry.path, problems };
  });
}

function cancelProblems(
  entry: TreeEntry,
  id: string,
  blob: Buffer | undefined,
  snapshot: GridSnapshot,
  submitted: Map<string, boolean>,
  author: string | undefined,
): TaskProblem[] {
  const entryIssue = entryProblem({ id, state: 'queue', entry });
  if (entryIssue || !blob) return [{ message: entryIssue ?? 'the file could not be read' }];
  const parsed = parseStrictJson(blob);
  if (!parsed.ok) return parsed.problems;
  const at = (pointer: string, message: string): TaskProblem => ({ message, ...parsed.locate(pointer) });
  const problems = cancelValidator.problems(parsed.value).map((p) => at(p.pointer, p.message));
  if (problems.length > 0) return problems;
  const request = parsed.value as CancelRequest;
  if (request.task_id !== id) {
    return [at('/task_id', `task_id "${request.task_id}" does not match the file name "${id}.json": make them equal`)];
  }
  const state = snapshot.byId.get(id)?.[0]?.state;
  if (state !== 'queue' && state !== 'in_progress') {
    return [
      at('/task_id', `task ${id} is not queued or running${state ? ` (it is in ${state}/)` : ''}: nothing to cancel`),
    ];
  }
  if (!author || !submitted.get(`${QUEUE_DIR}/${id}.json`)) {
    return [
      at(
        '/task_id',
        `only the submitter of ${id} may cancel it by pull request${author ? ` (not ${author})` : ''}: ask a maintainer to run "dgrid cancel ${id}"`,
      ),
    ];
  }
  return [];
}

function isSubmitter(login: string, name: string, email: string, subject: string): boolean {
  const same = (value: string | undefined) => value?.toLowerCase() === login.toLowerCase();
  return (
    same(name) ||
    same(/^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email)?.[1]) ||
    same(/^Merge pull request #\d+ from ([^/\s]+)\//.exec(subject)?.[1])
  );
}

/** A file on disk as git would store it, so the same entry rules apply (no links, no executables). */
async function diskCandidate(top: string, file: string): Promise<Candidate> {
  const stats = await lstat(file).catch(() => undefined);
  if (!stats) throw new UserError(`${file}: no such file`);
  if (!stats.isFile() && !stats.isSymbolicLink()) throw new UserError(`${file} is not a file: give task files`);
  // Relative to the top of the checkout when inside it, so the file is not taken for a duplicate of itself.
  const real = join(await realpath(dirname(resolve(file))), basename(file));
  const inside = relative(top, real);
  const path = inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
  const mode = stats.isSymbolicLink() ? '120000' : stats.mode & 0o111 ? '100755' : '100644';
  const entry: TreeEntry = { mode, type: 'blob', sha: '', size: stats.size, path };
  const unread = candidate(path, entry);
  return entryProblem(unread.file) ? unread : candidate(path, entry, await readFile(file));
}
