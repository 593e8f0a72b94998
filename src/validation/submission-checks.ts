// Checking a set of task files against a grid: each file on its own (task-rules.ts), then what only the set
// and the grid can tell: ids already taken, dependencies that name nothing or go round in a cycle, quotas.
// validate-task and `dgrid validate` both report what this finds.
import { posix } from 'node:path';
import { archivedResultPath, archivedResults, type ArchivedResult } from '../upkeep/archive.js';
import { UserError } from '../common/errors.js';
import type { GridStore, TreeEntry } from '../git/store.js';
import { GridSnapshot, type TaskFile } from '../protocol/snapshot.js';
import { POLICY_FILE } from '../protocol/layout.js';
import { parsePolicy } from '../protocol/policy.js';
import type { Policy, QueuedTask } from '../protocol/schemas.js';
import { homeShard, isSharded, wrongShard } from '../protocol/shards.js';
import { contentProblems, entryProblem, type ContentCheck, type TaskKind, type TaskProblem } from './task-rules.js';

/** A file to check: its tree entry (from git, or made from the file system) and its content once the entry passes. */
export interface Candidate {
  /** The path shown to the user: in the repository, or as given when the file is outside it. */
  path: string;
  file: TaskFile;
  blob?: Buffer;
}

export interface FileReport {
  path: string;
  /** The task id the file name gives, once the file is a regular .json file named by a valid id. */
  taskId?: string;
  problems: TaskProblem[];
}

/** The grid the files would join, at one commit. */
export interface GridState {
  snapshot: GridSnapshot;
  policy: Policy;
  /** depends_on of each task queued at that commit, to find cycles that run through them. */
  queuedDependencies: Map<string, readonly string[]>;
  /** The URL of this repository: in a sharded grid, only tasks whose id hashes to it may be queued here. */
  repository?: string;
}

export async function loadGridState(
  store: GridStore,
  commit: string | null,
  policyPath: string,
  repository?: string,
): Promise<GridState> {
  return gridState(await GridSnapshot.load(store, commit), await readPolicy(store, commit, policyPath), repository);
}

/** The grid at a snapshot that lists every lifecycle folder. */
export async function gridState(snapshot: GridSnapshot, policy: Policy, repository?: string): Promise<GridState> {
  const queuedDependencies = new Map<string, readonly string[]>();
  for (const [file, value] of await snapshot.readJson(snapshot.of('queue'))) {
    // Read leniently: a broken file at the base is the workers' to refuse, not this submission's problem.
    const dependsOn: unknown = (value as Partial<QueuedTask> | null | undefined)?.depends_on;
    if (Array.isArray(dependsOn)) queuedDependencies.set(file.id, dependsOn.filter(isString));
  }
  return { snapshot, policy, queuedDependencies, ...(repository === undefined ? {} : { repository }) };
}

async function readPolicy(store: GridStore, commit: string | null, path: string): Promise<Policy> {
  const entry = commit === null ? undefined : (await store.list(commit, [path])).find((e) => e.path === path);
  if (!entry && path !== POLICY_FILE) {
    throw new UserError(
      `the policy file ${path} is not in commit ${commit ?? '(none)'}: give the path of the grid's policy file, or leave it out to use dgrid.json`,
    );
  }
  const text = entry ? (await store.readOne(entry.sha)).toString('utf8') : undefined;
  return parsePolicy(text, path);
}

/** Candidates for tree entries, reading the content of those whose entry passes. */
export async function treeCandidates(store: GridStore, entries: readonly TreeEntry[]): Promise<Candidate[]> {
  const candidates = entries.map((entry) => candidate(entry.path, entry));
  const readable = candidates.filter((c) => entryProblem(c.file) === undefined).map((c) => c.file.entry.sha);
  const blobs = await store.read(readable);
  return candidates.map((c) => ({ ...c, blob: blobs.get(c.file.entry.sha) }));
}

const isString = (value: unknown): value is string => typeof value === 'string';

