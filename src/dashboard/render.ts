// Renders the static status site of a grid.
//
// Weight at scale (20,000 tasks, 500 nodes): index.html inlines only counts, charts and the most recent
// INDEX_ROWS tasks of each state and nodes; only those tasks get a detail page (detail/<task_id>.html) with
// their full record and attempts. Every task is still listed on paginated, script-free pages
// (list/<state>-<n>.html, PAGE_ROWS rows each, newest first), linking to the task's file in the repository
// when its URL is known. nodes.html lists every node. Older tasks beyond MAX_PAGES pages are left to the
// repository itself.
//
// The renderer owns these names in the output folder: index.html, nodes.html, submit.html, status.json,
// .nojekyll, assets/dgrid*, detail/*.html and list/*.html; stale pages from an earlier render in detail/
// and list/ are removed, and nothing else is touched (the folder may be a grid checkout's docs/).
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Eta } from 'eta';
import { TASK_ID_PATTERN, type Attempt, type Claim, type QueuedTask, type Result } from '../core/schemas.js';
import { inProgressPath, queuePath, resultPath } from '../core/layout.js';
import { unrunnableTasks, type Unrunnable } from '../core/scheduler.js';
import { dependencyGraph, queueDepthChart, successRateChart, throughputChart } from './charts.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { Markup, escapeValue, scriptJson } from './escape.js';
import { PRIORITIES, liveness, onlineNodes, priorityOf, type Liveness } from './facts.js';
import { excerpt, formatAgo, formatCount, formatDuration, formatTime, parseTime, plural } from './format.js';
import type { DashboardInput, DashboardSummary, TaskState } from './model.js';
import { STYLESHEET } from './styles.js';
import { summarize } from './summary.js';
import { taskValidatorScript } from './task-validator.js';
import { TEMPLATES } from './templates.js';

const INDEX_ROWS = 50;
const PAGE_ROWS = 500;
const MAX_PAGES = 100;

/** Scripts and styles only from the site itself: a defence in depth should escaping ever be missed. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

const STATUS_TONE: Record<string, Tone> = {
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

const STATE_LABEL: Record<TaskState, string> = {
  queued: 'Queued tasks',
  running: 'Running tasks',
  completed: 'Completed tasks',
  failed: 'Failed tasks',
};

const eta = new Eta({ autoEscape: true, escapeFunction: escapeValue, cache: true });
for (const [name, source] of Object.entries(TEMPLATES)) eta.loadTemplate(name, source);

type TaskRecord = QueuedTask | Claim | Result;

interface Located {
  state: TaskState;
  record: TaskRecord;
}

interface Link {
  id: string;
  href?: string;
  external?: boolean;
}

interface TaskRow extends Link {
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

interface TaskTable {
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

export async function renderSite(input: DashboardInput, outputDir: string): Promise<DashboardSummary> {
  const summary = summarize(input);
  const site = new Site(input);
  const files = new Map<string, string>();

  files.set('index.html', site.indexPage(summary));
  files.set('nodes.html', site.nodesPage());
  files.set('submit.html', site.submitPage());
  for (const [path, html] of site.listPages()) files.set(path, html);
  for (const [path, html] of site.detailPages()) files.set(path, html);
  files.set('status.json', `${JSON.stringify(site.status(summary), null, 2)}\n`);
  files.set('assets/dgrid.css', STYLESHEET);
  files.set('assets/dgrid.js', CLIENT_SCRIPT);
  files.set('assets/dgrid-task-validator.js', taskValidatorScript());
  // GitHub Pages would otherwise run the folder through Jekyll, which is slow and hides some names.
  files.set('.nojekyll', '');

  for (const dir of ['assets', 'detail', 'list']) await mkdir(join(outputDir, dir), { recursive: true });
  for (const dir of ['detail', 'list']) {
    for (const name of await readdir(join(outputDir, dir))) {
      if (name.endsWith('.html') && !files.has(`${dir}/${name}`)) await rm(join(outputDir, dir, name));
    }
  }
  await Promise.all([...files].map(([path, content]) => writeFile(join(outputDir, path), content)));
  return summary;
}

/** Everything the pages share, computed once per render. */
class Site {
  private readonly now: Date;
  private readonly located = new Map<string, Located>();
  private readonly sorted: { queued: QueuedTask[]; running: Claim[]; completed: Result[]; failed: Result[] };
  private readonly detailIds = new Set<string>();
  private readonly busy = new Map<string, number>();
  private readonly unrunnable: Unrunnable[];
  private readonly unrunnableIds: Set<string>;
  private readonly waiting: QueuedTask[];
  private readonly repo: string | undefined;

