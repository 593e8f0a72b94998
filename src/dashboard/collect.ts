// Builds the dashboard's input from a checkout of the grid. The records are read from git objects at HEAD,
// not from the working tree, so a bare clone works as well and uncommitted edits never show. The time series
// is the branch's own history, the grid's only record of the past: one `git log` pass counting the files each
// commit adds to and deletes from each lifecycle folder. A render keeps where it stopped with the site
// (history.json), so the next one reads only the commits since: a year of history is read once.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError } from '../common/errors.js';
import { GitError, git, runGit } from '../git/runner.js';
import { historyBatches } from '../git/history.js';
import { GridStore, type TreeEntry } from '../git/store.js';
import { GridSnapshot, skippedEntry } from '../protocol/snapshot.js';
import { CommitChecker } from '../protocol/commit-check.js';
import {
  LIFECYCLE,
  NODES_DIR,
  POLICY_FILE,
  TASKS_DIR,
  lifecycleDir,
  locate,
  type Lifecycle,
} from '../protocol/layout.js';
import { silentLog, type Log } from '../common/log.js';
import {
  claimValidator,
  nodeValidator,
  queuedTaskValidator,
  resultValidator,
  type Validator,
} from '../protocol/schema-validators.js';
import { plural } from './format.js';
import { keptHistoryFile, type DashboardInput, type KeptHistory } from './model.js';
import { mergeShards } from './merge.js';

export interface CollectOptions {
  /** A checkout of the grid, or a bare clone of it. */
  path: string;
  /** How the user gave `path` (`input "path"`, `--path`), so that an error says what to change. */
  pathSetting: string;
  title: string;
  branch: string;
  repositoryUrl?: string;
  log?: Log;
  /** What the last render kept with the site (readKeptHistory): the history is read from where it stopped. */
  kept?: KeptHistory;
}

export type HistoryPoint = DashboardInput['history'][number];

export interface GridHistory {
  points: HistoryPoint[];
  /** Commits of the branch that changed a lifecycle folder. */
  commits: number;
  /** What the next render starts from; none until the grid has run a task (a fork's start is still open). */
  kept?: KeptHistory;
  /** Whether this read started from a kept history. */
  resumed: boolean;
}

/** The charts draw a few dozen buckets; more points would only weigh on the page and on status.json. */
const MAX_POINTS = 300;
/** The scaling advice measures rates over the last hour, so that hour keeps a point a minute. */
const RECENT_MS = 60 * 60_000;
const RECENT_STEP_MS = 60_000;
/** Generous: a grid's history can hold hundreds of thousands of commits. */
const GIT_TIMEOUT_MS = 30 * 60_000;
/** A long list of bad files would bury the log; the count says how many there are. */
const MAX_LISTED = 10;

export async function collectDashboard(options: CollectOptions): Promise<DashboardInput> {
  const log = options.log ?? silentLog;
  const store = await openCheckout(options.path, options.pathSetting);
  const tip = await store.resolve('HEAD');
  if (tip === null) {
    throw new UserError(
      `${options.pathSetting} is "${options.path}", a repository without commits: check out a grid made with "dgrid init"`,
    );
  }
  // Any other repository would render as an empty grid, which looks like a grid that lost its tasks.
  if ((await store.list(tip, [POLICY_FILE, TASKS_DIR, NODES_DIR], false)).length === 0) {
    throw new UserError(
      `${options.pathSetting} is "${options.path}", a repository without ${POLICY_FILE}, ${TASKS_DIR}/ or ${NODES_DIR}/ ` +
        `at ${tip.slice(0, 12)}, so not a grid: check out a grid made with "dgrid init" (or the grid branch)`,
    );
  }
  // On a guarded grid, the dashboard reads it as every reader does: void commits undone, their nodes quarantined.
  const checker = new CommitChecker(store.options.dir);
  await checker.checkHistory(tip);
  for (const v of checker.voids.values()) {
    log.warn(`commit ${v.commit.slice(0, 12)} is void, shown as if it never landed: ${v.problems.join('; ')}`);
  }
  const snapshot = await GridSnapshot.load(store, tip, { overlay: checker.overlay });
  const policy = await snapshot.policy();

  const entriesOf = (state: Lifecycle) => snapshot.of(state).map((file) => file.entry);
  const files = LIFECYCLE.flatMap(entriesOf);
  const nodeEntries = [...snapshot.nodeEntries.values()];
  const blobs = await store.readAll(
    [...files, ...nodeEntries].filter((entry) => entry.type === 'blob').map((entry) => entry.sha),
  );
  const skipped = snapshot.skipped.map(skippedEntry);
  const read = <T>(entries: readonly TreeEntry[], validator: Validator<T>) =>
    parseRecords(entries, blobs, validator, skipped);
  const queued = read(entriesOf('queue'), queuedTaskValidator);
  const running = read(entriesOf('in_progress'), claimValidator);
  const completed = read(entriesOf('completed'), resultValidator);
  const failed = read(entriesOf('failed'), resultValidator);
  const nodes = read(nodeEntries, nodeValidator).map((node) =>
    checker.quarantined.has(node.node_id) ? { ...node, status: 'quarantined' as const } : node,
  );
  if (skipped.length > 0) {
    const more = skipped.length > MAX_LISTED ? `; and ${skipped.length - MAX_LISTED} more` : '';
    log.warn(
      `left ${plural(skipped.length, 'unreadable record')} off the dashboard: ${skipped.slice(0, MAX_LISTED).join('; ')}${more}`,
    );
  }

  const started = performance.now();
  const history = await gridHistory(store, tip, options.kept);
  if (options.kept && !history.resumed) {
    log.warn(`the kept history ends at ${options.kept.tip.slice(0, 12)}, which the branch no longer holds: read whole`);
  }
  log.info(
    `${tip.slice(0, 12)}: ${files.length} task files, ${nodeEntries.length} nodes; history of ${history.commits} commits ` +
      `read in ${Math.round(performance.now() - started)} ms (${history.points.length} points` +
      `${history.resumed ? `, from the kept history at ${options.kept!.tip.slice(0, 12)}` : ''})`,
  );
  if ((await git(['rev-parse', '--is-shallow-repository'], { cwd: store.options.dir })).trim() === 'true') {
    log.warn(
      `${options.path} is a shallow clone, so the charts cover only the ${plural(history.commits, 'commit')} it holds: ` +
        'clone the whole history (actions/checkout with fetch-depth: 0)',
    );
  }

  return {
    title: options.title,
    generatedAt: new Date(),
    ...(options.repositoryUrl ? { repositoryUrl: options.repositoryUrl } : {}),
    branch: options.branch,
    policy,
    queued,
    queuedPaths: Object.fromEntries(entriesOf('queue').map((entry) => [locate(entry.path)!.id, entry.path])),
    running,
    completed,
    failed,
    nodes,
    history: history.points,
    kept: [history.kept],
  };
}