export function candidate(path: string, entry: TreeEntry, blob?: Buffer): Candidate {
  return { path, file: { id: posix.basename(entry.path, '.json'), state: 'queue', entry }, blob };
}

interface Checked {
  candidate: Candidate;
  check: ContentCheck;
}

/** A file whose content is a task by the schema, with a way to add a problem at a place in it. */
interface CheckedTask {
  candidate: Candidate;
  task: QueuedTask;
  at(pointer: string, message: string): void;
}

/** Every problem of each file, on its own and together with the others and the grid (its archive too). */
export async function checkTasks(
  candidates: readonly Candidate[],
  grid: GridState,
  kind: TaskKind,
): Promise<FileReport[]> {
  const checked: Checked[] = candidates.map((c) => {
    const entryIssue = entryProblem(c.file);
    if (entryIssue) return { candidate: c, check: { problems: [{ message: entryIssue }] } };
    if (!c.blob) return { candidate: c, check: { problems: [{ message: 'the file could not be read' }] } };
    return { candidate: c, check: contentProblems(c.file, c.blob, grid.policy, kind) };
  });
  const tasks: CheckedTask[] = checked.flatMap(({ candidate, check }) => {
    const { task, locate } = check;
    if (!task || !locate) return [];
    const at = (pointer: string, message: string) => check.problems.push({ message, ...locate(pointer) });
    return [{ candidate, task, at }];
  });
  // Ids the tip does not know may have had a result that was archived since.
  const unknown = [...tasks.map((t) => t.task.task_id), ...tasks.flatMap((t) => t.task.depends_on ?? [])].filter(
    (id) => !grid.snapshot.byId.has(id),
  );
  const archived = await archivedResults(grid.snapshot.store, grid.snapshot.tip, unknown);
  idProblems(tasks, candidates, grid, archived);
  shardProblems(tasks, grid);
  dependencyProblems(tasks, candidates, grid, archived);
  return checked.map(({ candidate, check }) => ({
    path: candidate.path,
    ...(entryProblem(candidate.file) === undefined ? { taskId: candidate.file.id } : {}),
    problems: check.problems.sort(byPlace),
  }));
}

