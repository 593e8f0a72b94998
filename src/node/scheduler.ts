// Which queued tasks a node may claim now, best first, and which will never run.
//
// Order: priority (high, normal, low); within a priority the task waiting longest first (since its last
// attempt ended, its not_before, or when this node first saw it in the queue); then a shuffle seeded by
// the node id, so racing nodes choosing among equal candidates rarely pick the same task.
//
// A node scans the queue every round, so a round costs what changed, not what the grid holds: checks of
// task files are kept by blob id, the results at the tip are listed once and then followed by the
// difference between tips, and the archive index is read only for ids not looked up before.
import { createHash } from 'node:crypto';
import { ARCHIVED_IDS_DIR, archivedResultPath, archivedResults, type ArchivedResult } from '../upkeep/archive.js';
import type { TreeEntry } from '../git/store.js';
import type { GridSnapshot, TaskFile } from '../protocol/snapshot.js';
import { archiveBranch, lifecycleDir, locate } from '../protocol/layout.js';
import { attemptsUsed, maxAttempts, nodeErrorNodes } from '../protocol/transitions.js';
import { VERSION, versionAtLeast } from '../protocol/version.js';
import { quorumOf } from '../protocol/quorum.js';
import type { NodeRecord, Policy, QueuedTask, Status } from '../protocol/schemas.js';
import { findCycle } from '../validation/submission-checks.js';
import { checkQueuedTask, type TaskCheck } from '../validation/task-rules.js';
import { sharesSecrets } from './task-secrets.js';

export interface Candidate {
  file: TaskFile;
  task: QueuedTask;
}

export interface Rejected {
  file: TaskFile;
  reason: string;
  status: Status;
  task?: QueuedTask;
  /** The cancel request this rejection answers, removed in the same commit. */
  cancel?: TreeEntry;
  /**
   * The result this task id already has: the queued file only leaves the queue, as a second result for the
   * id would break invariant 1 (and could overwrite the first).
   */
  earlierResult?: string;
}

export interface NodeView {
  nodeId: string;
  labels: readonly string[];
  /** The node's dgrid version, for tasks' min_worker_version; this build's by default. */
  version?: string;
  /** The names of the secrets this node shares with tasks (run-worker's task-secrets). */
  secrets?: readonly string[];
  /** When this node first saw each queued task: the age of tasks that have no other clock. */
  firstSeen: Map<string, string>;
  /**
   * The submitter of each queued and running task, when this round's claims could take one past
   * quotas.queued_per_submitter: none of a submitter's tasks is claimable while that many of theirs run.
   * null when they could not be read: then nothing is claimable.
   */
  submitters?: ReadonlyMap<string, string> | null;
  /** What earlier scans of this node learnt; a new one makes the scan read everything. */
  memo?: ScanMemo;
  /** In a sharded grid: which dependencies live in another shard, and where they stand there. */
  elsewhere?: ForeignDependencies;
}

/** Dependencies at home in other shards of the grid (shard-node.ts reads them from those shards). */
export interface ForeignDependencies {
  /** Whether the id is at home in another shard. */
  foreign(id: string): boolean;
  /**
   * Where each stands, given the time its dependents were first seen here: undefined only when its shard
   * was read after that time and holds no such task; a shard that cannot be read says `waiting`.
   */
  states(since: ReadonlyMap<string, string>): Promise<Map<string, DependencyState | undefined>>;
}

export interface Scan {
  /** Runnable by this node now, best first. */
  claimable: Candidate[];
  /** Queued tasks that will never run: they go to failed/. */
  rejected: Rejected[];
  /** The earliest moment a waiting task becomes claimable by time alone. */
  nextEligibleAt?: Date;
  /** Dependencies that tasks this node could otherwise claim wait for: once one completes, look again. */
  awaited: Set<string>;
}

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;
const RESULT_DIRS = [lifecycleDir('completed'), lifecycleDir('failed')];

/** Where the ids of the grid ended: a result at the tip or in the archive. */
type Outcome = { state: 'completed' | 'failed'; where: string };

