// What every page of the status site shares, computed once per render: the records sorted and located, which
// tasks get a detail page, the rows and tables the templates show, links, and the layout every page goes through.
import { createHash } from 'node:crypto';
import { Eta } from 'eta';
import { TASK_ID_PATTERN, type Claim, type QueuedTask, type Result } from '../protocol/schemas.js';
import { inProgressPath, queuePath, resultPath } from '../protocol/layout.js';
import { escapeValue, scriptJson } from './escape.js';
import { unrunnableTasks, type Unrunnable } from '../node/scheduler.js';
import { PRIORITIES, liveness, onlineNodes, priorityOf, type Liveness } from './facts.js';
import { excerpt, formatAgo, formatCount, formatDuration, formatTime, parseTime } from './format.js';
import type { DashboardInput, TaskState } from './model.js';
import { TEMPLATES } from './templates.js';

/** The most recent tasks of each state the index shows; only these get a detail page. */
export const INDEX_ROWS = 50;

/** Scripts and styles only from the site itself: a defence in depth should escaping ever be missed. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

export const STATUS_TONE: Record<string, Tone> = {
  success: 'ok',
  completed: 'ok',
  online: 'ok',
  failure: 'bad',
  error: 'bad',
  failed: 'bad',
  timeout: 'warn',
  unresponsive: 'warn',
  draining: 'warn',
  orphaned: 'warn',
  returned: 'neutral',
  cancelled: 'neutral',
  offline: 'neutral',
  running: 'info',
  queued: 'neutral',
  high: 'warn',
  normal: 'neutral',
  low: 'neutral',
  unknown: 'warn',
};

export const STATE_LABEL: Record<TaskState, string> = {
  queued: 'Queued tasks',
  running: 'Running tasks',
  completed: 'Completed tasks',
  failed: 'Failed tasks',
};

const eta = new Eta({ autoEscape: true, escapeFunction: escapeValue, cache: true });
for (const [name, source] of Object.entries(TEMPLATES)) eta.loadTemplate(name, source);

export type TaskRecord = QueuedTask | Claim | Result;

export interface Located {
  state: TaskState;
  record: TaskRecord;
}

export interface Link {
  id: string;
  href?: string;
  external?: boolean;
}

export interface TaskRow extends Link {
  status: string;
  tone: Tone;
  flag?: string;
  node?: string;
  attempt?: string;
  elapsed?: string;
  leaseIso?: string;
  leaseText?: string;
  leaseExpired?: boolean;
  requires?: string[];
  missing?: string[];
  dependsOn?: string[];
  exitCode?: string;
  duration?: string;
  finishedIso?: string;
  finishedText?: string;
  finishedAgo?: string;
  excerpt?: string;
}

export interface TaskTable {
  id: string;
  heading: string;
  total: string;
  kind: TaskState;
  columns: Array<{ label: string; num?: boolean }>;
  rows: TaskRow[];
  empty: string;
  excerpts: boolean;
  allHref?: string;
  allLabel?: string;
}

const COLUMNS: Record<'running' | 'queued' | 'terminal', Array<{ label: string; num?: boolean }>> = {
  running: [
    { label: 'Task' },
    { label: 'Node' },
    { label: 'Attempt', num: true },
    { label: 'Running for' },
    { label: 'Lease until' },
  ],
  queued: [
    { label: 'Task' },
    { label: 'Priority' },
    { label: 'Requires' },
    { label: 'Waits for' },
    { label: 'Attempts so far', num: true },
  ],
  terminal: [
    { label: 'Task' },
    { label: 'Status' },
    { label: 'Exit code', num: true },
    { label: 'Node' },
    { label: 'Duration', num: true },
    { label: 'Finished' },
  ],
};

/** Everything the pages share, computed once per render. */
export class Site {
  readonly now: Date;
  readonly located = new Map<string, Located>();
  readonly sorted: { queued: QueuedTask[]; running: Claim[]; completed: Result[]; failed: Result[] };
  readonly detailIds = new Set<string>();
  readonly busy = new Map<string, number>();
  readonly unrunnable: Unrunnable[];
  readonly unrunnableIds: Set<string>;
  readonly waiting: QueuedTask[];
  readonly repo: string | undefined;

  /**
   * Where forks live, for the submit form: the server of the grid's own URL (a GitHub Enterprise Server when the
   * runner says so through GITHUB_SERVER_URL), github.com when the grid's URL is not known.
   */
  serverUrl(): string {
    return this.repo?.replace(/\/[^/]+\/[^/]+$/, '') ?? 'https://github.com';
  }

