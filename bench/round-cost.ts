// What one round of a node costs as the grid grows: a node drains tasks from a grid with a small queue and
// few results, then from one with a huge queue (past max_queued, as direct pushes leave it) and a hundred
// thousand results at the tip. A round is one push of the node (the result of one task and the claim of the
// next); its cost is the time between pushes once the node has read the grid the first time.
// Each grid is written with one fast-import, so a hundred thousand results take seconds.
// Run alone: node build/bench/round-cost.js
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { initGrid } from '../src/admin/grid-admin.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { queuePath, resultPath } from '../src/protocol/layout.js';
import { serialize } from '../src/protocol/transitions.js';
import { ScanMemo, scanQueue } from '../src/node/scheduler.js';
import type { WorkerSettings } from '../src/node/worker.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rounds before the measured ones: the node's first read of the grid is the cold start's, not a round's. */
const WARM_UP = 3;
const MEASURED = 20;

export interface RoundCost {
  queued: number;
  results: number;
  /** Median time between two pushes of the node, in ms. */
  roundMs: number;
  /** Median time a node takes to list the tip and scan the queue, the part of a round that is its own. */
  scanMs: number;
}

/** Writes `queued` no-op tasks and `results` results over 30 days in one commit on top of the grid's tip. */
async function plant(bare: string, queued: number, results: number, now: number): Promise<void> {
  const out: string[] = ['commit refs/heads/main', `committer bench <bench@dgrid> ${Math.floor(now / 1000)} +0000`];
  const message = `bench: ${queued} queued, ${results} results\n`;
  out.push(`data ${Buffer.byteLength(message)}`, message, 'from refs/heads/main^0');
  const write = (path: string, text: string) =>
    out.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text);
  for (let i = 0; i < queued; i++) {
    const id = `q${String(i).padStart(5, '0')}`;
    write(queuePath(id), serialize({ task_id: id, script: 'true' }));
  }
  for (let i = 0; i < results; i++) {
    const id = `r${String(i).padStart(6, '0')}`;
    const at = new Date(now - (i % 30) * DAY_MS);
    write(
      resultPath('completed', id, at),
      serialize({
        task_id: id,
        script: 'true',
        node_id: 'bench',
        status: 'success',
        exit_code: 0,
        timestamp: at.toISOString(),
      }),
    );
  }
  await git(['fast-import', '--quiet'], { cwd: bare, input: out.join('\n') + '\n\n' });
}

export async function measureRoundCost(root: string, queued: number, results: number): Promise<RoundCost> {
  const dir = join(root, `round-${queued}-${results}`);
  const bare = join(dir, 'grid.git');
  await initGrid({
    repository: bare,
    branch: 'main',
    policyText: JSON.stringify({ push_budget_per_minute: 0 }),
    cacheDir: join(dir, 'init'),
  });
  await plant(bare, queued, results, Date.now());
  const landed = join(dir, 'landed');
  await writeFile(
    join(bare, 'hooks', 'post-receive'),
    `#!/bin/sh\nwhile read old new ref; do echo "$(date +%s%3N)"; done >> ${landed}\n`,
    { mode: 0o755 },
  );
  const settings: WorkerSettings = {
    remote: pathToFileURL(bare).href,
    branch: 'main',
    nodeId: 'bench-node',
    labels: [],
    slots: 1,
    maxTasks: WARM_UP + MEASURED,
    maxRuntimeMinutes: 0,
    idleTimeoutSeconds: 5,
    pollIntervalSeconds: 0.05,
    batchWindowMs: 0,
    cacheDir: join(dir, 'node'),
  };
  await runNode(settings);
  const times = (await readFile(landed, 'utf8')).trim().split('\n').map(Number);
  const roundMs = median(times.slice(WARM_UP + 1).map((t, i) => t - times[WARM_UP + i]!));
  return { queued, results, roundMs, scanMs: await scanCost(pathToFileURL(bare).href, join(dir, 'scan')) };
}

/** Runs the node in a process of its own (round-node.ts), as a node runs. */
async function runNode(settings: WorkerSettings): Promise<void> {
  const script = new URL('./round-node.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, JSON.stringify(settings)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the benchmark's node exited with ${code}`);
}

/** A node's listing and scan of the queue, round after round, each round finishing one task by hand. */
async function scanCost(remote: string, cacheDir: string): Promise<number> {
  const store = await GridStore.open({ remote, branch: 'main', dir: cacheDir, partial: true });
  const view = { nodeId: 'scan-node', labels: [], firstSeen: new Map<string, string>(), memo: new ScanMemo() };
  const times: number[] = [];
  let last: GridSnapshot | undefined;
  for (let round = 0; round < WARM_UP + MEASURED; round++) {
    const tip = await store.fetch();
    const started = performance.now();
    // As a node lists it: the difference from its last snapshot.
    const since = last ? { since: last } : {};
    const snapshot = await GridSnapshot.load(store, tip, { states: ['queue', 'in_progress'], ...since });
    last = snapshot;
    const scan = await scanQueue(snapshot, view, new Date(), await snapshot.policy());
    times.push(performance.now() - started);
    const { file, task } = scan.claimable[0]!;
    const result = { task_id: task.task_id, status: 'success', exit_code: 0 };
    const changes = [
      { path: file.entry.path, delete: true as const },
      { path: resultPath('completed', task.task_id, new Date()), content: serialize(result) },
    ];
    await store.push(await store.commit(tip, changes, `bench: finish ${task.task_id}\n`, 'bench'));
  }
  return median(times.slice(WARM_UP));
}

const median = (figures: number[]) => [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)]!;

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const root = await mkdtemp(join(tmpdir(), 'dgrid-round-'));
  try {
    const small = await measureRoundCost(root, 100, 1_000);
    const large = await measureRoundCost(root, 5_000, 100_000);
    for (const r of [small, large]) {
      console.log(
        `${r.queued} queued, ${r.results} results: a round takes ${r.roundMs} ms, its scan ${r.scanMs.toFixed(1)} ms`,
      );
    }
    const ratio = large.roundMs / small.roundMs;
    console.log(`ratio ${ratio.toFixed(2)} (target <= 1.5): ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
    process.exitCode = ratio <= 1.5 ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
