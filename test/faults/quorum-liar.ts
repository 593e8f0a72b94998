// The quorum liar of the fault suite: honest nodes beside one that returns wrong output on a share
// of its tasks (wrong-output.ts), all on quorum tasks. It must never get a wrong result accepted, and must be
// quarantined by its third invalid run; the audit must pass.
import { auditGrid, formatViolation, type AuditReport } from '../../src/upkeep/audit.js';
import { ProcessSandbox } from '../../src/sandbox/process.js';
import type { Task } from '../../src/protocol/schemas.js';
import { makeGrid } from '../helpers/grid.js';
import { WrongOutputSandbox } from './wrong-output.js';

export interface HostileScenario {
  name: string;
  honest: number;
  /** The share of its tasks whose output the hostile node forges. */
  share: number;
  tasks: number;
  quorum: number;
}

export const HOSTILE: HostileScenario = {
  name: 'hostile node, wrong output on half its tasks',
  honest: 4,
  share: 0.5,
  tasks: 50,
  quorum: 2,
};

export interface HostileOutcome {
  scenario: HostileScenario;
  /** Runs of all nodes: every replica of every result. */
  runs: number;
  /** Runs whose output the hostile node forged. */
  lies: number;
  /** Results whose output is not the honest one, described. */
  wrongAccepted: string[];
  /** Tasks without a result. */
  unfinished: string[];
  quarantined: boolean;
  /** The hostile node's invalid runs, as its reputation counts them at the end. */
  invalid: number;
  audit: AuditReport;
}

const HOSTILE_NODE = 'hostile';

export async function runHostile(scenario: HostileScenario): Promise<HostileOutcome> {
  const grid = await makeGrid();
  try {
    const tasks: Task[] = Array.from({ length: scenario.tasks }, (_, i) => ({
      task_id: `h${String(i).padStart(3, '0')}`,
      script: `echo answer ${i}`,
      quorum: scenario.quorum,
    }));
    await grid.submit(tasks);
    const liar = new WrongOutputSandbox(new ProcessSandbox(), scenario.share);
    const settings = { slots: 1, idleTimeoutSeconds: 3 };
    const workers = [
      // Eager for work, as a node would be that skips it: more slots, and the CPUs to run them all at once, so
      // that it meets enough tasks to lie on.
      grid.worker({ ...settings, slots: 4, cpus: 8, nodeId: HOSTILE_NODE }, liar),
      ...Array.from({ length: scenario.honest }, (_, i) => grid.worker({ ...settings, nodeId: `honest-${i + 1}` })),
    ];
    // The hostile node stops with an error once it finds itself quarantined.
    await Promise.allSettled(workers.map((w) => w.run()));
    const results = await grid.results();
    const wrongAccepted: string[] = [];
    let runs = 0;
    tasks.forEach((task, i) => {
      const result = results.get(task.task_id);
      if (!result) return;
      runs += result.replicas?.length ?? 1;
      if (result.status !== 'success' || result.stdout !== `answer ${i}\n`) {
        wrongAccepted.push(`${task.task_id}: ${result.status}, ${JSON.stringify(result.stdout)} by ${result.node_id}`);
      }
    });
    const hostile = await (await grid.snapshot()).node(HOSTILE_NODE);
    return {
      scenario,
      runs,
      lies: liar.lies.size,
      wrongAccepted,
      unfinished: tasks.filter((t) => !results.has(t.task_id)).map((t) => t.task_id),
      quarantined: hostile?.status === 'quarantined',
      invalid: hostile?.reputation?.invalid ?? 0,
      audit: await auditGrid(grid.bare),
    };
  } finally {
    await grid.cleanup();
  }
}

/** What makes a hostile run fail. */
export function hostileProblems(o: HostileOutcome): string[] {
  return [
    ...o.audit.violations.map(formatViolation),
    ...o.wrongAccepted.map((w) => `wrong result accepted: ${w}`),
    ...o.unfinished.map((id) => `no result: ${id}`),
    ...(o.lies >= 3 && !o.quarantined ? [`the hostile node lied ${o.lies} times and is not quarantined`] : []),
    ...(o.invalid > 3 ? [`the hostile node was quarantined only after ${o.invalid} invalid runs`] : []),
  ];
}

export function hostileTable(outcomes: HostileOutcome[]): string {
  const rows = [
    ['scenario', 'nodes', 'tasks (quorum)', 'runs', 'lies', 'wrong accepted', 'quarantined after', 'audit'],
    ...outcomes.map((o) => [
      o.scenario.name,
      `${o.scenario.honest} honest + 1 hostile`,
      `${o.scenario.tasks} (${o.scenario.quorum})`,
      String(o.runs),
      String(o.lies),
      String(o.wrongAccepted.length),
      o.quarantined ? `${o.invalid} invalid runs` : 'not quarantined',
      `${o.audit.ok ? 'ok' : `${o.audit.violationCount} violations`}, ${o.audit.figures.commits} commits`,
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