  constructor(readonly input: DashboardInput) {
    this.now = input.generatedAt;
    this.repo = /^https:\/\/[^\s"'<>]+$/.test(input.repositoryUrl ?? '')
      ? input.repositoryUrl!.replace(/\/+$/, '')
      : undefined;
    const finished = (r: Result) => parseTime(r.finished_at)?.getTime() ?? 0;
    const claimed = (c: Claim) => parseTime(c.claim.claimed_at)?.getTime() ?? 0;
    const rank = (t: QueuedTask) => PRIORITIES.indexOf(priorityOf(t));
    this.sorted = {
      queued: [...input.queued].sort((a, b) => rank(a) - rank(b)),
      running: [...input.running].sort((a, b) => claimed(a) - claimed(b)),
      completed: [...input.completed].sort((a, b) => finished(b) - finished(a)),
      failed: [...input.failed].sort((a, b) => finished(b) - finished(a)),
    };
    for (const state of ['completed', 'failed', 'running', 'queued'] as const) {
      for (const record of this.sorted[state]) this.located.set(record.task_id, { state, record });
    }
    for (const claim of input.running)
      this.busy.set(claim.claim.node_id, (this.busy.get(claim.claim.node_id) ?? 0) + 1);
    this.unrunnable = unrunnableTasks(input.queued, onlineNodes(input));
    this.unrunnableIds = new Set(this.unrunnable.map((u) => u.task.task_id));
    this.waiting = this.sorted.queued.filter((t) => (t.depends_on ?? []).length > 0);
    // The tasks the index shows are the ones worth a page of their own.
    const shown: TaskRecord[] = [
      ...(['queued', 'running', 'completed', 'failed'] as const).flatMap((s): TaskRecord[] =>
        this.sorted[s].slice(0, INDEX_ROWS),
      ),
      ...this.unrunnable.slice(0, INDEX_ROWS).map((u) => u.task),
      ...this.waiting.slice(0, INDEX_ROWS),
    ];
    for (const record of shown) this.detailIds.add(record.task_id);
  }

  page(template: string, root: string, nav: string, pageTitle: string, data: object, validator = false): string {
    const repositoryName = this.repo?.replace(/^https:\/\/[^/]+\//, '');
    return eta.render(template, {
      root,
      nav,
      pageTitle,
      validator,
      csp: CSP,
      navItems: [
        { id: 'overview', label: 'Overview', href: 'index.html' },
        { id: 'nodes', label: 'Nodes', href: 'nodes.html' },
        { id: 'submit', label: 'Submit a task', href: 'submit.html' },
      ],
      site: {
        title: this.input.title,
        branch: this.input.branch,
        repositoryUrl: this.repo,
        repositoryName,
        generatedIso: this.now.toISOString(),
        generatedText: formatTime(this.now),
      },
      config: scriptJson({
        generatedAt: this.now.toISOString(),
        statusUrl: nav === 'overview' ? 'status.json' : undefined,
        branch: this.input.branch,
        serverUrl: this.serverUrl(),
        policy: {
          max_timeout_seconds: this.input.policy.max_timeout_seconds,
          max_attempts: this.input.policy.max_attempts,
          default_image: this.input.policy.default_image,
          allowed_images: this.input.policy.allowed_images,
          limits: { cpus: this.input.policy.limits.cpus, memory_mb: this.input.policy.limits.memory_mb },
        },
      }),
      ...data,
    });
  }

  sectionTable(state: TaskState): TaskTable {
    const records = this.sorted[state];
    const heading = {
      queued: 'Queued',
      running: 'Running',
      completed: 'Recently completed',
      failed: 'Recently failed',
    }[state];
    const excerpts = state === 'failed' || state === 'completed';
    const table = this.table(
      state,
      state,
      heading,
      records.length,
      this.rows(state, records.slice(0, INDEX_ROWS)),
      excerpts,
    );
    if (records.length > 0) {
      table.allHref = listPath(state, 1);
      table.allLabel = `All ${formatCount(records.length)}`;
    }
    return table;
  }

  table(id: string, kind: TaskState, heading: string, total: number, rows: TaskRow[], excerpts = false): TaskTable {
    const columns = kind === 'running' ? COLUMNS.running : kind === 'queued' ? COLUMNS.queued : COLUMNS.terminal;
    const empty = {
      queued: 'Nothing is waiting.',
      running: 'Nothing is running.',
      completed: 'No task has completed yet.',
      failed: 'No task has failed.',
    }[kind];
    return {
      id,
      heading,
      total: formatCount(total),
      kind,
      columns: excerpts ? [...columns, { label: 'Output' }] : columns,
      rows,
      empty,
      excerpts,
    };
  }

  rows(state: TaskState, records: readonly TaskRecord[]): TaskRow[] {
    return records.map((record) => this.row(state, record));
  }

  row(state: TaskState, record: TaskRecord): TaskRow {
    const link = this.link(record.task_id, state, record);
    if (state === 'queued') {
      const task = record as QueuedTask;
      return {
        ...link,
        status: priorityOf(task),
        tone: STATUS_TONE[priorityOf(task)]!,
        requires: task.requires ?? [],
        dependsOn: task.depends_on ?? [],
        attempt: formatCount(task.attempts?.length ?? 0),
        flag: this.unrunnableIds.has(task.task_id) ? 'no node can run it' : undefined,
      };
    }
    if (state === 'running') {
      const claim = (record as Claim).claim;
      const since = parseTime(claim.claimed_at);
      const lease = parseTime(claim.lease_until);
      return {
        ...link,
        status: 'running',
        tone: 'info',
        node: claim.node_id,
        attempt: String(claim.attempt),
        elapsed: since ? formatDuration(this.now.getTime() - since.getTime()) : 'unknown',
        leaseIso: claim.lease_until,
        leaseText: lease ? formatTime(lease) : 'unknown',
        leaseExpired: lease !== undefined && lease < this.now,
      };
    }
    const result = record as Result;
    const finished = parseTime(result.finished_at);
    const output =
      state === 'failed'
        ? result.reason || excerpt(result.stderr) || excerpt(result.stdout)
        : excerpt(result.stdout) || excerpt(result.stderr);
    return {
      ...link,
      status: result.status,
      tone: STATUS_TONE[result.status] ?? 'neutral',
      exitCode: result.exit_code === null ? '–' : String(result.exit_code),
      node: result.node_id,
      duration: formatDuration(result.duration_ms),
      finishedIso: result.finished_at,
      finishedText: finished ? formatTime(finished) : 'unknown',
      finishedAgo: finished ? formatAgo(finished, this.now) : 'unknown',
      excerpt: output.length > 140 ? `${output.slice(0, 139)}…` : output,
    };
  }

  /** Where a task's id links to: its detail page, else its file in the repository, else nowhere. */
  link(id: string, state: TaskState, record?: TaskRecord): Link {
    if (this.detailIds.has(id)) return { id, href: detailPath(id) };
    const href = record && this.repoHref(state, record);
    return href ? { id, href, external: true } : { id };
  }

  /** The record's file on GitHub, when the repository is known and the record has a file path. */
  repoHref(state: TaskState, record: TaskRecord): string | undefined {
    const path = repoPath(state, record);
    return this.repo && path ? `${this.repo}/blob/${encodePath(this.input.branch)}/${encodePath(path)}` : undefined;
  }

  nodeRows() {
    const rank: Record<Liveness, number> = { online: 0, unresponsive: 1, draining: 2, offline: 3, quarantined: 4 };
    return this.input.nodes
      .map((node) => ({ node, state: liveness(node, this.input) }))
      .sort((a, b) => rank[a.state] - rank[b.state] || a.node.node_id.localeCompare(b.node.node_id))
      .map(({ node, state }) => {
        const heartbeat = parseTime(node.last_heartbeat);
        return {
          id: node.node_id,
          version: node.version,
          status: state,
          tone: STATUS_TONE[state],
          heartbeatIso: node.last_heartbeat,
          heartbeatText: heartbeat ? formatTime(heartbeat) : 'unknown',
          heartbeatAgo: heartbeat ? formatAgo(heartbeat, this.now) : 'unknown',
          labels: node.labels,
          inUse: this.busy.get(node.node_id) ?? 0,
          slots: node.slots,
          completed: formatCount(node.completed),
          failed: formatCount(node.failed),
        };
      });
  }
}

const SAFE_ID = new RegExp(TASK_ID_PATTERN);

/**
 * A task's detail page. Results may carry ids that were never valid (an invalid file still gets a result),
 * so those are named by a hash instead; a leading dash cannot collide with a valid id.
 */
export function detailPath(id: string): string {
  const name = SAFE_ID.test(id) ? id : `-${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
  return `detail/${name}.html`;
}

export function listPath(state: TaskState, page: number): string {
  return `list/${state}-${page}.html`;
}

/** Where dgrid writes the record, so the page can link to it; undefined for ids no valid file could have. */
export function repoPath(state: TaskState, record: TaskRecord): string | undefined {
  if (!SAFE_ID.test(record.task_id)) return undefined;
  if (state === 'queued') return queuePath(record.task_id);
  if (state === 'running') return inProgressPath((record as Claim).claim.node_id, record.task_id);
  const finished = parseTime((record as Result).finished_at);
  return finished && resultPath(state, record.task_id, finished);
}

/** Encodes each segment of a slash-separated path (a branch such as feature/x, a file path) for a URL. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
