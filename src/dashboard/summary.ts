// The numbers the render-dashboard action outputs and writes to its job summary.
import { PRIORITIES, liveness, onlineNodes, priorityOf } from './facts.js';
import { formatAgo, formatCount, parseTime } from './format.js';
import type { DashboardInput, DashboardSummary } from './model.js';
import { recommendWorkers, type ScalingOptions } from './scaling.js';

export function summarize(input: DashboardInput, scaling?: ScalingOptions): DashboardSummary {
  const queuedByPriority = { high: 0, normal: 0, low: 0 };
  for (const task of input.queued) queuedByPriority[priorityOf(task)]++;
  const recommendation = recommendWorkers(input, scaling);
  return {
    counts: {
      queued: input.queued.length,
      queuedByPriority,
      inProgress: input.running.length,
      completed: input.completed.length,
      failed: input.failed.length,
      nodesOnline: onlineNodes(input).length,
    },
    recommendedWorkers: recommendation.workers,
    recommendationReason: recommendation.reason,
  };
}

/** A job summary stays readable (and under GitHub's 1 MiB limit) with the busiest nodes only. */
const SUMMARY_NODES = 50;

/** GitHub-flavoured Markdown for the job summary: the counts and a table of nodes. */
export function summaryMarkdown(summary: DashboardSummary, input: DashboardInput): string {
  const c = summary.counts;
  const byPriority = PRIORITIES.map((p) => `${p} ${formatCount(c.queuedByPriority[p])}`).join(', ');
  const lines = [
    `## ${md(input.title)}`,
    '',
    '| Queued | In progress | Completed | Failed | Nodes online | Recommended workers |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${formatCount(c.queued)} (${byPriority}) | ${formatCount(c.inProgress)} | ${formatCount(c.completed)} | ${formatCount(c.failed)} | ${formatCount(c.nodesOnline)} of ${formatCount(input.nodes.length)} | ${summary.recommendedWorkers} |`,
    '',
    `${md(summary.recommendationReason)}`,
    '',
  ];
  if (input.nodes.length > 0) {
    const busy = new Map<string, number>();
    for (const claim of input.running) busy.set(claim.claim.node_id, (busy.get(claim.claim.node_id) ?? 0) + 1);
    const nodes = [...input.nodes].sort(
      (a, b) => order(a, input) - order(b, input) || a.node_id.localeCompare(b.node_id),
    );
    lines.push(
      '### Nodes',
      '',
      '| Node | Status | Last heartbeat | Labels | Slots in use | Completed | Failed |',
      '| --- | --- | --- | --- | ---: | ---: | ---: |',
      ...nodes.slice(0, SUMMARY_NODES).map((node) => {
        const heartbeat = parseTime(node.last_heartbeat);
        const labels = node.labels.length > 0 ? node.labels.map((l) => `\`${code(l)}\``).join(' ') : '–';
        return `| \`${code(node.node_id)}\` | ${liveness(node, input)} | ${heartbeat ? formatAgo(heartbeat, input.generatedAt) : 'unknown'} | ${labels} | ${busy.get(node.node_id) ?? 0} / ${node.slots} | ${formatCount(node.completed)} | ${formatCount(node.failed)} |`;
      }),
    );
    if (nodes.length > SUMMARY_NODES)
      lines.push('', `…and ${formatCount(nodes.length - SUMMARY_NODES)} more nodes on the dashboard.`);
    lines.push('');
  }
  return lines.join('\n');
}

const LIVENESS_ORDER = { online: 0, unresponsive: 1, draining: 2, offline: 3, quarantined: 4 };

function order(node: DashboardInput['nodes'][number], input: DashboardInput): number {
  return LIVENESS_ORDER[liveness(node, input)];
}

/**
 * Text for Markdown: HTML-escaped (GitHub renders HTML in summaries) and with Markdown's punctuation
 * backslash-escaped, on one line so it cannot break out of a table row or heading.
 */
function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_{}[\]()#+!|~-]/g, '\\$&');
}

/** Text inside a code span in a table: backticks and pipes cannot be escaped there, so they are replaced. */
function code(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '¦');
}
