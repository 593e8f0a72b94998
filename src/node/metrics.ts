// The opt-in local HTTP endpoint of a worker run as a service: /healthz for a liveness probe and
// /metrics in the Prometheus text format.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerGauges } from './worker.js';
import { printable } from '../common/printable.js';

export function prometheusText(g: WorkerGauges): string {
  const { report } = g;
  const node = `node_id="${report.nodeId.replace(/["\\\n]/g, '_')}"`;
  const durations = report.outcomes.map((o) => o.duration_ms / 1000);
  const lines = [
    '# HELP dgrid_tasks_total Tasks this node finished, by status.',
    '# TYPE dgrid_tasks_total counter',
    ...['success', 'failure', 'timeout', 'error', 'cancelled'].map(
      (status) =>
        `dgrid_tasks_total{${node},status="${status}"} ${report.outcomes.filter((o) => o.status === status).length}`,
    ),
    '# HELP dgrid_tasks_returned_total Claims handed back to the queue on stop.',
    '# TYPE dgrid_tasks_returned_total counter',
    `dgrid_tasks_returned_total{${node}} ${report.returned}`,
    '# HELP dgrid_results_fenced_total Results not written because the claim had moved on.',
    '# TYPE dgrid_results_fenced_total counter',
    `dgrid_results_fenced_total{${node}} ${report.fenced}`,
    '# HELP dgrid_pushes_total Accepted pushes to the grid branch.',
    '# TYPE dgrid_pushes_total counter',
    `dgrid_pushes_total{${node}} ${report.pushes}`,
    '# HELP dgrid_claim_conflicts_total Pushes rejected because another node moved the tip first.',
    '# TYPE dgrid_claim_conflicts_total counter',
    `dgrid_claim_conflicts_total{${node}} ${report.rejectedPushes}`,
    '# HELP dgrid_task_duration_seconds Run time of finished tasks.',
    '# TYPE dgrid_task_duration_seconds summary',
    `dgrid_task_duration_seconds_sum{${node}} ${durations.reduce((a, b) => a + b, 0)}`,
    `dgrid_task_duration_seconds_count{${node}} ${durations.length}`,
    '# HELP dgrid_running_tasks Tasks running now.',
    '# TYPE dgrid_running_tasks gauge',
    `dgrid_running_tasks{${node}} ${g.running}`,
    '# HELP dgrid_slots Tasks this node runs at once at most.',
    '# TYPE dgrid_slots gauge',
    `dgrid_slots{${node}} ${g.slots}`,
  ];
  return lines.join('\n') + '\n';
}

/**
 * Serves /healthz and /metrics on 127.0.0.1 unless told otherwise; unhealthy when no push for `staleSeconds`, or
 * while the circuit breaker keeps the node from claiming.
 */
export async function serveMetrics(
  gauges: () => WorkerGauges,
  port: number,
  staleSeconds: number,
  host = '127.0.0.1',
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const g = gauges();
    if (req.url === '/healthz') {
      const stale = g.stopping || g.sinceLastPushSeconds >= staleSeconds;
      // An unhealthy node (its last runs failed for node-side reasons) still heartbeats: a probe that restarts it
      // may cure what a pause does not.
      const problem = stale ? 'stale' : g.unhealthy !== undefined ? `unhealthy: ${printable(g.unhealthy)}` : undefined;
      res.writeHead(problem ? 503 : 200, { 'content-type': 'text/plain' }).end(`${problem ?? 'ok'}\n`);
    } else if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(prometheusText(g));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    // Scrapers keep connections alive; a stopping node must not wait for them.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
