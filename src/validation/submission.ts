// Validation of task files in a checkout of a grid, as validate-task and `dgrid validate` run it: the changes
// of a pull request (read from git objects only, never from the working tree a pull request could shape),
// files on disk, or the whole queue.
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../common/errors.js';
import { GitError, classify, git, runGit } from '../git/runner.js';
import { GridStore, type TreeEntry } from '../git/store.js';
import type { GridSnapshot } from '../protocol/snapshot.js';
import type { CancelRequest } from '../protocol/schemas.js';
import { parseStrictJson } from '../protocol/strict-json.js';
import { commitSubmitter, submissionsIn } from '../protocol/submitters.js';
import { cancelValidator } from '../protocol/schema-validators.js';
import { CANCEL_DIR, POLICY_FILE, lifecycleDir } from '../protocol/layout.js';
import {
  candidate,
  checkTasks,
  loadGridState,
  quotaProblems,
  treeCandidates,
  type Candidate,
  type FileReport,
} from './submission-checks.js';
import { MAX_TASK_FILE_BYTES, entryProblem, type TaskProblem } from './task-rules.js';

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
  /** The tip of the branch the pull request lands on. */
  base: string;
  head: string;
  /** The submitter's GitHub login, for quotas.queued_per_submitter. */
  author?: string;
}

export interface MergeGroupOptions extends CheckoutOptions {
  /** The tip of the branch the merge group lands on (merge_group.base_sha). */
  base: string;
  /** The commit the merge queue would make the new tip (merge_group.head_sha). */
  head: string;
}

const QUEUE_DIR = lifecycleDir('queue');
const QUEUE_FILE = /^tasks\/queue\/[^/]+$/;
const CANCEL_FILE = /^tasks\/cancel\/[^/]+$/;

/**
 * A pull request, judged by what merging it into the base tip would change, not by a diff from where it
 * forked: with two merge bases (criss-cross merges), `base...head` can show one new file while the merge
 * rewrites others. The only change a submitter may make is adding files tasks/queue/<task_id>.json (and
 * cancel requests), in the merge and in each commit it brings; quotas and the policy come from the base tip,
 * which the pull request cannot change.
 */
export async function validatePullRequest(options: PullRequestOptions): Promise<ValidationReport> {
  const { store } = await openCheckout(options.path);
  const base = await commitOf(store, options.base, 'base');
  const head = await commitOf(store, options.head, 'head');
  const merged = await mergeTree(store, base, head);
  if ('problem' in merged) return { files: [], problems: [merged.problem] };
  const landing = { from: base, to: merged.tree, head, submitter: options.author };
  return judge(store, base, options.policyPath, [landing], true);
}

/**
 * A merge group (GitHub's merge queue): the pull requests it lands, each judged as the change its commit on
 * the group's first-parent line makes, and the quotas against the base tip with all of them landed. A pull
 * request that touches no task file (a code change, for a maintainer's review) passes through.
 */
export async function validateMergeGroup(options: MergeGroupOptions): Promise<ValidationReport> {
  const { store } = await openCheckout(options.path);
  const base = await commitOf(store, options.base, 'base');
  const head = await commitOf(store, options.head, 'head');
  return judge(store, base, options.policyPath, await groupLandings(store, base, head), false);
}

/** One change landing on the grid branch: the tree it makes of `from`, and the commits up to `head` it brings. */
interface Landing {
  from: string;
  /** The tree (or commit) after it lands. */
  to: string;
  head: string;
  /** Who submitted it, for quotas.queued_per_submitter and cancel requests. */
  submitter?: string;
}