/** In reading order, problems of the whole file first. */
function byPlace(a: TaskProblem, b: TaskProblem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

// Ids are compared ignoring case: "Build" and "build" would be one file on macOS and Windows checkouts.
// An id that had a result is taken for good, archived or not (invariant 1).
function idProblems(
  tasks: readonly CheckedTask[],
  candidates: readonly Candidate[],
  grid: GridState,
  archived: ReadonlyMap<string, ArchivedResult[]>,
): void {
  const own = new Set(candidates.map((c) => c.file.entry.path));
  const taken = new Map<string, string[]>();
  for (const [id, files] of grid.snapshot.byId) {
    const paths = files.map((f) => f.entry.path).filter((path) => !own.has(path));
    if (paths.length > 0) taken.set(id.toLowerCase(), [...(taken.get(id.toLowerCase()) ?? []), ...paths]);
  }
  for (const [key, results] of archived) {
    const paths = results.map((r) => `the archive's ${archivedResultPath(r)}`);
    taken.set(key, [...(taken.get(key) ?? []), ...paths]);
  }
  const byKey = new Map<string, CheckedTask[]>();
  for (const t of tasks) {
    const key = t.task.task_id.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  for (const t of tasks) {
    const key = t.task.task_id.toLowerCase();
    const [usedBy] = taken.get(key) ?? [];
    if (usedBy) t.at('/task_id', `task id "${t.task.task_id}" is already used by ${usedBy}: choose another task_id`);
    const twin = byKey.get(key)!.find((other) => other !== t);
    if (twin) {
      t.at(
        '/task_id',
        `task id "${t.task.task_id}" is also the id of ${twin.candidate.path} among the files checked ` +
          '(ids that differ only in letter case collide on some file systems): choose another task_id',
      );
    }
  }
}

/**
 * In a sharded grid a task is queued only in the shard its id hashes to, so an id has one home and is taken
 * once in the whole grid. Without this repository's URL (`dgrid validate` on a checkout) the workers still
 * refuse a task in the wrong shard.
 */
function shardProblems(tasks: readonly CheckedTask[], grid: GridState): void {
  if (grid.repository === undefined || !isSharded(grid.policy)) return;
  for (const t of tasks) {
    const problem = wrongShard(grid.policy, grid.repository, t.task.task_id);
    if (problem) t.at('/task_id', problem);
  }
}

function dependencyProblems(
  tasks: readonly CheckedTask[],
  candidates: readonly Candidate[],
  grid: GridState,
  archived: ReadonlyMap<string, ArchivedResult[]>,
): void {
  const known = new Set([...grid.snapshot.byId.keys(), ...candidates.map((c) => c.file.id)]);
  for (const results of archived.values()) for (const r of results) known.add(r.id);
  const graph = new Map(grid.queuedDependencies);
  for (const t of tasks) graph.set(t.task.task_id, t.task.depends_on ?? []);
  for (const t of tasks) {
    const dependsOn = t.task.depends_on ?? [];
    dependsOn.forEach((id, index) => {
      // A dependency at home in another shard is read there by the workers: a missing one fails the task.
      const elsewhere =
        grid.repository !== undefined &&
        homeShard(grid.policy, id) !== undefined &&
        wrongShard(grid.policy, grid.repository, id);
      if (!known.has(id) && !elsewhere) {
        t.at(
          `/depends_on/${index}`,
          `depends_on names "${id}", but there is no such task in the grid or among the files checked: submit it first, or remove it`,
        );
      }
    });
    const cycle = findCycle(graph, t.task.task_id);
    if (cycle) {
      t.at(
        `/depends_on/${dependsOn.indexOf(cycle[1]!)}`,
        `depends_on makes a cycle (${cycle.join(' → ')}), so none of these tasks could ever run: remove one of the dependencies`,
      );
    }
  }
}

/** The shortest way from start back to itself, as ids from start to start; undefined when there is none. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>, start: string): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    for (const dependency of graph.get(id) ?? []) {
      if (dependency === start) {
        const path = [start];
        for (let at = id; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path];
      }
      if (!cameFrom.has(dependency)) {
        cameFrom.set(dependency, id);
        queue.push(dependency);
      }
    }
  }
  return undefined;
}

export interface QuotaUse {
  /** Task files that land. */
  added: number;
  /** Tasks in the queue before they land. */
  queued: number;
  /**
   * The task files of one pull request, judged alone (quotas.tasks_per_pull_request); a merge group lands
   * pull requests that each passed it alone.
   */
  pullRequest?: number;
  /** Submitters who add tasks: how many of the queued ones are theirs, and how many they add, when known. */
  submitters: { login: string; queued: number; added: number }[];
}

/** What the policy's quotas say of what lands, as a whole. */
export function quotaProblems(use: QuotaUse, policy: Policy): string[] {
  const {
    tasks_per_pull_request: perPullRequest,
    max_queued: maxQueued,
    queued_per_submitter: perSubmitter,
  } = policy.quotas;
  const problems: string[] = [];
  if (use.pullRequest !== undefined && use.pullRequest > perPullRequest) {
    problems.push(
      `this pull request adds ${use.pullRequest} tasks; this grid accepts at most ${perPullRequest} per pull request ` +
        '(quotas.tasks_per_pull_request): split it into smaller pull requests',
    );
  }
  if (use.queued + use.added > maxQueued) {
    problems.push(
      `the queue would hold ${use.queued + use.added} tasks; this grid allows at most ${maxQueued} ` +
        '(quotas.max_queued): submit fewer tasks, or wait until workers have taken some',
    );
  }
  for (const submitter of use.submitters) {
    if (submitter.queued + submitter.added <= perSubmitter) continue;
    problems.push(
      `${submitter.login} would have ${submitter.queued + submitter.added} tasks queued; this grid allows at most ` +
        `${perSubmitter} per submitter (quotas.queued_per_submitter): submit fewer tasks, or wait until some of yours have run`,
    );
  }
  return problems;
}
