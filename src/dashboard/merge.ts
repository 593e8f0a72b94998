// The dashboard of a sharded grid: what each shard's checkout holds, read as one grid (docs/scaling.md#shards).
import type { NodeRecord } from '../protocol/schemas.js';
import type { DashboardInput } from './model.js';

/**
 * One grid from the dashboards of its shards, the first shard's title, links and policy kept: tasks of every
 * shard, a node serving several listed once (its tasks in all of them, its counters summed, its latest word
 * on its status), and each point of the history the sum of every shard's counts as they stood then.
 */
export function mergeShards(shards: readonly DashboardInput[]): DashboardInput {
  const [first, ...rest] = shards;
  if (!first) throw new Error('mergeShards needs at least one shard');
  if (rest.length === 0) return first;
  return {
    ...first,
    queued: shards.flatMap((s) => s.queued),
    running: shards.flatMap((s) => s.running),
    completed: shards.flatMap((s) => s.completed),
    failed: shards.flatMap((s) => s.failed),
    nodes: mergeNodes(shards.flatMap((s) => s.nodes)),
    history: mergeHistory(shards.map((s) => s.history)),
    // Each shard's history is its own, kept in order.
    kept: shards.map((s) => s.kept?.[0]),
  };
}

export function mergeNodes(records: readonly NodeRecord[]): NodeRecord[] {
  const nodes = new Map<string, NodeRecord>();
  for (const node of records) {
    const seen = nodes.get(node.node_id);
    if (!seen) {
      nodes.set(node.node_id, { ...node, tasks: [...node.tasks] });
      continue;
    }
    seen.tasks = [...seen.tasks, ...node.tasks].sort();
    seen.completed += node.completed;
    seen.failed += node.failed;
    if (node.last_heartbeat > seen.last_heartbeat) {
      Object.assign(seen, { last_heartbeat: node.last_heartbeat, status: node.status });
    }
  }
  return [...nodes.values()].sort((a, b) => (a.node_id < b.node_id ? -1 : 1));
}

type Point = DashboardInput['history'][number];

/** At every time any shard has a point, the sum of each shard's last point up to then (none before its first). */
function mergeHistory(histories: readonly Point[][]): Point[] {
  const times = [...new Set(histories.flatMap((h) => h.map((p) => p.time.getTime())))].sort((a, b) => a - b);
  const next = histories.map(() => 0);
  const last: (Point | undefined)[] = histories.map(() => undefined);
  return times.map((time) => {
    const point: Point = { time: new Date(time), queued: 0, running: 0, completed: 0, failed: 0 };
    histories.forEach((history, i) => {
      while (next[i]! < history.length && history[next[i]!]!.time.getTime() <= time) last[i] = history[next[i]!++];
      const p = last[i];
      if (!p) return;
      point.queued += p.queued;
      point.running += p.running;
      point.completed += p.completed;
      point.failed += p.failed;
    });
    return point;
  });
}