async function judge(
  store: GridStore,
  tip: string,
  policyPath: string,
  landings: readonly Landing[],
  pullRequest: boolean,
): Promise<ValidationReport> {
  const submissions: { landing: Landing; changes: PathChange[]; commits: PathChange[] }[] = [];
  for (const landing of landings) {
    const changes = await diffTrees(store, landing.from, landing.to);
    const commits = await commitChanges(store, landing.from, landing.head);
    // One that touches nothing under tasks/ is a code change: the maintainers' review judges it, not the gate.
    if ([...changes, ...commits].some((c) => c.path.startsWith('tasks/'))) {
      submissions.push({ landing, changes, commits });
    }
  }
  if (submissions.length === 0) return { files: [], problems: [] };
  const grid = await loadGridState(store, tip, policyPath);

  const refused = new Map<string, TaskProblem[]>();
  const refuse = (path: string, message: string) => refused.set(path, [...(refused.get(path) ?? []), { message }]);
  const candidates: Candidate[] = [];
  const cancelReports: FileReport[] = [];
  const submitters = new Map<string, { login: string; added: number }>();
  // Attribution reads the whole history of the queue: once, and only when a cancel or a quota needs it.
  let attribution: Promise<Map<string, string>> | undefined;
  const submitted = () => (attribution ??= submissionsIn(store.options.dir, [tip]));
  for (const { landing, changes, commits } of submissions) {
    const added = new Set<string>();
    const cancels = new Set<string>();
    for (const change of changes) {
      if (change.status === 'A' && CANCEL_FILE.test(change.path)) {
        cancels.add(change.path);
        continue;
      }
      const problem = changeProblem(change, policyPath);
      if (problem) refuse(change.path, problem);
      else added.add(change.path);
    }
    const landed = new Map(changes.map((c) => [c.path, c.sha]));
    for (const [path, message] of await commitProblems(store, landing.from, commits, landed, refused)) {
      refuse(path, message);
    }
    const entries = (await store.list(landing.to, [QUEUE_DIR])).filter((e) => added.has(e.path));
    candidates.push(...(await treeCandidates(store, entries)));
    if (cancels.size > 0) {
      const requests = (await store.list(landing.to, [CANCEL_DIR])).filter((e) => cancels.has(e.path));
      cancelReports.push(...(await checkCancels(store, requests, grid.snapshot, await submitted(), landing.submitter)));
    }
    if (landing.submitter && entries.length > 0) {
      const key = landing.submitter.toLowerCase();
      const use = submitters.get(key) ?? { login: landing.submitter, added: 0 };
      submitters.set(key, { ...use, added: use.added + entries.length });
    }
  }

  const files = [...(await checkTasks(candidates, grid, 'submission')), ...cancelReports];
  // A file that lands may have been refused in an earlier commit: one row per path.
  for (const file of files) {
    file.problems.push(...(refused.get(file.path) ?? []));
    refused.delete(file.path);
  }
  for (const [path, problems] of refused) files.push({ path, problems });

  const queued = grid.snapshot.of('queue');
  const perSubmitter = grid.policy.quotas.queued_per_submitter;
  const counted = [];
  for (const { login, added } of submitters.values()) {
    if (queued.length + added > perSubmitter) {
      const byId = await submitted();
      const theirs = queued.filter((file) => byId.get(file.id) === login.toLowerCase());
      counted.push({ login, added, queued: theirs.length });
    }
  }
  const use = { added: candidates.length, queued: queued.length, submitters: counted };
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    problems: quotaProblems(pullRequest ? { ...use, pullRequest: candidates.length } : use, grid.policy),
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

interface PathChange {
  /** A, D, M or T (renames are split into D and A); for a merge commit, A or D against all its parents, else M. */
  status: string;
  path: string;
  /** The object at the path afterwards; zeros when deleted. */
  mode: string;
  sha: string;
  /** The commit that makes it, for the changes of single commits. */
  commit?: string;
}

async function diffTrees(store: GridStore, from: string, to: string): Promise<PathChange[]> {
  const out = await git(['diff-tree', '-r', '-z', '--no-renames', '--no-abbrev', from, to], { cwd: store.options.dir });
  return parseRaw(out);
}

/**
 * What each commit from `from` to `head` changes, oldest first: against its parent, or for a merge, what
 * differs from all its parents (what the merge itself brings, such as a hand-made resolution).
 */
async function commitChanges(store: GridStore, from: string, head: string): Promise<PathChange[]> {
  const cwd = store.options.dir;
  const commits = await git(['rev-list', '--reverse', head, `^${from}`], { cwd });
  if (!commits.trim()) return [];
  const args = ['diff-tree', '--stdin', '-r', '-z', '-c', '--root', '--no-renames', '--no-abbrev'];
  return parseRaw(await git(args, { cwd, input: commits }));
}

const ZERO = /^0+$/;

/** `git diff-tree -z --raw` output, plain or combined (-c), with commit ids between the commits' changes. */
function parseRaw(out: string): PathChange[] {
  const tokens = out.split('\0');
  const changes: PathChange[] = [];
  let commit: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith(':')) {
      if (token) commit = token;
      continue;
    }
    // One mode and one object id per parent and one for the result, then the status: ":m1 m s1 s S".
    const fields = token.replace(/^:+/, '').split(' ');
    const n = (fields.length - 1) / 2;
    const sha = fields[2 * n - 1]!;
    const olds = fields.slice(n, 2 * n - 1);
    const letter = n === 2 ? fields[2 * n]!.charAt(0) : olds.every((old) => ZERO.test(old)) ? 'A' : 'M';
    const status = ZERO.test(sha) ? 'D' : letter;
    changes.push({ status, path: tokens[++i]!, mode: fields[n - 1]!, sha, ...(commit ? { commit } : {}) });
  }
  return changes;
}

/**
 * What a pull request's commits carry besides what lands: each commit stays in the grid's history once
 * merged, so none may touch another path or a file already at the tip, or hold a blob over the size cap.
 * Paths whose landing is refused already, and the blobs that land (checked as task files), are not repeated.
 */
