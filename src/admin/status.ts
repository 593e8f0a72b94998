// A grid's status as `dgrid status` shows it (counts, nodes, queued tasks that wait or cannot run).
import { archivedResultPath, archivedResults } from '../upkeep/archive.js';
import { GridStore } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import { isSilent } from '../protocol/transitions.js';
import { LIFECYCLE, archiveBranch, type Lifecycle } from '../protocol/layout.js';
import { dependencyDooms, unrunnableTasks, type DependencyState } from '../node/scheduler.js';
import type { NodeRecord, QueuedTask } from '../protocol/schemas.js';
import { queuedTaskValidator } from '../protocol/schema-validators.js';

export interface GridStatus {
  tip: string | null;
  counts: Record<Lifecycle, number>;
  nodes: NodeRecord[];
  /**
   * Queued tasks that require labels no online node carries: nobody can run them now. A node whose file says
   * online but that went silent is not online, by the same rule as the reaper's and the dashboard's.
   */
  unrunnable: { task_id: string; requires: string[] }[];
  /** Queued tasks that can never run, and why; the next worker to look fails them (or, for an id that already has a result, removes them). */
  stuck: { task_id: string; reason: string }[];
  /** Queued tasks no node may claim yet, and why (a retry's backoff, a not_before, dependencies, a cancel). */
  waiting: { task_id: string; reason: string }[];
}

/** Why a queued task is not claimable now by any node that carries its labels; none when it is. */
export function waitReason(
  task: QueuedTask,
  cancelled: boolean,
  completed: Set<string>,
  now: Date,
): string | undefined {
  if (cancelled) return 'a cancel request is pending: the next worker round moves it to failed/';
  if (task.not_before !== undefined && new Date(task.not_before) > now) {
    const attempts = task.attempts?.length ?? 0;
    return attempts > 0
      ? `backing off after attempt ${attempts} (${task.attempts!.at(-1)!.status}) until ${task.not_before}`
      : `not_before is ${task.not_before}`;
  }
  const pending = (task.depends_on ?? []).filter((id) => !completed.has(id));
  if (pending.length > 0) return `depends on ${pending.join(', ')}, not completed yet`;
  return undefined;
}

export async function readStatus(store: GridStore): Promise<GridStatus> {
  return statusOf(await GridSnapshot.load(store, await store.fetch()), []);
}

/**
 * The status of a sharded grid as one grid: counts summed, a node serving several shards listed once (its
 * tasks in all of them), and dependencies looked up in every shard. `tip` is the first shard's.
 */
export async function readShardedStatus(
  stores: readonly GridStore[],
): Promise<GridStatus & { tips: (string | null)[] }> {
  const snapshots: GridSnapshot[] = [];
  for (const store of stores) snapshots.push(await GridSnapshot.load(store, await store.fetch()));
  const parts: GridStatus[] = [];
  for (const snapshot of snapshots)
    parts.push(
      await statusOf(
        snapshot,
        snapshots.filter((s) => s !== snapshot),
      ),
    );
  const nodes = new Map<string, NodeRecord>();
  for (const node of parts.flatMap((p) => p.nodes)) {
    const seen = nodes.get(node.node_id);
    if (!seen) nodes.set(node.node_id, { ...node });
    else {
      seen.tasks = [...seen.tasks, ...node.tasks].sort();
      seen.completed += node.completed;
      seen.failed += node.failed;
      // The shard it heard from last says how it stands.
      if (node.last_heartbeat > seen.last_heartbeat)
        Object.assign(seen, { last_heartbeat: node.last_heartbeat, status: node.status });
    }
  }
  const counts = Object.fromEntries(
    LIFECYCLE.map((state) => [state, parts.reduce((n, p) => n + p.counts[state], 0)]),
  ) as Record<Lifecycle, number>;
  const byId = <T extends { task_id: string }>(list: T[]) => list.sort((a, b) => (a.task_id < b.task_id ? -1 : 1));
  return {
    tip: parts[0]!.tip,
    tips: parts.map((p) => p.tip),
    counts,
    nodes: [...nodes.values()].sort((a, b) => (a.node_id < b.node_id ? -1 : 1)),
    unrunnable: byId(parts.flatMap((p) => p.unrunnable)),
    stuck: byId(parts.flatMap((p) => p.stuck)),
    waiting: byId(parts.flatMap((p) => p.waiting)),
  };
}