/** What a node keeps from one scan to the next, each part bounded by what the queue and the tip hold. */
export class ScanMemo {
  private policyText = '';
  private checks = new Map<string, TaskCheck>();
  /** The same checks by listing entry: an entry unchanged since the last snapshot is the same object. */
  private byEntry = new WeakMap<TreeEntry, TaskCheck>();
  private spreads = new Map<string, string>();
  private resultsTip: string | null = null;
  /**
   * Results at `resultsTip`: task id to the folder of its `<id>.json`. A grid may hold a hundred thousand;
   * their folders (a day and a shard each) are shared strings, so the map stays small, and a small process
   * starts its git commands faster.
   */
  private results = new Map<string, string>();
  private folders = new Map<string, string>();
  /** Lookups in the archive index, valid while the index stays as it was at `resultsTip`. */
  private archived = new Map<string, ArchivedResult | null>();
  /** Whether the grid has archived anything yet: until then there is no index to look in. */
  private indexed = false;

  /**
   * The check of each file, by its entry (mode, blob, file name) under the current policy: the folder a file
   * is in does not change its check, so a file moved into its queue folder is not read again.
   */
  async check(
    snapshot: GridSnapshot,
    files: readonly TaskFile[],
    policy: Policy,
    now: Date,
  ): Promise<Map<TaskFile, TaskCheck>> {
    const policyText = JSON.stringify(policy);
    if (policyText !== this.policyText) {
      this.policyText = policyText;
      this.checks.clear();
      this.byEntry = new WeakMap();
    }
    const key = (f: TaskFile) =>
      `${f.entry.mode} ${f.entry.sha} ${f.entry.path.slice(f.entry.path.lastIndexOf('/') + 1)}`;
    const unread = files.filter(
      (f) => f.entry.type === 'blob' && !this.byEntry.has(f.entry) && !this.checks.has(key(f)),
    );
    const blobs = await snapshot.store.read(unread.map((f) => f.entry.sha));
    const out = new Map<TaskFile, TaskCheck>();
    for (const file of files) {
      let check = this.byEntry.get(file.entry);
      if (check === undefined) {
        check = this.checks.get(key(file)) ?? checkQueuedTask(file, blobs.get(file.entry.sha), policy, now);
        this.checks.set(key(file), check);
        this.byEntry.set(file.entry, check);
      }
      out.set(file, check);
    }
    if (this.checks.size > 2 * files.length + 100) {
      // Only what the queue still holds.
      const held = new Set(files.map(key));
      for (const k of this.checks.keys()) if (!held.has(k)) this.checks.delete(k);
    }
    return out;
  }

  /** The shuffle key of a task for this node, computed once while the task waits. */
  spread(nodeId: string, taskId: string): string {
    let key = this.spreads.get(taskId);
    if (key === undefined) {
      key = createHash('sha1').update(`${nodeId}\0${taskId}`).digest('hex');
      this.spreads.set(taskId, key);
    }
    return key;
  }

  /** Forgets the shuffle keys of tasks no longer queued. */
  keepSpreads(ids: ReadonlySet<string>): void {
    if (this.spreads.size <= 2 * ids.size + 100) return;
    for (const id of this.spreads.keys()) if (!ids.has(id)) this.spreads.delete(id);
  }

  /** The result each id has, at the tip or archived; ids without one are left out. */
  async outcomes(snapshot: GridSnapshot, ids: Iterable<string>): Promise<Map<string, Outcome>> {
    await this.follow(snapshot);
    const out = new Map<string, Outcome>();
    const asked = new Set(ids);
    const unknown: string[] = [];
    for (const id of asked) {
      const folder = this.results.get(id);
      if (folder !== undefined) {
        const where = `${folder}/${id}.json`;
        out.set(id, { state: locate(where)!.state as Outcome['state'], where });
      } else if (!this.archived.has(id)) unknown.push(id);
    }
    if (unknown.length > 0) {
      const found = this.indexed
        ? await archivedResults(snapshot.store, snapshot.tip, unknown)
        : new Map<string, ArchivedResult[]>();
      for (const id of unknown) {
        this.archived.set(id, found.get(id.toLowerCase())?.find((r) => r.id === id) ?? null);
      }
    }
    if (this.archived.size > 2 * asked.size + 100) {
      for (const id of this.archived.keys()) if (!asked.has(id)) this.archived.delete(id);
    }
    for (const id of asked) {
      const archived = this.archived.get(id);
      if (archived && !out.has(id)) {
        out.set(id, {
          state: archived.state,
          where: `${archiveBranch(snapshot.store.branch)}:${archivedResultPath(archived)}`,
        });
      }
    }
    return out;
  }