/** A checkout of one shard, and how the user gave it (`input "shard-paths"`, `--shard-path`). */
export interface ShardCheckout {
  path: string;
  pathSetting: string;
}

/**
 * The dashboard of a grid from checkouts of its shards (the one of a grid of one repository), read as one
 * grid, each shard's history from where the last render into `outputDir` left it.
 */
export async function collectGrid(
  checkouts: readonly ShardCheckout[],
  options: Omit<CollectOptions, 'path' | 'pathSetting' | 'kept'>,
  outputDir: string,
): Promise<DashboardInput> {
  const shards: DashboardInput[] = [];
  for (const [shard, checkout] of checkouts.entries()) {
    const kept = await readKeptHistory(outputDir, shard);
    shards.push(await collectDashboard({ ...options, ...checkout, ...(kept ? { kept } : {}) }));
  }
  return mergeShards(shards);
}

/**
 * The history of a shard (0 for a grid of one repository) the last render kept in `outputDir`, when there
 * is one of the right shape; anything else (no file, a hand edit) is ignored, and the history is read whole.
 * Its tip is checked against the branch later.
 */
export async function readKeptHistory(outputDir: string, shard = 0): Promise<KeptHistory | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(outputDir, keptHistoryFile(shard)), 'utf8'));
  } catch {
    return undefined;
  }
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const v = value as Partial<Record<keyof KeptHistory, unknown>>;
  const counts = v.counts as Record<string, unknown> | undefined;
  const points = v.points as Array<Record<string, unknown>> | undefined;
  const fits =
    typeof v.tip === 'string' &&
    /^[0-9a-f]{40,64}$/.test(v.tip) &&
    count(v.commits) &&
    count(v.time) &&
    typeof counts === 'object' &&
    counts !== null &&
    LIFECYCLE.every((state) => count(counts[state])) &&
    Array.isArray(points) &&
    points.length <= 2 * MAX_POINTS &&
    points.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.time === 'string' &&
        !Number.isNaN(Date.parse(p.time)) &&
        ['queued', 'running', 'completed', 'failed'].every((k) => count(p[k])),
    );
  if (!fits) return undefined;
  return {
    tip: v.tip as string,
    commits: v.commits as number,
    counts: Object.fromEntries(LIFECYCLE.map((state) => [state, counts[state]])) as Record<Lifecycle, number>,
    time: v.time as number,
    points: points.map((p) => ({
      time: new Date(p.time as string),
      queued: p.queued as number,
      running: p.running as number,
      completed: p.completed as number,
      failed: p.failed as number,
    })),
  };
}

