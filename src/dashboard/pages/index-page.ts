// index.html: counts, charts and the most recent tasks of each state.
import { dependencyGraph, queueDepthChart, successRateChart, throughputChart } from '../charts.js';
import { Markup } from '../escape.js';
import { formatAgo, formatCount } from '../format.js';
import type { DashboardSummary } from '../model.js';
import { INDEX_ROWS, STATUS_TONE, type Site } from '../site.js';

export function indexPage(site: Site, summary: DashboardSummary): string {
  const c = summary.counts;
  const finished = c.completed + c.failed;
  const sections = {
    running: site.sectionTable('running'),
    queued: site.sectionTable('queued'),
    failed: site.sectionTable('failed'),
    completed: site.sectionTable('completed'),
  };
  const unrunnableRows = site.unrunnable.slice(0, INDEX_ROWS).map((u) => ({
    ...site.row('queued', u.task),
    missing: u.missing,
  }));
  return site.page('@index', '', 'overview', 'Overview', {
    generatedAgo: formatAgo(site.now, site.now),
    counts: {
      queued: formatCount(c.queued),
      high: formatCount(c.queuedByPriority.high),
      normal: formatCount(c.queuedByPriority.normal),
      low: formatCount(c.queuedByPriority.low),
      inProgress: formatCount(c.inProgress),
      completed: formatCount(c.completed),
      failed: formatCount(c.failed),
      nodesOnline: formatCount(c.nodesOnline),
      nodesTotal: formatCount(site.input.nodes.length),
      successRate:
        finished > 0 ? `${Math.round((c.completed / finished) * 1000) / 10}% of finished` : 'none finished yet',
    },
    recommendation: { workers: summary.recommendedWorkers, reason: summary.recommendationReason },
    unrunnable: {
      total: site.unrunnable.length,
      totalText: formatCount(site.unrunnable.length),
      table: site.table('unrunnable', 'queued', 'Tasks nobody can run', site.unrunnable.length, unrunnableRows),
    },
    charts: {
      throughput: new Markup(throughputChart(site.input.history)),
      queue: new Markup(queueDepthChart(site.input.history)),
      success: new Markup(successRateChart(site.input.history, { completed: c.completed, failed: c.failed })),
    },
    sections,
    deps: dependencies(site),
    nodes: {
      total: formatCount(site.input.nodes.length),
      rows: site.nodeRows().slice(0, INDEX_ROWS),
      allHref: site.input.nodes.length > INDEX_ROWS ? 'nodes.html' : undefined,
    },
  });
}

function dependencies(site: Site) {
  if (site.waiting.length === 0) return undefined;
  const states = new Map([...site.located].map(([id, found]) => [id, found.state]));
  const rows = site.waiting.slice(0, INDEX_ROWS).map((task) => site.row('queued', task));
  return {
    total: formatCount(site.waiting.length),
    graph: new Markup(
      dependencyGraph(
        site.waiting.map((t) => ({ id: t.task_id, dependsOn: t.depends_on ?? [] })),
        states,
      ),
    ),
    legend: (['completed', 'running', 'queued', 'failed', 'unknown'] as const).map((label) => ({
      label: label === 'unknown' ? 'not in the grid' : label,
      tone: STATUS_TONE[label],
    })),
    table: site.table('deps', 'queued', 'Waiting on other tasks', site.waiting.length, rows),
  };
}