  /** Brings the results and archive lookups to the snapshot's tip, by the difference from the last one. */
  private async follow(snapshot: GridSnapshot): Promise<void> {
    const tip = snapshot.tip;
    if (tip === this.resultsTip) return;
    const store = snapshot.store;
    const changed =
      this.resultsTip === null
        ? undefined
        : await store.changedPaths(this.resultsTip, tip!, [...RESULT_DIRS, ARCHIVED_IDS_DIR]).catch(() => undefined);
    if (changed === undefined) {
      // The first scan, or the last tip is gone from the cache: list the results whole.
      this.results.clear();
      this.folders.clear();
      this.archived.clear();
      this.indexed = false;
      if (tip !== null) {
        for (const path of await store.listPaths(tip, RESULT_DIRS)) this.noteResult(path, false);
        this.indexed = (await store.list(tip, [ARCHIVED_IDS_DIR], false)).length > 0;
      }
    } else {
      for (const { path, deleted } of changed) {
        if (path.startsWith(`${ARCHIVED_IDS_DIR}/`)) {
          this.archived.clear();
          this.indexed = true;
        } else this.noteResult(path, deleted);
      }
    }
    this.resultsTip = tip;
  }

  private noteResult(path: string, deleted: boolean): void {
    const id = locate(path)?.id;
    if (id === undefined || !path.endsWith('.json')) return;
    const at = path.slice(0, path.lastIndexOf('/'));
    if (deleted) {
      if (this.results.get(id) === at) this.results.delete(id);
      return;
    }
    let folder = this.folders.get(at);
    if (folder === undefined) this.folders.set(at, (folder = at));
    this.results.set(id, folder);
  }
}

