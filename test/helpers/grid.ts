// Real grids for tests: a bare repository on disk, reached over file:// (or smart HTTP, see http-git.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import type { TestContext } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditGrid, formatViolation, type AuditRule } from '../../src/upkeep/audit.js';
import { GridStore, type Change } from '../../src/git/store.js';
import { initGrid, submitTasks } from '../../src/admin/grid-admin.js';
import { GridSnapshot } from '../../src/protocol/snapshot.js';
import { silentLog, type Log } from '../../src/common/log.js';
import { ProcessSandbox } from '../../src/sandbox/process.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { Result, Task } from '../../src/protocol/schemas.js';
import { Worker, type WorkerReport, type WorkerSettings } from '../../src/node/worker.js';

export interface TestGrid {
  dir: string;
  bare: string;
  remote: string;
  store: GridStore;
  submit(tasks: Task[]): Promise<string>;
  worker(overrides?: Partial<WorkerSettings>, sandbox?: Sandbox, log?: Log): Worker;
  results(): Promise<Map<string, Result & { state: string }>>;
  snapshot(): Promise<GridSnapshot>;
  cleanup(): Promise<void>;
}

export async function makeGrid(policy: object = {}, remoteOverride?: string): Promise<TestGrid> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-test-'));
  const bare = join(dir, 'grid.git');
  await initGrid({
    repository: bare,
    branch: 'main',
    // Local test grids push and poll as fast as they can; the budgets have tests of their own.
    policyText: JSON.stringify({ push_budget_per_minute: 0, read_budget_per_second: 0, ...policy }),
    cacheDir: join(dir, 'cache-init'),
  });
  const remote = remoteOverride ?? pathToFileURL(bare).href;
  const store = await GridStore.open({
    remote: pathToFileURL(bare).href,
    branch: 'main',
    dir: join(dir, 'cache-test'),
  });
  let workers = 0;
  const grid: TestGrid = {
    dir,
    bare,
    remote,
    store,
    submit: (tasks) => submitTasks(store, tasks),
    worker: (overrides = {}, sandbox = new ProcessSandbox(), log = silentLog) => {
      const nodeId = overrides.nodeId ?? `node-${++workers}`;
      return new Worker(
        {
          remote,
          branch: 'main',
          nodeId,
          labels: [],
          slots: 1,
          maxTasks: 0,
          maxRuntimeMinutes: 0,
          idleTimeoutSeconds: 1,
          pollIntervalSeconds: 0.1,
          cacheDir: join(dir, `cache-${nodeId}`),
          ...overrides,
        },
        sandbox,
        log,
      );
    },
    snapshot: async () => GridSnapshot.load(store, await store.fetch()),
    results: async () => {
      const snapshot = await grid.snapshot();
      const files = [...snapshot.of('completed'), ...snapshot.of('failed')];
      const parsed = await snapshot.readJson(files);
      const out = new Map<string, Result & { state: string }>();
      for (const [file, value] of parsed) out.set(file.id, { ...(value as Result), state: file.state });
      return out;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  return grid;
}

/** A grid that is removed when the test `t` ends, however it ends. */
export async function gridFor(t: TestContext, policy?: object, remoteOverride?: string): Promise<TestGrid> {
  const grid = await makeGrid(policy, remoteOverride);
  t.after(() => grid.cleanup());
  return grid;
}

export async function runAll(workers: Worker[]): Promise<WorkerReport[]> {
  return Promise.all(workers.map((w) => w.run()));
}

/** Pushes a commit of raw changes on the tip, as a token holder bypassing the gate would; returns it. */
export async function pushDirectly(grid: TestGrid, changes: Change[], message = 'a direct push'): Promise<string> {
  const tip = await grid.store.fetch();
  const commit = await grid.store.commit(tip, changes, `${message}\n`, 'direct');
  if ((await grid.store.push(commit)) !== 'pushed') throw new Error('the direct push was rejected');
  return commit;
}

/** The audit's rules that hold for any history, fixtures that plant results directly included. */
const STRUCTURAL_RULES: readonly AuditRule[] = ['one-place', 'lost', 'archive'];

/**
 * Invariant 1 of the contract in every commit of the branch (each task id in exactly one lifecycle folder,
 * once), and no task lost but to the archive, as `dgrid audit` checks them; empty when they hold.
 */
export async function invariantViolations(bare: string, branch = 'main'): Promise<string[]> {
  const report = await auditGrid(bare, branch);
  return report.violations.filter((v) => STRUCTURAL_RULES.includes(v.rule)).map(formatViolation);
}

export function noopTasks(count: number, prefix = 't'): Task[] {
  return Array.from({ length: count }, (_, i) => ({
    task_id: `${prefix}${String(i).padStart(3, '0')}`,
    script: 'true',
  }));
}
