// The checker of a fault run: the audit of the whole history, then the tasks against their executions.
// Every submitted task must have exactly one result and none other may appear; each task may run more
// than once only when a fault hit it: every execution but the one that counted must have been on a node
// killed or stopped while it ran (or just before it started a stale claim), or during a server outage, a
// spell of refused pushes or a Docker daemon restart.
import { join } from 'node:path';
import { auditGrid, formatViolation, type AuditReport } from '../../src/upkeep/audit.js';
import { git } from '../../src/git/runner.js';
import { GridStore } from '../../src/git/store.js';
import { GridSnapshot } from '../../src/protocol/snapshot.js';
import type { Result } from '../../src/protocol/schemas.js';
import type { Cluster, Fault, FaultKind, Run } from './cluster.js';

export interface Outcome {
  name: string;
  faults: Partial<Record<FaultKind, number>>;
  tasks: number;
  executions: number;
  extra: number;
  /** Extra executions no fault explains, described. */
  unexplained: string[];
  lost: string[];
  unexpected: string[];
  /** Tasks recorded or run more often than the protocol allows, described. */
  duplicated: string[];
  /** Tasks whose result is not a success (every task script succeeds). */
  failed: string[];
  /** Nodes that, restarted, never committed again: a stale file in their cache wedged them. */
  wedged: string[];
  /** From the end of the faults to the last result; null when the grid did not drain within the bound. */
  drainSeconds: number | null;
  audit: AuditReport;
  /** The hostile node's misdeeds (void, as the audit says), and those no reaper restored in its next run. */
  forged: number;
  forgedCommits: Set<string>;
  unrestored: string[];
}

/** What makes a run fail. */
export function problems(outcome: Outcome): string[] {
  return [
    ...outcome.audit.violations.filter((v) => !isForged(outcome, v)).map(formatViolation),
    ...outcome.unrestored.map((u) => `forged commit not restored by the next reaper run: ${u}`),
    ...outcome.unexplained.map((u) => `unexplained extra execution: ${u}`),
    ...outcome.lost.map((id) => `lost: ${id}`),
    ...outcome.unexpected.map((u) => `unexpected: ${u}`),
    ...outcome.duplicated.map((d) => `duplicated: ${d}`),
    ...outcome.failed.map((f) => `failed: ${f}`),
    ...outcome.wedged.map((node) => `wedged: ${node} restarted and never committed again`),
    ...(outcome.drainSeconds === null ? ['the grid did not drain within the bound'] : []),
  ];
}

/** Faults that hit every node at once: the git server's, and the Docker daemon's (the nodes share one). */
const SHARED_FAULTS: FaultKind[] = ['server-outage', 'push-rejects', 'docker-restart'];
/**
 * How long after its node spawned it a run is seen to start: a task script logs its start a moment later; a
 * container's start event comes once the daemon created it, and a node killed in between leaves it running.
 * Just after a daemon restart, on a loaded machine, that took over half a second.
 */
const START_LAG_MS = { process: 250, container: 2000 };

/** A void commit of the hostile node: the one violation a run with it must show, once per misdeed. */
function isForged(outcome: Outcome, v: AuditReport['violations'][number]): boolean {
  return v.rule === 'void' && outcome.forgedCommits.has(v.commit);
}

/**
 * Each misdeed's commit, and whether the first reaper commit after it (a reaper run that changed anything:
 * one always does while a void commit waits) names it in a Restores: trailer.
 */
async function restored(cluster: Cluster): Promise<{ forged: Set<string>; unrestored: string[] }> {
  const log = await git(['log', '--first-parent', '--reverse', '--format=%H%x00%an%x00%B%x01', 'main'], {
    cwd: cluster.bare,
  });
  const commits = log
    .split('\x01')
    .map((c) => c.replace(/^\n/, '').split('\0'))
    .filter((c) => c.length === 3);
  // The recorded misdeeds, and any whose push reported an error but landed all the same.
  const landed = new Set(commits.map(([sha]) => sha!));
  const forged = new Set([
    ...cluster.faults.filter((f) => f.kind === 'hostile-node').map((f) => f.detail!.split(' ')[1]!),
    ...cluster.misdeedCommits.filter((sha) => landed.has(sha)),
  ]);
  const unrestored: string[] = [];
  for (const sha of forged) {
    const at = commits.findIndex(([commit]) => commit === sha);
    const next = commits
      .slice(at + 1)
      .find(([, author, body]) => /^dgrid-reaper-/.test(author!) && /^dgrid: reap:/.test(body!));
    if (!next || !next[2]!.includes(`Restores: ${sha}`)) unrestored.push(sha);
  }
  return { forged, unrestored };
}