export async function scanQueue(snapshot: GridSnapshot, node: NodeView, now: Date, policy: Policy): Promise<Scan> {
  const memo = node.memo ?? new ScanMemo();
  // A queue larger than the grid allows came by direct pushes: a round reads at most max_queued of it.
  const files = snapshot.of('queue').slice(0, policy.quotas.max_queued);
  const checks = await memo.check(snapshot, files, policy, now);
  // A duplicate id is for the audit; only a quorum task stays queued beside its claims, one per replica.
  const single = files.filter((f) => {
    const same = snapshot.byId.get(f.id) ?? [];
    const replicas = same.filter((o) => o.state === 'in_progress').length;
    const task = checks.get(f)?.task;
    return same.length - replicas === 1 && (replicas === 0 || (task !== undefined && quorumOf(task, policy) > 1));
  });
  const valid: Candidate[] = [];
  const seenAt = now.toISOString();
  const queued = new Set<string>();
  for (const file of single) {
    queued.add(file.id);
    if (!node.firstSeen.has(file.id)) node.firstSeen.set(file.id, seenAt);
  }
  memo.keepSpreads(queued);

  const dependencies = new Set<string>();
  /** Dependencies in other shards, with the earliest time a task waiting for each was first seen. */
  const foreign = new Map<string, string>();
  for (const file of single) {
    const task = checks.get(file)!.task;
    for (const id of task?.depends_on ?? []) {
      if (snapshot.byId.has(id)) continue;
      if (!node.elsewhere?.foreign(id)) dependencies.add(id);
      else {
        const since = node.firstSeen.get(file.id) ?? seenAt;
        if (!foreign.has(id) || since < foreign.get(id)!) foreign.set(id, since);
      }
    }
  }
  const outcomes = await memo.outcomes(snapshot, [...queued, ...dependencies]);
  const foreignStates = foreign.size > 0 ? await node.elsewhere!.states(foreign) : new Map<string, DependencyState>();

  const rejected: Rejected[] = [];
  for (const file of single) {
    const check = checks.get(file)!;
    const earlier = outcomes.get(file.id);
    const cancel = snapshot.cancels.get(file.id);
    const task = check.task ? { task: check.task } : {};
    if (earlier) {
      rejected.push({
        file,
        status: 'error',
        reason: `task id ${file.id} already has a result (${earlier.where}); an id runs once in a grid's life`,
        earlierResult: earlier.where,
        ...task,
      });
    } else if (cancel) {
      rejected.push({ file, status: 'cancelled', reason: 'cancelled while queued', cancel, ...task });
    } else if (!check.ok) {
      rejected.push({ file, status: 'error', reason: check.reason, ...task });
    } else if (attemptsUsed(check.task) >= maxAttempts(check.task, policy)) {
      rejected.push({
        file,
        status: 'error',
        task: check.task,
        reason: `all ${maxAttempts(check.task, policy)} attempts are used up`,
      });
    } else valid.push({ file, task: check.task });
  }

  const failing = new Set(rejected.filter((r) => !r.earlierResult).map((r) => r.file.id));
  const stateOf = (id: string): DependencyState | undefined => {
    if (failing.has(id)) return 'failed';
    if (foreign.has(id)) return foreignStates.get(id);
    const outcome = outcomes.get(id);
    if (outcome) return outcome.state;
    return snapshot.byId.has(id) ? 'waiting' : undefined;
  };
  const waiting = valid.filter((c) => c.task.depends_on?.length).map((c) => c.task);
  const doomed = waiting.length > 0 ? dependencyDooms(waiting, stateOf) : new Map<string, Doom>();

  const claimable: Candidate[] = [];
  const awaited = new Set<string>();
  let nextEligibleAt: Date | undefined;
  for (const candidate of valid) {
    const { task, file } = candidate;
    const doom = doomed.get(task.task_id);
    if (doom) {
      rejected.push({ file, task, ...doom });
      continue;
    }
    if (!carriesLabels(node, task) || !fitsNode(node, task) || !sharesSecrets(node, task)) continue;
    if (task.not_before !== undefined) {
      const at = new Date(task.not_before);
      if (at > now) {
        if (!nextEligibleAt || at < nextEligibleAt) nextEligibleAt = at;
        continue;
      }
    }
    if (!(task.depends_on ?? []).every((id) => stateOf(id) === 'completed')) {
      for (const id of task.depends_on!) awaited.add(id);
      continue;
    }
    claimable.push(candidate);
  }
  const keyed = claimable.map((c) => ({
    candidate: c,
    rank: PRIORITY_RANK[c.task.priority ?? 'normal'],
    since: waitingSince(c.task, node),
    spread: memo.spread(node.nodeId, c.task.task_id),
  }));
  keyed.sort((a, b) => a.rank - b.rank || compareText(a.since, b.since) || compareText(a.spread, b.spread));
  const sorted = keyed.map((k) => k.candidate);
  const { submitters } = node;
  const allowed = submitters === null ? [] : submitters ? withinQuota(sorted, snapshot, submitters, policy) : sorted;
  return { claimable: allowed, rejected, awaited, ...(nextEligibleAt ? { nextEligibleAt } : {}) };
}

/**
 * The claimable tasks, best first, that leave each submitter at most queued_per_submitter tasks running:
 * pull requests each within the quota, merged together, may queue more. The others wait their turn in the
 * queue; none is failed, as each can run once enough of its submitter's tasks have finished.
 */
function withinQuota(
  claimable: Candidate[],
  snapshot: GridSnapshot,
  submitters: ReadonlyMap<string, string>,
  policy: Policy,
): Candidate[] {
  const quota = policy.quotas.queued_per_submitter;
  const running = new Map<string, number>();
  const count = (submitter: string) => running.set(submitter, (running.get(submitter) ?? 0) + 1);
  for (const file of snapshot.of('in_progress')) {
    const submitter = submitters.get(file.id);
    if (submitter !== undefined) count(submitter);
  }
  return claimable.filter(({ task }) => {
    const submitter = submitters.get(task.task_id);
    if (submitter === undefined) return true;
    if ((running.get(submitter) ?? 0) >= quota) return false;
    count(submitter);
    return true;
  });
}

/** Where a dependency stands: finished either way, still to run, or (undefined) nowhere in the grid. */
export type DependencyState = 'completed' | 'failed' | 'waiting';

export type Doom = { status: Status; reason: string };

/**
 * A task a node must leave to others: it needs a newer dgrid (min_worker_version), or it already failed for
 * node-side reasons on this node (another node may not share the fault; POISON_NODES of them end it).
 */