/** The page links to the repository and sends its submit form there: anything but https would break or leak. */
export function checkRepositoryUrl(url: string, setting: string): void {
  if (!/^https:\/\/[^\s"'<>]+$/.test(url)) {
    throw new UserError(`${setting} is "${url}": give the grid's https URL, e.g. https://github.com/owner/grid`);
  }
}

async function openCheckout(path: string, setting: string): Promise<GridStore> {
  const fix = `point ${setting} at a checkout of the grid (git clone, or actions/checkout with fetch-depth: 0)`;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(`${setting} is "${path}", which is not a folder: ${fix}`);
  try {
    return await GridStore.local(path);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    // Git's own words only when they add something, such as a repository owned by another user.
    const said = error.stderr.trim().split('\n')[0] ?? '';
    const detail = /not a git repository/.test(said) ? '' : ` (${said})`;
    throw new UserError(`${setting} is "${path}", which is not a git repository${detail}: ${fix}`);
  }
}

/** Parses and validates records; the ones that fail are named in `skipped` instead, so one bad file costs one row. */
function parseRecords<T>(
  entries: readonly TreeEntry[],
  blobs: Map<string, Buffer>,
  validator: Validator<T>,
  skipped: string[],
): T[] {
  const records: T[] = [];
  for (const entry of entries) {
    const blob = blobs.get(entry.sha);
    if (!blob) {
      skipped.push(`${entry.path}: not a file`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(blob.toString('utf8'));
    } catch {
      skipped.push(`${entry.path}: not valid JSON`);
      continue;
    }
    if (validator.is(value)) records.push(value);
    else skipped.push(`${entry.path}: ${validator.problems(value)[0]?.message ?? 'not a valid record'}`);
  }
  return records;
}

/**
 * How many files each lifecycle folder held after each commit of the branch's first-parent history, oldest
 * first, thinned to a few hundred points. A shallow clone's first commit counts as adding its
 * whole tree, so the last point always matches the tip. From a kept history whose tip the branch still
 * holds, only the commits since are read.
 */
export async function gridHistory(store: GridStore, tip: string, kept?: KeptHistory): Promise<GridHistory> {
  const cwd = store.options.dir;
  const from =
    kept && (await runGit(['merge-base', '--is-ancestor', kept.tip, tip], { cwd })).exitCode === 0 ? kept : undefined;
  // In batches, each counted and let go: a year's history is more than one read should hold.
  const history = historyBatches(from ? `${from.tip}..${tip}` : tip, {
    cwd,
    timeoutMs: GIT_TIMEOUT_MS,
    paths: LIFECYCLE.map(lifecycleDir),
  });
  const counts: Record<Lifecycle, number> = from
    ? { ...from.counts }
    : { queue: 0, in_progress: 0, completed: 0, failed: 0 };
  const points: HistoryPoint[] = [];
  let time = from?.time ?? 0;
  for await (const batch of history) {
    for (const commit of batch) {
      // Nodes' clocks differ by a little; the history's order is the commits', so time never goes back.
      time = Math.max(time, commit.time);
      // A modified file stays where it is.
      for (const { status, path } of commit.changes) {
        const located = status === 'A' || status === 'D' ? locate(path) : undefined;
        if (located) counts[located.state] += status === 'A' ? 1 : -1;
      }
      points.push({
        time: new Date(time),
        queued: counts.queue,
        running: counts.in_progress,
        completed: counts.completed,
        failed: counts.failed,
      });
    }
  }
  const keep = (own: HistoryPoint[], commits: number): GridHistory => {
    const thinned = thin(own);
    return { points: thinned, commits, kept: { tip, commits, counts, time, points: thinned }, resumed: !!from };
  };
  if (from) return keep([...from.points, ...points], from.commits + points.length);
  // A fork carries the history of the project it came from, whose development commits touched tasks/ long
  // before this grid ran anything. The grid's own history starts where it was last empty before its first
  // claim or result (a grid made by "dgrid init" starts so), or else at the commit before that claim (the
  // submissions it took); a grid that never ran a task has only its present.
  const firstRun = points.findIndex((p) => p.running + p.completed + p.failed > 0);
  if (firstRun < 0) return { points: points.slice(-1), commits: points.length, resumed: false };
  const empty = (p: HistoryPoint) => p.queued + p.running + p.completed + p.failed === 0;
  const lastEmpty = points.slice(0, firstRun).findLastIndex(empty);
  const start = lastEmpty >= 0 ? lastEmpty : Math.max(0, firstRun - 1);
  return keep(points.slice(start), points.length);
}

/**
 * Keeps the last point of each time bucket (the state the bucket ended in), plus the first point as the
 * baseline: MAX_POINTS equal buckets over the span, and no bucket wider than a minute over the last hour.
 */
function thin(points: HistoryPoint[]): HistoryPoint[] {
  if (points.length <= MAX_POINTS) return points;
  const first = points[0]!.time.getTime();
  const last = points.at(-1)!.time.getTime();
  const recentFrom = last - RECENT_MS;
  const width = Math.max(1, (last - first) / MAX_POINTS);
  const recentWidth = Math.min(width, RECENT_STEP_MS);
  const bucket = (point: HistoryPoint) => {
    const t = point.time.getTime();
    return t > recentFrom ? `recent ${Math.floor((t - recentFrom) / recentWidth)}` : Math.floor((t - first) / width);
  };
  const kept = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const next = points[i + 1];
    if (!next || bucket(next) !== bucket(points[i]!)) kept.push(points[i]!);
  }
  return kept;
}