  /**
   * Where forks live, for the submit form: the server of the grid's own URL (a GitHub Enterprise Server when the
   * runner says so through GITHUB_SERVER_URL), github.com when the grid's URL is not known.
   */
  private serverUrl(): string {
    return this.repo?.replace(/\/[^/]+\/[^/]+$/, '') ?? 'https://github.com';
  }

  constructor(private readonly input: DashboardInput) {
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

  indexPage(summary: DashboardSummary): string {
    const c = summary.counts;
    const finished = c.completed + c.failed;
    const sections = {
      running: this.sectionTable('running'),
      queued: this.sectionTable('queued'),
      failed: this.sectionTable('failed'),
      completed: this.sectionTable('completed'),
    };
    const unrunnableRows = this.unrunnable.slice(0, INDEX_ROWS).map((u) => ({
      ...this.row('queued', u.task),
      missing: u.missing,
    }));
    return this.page('@index', '', 'overview', 'Overview', {
      generatedAgo: formatAgo(this.now, this.now),
      counts: {
        queued: formatCount(c.queued),
        high: formatCount(c.queuedByPriority.high),
        normal: formatCount(c.queuedByPriority.normal),
        low: formatCount(c.queuedByPriority.low),
        inProgress: formatCount(c.inProgress),
        completed: formatCount(c.completed),
        failed: formatCount(c.failed),
        nodesOnline: formatCount(c.nodesOnline),
        nodesTotal: formatCount(this.input.nodes.length),
        successRate:
          finished > 0 ? `${Math.round((c.completed / finished) * 1000) / 10}% of finished` : 'none finished yet',
      },
      recommendation: { workers: summary.recommendedWorkers, reason: summary.recommendationReason },
      unrunnable: {
        total: this.unrunnable.length,
        totalText: formatCount(this.unrunnable.length),
        table: this.table('unrunnable', 'queued', 'Tasks nobody can run', this.unrunnable.length, unrunnableRows),
      },
      charts: {
        throughput: new Markup(throughputChart(this.input.history)),
        queue: new Markup(queueDepthChart(this.input.history)),
        success: new Markup(successRateChart(this.input.history, { completed: c.completed, failed: c.failed })),
      },
      sections,
      deps: this.dependencies(),
      nodes: {
        total: formatCount(this.input.nodes.length),
        rows: this.nodeRows().slice(0, INDEX_ROWS),
        allHref: this.input.nodes.length > INDEX_ROWS ? 'nodes.html' : undefined,
      },
    });
  }

  nodesPage(): string {
    const counts = new Map<Liveness, number>();
    for (const node of this.input.nodes)
      counts.set(liveness(node, this.input), (counts.get(liveness(node, this.input)) ?? 0) + 1);
    const parts = [...counts].map(([state, n]) => `${formatCount(n)} ${state}`);
    return this.page('@nodes', '', 'nodes', 'Nodes', {
      crumbs: [],
      nodesSummary: `${plural(this.input.nodes.length, 'node')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`,
      nodeRows: this.nodeRows(),
    });
  }

  *listPages(): Generator<[string, string]> {
    for (const state of ['queued', 'running', 'completed', 'failed'] as const) {
      const records = this.sorted[state];
      const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(records.length / PAGE_ROWS)));
      const order = state === 'queued' ? 'by priority' : state === 'running' ? 'longest running first' : 'newest first';
      const note =
        records.length > MAX_PAGES * PAGE_ROWS
          ? `Only the first ${formatCount(MAX_PAGES * PAGE_ROWS)} are listed here; the rest are in the repository.`
          : undefined;
      for (let n = 1; n <= pages; n++) {
        const slice = records.slice((n - 1) * PAGE_ROWS, n * PAGE_ROWS);
        const first = (n - 1) * PAGE_ROWS + 1;
        const range = slice.length > 0 ? `${formatCount(first)} to ${formatCount(first + slice.length - 1)}` : 'none';
        const table = this.table(
          'list',
          state,
          `${STATE_LABEL[state]}, ${range}`,
          records.length,
          this.rows(state, slice),
        );
        yield [
          listPath(state, n),
          this.page('@list', '../', '', `${STATE_LABEL[state]}${pages > 1 ? `, page ${n}` : ''}`, {
            crumbs: [],
            list: { summary: `${plural(records.length, 'task')}, ${order}. Page ${n} of ${pages}.`, note },
            table,
            pager: pager(state, n, pages),
          }),
        ];
      }
    }
  }

  *detailPages(): Generator<[string, string]> {
    for (const id of this.detailIds) {
      const found = this.located.get(id);
      if (!found) continue;
      yield [
        detailPath(id),
        this.page('@task', '../', '', id, {
          crumbs: [{ label: STATE_LABEL[found.state], href: listPath(found.state, 1) }],
          task: this.detail(found),
        }),
      ];
    }
  }

  /** status.json: stable snake_case names, for scripts and for the page's own refresh. */
  status(summary: DashboardSummary): unknown {
    const c = summary.counts;
    return {
      version: 1,
      title: this.input.title,
      generated_at: this.now.toISOString(),
      branch: this.input.branch,
      repository_url: this.repo ?? null,
      counts: {
        queued: c.queued,
        queued_by_priority: c.queuedByPriority,
        in_progress: c.inProgress,
        completed: c.completed,
        failed: c.failed,
        nodes_online: c.nodesOnline,
        nodes_total: this.input.nodes.length,
      },
      recommended_workers: summary.recommendedWorkers,
      recommendation_reason: summary.recommendationReason,
      nodes: this.input.nodes.map((node) => ({
        node_id: node.node_id,
        status: liveness(node, this.input),
        last_heartbeat: node.last_heartbeat,
        labels: node.labels,
        slots: node.slots,
        slots_in_use: this.busy.get(node.node_id) ?? 0,
        completed: node.completed,
        failed: node.failed,
        version: node.version,
      })),
      running: this.sorted.running.slice(0, INDEX_ROWS).map((t) => ({
        task_id: t.task_id,
        node_id: t.claim.node_id,
        attempt: t.claim.attempt,
        claimed_at: t.claim.claimed_at,
        lease_until: t.claim.lease_until,
      })),
      recent_completed: this.sorted.completed.slice(0, INDEX_ROWS).map(resultStatus),
      recent_failed: this.sorted.failed.slice(0, INDEX_ROWS).map(resultStatus),
      unrunnable: this.unrunnable.map((u) => ({
        task_id: u.task.task_id,
        requires: u.task.requires ?? [],
        missing_labels: u.missing,
      })),
    };
  }

  submitPage(): string {
    const policy = this.input.policy;
    const fork = this.repo?.match(/^https:\/\/github\.com\/([^/]+\/[^/]+)$/)?.[1];
    const example = `${JSON.stringify({ task_id: 'hello-1', script: 'echo hello', timeout_seconds: policy.default_timeout_seconds }, null, 2)}\n`;
    const rows: SubmitField[][] = [
      [
        {
          name: 'fork',
          label: 'Your fork',
          kind: 'text',
          hint: 'owner/repository of your fork of the grid',
          value: fork ?? '',
          required: true,
        },
      ],
      [
        {
          name: 'task_id',
          label: 'Task id',
          kind: 'text',
          hint: 'Letters, digits, dot, underscore, dash; also the file name',
          required: true,
        },
      ],
      [
        {
          name: 'script',
          label: 'Script',
          kind: 'textarea',
          rows: 6,
          hint: 'Run by /bin/sh -c inside the sandbox',
          required: true,
        },
      ],
      [
        {
          name: 'timeout_seconds',
          label: 'Timeout (seconds)',
          kind: 'number',
          min: 1,
          max: policy.max_timeout_seconds,
          placeholder: String(policy.default_timeout_seconds),
        },
        {
          name: 'priority',
          label: 'Priority',
          kind: 'select',
          options: [{ value: '', label: 'Default (normal)' }, ...PRIORITIES.map((p) => ({ value: p, label: p }))],
        },
        {
          name: 'max_attempts',
          label: 'Attempts',
          kind: 'number',
          min: 1,
          max: policy.max_attempts,
          placeholder: String(policy.default_attempts),
        },
      ],
      [
        {
          name: 'image',
          label: 'Image',
          kind: 'select',
          options: [
            { value: '', label: `Default (${policy.default_image})` },
            ...policy.allowed_images
              .filter((image) => image !== policy.default_image)
              .map((image) => ({ value: image, label: image })),
          ],
        },
      ],
      [
        { name: 'requires', label: 'Requires labels', kind: 'text', hint: 'Separated by spaces or commas' },
        { name: 'depends_on', label: 'Depends on', kind: 'text', hint: 'Task ids, separated by spaces or commas' },
      ],
      [
        {
          name: 'cpus',
          label: 'CPUs',
          kind: 'number',
          min: 0,
          max: policy.limits.cpus,
          step: 'any',
          hint: `At most ${policy.limits.cpus}`,
          placeholder: String(policy.limits.cpus),
        },
        {
          name: 'memory_mb',
          label: 'Memory (MB)',
          kind: 'number',
          min: 16,
          max: policy.limits.memory_mb,
          hint: `At most ${policy.limits.memory_mb}`,
          placeholder: String(policy.limits.memory_mb),
        },
      ],
      [
        {
          name: 'not_before',
          label: 'Not before',
          kind: 'text',
          hint: 'Not claimed earlier; RFC 3339, e.g. 2030-01-31T12:00:00Z',
        },
      ],
      [{ name: 'env', label: 'Environment', kind: 'textarea', rows: 3, hint: 'One NAME=value a line' }],
      [{ name: 'description', label: 'Description', kind: 'textarea', rows: 2, hint: 'Free text for people' }],
    ];
    return this.page(
      '@submit',
      '',
      'submit',
      'Submit a task',
      {
        submit: {
          rows,
          example,
          newFileUrl:
            this.repo &&
            `${this.repo}/new/${encodePath(this.input.branch)}?filename=tasks/queue/hello-1.json&value=${encodeURIComponent(example)}`,
        },
      },
      true,
    );
  }

  private page(
    template: string,
    root: string,
    nav: string,
    pageTitle: string,
    data: object,
    validator = false,
  ): string {
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

  private sectionTable(state: TaskState): TaskTable {
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

  private table(
    id: string,
    kind: TaskState,
    heading: string,
    total: number,
    rows: TaskRow[],
    excerpts = false,
  ): TaskTable {
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

  private rows(state: TaskState, records: readonly TaskRecord[]): TaskRow[] {
    return records.map((record) => this.row(state, record));
  }

  private row(state: TaskState, record: TaskRecord): TaskRow {
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
  private link(id: string, state: TaskState, record?: TaskRecord): Link {
    if (this.detailIds.has(id)) return { id, href: detailPath(id) };
    const href = record && this.repoHref(state, record);
    return href ? { id, href, external: true } : { id };
  }

  /** The record's file on GitHub, when the repository is known and the record has a file path. */
  private repoHref(state: TaskState, record: TaskRecord): string | undefined {
    const path = repoPath(state, record);
    return this.repo && path ? `${this.repo}/blob/${encodePath(this.input.branch)}/${encodePath(path)}` : undefined;
  }

  private dependencies() {
    if (this.waiting.length === 0) return undefined;
    const states = new Map([...this.located].map(([id, found]) => [id, found.state]));
    const rows = this.waiting.slice(0, INDEX_ROWS).map((task) => this.row('queued', task));
    return {
      total: formatCount(this.waiting.length),
      graph: new Markup(
        dependencyGraph(
          this.waiting.map((t) => ({ id: t.task_id, dependsOn: t.depends_on ?? [] })),
          states,
        ),
      ),
      legend: (['completed', 'running', 'queued', 'failed', 'unknown'] as const).map((label) => ({
        label: label === 'unknown' ? 'not in the grid' : label,
        tone: STATUS_TONE[label],
      })),
      table: this.table('deps', 'queued', 'Waiting on other tasks', this.waiting.length, rows),
    };
  }

  private nodeRows() {
    const rank: Record<Liveness, number> = { online: 0, unresponsive: 1, draining: 2, offline: 3 };
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

  private detail({ state, record }: Located) {
    const fact = (label: string, value: string | number | undefined) =>
      value === undefined || value === '' ? [] : [{ label, value: String(value) }];
    const time = (value: string | undefined) => {
      const parsed = parseTime(value);
      return parsed ? `${formatTime(parsed)} (${formatAgo(parsed, this.now)})` : value;
    };
    const links = (ids: string[]) =>
      ids.map((id) => this.link(id, this.located.get(id)?.state ?? 'queued', this.located.get(id)?.record));
    const result = state === 'completed' || state === 'failed' ? (record as Result) : undefined;
    const claim = state === 'running' ? (record as Claim).claim : undefined;
    const task = record as Partial<QueuedTask>;
    const facts = [
      ...fact('State', state === 'running' ? 'in progress' : state),
      ...fact(
        'Blocked',
        this.unrunnableIds.has(record.task_id) ? 'no online node carries all the required labels' : '',
      ),
      ...(result
        ? [
            ...fact('Exit code', result.exit_code === null ? 'none' : result.exit_code),
            ...fact('Reason', result.reason),
            ...fact('Node', result.node_id),
            ...fact('Attempt', result.attempt),
            ...fact('Started', time(result.started_at)),
            ...fact('Finished', time(result.finished_at)),
            ...fact('Duration', formatDuration(result.duration_ms)),
          ]
        : []),
      ...(claim
        ? [
            ...fact('Node', claim.node_id),
            ...fact('Attempt', claim.attempt),
            ...fact('Claimed', time(claim.claimed_at)),
            ...fact('Lease until', time(claim.lease_until)),
          ]
        : []),
      ...fact('Priority', priorityOf(task)),
      ...fact('Timeout', task.timeout_seconds === undefined ? undefined : formatDuration(task.timeout_seconds * 1000)),
      ...fact('Image', task.image),
      ...fact('Max attempts', task.max_attempts),
      ...fact('Requires', task.requires?.join(', ')),
      ...fact('CPUs', task.resources?.cpus),
      ...fact('Memory', task.resources?.memory_mb === undefined ? undefined : `${task.resources.memory_mb} MB`),
      ...fact('Not before', time(task.not_before)),
      ...fact('Environment', task.env ? Object.keys(task.env).join(', ') : undefined),
      ...(task.depends_on?.length ? [{ label: 'Depends on', links: links(task.depends_on) }] : []),
    ];
    const stream = (title: string, text: string, bytes: number, sha: string, truncated: boolean) => ({
      title,
      text,
      meta:
        bytes === 0
          ? 'Empty.'
          : `${plural(bytes, 'byte')}${truncated ? `, truncated: the first ${plural(Buffer.byteLength(text), 'byte')} are kept` : ''}; sha256 ${sha}`,
    });
    const streams = result
      ? [
          stream('Standard output', result.stdout, result.stdout_bytes, result.stdout_sha256, result.stdout_truncated),
          stream('Standard error', result.stderr, result.stderr_bytes, result.stderr_sha256, result.stderr_truncated),
        ]
      : [];
    const attempts = [
      ...(task.attempts ?? []).map((a) => attemptRow(a)),
      ...(claim
        ? [
            {
              attempt: claim.attempt,
              node: claim.node_id,
              started: timeOf(claim.claimed_at),
              ended: '–',
              status: 'running',
              tone: 'info',
              exitCode: '–',
              reason: '',
            },
          ]
        : []),
      ...(result
        ? [
            {
              attempt: result.attempt,
              node: result.node_id,
              started: timeOf(result.started_at),
              ended: timeOf(result.finished_at),
              status: result.status,
              tone: STATUS_TONE[result.status] ?? 'neutral',
              exitCode: result.exit_code === null ? '–' : String(result.exit_code),
              reason: result.reason ?? '',
            },
          ]
        : []),
    ];
    const stored: Partial<Result> = { ...record };
    delete stored.stdout;
    delete stored.stderr;
    const path = repoPath(state, record);
    return {
      id: record.task_id,
      status: result ? result.status : state === 'running' ? 'running' : 'queued',
      tone: result ? (STATUS_TONE[result.status] ?? 'neutral') : state === 'running' ? 'info' : 'neutral',
      facts,
      description: task.description,
      script: task.script,
      streams,
      attempts,
      json: JSON.stringify(stored, null, 2),
      recordNote: result
        ? 'The file as stored in the grid, without stdout and stderr (shown above).'
        : 'The file as stored in the grid.',
      repoHref: this.repoHref(state, record),
      repoPath: path,
    };
  }
}

interface SubmitField {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'textarea' | 'select';
  hint?: string;
  value?: string;
  required?: boolean;
  rows?: number;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
  options?: Array<{ value: string; label: string }>;
}

function attemptRow(a: Attempt) {
  return {
    attempt: a.attempt,
    node: a.node_id,
    started: timeOf(a.claimed_at),
    ended: timeOf(a.ended_at),
    status: a.status,
    tone: STATUS_TONE[a.status] ?? 'neutral',
    exitCode: a.exit_code === null || a.exit_code === undefined ? '–' : String(a.exit_code),
    reason: a.reason,
  };
}

function timeOf(value: string): string {
  const parsed = parseTime(value);
  return parsed ? formatTime(parsed) : value;
}

function resultStatus(r: Result) {
  return {
    task_id: r.task_id,
    status: r.status,
    exit_code: r.exit_code,
    node_id: r.node_id,
    duration_ms: r.duration_ms,
    finished_at: r.finished_at,
  };
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

function listPath(state: TaskState, page: number): string {
  return `list/${state}-${page}.html`;
}

/** Where dgrid writes the record, so the page can link to it; undefined for ids no valid file could have. */
function repoPath(state: TaskState, record: TaskRecord): string | undefined {
  if (!SAFE_ID.test(record.task_id)) return undefined;
  if (state === 'queued') return queuePath(record.task_id);
  if (state === 'running') return inProgressPath((record as Claim).claim.node_id, record.task_id);
  const finished = parseTime((record as Result).finished_at);
  return finished && resultPath(state, record.task_id, finished);
}

/** Encodes each segment of a slash-separated path (a branch such as feature/x, a file path) for a URL. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pager(state: TaskState, current: number, pages: number) {
  const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Array<{ n?: number; href?: string; current?: boolean; gap?: boolean }> = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push({ gap: true });
    items.push({ n, href: `${state}-${n}.html`, current: n === current });
  });
  return {
    pages: items,
    prev: current > 1 ? `${state}-${current - 1}.html` : undefined,
    next: current < pages ? `${state}-${current + 1}.html` : undefined,
  };
}