export function fitsNode(node: Pick<NodeView, 'nodeId' | 'version'>, task: QueuedTask): boolean {
  if (task.min_worker_version !== undefined && !versionAtLeast(node.version ?? VERSION, task.min_worker_version)) {
    return false;
  }
  return !nodeErrorNodes(task).has(node.nodeId);
}

/** The label rule: a node may claim a task only when it carries every label the task requires. */
export function carriesLabels(node: { labels: readonly string[] }, task: Pick<QueuedTask, 'requires'>): boolean {
  return (task.requires ?? []).every((label) => node.labels.includes(label));
}

export interface Unrunnable {
  task: QueuedTask;
  /** Required labels that none of the nodes carries at all (empty when each exists, just never together). */
  missing: string[];
}

/**
 * Queued tasks that none of `nodes` may claim by the label rule: nobody can run them while those are the
 * nodes online. Who counts as online is the reader's to say (dgrid status takes each node's word, the
 * dashboard also judges silence).
 */
export function unrunnableTasks(queued: readonly QueuedTask[], nodes: readonly NodeRecord[]): Unrunnable[] {
  const known = new Set(nodes.flatMap((node) => node.labels));
  return queued
    .filter((task) => (task.requires ?? []).length > 0 && !nodes.some((node) => carriesLabels(node, task)))
    .map((task) => ({ task, missing: task.requires!.filter((label) => !known.has(label)) }));
}

/**
 * Tasks that can never run: they depend on themselves, on each other in a cycle, on a task that failed or
 * does not exist, or (transitively) on a task that can never run; a chain of dependents fails in one
 * commit, each naming the dependency that failed.
 */
export function dependencyDooms(
  waiting: readonly QueuedTask[],
  stateOf: (id: string) => DependencyState | undefined,
): Map<string, Doom> {
  const graph = new Map(waiting.map((t) => [t.task_id, t.depends_on ?? []]));
  const doomed = new Map<string, Doom>();
  for (const id of onOrBehindCycles(graph)) {
    const cycle = findCycle(graph, id);
    if (!cycle) continue;
    const reason =
      cycle.length === 2
        ? 'depends_on names the task itself, so it could never run'
        : `depends_on makes a cycle (${cycle.join(' → ')}), so none of these tasks could ever run`;
    doomed.set(id, { status: 'error', reason });
  }
  const doomOf = (dep: string): Doom | undefined => {
    if (stateOf(dep) === 'failed' || doomed.has(dep)) return { status: 'failure', reason: `dependency ${dep} failed` };
    if (stateOf(dep) === undefined)
      return { status: 'error', reason: `dependency ${dep} does not exist in this grid: fix depends_on` };
    return undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const task of waiting) {
      if (doomed.has(task.task_id)) continue;
      const doom = (task.depends_on ?? []).map(doomOf).find((d) => d !== undefined);
      if (doom) {
        doomed.set(task.task_id, doom);
        changed = true;
      }
    }
  }
  return doomed;
}

/**
 * The tasks of a dependency graph that are on a cycle or depend on one, in time linear in the graph: peel
 * off tasks whose dependencies are all peeled or outside the graph; what never peels off is left.
 */
function onOrBehindCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const pending = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  const peeled: string[] = [];
  for (const [id, dependsOn] of graph) {
    const inside = [...new Set(dependsOn)].filter((dep) => graph.has(dep));
    pending.set(id, inside.length);
    for (const dep of inside) {
      const list = dependents.get(dep);
      if (list) list.push(id);
      else dependents.set(dep, [id]);
    }
    if (inside.length === 0) peeled.push(id);
  }
  for (let next = 0; next < peeled.length; next++) {
    for (const dependent of dependents.get(peeled[next]!) ?? []) {
      const left = pending.get(dependent)! - 1;
      pending.set(dependent, left);
      if (left === 0) peeled.push(dependent);
    }
  }
  const done = new Set(peeled);
  return [...graph.keys()].filter((id) => !done.has(id));
}

function waitingSince(task: QueuedTask, node: NodeView): string {
  return task.attempts?.at(-1)?.ended_at ?? task.not_before ?? node.firstSeen.get(task.task_id) ?? '';
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