/** The status of one repository; `others` are the other shards of its grid, where dependencies may live. */
async function statusOf(snapshot: GridSnapshot, others: readonly GridSnapshot[]): Promise<GridStatus> {
  const tip = snapshot.tip;
  const counts = Object.fromEntries(LIFECYCLE.map((state) => [state, snapshot.of(state).length])) as Record<
    Lifecycle,
    number
  >;
  const nodes = await snapshot.nodes();
  const queued = [...(await snapshot.readJson(snapshot.of('queue'))).values()].filter((v): v is QueuedTask =>
    queuedTaskValidator.is(v),
  );
  const completed = new Set<string>();
  if (queued.some((t) => t.depends_on?.length)) {
    for (const s of [snapshot, ...others]) for (const id of await s.idsIn('completed')) completed.add(id);
  }
  const now = new Date();
  const policy = await snapshot.policy();
  const waiting = queued.flatMap((t) => {
    const reason = waitReason(t, snapshot.cancels.has(t.task_id), completed, now);
    return reason ? [{ task_id: t.task_id, reason }] : [];
  });
  return {
    tip,
    counts,
    nodes,
    unrunnable: unrunnableTasks(
      queued,
      nodes.filter((n) => n.status === 'online' && !isSilent(n, now, policy)),
    ).map(({ task }) => ({ task_id: task.task_id, requires: task.requires! })),
    stuck: await stuckTasks(snapshot, queued, others),
    waiting,
  };
}

/** What a worker's scan would refuse for good among valid queued tasks: ids used before, and dependencies. */
async function stuckTasks(
  snapshot: GridSnapshot,
  queued: QueuedTask[],
  others: readonly GridSnapshot[],
): Promise<GridStatus['stuck']> {
  const terminal = (id: string) => snapshot.byId.get(id)?.find((f) => f.state === 'completed' || f.state === 'failed');
  const unknown = queued.flatMap((t) => [t.task_id, ...(t.depends_on ?? [])]).filter((id) => !terminal(id));
  const archived = await archivedResults(snapshot.store, snapshot.tip, unknown);
  const archivedAs = (id: string) => archived.get(id.toLowerCase())?.find((r) => r.id === id);
  const stuck: GridStatus['stuck'] = [];
  const fresh: QueuedTask[] = [];
  for (const task of queued) {
    const gone = archivedAs(task.task_id);
    const earlier =
      terminal(task.task_id)?.entry.path ??
      (gone && `${archiveBranch(snapshot.store.branch)}:${archivedResultPath(gone)}`);
    if (earlier)
      stuck.push({ task_id: task.task_id, reason: `task id ${task.task_id} already has a result (${earlier})` });
    else fresh.push(task);
  }
  const stateOf = (id: string): DependencyState | undefined => {
    const state = terminal(id)?.state ?? archivedAs(id)?.state;
    if (state === 'completed' || state === 'failed') return state;
    if (snapshot.byId.has(id)) return 'waiting';
    // In another shard of the grid, at its tip (another shard's archive is not read here).
    const elsewhere = others.find((s) => s.byId.has(id))?.byId.get(id)?.[0]?.state;
    if (elsewhere === 'completed' || elsewhere === 'failed') return elsewhere;
    return elsewhere ? 'waiting' : undefined;
  };
  const doomed = dependencyDooms(
    fresh.filter((t) => t.depends_on?.length),
    stateOf,
  );
  for (const [id, doom] of doomed) stuck.push({ task_id: id, reason: doom.reason });
  return stuck.sort((a, b) => (a.task_id < b.task_id ? -1 : 1));
}
