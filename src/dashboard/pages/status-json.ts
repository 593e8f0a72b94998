import type { Result } from '../../protocol/schemas.js';
import { liveness } from '../facts.js';
import type { DashboardSummary } from '../model.js';
import { INDEX_ROWS, type Site } from '../site.js';

/** status.json: stable snake_case names, for scripts and for the page's own refresh. */
export function statusJson(site: Site, summary: DashboardSummary): unknown {
  const c = summary.counts;
  return {
    version: 1,
    title: site.input.title,
    generated_at: site.now.toISOString(),
    branch: site.input.branch,
    repository_url: site.repo ?? null,
    counts: {
      queued: c.queued,
      queued_by_priority: c.queuedByPriority,
      in_progress: c.inProgress,
      completed: c.completed,
      failed: c.failed,
      nodes_online: c.nodesOnline,
      nodes_total: site.input.nodes.length,
    },
    recommended_workers: summary.recommendedWorkers,
    recommendation_reason: summary.recommendationReason,
    nodes: site.input.nodes.map((node) => ({
      node_id: node.node_id,
      status: liveness(node, site.input),
      last_heartbeat: node.last_heartbeat,
      labels: node.labels,
      slots: node.slots,
      slots_in_use: site.busy.get(node.node_id) ?? 0,
      completed: node.completed,
      failed: node.failed,
      version: node.version,
    })),
    running: site.sorted.running.slice(0, INDEX_ROWS).map((t) => ({
      task_id: t.task_id,
      node_id: t.claim.node_id,
      attempt: t.claim.attempt,
      claimed_at: t.claim.claimed_at,
      lease_until: t.claim.lease_until,
    })),
    recent_completed: site.sorted.completed.slice(0, INDEX_ROWS).map(resultStatus),
    recent_failed: site.sorted.failed.slice(0, INDEX_ROWS).map(resultStatus),
    unrunnable: site.unrunnable.map((u) => ({
      task_id: u.task.task_id,
      requires: u.task.requires ?? [],
      missing_labels: u.missing,
    })),
  };
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
