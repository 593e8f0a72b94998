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
  /**
   * Median time of a round the git host spent serving the node (receive-pack and upload-pack, with their
   * children), in ms. It grows with the tip's tree whatever the node does: receive-pack's connectivity check
   * walks the whole tree of the commit a push builds on.
   */
  hostMs: number;
  /** Median of the round less the host's share: the node's own cost. */
  nodeMs: number;
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

/** A grid's policy beyond the bench's, and the node's signing key: a signed grid's round (signed-round.ts). */
export interface RoundOptions {
  policy?: object;
  signingKey?: string;
  name?: string;
}

export async function measureRoundCost(
  root: string,
  queued: number,
  results: number,
  options: RoundOptions = {},
): Promise<RoundCost> {
  const dir = join(root, options.name ?? `round-${queued}-${results}`);
  const bare = join(dir, 'grid.git');
  await initGrid({
    repository: bare,
    branch: 'main',
    policyText: JSON.stringify({ push_budget_per_minute: 0, ...options.policy }),
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
    ...(options.signingKey ? { signingKey: options.signingKey } : {}),
  };
  const trace = join(dir, 'trace.json');
  await runNode(settings, trace);
  const times = (await readFile(landed, 'utf8')).trim().split('\n').map(Number);
  const host = hostTimes(await readFile(trace, 'utf8'), times);
  const rounds = times.slice(WARM_UP + 1).map((t, i) => ({ round: t - times[WARM_UP + i]!, host: host[WARM_UP + i]! }));
  return {
    queued,
    results,
    roundMs: median(rounds.map((r) => r.round)),
    hostMs: median(rounds.map((r) => r.host)),
    nodeMs: median(rounds.map((r) => r.round - r.host)),
    scanMs: await scanCost(pathToFileURL(bare).href, join(dir, 'scan')),
  };
}

/**
 * The time the host's git processes (those a push or fetch over file:// starts on the server's side) took in
 * each round, from git's own trace: round i runs from landing i to landing i + 1, and a host process belongs
 * to the round it started in.
 */
function hostTimes(trace: string, landings: readonly number[]): number[] {
  const started = new Map<string, number>();
  const host = landings.map(() => 0);
  for (const line of trace.split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line) as { event: string; sid: string; time: string; argv?: string[]; t_abs?: number };
    // Only the host's top processes: their children's time is inside theirs.
    if (event.sid.split('/').length !== 2) continue;
    if (event.event === 'start' && /^git-(receive|upload)-pack$/.test(event.argv?.[0] ?? '')) {
      started.set(event.sid, Date.parse(event.time));
    } else if (event.event === 'exit' && started.has(event.sid)) {
      const round = landings.findLastIndex((t) => t <= started.get(event.sid)!);
      if (round >= 0) host[round]! += event.t_abs! * 1000;
    }
  }
  return host;
}

export interface RoundGrowth {
  small: RoundCost;
  large: RoundCost;
  /** The median over the pairs of the large grid's round over the small one's: the node's own cost. */
  ratio: number;
  /** The same of whole rounds, the host's share included. */
  wallRatio: number;
}

/**
 * A small grid (100 queued, 1,000 results) and a large one (5,000 queued, 100,000 results) measured in turn,
 * `pairs` times: noise on a shared machine hits the two of a pair alike, so each pair gives a ratio and the
 * median of those is the figure. The rows are the pair with the median ratio.
 */
export async function measureRoundGrowth(root: string, pairs = 3): Promise<RoundGrowth> {
  const measured: { small: RoundCost; large: RoundCost }[] = [];
  for (let i = 0; i < pairs; i++) {
    const small = await measureRoundCost(root, 100, 1_000, { name: `round-small-${i}` });
    const large = await measureRoundCost(root, 5_000, 100_000, { name: `round-large-${i}` });
    measured.push({ small, large });
  }
  const byRatio = measured.sort((a, b) => a.large.nodeMs / a.small.nodeMs - b.large.nodeMs / b.small.nodeMs);
  const middle = byRatio[Math.floor(byRatio.length / 2)]!;
  return {
    ...middle,
    ratio: middle.large.nodeMs / middle.small.nodeMs,
    wallRatio: median(measured.map((m) => m.large.roundMs / m.small.roundMs)),
  };
}

/** Runs the node in a process of its own (round-node.ts), as a node runs, with git tracing into `trace`. */
async function runNode(settings: WorkerSettings, trace: string): Promise<void> {
  const script = new URL('./round-node.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, JSON.stringify(settings)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GIT_TRACE2_EVENT: trace },
  });
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
    const growth = await measureRoundGrowth(root);
    for (const r of [growth.small, growth.large]) {
      console.log(
        `${r.queued} queued, ${r.results} results: a round takes ${r.roundMs} ms, the node's own ` +
          `${r.nodeMs.toFixed(0)} ms, the host's ${r.hostMs.toFixed(0)} ms, its scan ${r.scanMs.toFixed(1)} ms`,
      );
    }
    const met = growth.ratio <= 1.5;
    console.log(
      `the node's own round, large / small: ${growth.ratio.toFixed(2)} (target <= 1.5): ${met ? 'met' : 'NOT met'}; ` +
        `whole rounds ${growth.wallRatio.toFixed(2)}`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
