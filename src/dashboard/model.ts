// What the dashboard renderer is given and what it reports back. Reading the grid (git) happens elsewhere;
// everything below is plain data so the renderer can be tested and benchmarked without a repository.
import type { Lifecycle } from '../protocol/layout.js';
import type { Claim, NodeRecord, Policy, Priority, QueuedTask, Result } from '../protocol/schemas.js';

export interface DashboardInput {
  title: string;
  generatedAt: Date;
  /** https URL of the grid repository on GitHub if known (e.g. https://github.com/owner/grid), for links and the submit form */
  repositoryUrl?: string;
  branch: string; // e.g. 'main'
  policy: Policy;
  queued: QueuedTask[];
  /** Where each queued task's file is at the tip, by id: flat as submitted, or in its folder once a node moved it. */
  queuedPaths?: Record<string, string>;
  running: Claim[];
  completed: Result[]; // may be 20,000 long
  failed: Result[];
  nodes: NodeRecord[]; // may be 500 long
  /** Time series from the git history, oldest first: one point per commit or per bucket */
  history: Array<{ time: Date; queued: number; running: number; completed: number; failed: number }>;
  /**
   * Where each shard's history was read to (one for a grid of one repository; none for a shard that never
   * ran a task), written with the site so the next render reads only what came since.
   */
  kept?: Array<KeptHistory | undefined>;
}

/**
 * The file a render keeps a shard's history in, beside the site's pages: history.json for the grid (its
 * first shard), history-2.json for the second and on. A file that lands on another repository's history
 * (shards given in another order) fails its ancestor check and is read whole.
 */
export function keptHistoryFile(shard: number): string {
  return shard === 0 ? 'history.json' : `history-${shard + 1}.json`;
}

/** The history a render read, up to `tip`: the counts there and the points drawn so far. */
export interface KeptHistory {
  tip: string;
  commits: number;
  counts: Record<Lifecycle, number>;
  /** The time of the last point, ms: the history's time never goes back. */
  time: number;
  points: DashboardInput['history'];
}

export interface DashboardCounts {
  queued: number;
  queuedByPriority: Record<Priority, number>;
  inProgress: number;
  completed: number;
  failed: number;
  /** Nodes whose status is online and that are not silent (no heartbeat for node timeout + grace). */
  nodesOnline: number;
}

export interface DashboardSummary {
  counts: DashboardCounts;
  recommendedWorkers: number;
  /** One sentence saying why, for people. */
  recommendationReason: string;
}

export type TaskState = 'queued' | 'running' | 'completed' | 'failed';