export async function check(cluster: Cluster, name: string, drainSeconds: number | null): Promise<Outcome> {
  const audit = await auditGrid(cluster.bare);
  const { forged, unrestored } = await restored(cluster);
  const results = await resultsAt(cluster);
  const runs = await cluster.runs();
  const submitted = new Set(cluster.submitted);
  const byTask = new Map<string, Run[]>();
  for (const run of runs) byTask.set(run.task, [...(byTask.get(run.task) ?? []), run]);

  const outcome: Outcome = {
    name,
    faults: {},
    tasks: submitted.size,
    executions: runs.length,
    extra: 0,
    unexplained: [],
    lost: cluster.submitted.filter((id) => !results.has(id)),
    unexpected: [
      ...[...results.keys()].filter((id) => !submitted.has(id)).map((id) => `result ${id}`),
      ...[...byTask.keys()].filter((id) => !submitted.has(id)).map((id) => `execution of ${id}`),
    ],
    duplicated: audit.violations
      .filter((v) => ['one-place', 'terminal-twice', 'completed-twice'].includes(v.rule))
      .map(formatViolation),
    failed: [],
    wedged: await wedgedNodes(cluster),
    drainSeconds,
    audit,
    forged: forged.size,
    forgedCommits: forged,
    unrestored,
  };
  for (const fault of cluster.faults) outcome.faults[fault.kind] = (outcome.faults[fault.kind] ?? 0) + 1;

  const lag = cluster.options.dockerImage ? START_LAG_MS.container : START_LAG_MS.process;
  for (const [id, result] of results) {
    if (result.status !== 'success') outcome.failed.push(`${id}: ${result.status}: ${result.reason ?? ''}`);
    const taskRuns = (byTask.get(id) ?? []).sort((a, b) => a.at - b.at);
    const claims = (result.attempts?.length ?? 0) + (result.claim ? 1 : 0);
    if (result.status === 'success' && taskRuns.length === 0) outcome.duplicated.push(`${id}: a result, never run`);
    if (taskRuns.length > claims) outcome.duplicated.push(`${id}: ran ${taskRuns.length} times on ${claims} claim(s)`);
    outcome.extra += Math.max(0, taskRuns.length - 1);
    // The run that counts is the last on the node that wrote the result; any other did not count, and a
    // fault must have hit it: before the next attempt ran, or, for a stale claim run after its node woke
    // up, just before it started.
    const counted = taskRuns.findLast((run) => run.node === result.node_id) ?? taskRuns.at(-1);
    for (const run of taskRuns) {
      if (run === counted) continue;
      const until = Math.max(run.at, counted!.at);
      if (!cluster.faults.some((f) => explains(f, run, until, lag))) {
        outcome.unexplained.push(
          `${id} ran on ${run.node} at ${new Date(run.at).toISOString()}, and counted on ${counted!.node} at ` +
            `${new Date(counted!.at).toISOString()}, with no fault on ${run.node} or the server in between`,
        );
      }
    }
  }
  return outcome;
}

/** A fault explains a run that did not count when it hit that run's node, or every node, from its start until `until`. */
function explains(fault: Fault, run: Run, until: number, lag: number): boolean {
  const hits =
    SHARED_FAULTS.includes(fault.kind) ||
    ((fault.kind === 'kill-worker' || fault.kind === 'stop-worker') && fault.target === run.node);
  return hits && fault.at <= until && fault.until >= run.at - lag;
}

async function resultsAt(cluster: Cluster): Promise<Map<string, Result>> {
  const store = await GridStore.open({
    remote: cluster.bare,
    branch: 'main',
    dir: join(cluster.dir, 'cache-check'),
  });
  const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['completed', 'failed'] });
  const parsed = await snapshot.readJson([...snapshot.of('completed'), ...snapshot.of('failed')]);
  return new Map([...parsed].map(([file, value]) => [file.id, value as Result]));
}

/** Nodes restarted after a kill that left stale files, and that never committed after that start. */
async function wedgedNodes(cluster: Cluster): Promise<string[]> {
  const log = await git(['log', '--format=%an %ct', 'main'], { cwd: cluster.bare });
  const last = new Map<string, number>();
  for (const line of log.split('\n')) {
    const [author, time] = line.split(' ');
    if (author && !last.has(author)) last.set(author, Number(time) * 1000);
  }
  return [...cluster.starts]
    .filter(([node, started]) => {
      const committed = (last.get(node) ?? 0) - cluster.skewOf(node) * 1000;
      return committed < started - 1000;
    })
    .map(([node]) => node);
}

/** One line per run: the faults by kind and what they did. */
export function table(outcomes: Outcome[]): string {
  const rows = [
    [
      'scenario',
      'faults injected',
      'tasks',
      'executions',
      'extra (unexplained)',
      'lost',
      'duplicated',
      'wedged',
      'drain s',
      'forged (restored next reap)',
      'audit',
    ],
    ...outcomes.map((o) => [
      o.name,
      Object.entries(o.faults)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none',
      String(o.tasks),
      String(o.executions),
      `${o.extra} (${o.unexplained.length})`,
      String(o.lost.length),
      String(o.duplicated.length),
      String(o.wedged.length),
      o.drainSeconds === null ? 'no' : o.drainSeconds.toFixed(1),
      `${o.forged} (${o.forged - o.unrestored.length})`,
      `${o.audit.ok ? 'ok' : `${o.audit.violationCount} violations`}, ${o.audit.figures.commits} commits, ${o.audit.ms} ms`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join(' | ')
        .trimEnd(),
    )
    .join('\n');
}