async function commitProblems(
  store: GridStore,
  from: string,
  commits: readonly PathChange[],
  landed: ReadonlyMap<string, string>,
  refused: ReadonlyMap<string, unknown>,
): Promise<Map<string, string>> {
  const atTip = new Set((await store.list(from, [`${QUEUE_DIR}/`, `${CANCEL_DIR}/`], false)).map((e) => e.path));
  const blobs = commits.filter((c) => c.status !== 'D' && c.mode !== '160000' && landed.get(c.path) !== c.sha);
  const sizes = await blobSizes(
    store,
    blobs.map((c) => c.sha),
  );
  const problems = new Map<string, string>();
  for (const change of commits) {
    const { path } = change;
    if (refused.has(path) || problems.has(path)) continue;
    const what = `commit ${change.commit?.slice(0, 12)} ${COMMIT_VERBS[change.status] ?? 'changes'} ${path}`;
    const size = sizes.get(change.sha) ?? 0;
    if (!QUEUE_FILE.test(path) && !CANCEL_FILE.test(path)) {
      problems.set(path, `${what}: ${HISTORY}, and a submission only adds task files and cancel requests: ${REWRITE}`);
    } else if (atTip.has(path)) {
      problems.set(
        path,
        `${what}, which is already at the tip of the base branch: ${HISTORY}, and a submission only adds new files: ${REWRITE}`,
      );
    } else if (size > MAX_TASK_FILE_BYTES) {
      problems.set(
        path,
        `${what} of ${size} bytes: ${HISTORY}, and files of a submission are at most ${MAX_TASK_FILE_BYTES} bytes: ${REWRITE}`,
      );
    }
  }
  return problems;
}

const COMMIT_VERBS: Record<string, string> = { A: 'adds', D: 'deletes', M: 'changes', T: 'changes the type of' };
const HISTORY = "each commit of a pull request stays in the grid's history once merged";
const REWRITE =
  'rewrite the pull request without it (for instance, squash its commits into one that only adds task files)';

/** The size of each blob, from one `git cat-file --batch-check`. */
async function blobSizes(store: GridStore, shas: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return new Map();
  const out = await git(['cat-file', '--batch-check'], { cwd: store.options.dir, input: unique.join('\n') + '\n' });
  const sizes = new Map<string, number>();
  for (const line of out.split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type === 'blob') sizes.set(sha, Number(size));
  }
  return sizes;
}

/** The tree that merging `head` into `base` makes, as GitHub's merge would; or why there is none. */
async function mergeTree(
  store: GridStore,
  base: string,
  head: string,
): Promise<{ tree: string } | { problem: string }> {
  // git's defaults, as GitHub's own merges (merge-ort) use them: the tree that would land. With rename
  // detection, a file added to a folder the tip emptied by moving everything in it elsewhere is a conflict.
  const args = ['merge-tree', '--write-tree', '--no-messages', '--name-only', '-z', base, head];
  const out = await runGit(args, { cwd: store.options.dir });
  const [tree = '', ...conflicts] = out.stdout.toString('utf8').split('\0');
  if (out.exitCode === 0) return { tree };
  if (out.exitCode === 1) {
    const paths = [...new Set(conflicts.filter(Boolean))];
    return {
      problem:
        `merging the pull request into the base branch at ${base} conflicts in ${paths.join(', ')}: ` +
        'a submission only adds new files; update the pull request from the base branch and keep only new task files',
    };
  }
  if (/unrelated histories/.test(out.stderr)) {
    return {
      problem: 'the pull request shares no history with the base branch: open it from a branch of the grid repository',
    };
  }
  throw new GitError(args, classify(out.stderr), out.exitCode, out.stderr);
}

/**
 * The landings of a merge group: each commit on its first-parent line from the base tip to its head, as
 * GitHub's merge queue writes one per pull request (a merge commit, a squashed commit, or rebased commits).
 */
async function groupLandings(store: GridStore, base: string, head: string): Promise<Landing[]> {
  const format = '--format=%H%x00%P%x00%an%x00%ae%x00%s';
  const out = await git(['log', '-z', '--first-parent', '--reverse', format, head, `^${base}`], {
    cwd: store.options.dir,
  });
  const fields = out.split('\0');
  const landings: Landing[] = [];
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const [commit = '', parents = '', name = '', email = '', subject = ''] = fields.slice(i, i + 5);
    const submitter = commitSubmitter(parents, name, email, subject);
    landings.push({ from: parents.split(' ')[0]!, to: commit, head: commit, submitter });
  }
  if (landings.length > 0 && landings[0]!.from !== base) {
    throw new UserError(
      `the merge group's head ${head} does not build on its base ${base} along first parents: give merge_group.head_sha and merge_group.base_sha`,
    );
  }
  return landings;
}

const VERBS: Record<string, string> = { A: 'adding', D: 'deleting', M: 'changing', T: 'changing the type of' };

function changeProblem({ status, path }: PathChange, policyPath: string): string | undefined {
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
 * Cancel requests in a pull request: a valid request for a task that is queued or running at the base, and
 * submitted by the pull request's author. Anyone else's task is for a maintainer (`dgrid cancel`).
 */
async function checkCancels(
  store: GridStore,
  entries: readonly TreeEntry[],
  snapshot: GridSnapshot,
  submitted: ReadonlyMap<string, string>,
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
  submitted: ReadonlyMap<string, string>,
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
  if (!author || submitted.get(id) !== author.toLowerCase()) {
    return [
      at(
        '/task_id',
        `only the submitter of ${id} may cancel it by pull request${author ? ` (not ${author})` : ''}: ask a maintainer to run "dgrid cancel ${id}"`,
      ),
    ];
  }
  return [];
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
