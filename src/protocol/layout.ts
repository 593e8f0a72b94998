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
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== TASKS_DIR) return undefined;
  const state = parts[1] as Lifecycle;
  if (!LIFECYCLE.includes(state)) return undefined;
  const name = parts[parts.length - 1]!;
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
