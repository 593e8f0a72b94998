// Where each record lives in a grid. Readers find tasks at any depth below a lifecycle folder, so the
// sharding below can change without breaking older grids.
import { createHash } from 'node:crypto';

export const POLICY_FILE = 'dgrid.json';
export const TASKS_DIR = 'tasks';
export const NODES_DIR = 'nodes';

export const LIFECYCLE = ['queue', 'in_progress', 'completed', 'failed'] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];
export type Terminal = 'completed' | 'failed';

export function lifecycleDir(state: Lifecycle): string {
  return `${TASKS_DIR}/${state}`;
}

/** Submitters add tasks flat, as in the original D-GRID; the policy's max_queued keeps it under 3,000. */
export function queuePath(taskId: string): string {
  return `${TASKS_DIR}/queue/${taskId}.json`;
}

/**
 * Where dgrid keeps a queued task: below the same hash prefix as results. A claim then rewrites a folder of
 * a few entries instead of the whole queue, whose size a commit, its push and the server's unpacking would
 * otherwise pay every round. Nodes move what submitters added flat (queue-shards.ts).
 */
export function queueShardPath(taskId: string): string {
  return `${TASKS_DIR}/queue/${shard(taskId)}/${taskId}.json`;
}

/** Claims are grouped by node: a node has at most `slots` of them, and there are far fewer nodes than 3,000. */
export function inProgressPath(nodeId: string, taskId: string): string {
  return `${TASKS_DIR}/in_progress/${nodeId}/${taskId}.json`;
}

/**
 * Results are sharded by finishing day, then by a hash prefix: a day holds 256 folders, so a folder stays
 * under 3,000 entries up to 768,000 results a day, and retention can move a whole day in one tree entry.
 */
export function resultPath(state: Terminal, taskId: string, finishedAt: Date): string {
  const day = finishedAt.toISOString().slice(0, 10);
  return `${TASKS_DIR}/${state}/${day}/${shard(taskId)}/${taskId}.json`;
}

/** Cancel requests sit beside the lifecycle folders, not in them: a request is not a task. */
export const CANCEL_DIR = `${TASKS_DIR}/cancel`;

export function cancelPath(taskId: string): string {
  return `${CANCEL_DIR}/${taskId}.json`;
}

export function locateCancel(path: string): string | undefined {
  const match = /^tasks\/cancel\/([^/]+)\.json$/.exec(path);
  return match?.[1];
}

/**
 * Drain requests sit in nodes/ beside the node files (a request is about a node), in a folder of their own so
 * that no reader takes one for a node file. Only those who may push to the grid write one (the gate refuses
 * any change to nodes/), and only the named node removes it, as it signs off.
 */
export const DRAIN_DIR = `${NODES_DIR}/drain`;

export function drainPath(nodeId: string): string {
  return `${DRAIN_DIR}/${nodeId}.json`;
}

export function locateDrain(path: string): string | undefined {
  const match = /^nodes\/drain\/([^/]+)\.json$/.exec(path);
  return match?.[1];
}

/**
 * Finished runs of a quorum task wait here, one file per node, until enough agree: beside the lifecycle
 * folders, as a run is not a task. A folder exists only while its task is queued, and the queue holds at
 * most max_queued (3,000) tasks, so neither level grows past 3,000 entries.
 */
export const REPLICAS_DIR = `${TASKS_DIR}/replicas`;

export function replicaPath(taskId: string, nodeId: string): string {
  return `${REPLICAS_DIR}/${taskId}/${nodeId}.json`;
}

/** The task and node a replicas/ path names. */
export function locateReplica(path: string): { taskId: string; nodeId: string } | undefined {
  const match = /^tasks\/replicas\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match ? { taskId: match[1]!, nodeId: match[2]! } : undefined;
}

/** The node an in_progress path is filed under. */
export function claimNode(path: string): string | undefined {
  const match = /^tasks\/in_progress\/([^/]+)\/[^/]+$/.exec(path);
  return match?.[1];
}

export function nodePath(nodeId: string): string {
  return `${NODES_DIR}/${nodeId}.json`;
}

export function shard(taskId: string): string {
  return createHash('sha1').update(taskId).digest('hex').slice(0, 2);
}

export interface LocatedPath {
  state: Lifecycle;
  /** The file name without `.json`: the task id the file claims to be. */
  id: string;
}

/** Which lifecycle folder a path is in and which task it names; undefined when it is not a task path. */
export function locate(path: string): LocatedPath | undefined {
  // Read without splitting: a node locates every path it lists, a hundred thousand results at a cold start.
  if (!path.startsWith(`${TASKS_DIR}/`)) return undefined;
  const stateEnd = path.indexOf('/', TASKS_DIR.length + 1);
  if (stateEnd < 0) return undefined;
  const state = path.slice(TASKS_DIR.length + 1, stateEnd) as Lifecycle;
  if (!LIFECYCLE.includes(state)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('.')) return undefined;
  return { state, id: name.endsWith('.json') ? name.slice(0, -'.json'.length) : name };
}

/** The node a nodes/ path names. */
export function locateNode(path: string): string | undefined {
  const match = /^nodes\/([^/]+)\.json$/.exec(path);
  return match?.[1];
}

/** Results older than the policy's retention move to this branch, so the grid's tip stays small. */
export function archiveBranch(branch: string): string {
  return `${branch}-archive`;
}

/** The name of a day folder of results, as resultPath writes it. */
export const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where a day folder of results lives in the archive: under its year, so no archive folder grows past 366
 * entries however many years the grid runs (invariant 2).
 */
export function archivedDayPath(state: Terminal, day: string): string {
  return `${TASKS_DIR}/${state}/${day.slice(0, 4)}/${day}`;
}
