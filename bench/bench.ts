// The throughput benchmark: every figure measured in this run, on this machine, against local bare
// repositories, and compared as ratios so that a noisy machine does not decide.
//
//   npm run bench               the full run (200 tasks, a 10,000-task grid for cold start)
//   npm run bench -- --quick    a short run for CI: smaller numbers, same table
//   npm run bench -- --chain    the chain latency row alone
//   npm run bench -- --quorum   the quorum rows alone (adaptive replication's cost, the hostile node)
//   npm run bench -- --shards   the shards row alone
//   npm run bench -- --million  a year of a million tasks (million.ts), alone: it takes many minutes, so the
//                               default run leaves these rows out and says so
//   npm run bench -- --round    the rows of a node's round as the grid grows, alone
//   npm run bench -- --budget   the rows of the shared push budget alone
//   npm run bench -- --signed   a node's round on a grid with signed, checked commits against a plain one, alone
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { archiveResults } from '../src/upkeep/archive.js';
import { initGrid, submitTasks } from '../src/admin/grid-admin.js';
import { silentLog } from '../src/common/log.js';
import { DockerSandbox } from '../src/sandbox/docker.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import { Worker } from '../src/node/worker.js';
import { timeRender } from './dashboard.js';
import { writeGridHistory } from './grid-history.js';
import { measureRoundGrowth, type RoundCost, type RoundGrowth } from './round-cost.js';
import { budgetRun, type BudgetRun } from './budget.js';
import { adaptiveCost, type AdaptiveCost } from './quorum.js';
import { HOSTILE, runHostile, type HostileOutcome } from '../test/faults/quorum-liar.js';
import { measureSignedRound, type SignedRound } from './signed-round.js';
import { millionRows } from './million.js';
import { timeValidation } from './validate.js';
import { measureShardDrain, type ShardDrain } from './shards.js';

const quick = process.argv.includes('--quick');
const chainOnly = process.argv.includes('--chain');
const quorumOnly = process.argv.includes('--quorum');
/** Quorum-2 tasks measured once every node is trusted. */
const ADAPTIVE_TASKS = quick ? 60 : 150;
const shardsOnly = process.argv.includes('--shards');
/**
 * The shards row: each shard holds as many tasks as the single repository, under the same push budget. A
 * budget-bound run is slow by design, so it runs once: the budget, not the machine, sets its pace.
 */
const SHARD_RUN = { tasksPerShard: 3000, budgetPerMinute: 12, slots: 64, taskMs: 10 };
const millionOnly = process.argv.includes('--million');
const millionTasks = process.argv.includes('--tasks')
  ? Number(process.argv[process.argv.indexOf('--tasks') + 1])
  : 1_000_000;
const roundOnly = process.argv.includes('--round');
const budgetOnly = process.argv.includes('--budget');
/** The branch's budget of the budget rows, scaled to their length: a minute's 6 would be 3 pushes in 30 s. */
const BUDGET = 120;
const BUDGET_SECONDS = quick ? 60 : 90;
const signedOnly = process.argv.includes('--signed');
/** Tasks in the dependency chain, each depending on the one before; the node polls far less often than that. */
const CHAIN = 10;
const CHAIN_POLL_SECONDS = 15;
const TASKS = quick ? 60 : 200;
const RAW_PUSHES = quick ? 15 : 40;
const ORIGINAL_TASKS = quick ? 10 : 30;
const COLD_TASKS = quick ? 2_000 : 10_000;
const HISTORY_DAYS = 330;
/** Claims each node holds beyond its slots: no-op tasks finish long before a push comes round. */
const PREFETCH = 28;
/** The foundation's figure: a few workers with one slot each, every task in its own container. */
const DOCKER_TASKS = 20;
const SANDBOX_IMAGE = 'dgrid-sandbox:bookworm';
/** The shipped bundle, as the run-worker action and the CLI run it. */
const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;

const root = await mkdtemp(join(tmpdir(), 'dgrid-bench-'));
const rows: Array<[string, string]> = [];
const targets: Array<[string, string, boolean]> = [];
const seconds = (ms: number) => ms / 1000;
/** Runs whose rate a busy moment of this shared machine can move are taken this many times. */
const REPEATS = quick ? 1 : 3;
let runs = 0;

const COLD_REPEATS = quick ? 1 : 5;
const median = (figures: number[]) => [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)]!;

/** The run with the median figure: one noisy run neither makes nor breaks a target. */
async function medianOf<T>(run: () => Promise<T>, figure: (result: T) => number): Promise<T> {
  const results: T[] = [];
  for (let i = 0; i < REPEATS; i++) results.push(await run());
  return results.sort((a, b) => figure(a) - figure(b))[Math.floor(REPEATS / 2)]!;
}

async function newGrid(
  name: string,
  policy: object = { push_budget_per_minute: 0, read_budget_per_second: 0 },
): Promise<{ bare: string; url: string; dir: string }> {
  // A folder per run: the repeated runs must not meet each other's repositories.
  const dir = join(root, `${name}-${++runs}`);
  const bare = join(dir, 'grid.git');
  await initGrid({
    repository: bare,
    branch: 'main',
    policyText: JSON.stringify(policy),
    cacheDir: join(dir, 'init'),
  });
  return { bare, url: pathToFileURL(bare).href, dir };
}

async function pushCount(bare: string): Promise<number> {
  const out = await git(['reflog', 'show', '--format=%H', 'refs/heads/main'], { cwd: bare });
  return out.split('\n').filter(Boolean).length;
}

const sh = (cwd: string, ...args: string[]) => git(args, { cwd });

/** How many results tasks/completed holds at a commit of the bare repository. */
async function completedAt(bare: string, commit: string): Promise<number> {
  const files = await git(['ls-tree', '-r', '--name-only', commit, 'tasks/completed'], { cwd: bare });
  return files.split('\n').filter((p) => p.endsWith('.json')).length;
}
const identity = ['-c', 'user.name=bench', '-c', 'user.email=bench@dgrid'];

// 1. The machine's raw push rate: one commit and one push after another.
async function rawPushRate(): Promise<number> {
  const { bare, dir } = await newGrid('raw');
  const work = join(dir, 'work');
  await git(['clone', '--quiet', bare, work]);
  const started = performance.now();
  for (let i = 0; i < RAW_PUSHES; i++) {
    await writeFile(join(work, 'counter'), String(i));
    await sh(work, 'add', 'counter');
    await sh(work, ...identity, 'commit', '--quiet', '-m', `push ${i}`);
    await sh(work, 'push', '--quiet', 'origin', 'HEAD:main');
  }
  return RAW_PUSHES / seconds(performance.now() - started);
}

// 2. The original D-GRID protocol, re-enacted: a working tree, git mv, commit, pull --rebase, push, one task
// at a time, a push to claim and a push to report.
async function originalProtocol(): Promise<{ rate: number; pushesPerTask: number }> {
  const { bare, dir } = await newGrid('original');
  const store = await GridStore.open({
    remote: pathToFileURL(bare).href,
    branch: 'main',
    dir: join(dir, 'admin'),
  });
  await submitTasks(
    store,
    Array.from({ length: ORIGINAL_TASKS }, (_, i) => ({ task_id: `o${i}`, script: 'true' })),
  );
  const before = await pushCount(bare);
  const work = join(dir, 'work');
  await git(['clone', '--quiet', bare, work]);
  const commitAndPush = async (message: string) => {
    await sh(work, ...identity, 'commit', '--quiet', '-m', message);
    await sh(work, ...identity, 'pull', '--quiet', '--rebase', 'origin', 'main');
    await sh(work, 'push', '--quiet', 'origin', 'HEAD:main');
  };
  const started = performance.now();
  for (;;) {
    await sh(work, ...identity, 'pull', '--quiet', '--rebase', 'origin', 'main');
    const queued = (await readdir(join(work, 'tasks/queue'))).filter((f) => f.endsWith('.json'));
    if (queued.length === 0) break;
    const file = queued[0]!;
    await sh(work, 'mv', `tasks/queue/${file}`, `tasks/in_progress/${file}`);
    await commitAndPush(`claim ${file}`);
    await sh(work, 'mv', `tasks/in_progress/${file}`, `tasks/completed/${file}`);
    await writeFile(join(work, 'tasks/completed', file), JSON.stringify({ status: 'success', exit_code: 0 }));
    await sh(work, 'add', '-A');
    await commitAndPush(`complete ${file}`);
  }
  const elapsed = seconds(performance.now() - started);
  return { rate: ORIGINAL_TASKS / elapsed, pushesPerTask: ((await pushCount(bare)) - before) / ORIGINAL_TASKS };
}

interface DrainResult {
  rate: number;
  pushesPerTask: number;
  rejectedPerAccepted: number;
  bare: string;
}

interface Drain {
  workers: number;
  slots: number;
  prefetch?: number;
  tasks?: number;
  /** Docker with this image, or plain processes: the protocol alone. */
  image?: string;
}

// 3. dgrid: worker processes draining no-op tasks, without and with claims held ahead, and in Docker.
async function dgridDrain({ workers, slots, prefetch = 0, tasks = TASKS, image }: Drain): Promise<DrainResult> {
  const policy = {
    push_budget_per_minute: 0,
    read_budget_per_second: 0,
    ...(image ? { default_image: image, allowed_images: [image] } : {}),
  };
  const { bare, url, dir } = await newGrid(`dgrid-${workers}x${slots}-${prefetch}`, policy);
  const store = await GridStore.open({
    remote: url,
    branch: 'main',
    dir: join(dir, 'admin'),
  });
  await submitTasks(
    store,
    Array.from({ length: tasks }, (_, i) => ({ task_id: `t${String(i).padStart(4, '0')}`, script: 'true' })),
  );
  // The server notes when each push lands, so nothing polls the grid while the nodes work.
  const landed = join(bare, 'landed');
  await writeFile(
    join(bare, 'hooks', 'post-receive'),
    `#!/bin/sh\nwhile read old new ref; do echo "$new $(date +%s%3N)"; done >> ${landed}\n`,
    { mode: 0o755 },
  );
  const before = await pushCount(bare);
  const started = Date.now();
  const children = Array.from({ length: workers }, (_, i) =>
    spawn(
      process.execPath,
      [CLI, 'worker', '--repository', url, '--node-id', `bench-${workers}-${i}`].concat(
        ['--sandbox', image ? 'docker' : 'none'],
        ['--slots', String(slots), '--cpus', '64', '--poll-interval-seconds', '0.2', '--idle-timeout-seconds', '1'],
        ['--batch-window-seconds', '0.2', '--prefetch', String(prefetch), '--json'],
      ),
      // Each node's cache lives in the run's folder, which the benchmark removes when it ends.
      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TMPDIR: dir } },
    ),
  );
  const all = await Promise.all(
    children.map(
      (child) =>
        new Promise<{ pushes: number; rejectedPushes: number }>((resolve) => {
          let out = '';
          child.stdout.on('data', (c) => (out += c));
          child.on('close', () => resolve(JSON.parse(out)));
        }),
    ),
  );
  // Drained: the first push after which every task has a result; the idle exit that follows is not part of it.
  let drainedAt = Infinity;
  for (const line of (await readFile(landed, 'utf8')).trim().split('\n')) {
    const [commit, at] = line.split(' ');
    if ((await completedAt(bare, commit!)) >= tasks) {
      drainedAt = Number(at);
      break;
    }
  }
  const elapsed = seconds(drainedAt - started);
  const pushes = (await pushCount(bare)) - before;
  const rejected = all.reduce((n, r) => n + r.rejectedPushes, 0);
  return { rate: tasks / elapsed, pushesPerTask: pushes / tasks, rejectedPerAccepted: rejected / pushes, bare };
}

// 4. Cold start on a grid with a long history of finished tasks, written as the shipped workflows write it
// (grid-history.ts), against a full clone: first with every result still at the tip, then once the reaper
// has archived what is older than the default retention.
interface ColdStart {
  clone: number;
  worker: number;
}

async function coldStart(): Promise<{ kept: ColdStart; archived: ColdStart; atTip: number; commits: number }> {
  const { bare, url, dir } = await newGrid('history');
  const now = Date.now();
  const { commits } = await writeGridHistory(bare, 'main', { tasks: COLD_TASKS, days: HISTORY_DAYS, now });
  await git(['gc', '--quiet'], { cwd: bare });

  // Clone and cold start take turns, and each figure is the median of its runs: the first read of a fresh
  // pack, or a busy moment, lands on one run only.
  const measure = async (name: string): Promise<ColdStart> => {
    const clones: number[] = [];
    const workers: number[] = [];
    for (let i = 0; i < COLD_REPEATS; i++) {
      let started = performance.now();
      await git(['clone', '--quiet', '--no-local', bare, join(dir, `full-clone-${name}-${i}`)]);
      clones.push(performance.now() - started);
      started = performance.now();
      const cache = join(dir, `cold-worker-${name}-${i}`);
      const store = await GridStore.open({ remote: url, branch: 'main', dir: cache, partial: true });
      const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['queue', 'in_progress'] });
      await snapshot.policy();
      await snapshot.readJson(snapshot.of('queue'));
      workers.push(performance.now() - started);
    }
    return { clone: median(clones), worker: median(workers) };
  };
  const kept = await measure('kept');
  const reaper = await GridStore.open({ remote: url, branch: 'main', dir: join(dir, 'reaper') });
  await archiveResults(reaper, { author: 'bench-reaper', dryRun: false, now: new Date(now) });
  await git(['gc', '--quiet'], { cwd: bare });
  const archived = await measure('archived');
  return { kept, archived, atTip: await completedAt(bare, 'main'), commits };
}

// 5. A dependency chain on one node with one slot: each result must lead to the next claim at once, not
// after a poll interval; measured from the pushes that land, as the server saw them.
async function chainLatency(): Promise<{ perStepMs: number; pushesPerStep: number }> {
  const { bare, url, dir } = await newGrid('chain');
  const store = await GridStore.open({ remote: url, branch: 'main', dir: join(dir, 'admin') });
  await submitTasks(
    store,
    Array.from({ length: CHAIN }, (_, i) => ({
      task_id: `c${i}`,
      script: 'true',
      ...(i > 0 ? { depends_on: [`c${i - 1}`] } : {}),
    })),
  );
  const landed = join(bare, 'landed');
  await writeFile(
    join(bare, 'hooks', 'post-receive'),
    `#!/bin/sh\nwhile read old new ref; do echo "$new $(date +%s%3N)"; done >> ${landed}\n`,
    { mode: 0o755 },
  );
  const settings = { remote: url, branch: 'main', nodeId: 'chain', labels: [], slots: 1, maxTasks: CHAIN };
  const worker = new Worker(
    {
      ...settings,
      maxRuntimeMinutes: 0,
      idleTimeoutSeconds: 1,
      pollIntervalSeconds: CHAIN_POLL_SECONDS,
      cacheDir: join(dir, 'node'),
    },
    new ProcessSandbox(),
    silentLog,
  );
  const started = Date.now();
  await worker.run();
  const lines = (await readFile(landed, 'utf8')).trim().split('\n');
  for (const [index, line] of lines.entries()) {
    const [commit, at] = line.split(' ');
    if ((await completedAt(bare, commit!)) >= CHAIN) {
      return { perStepMs: (Number(at) - started) / CHAIN, pushesPerStep: (index + 1) / CHAIN };
    }
  }
  throw new Error(`the chain of ${CHAIN} did not finish`);
}

async function packedBytesPerTask(bare: string, tasks: number): Promise<number> {
  await git(['gc', '--quiet', '--aggressive'], { cwd: bare });
  const out = await git(['count-objects', '-v'], { cwd: bare });
  const kib = Number(/size-pack: (\d+)/.exec(out)?.[1] ?? 0);
  return (kib * 1024) / tasks;
}

const f = (n: number, digits = 2) => n.toFixed(digits);
const shardsRow = (one: ShardDrain, four: ShardDrain): [string, string] => [
  `shards: 1 node x ${SHARD_RUN.slots} slots of ${SHARD_RUN.taskMs} ms tasks (timed), ${SHARD_RUN.tasksPerShard} tasks per shard, push budget ${SHARD_RUN.budgetPerMinute}/min per repository`,
  `1 shard ${f(one.rate)} tasks/s, 4 shards ${f(four.rate)} tasks/s (${f(four.rate / one.rate)}x), from each shard's second push`,
];
const shardTarget = (one: ShardDrain, four: ShardDrain): [string, string, boolean] => [
  '4 shards / 1 shard, same per-repository budget',
  `${f(four.rate / one.rate)} >= 3.5`,
  four.rate / one.rate >= 3.5,
];

function printTables(): void {
  const width = Math.max(...rows.map((r) => r[0].length), ...targets.map((t) => t[0].length));
  console.log(`dgrid benchmark${quick ? ' (quick)' : ''}: ${new Date().toISOString()}, node ${process.version}`);
  console.log('');
  console.log(`| ${'measure'.padEnd(width)} | figure |`);
  console.log(`| ${'-'.repeat(width)} | --- |`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
  console.log('');
  console.log(`| ${'target'.padEnd(width)} | measured | met |`);
  console.log(`| ${'-'.repeat(width)} | --- | --- |`);
  for (const [name, value, met] of targets) console.log(`| ${name.padEnd(width)} | ${value} | ${met ? 'yes' : 'NO'} |`);
}
const roundRow = (r: RoundCost): [string, string] => [
  `a node's round, ${r.queued} queued and ${r.results} results at the tip`,
  `${f(r.roundMs, 0)} ms: the node's own ${f(r.nodeMs, 0)} ms (listing and scanning the queue ${f(r.scanMs, 1)} ms), ` +
    `the git host's ${f(r.hostMs, 0)} ms`,
];
const roundTarget = (g: RoundGrowth): [string, string, boolean] => [
  "a node's own round, 5,000 queued + 100,000 results / 100 + 1,000",
  `${f(g.ratio)} <= 1.5 (whole rounds, the host's share with them: ${f(g.wallRatio)})`,
  g.ratio <= 1.5,
];
const signedRow = (r: SignedRound): [string, string] => [
  "a node's round, signed commits and every new commit checked / plain",
  `${f(r.signedMs, 0)} ms / ${f(r.plainMs, 0)} ms (${f(r.signedMs / r.plainMs)})`,
];
const chainRow = (chain: { perStepMs: number; pushesPerStep: number }): [string, string] => [
  `dependency chain of ${CHAIN} no-op tasks, 1 worker x 1 slot, polling every ${CHAIN_POLL_SECONDS} s`,
  `${f(chain.perStepMs, 0)} ms per step, ${f(chain.pushesPerStep)} pushes per step`,
];

const budgetRows = (runs: BudgetRun[]): Array<[string, string]> =>
  runs.map((r) => [
    `16 workers x 4 slots of 0.2 s tasks for ${BUDGET_SECONDS} s, ${r.budget === undefined ? "the policy's default budget" : `a budget of ${r.budget} pushes/min`}`,
    `${
      r.steadySeconds > 0
        ? `${f(r.pushesPerMinute, 1)} pushes/min on the remote, slots ${f(r.busy * 100, 0)}% busy, in the ${f(r.steadySeconds, 0)} s after every node's second push`
        : 'not every node pushed twice'
    }; from every node's first: ${f(r.ramp.pushesPerMinute, 1)} pushes/min, ${f(r.ramp.busy * 100, 0)}% busy; ${r.tasks} tasks`,
  ]);
const budgetTargets = (run: BudgetRun): Array<[string, string, boolean]> => [
  [
    `pushes/min under a budget of ${BUDGET} / budget`,
    `${f(run.pushesPerMinute / BUDGET)} <= 1.1`,
    run.pushesPerMinute <= BUDGET * 1.1,
  ],
  ['slots busy under the budget', `${f(run.busy * 100, 0)}% >= 80%`, run.busy >= 0.8],
];

try {
  if (shardsOnly) {
    const one = await measureShardDrain(root, { ...SHARD_RUN, shards: 1 });
    const four = await measureShardDrain(root, { ...SHARD_RUN, shards: 4 });
    console.log(`| ${shardsRow(one, four).join(' | ')} |`);
    const target = shardTarget(one, four);
    console.log(`| ${target[0]} | ${target[1]} | ${target[2] ? 'yes' : 'NO'} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(target[2] ? 0 : 1);
  }
  if (budgetOnly) {
    const budgeted = await budgetRun(root, BUDGET, BUDGET_SECONDS);
    const byDefault = await budgetRun(root, undefined, BUDGET_SECONDS);
    for (const row of budgetRows([budgeted, byDefault])) console.log(`| ${row.join(' | ')} |`);
    for (const target of budgetTargets(budgeted))
      console.log(`| ${target[0]} | ${target[1]} | ${target[2] ? 'yes' : 'NO'} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(budgetTargets(budgeted).every((t) => t[2]) ? 0 : 1);
  }
  if (chainOnly) {
    const chain = await medianOf(chainLatency, (r) => r.perStepMs);
    console.log(`| ${chainRow(chain).join(' | ')} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(chain.pushesPerStep <= 2 ? 0 : 1);
  }
  if (quorumOnly) {
    const [adaptive, hostile] = [await adaptiveCost(ADAPTIVE_TASKS), await runHostile(HOSTILE)];
    for (const row of quorumRows(adaptive, hostile)) console.log(`| ${row.join(' | ')} |`);
    const targetsMet = quorumTargets(adaptive, hostile);
    for (const [name, value, met] of targetsMet) console.log(`| ${name} | ${value} | ${met ? 'yes' : 'NO'} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(targetsMet.every((t) => t[2]) ? 0 : 1);
  }

  if (signedOnly) {
    const signed = await measureSignedRound(root, REPEATS);
    console.log(`| ${signedRow(signed).join(' | ')} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(signed.signedMs / signed.plainMs <= 1.2 ? 0 : 1);
  }
  if (millionOnly) {
    const million = await millionRows(root, millionTasks);
    rows.push(...million.rows);
    targets.push(...million.targets);
    printTables();
    await rm(root, { recursive: true, force: true });
    process.exit(targets.every((t) => t[2]) ? 0 : 1);
  }
  if (roundOnly) {
    const growth = await measureRoundGrowth(root);
    for (const r of [growth.small, growth.large]) console.log(`| ${roundRow(r).join(' | ')} |`);
    const target = roundTarget(growth);
    console.log(`| ${target[0]} | ${target[1]} | ${target[2] ? 'yes' : 'NO'} |`);
    await rm(root, { recursive: true, force: true });
    process.exit(target[2] ? 0 : 1);
  }
  const raw = await medianOf(rawPushRate, (r) => r);
  const original = await medianOf(originalProtocol, (r) => r.rate);
  const drainRate = (drain: Drain) =>
    medianOf(
      () => dgridDrain(drain),
      (r) => r.rate,
    );
  const one = await drainRate({ workers: 1, slots: 4, prefetch: PREFETCH });
  const plain = await drainRate({ workers: 4, slots: 4 });
  const four = await drainRate({ workers: 4, slots: 4, prefetch: PREFETCH });
  const docker = (await DockerSandbox.hasImage(SANDBOX_IMAGE))
    ? await drainRate({ workers: 3, slots: 1, tasks: DOCKER_TASKS, image: SANDBOX_IMAGE })
    : undefined;
  const cold = await coldStart();
  const packed = await packedBytesPerTask(four.bare, TASKS);
  const render = await timeRender(20_000, 500, join(root, 'site'));
  const validation = await timeValidation(500);
  const round = await measureRoundGrowth(root);
  const signedRound = await measureSignedRound(root, REPEATS);
  const chain = await medianOf(chainLatency, (r) => r.perStepMs);
  const oneShard = await measureShardDrain(root, { ...SHARD_RUN, shards: 1 });
  const fourShards = await measureShardDrain(root, { ...SHARD_RUN, shards: 4 });
  const budgeted = await budgetRun(root, BUDGET, BUDGET_SECONDS);
  const byDefault = await budgetRun(root, undefined, BUDGET_SECONDS);
  const adaptive = await adaptiveCost(ADAPTIVE_TASKS);
  const hostile = await runHostile(HOSTILE);

  rows.push(['raw push rate (sequential commit + push)', `${f(raw, 1)} pushes/s`]);
  rows.push([
    `original protocol, 1 worker, ${ORIGINAL_TASKS} tasks`,
    `${f(original.rate)} tasks/s, ${f(original.pushesPerTask)} pushes/task`,
  ]);
  const drain = (d: DrainResult) =>
    `${f(d.rate)} tasks/s, ${f(d.pushesPerTask)} pushes/task, ${f(d.rejectedPerAccepted)} rejected/accepted`;
  rows.push([`dgrid 1 worker x 4 slots, prefetch ${PREFETCH}, ${TASKS} tasks`, drain(one)]);
  rows.push([`dgrid 4 workers x 4 slots, no prefetch, ${TASKS} tasks`, drain(plain)]);
  rows.push([`dgrid 4 workers x 4 slots, prefetch ${PREFETCH}, ${TASKS} tasks`, drain(four)]);
  rows.push([
    `dgrid 3 workers x 1 slot, ${DOCKER_TASKS} tasks in Docker`,
    docker ? drain(docker) : `skipped: no Docker daemon with ${SANDBOX_IMAGE} (bash scripts/sandbox-image.sh)`,
  ]);
  rows.push([
    `cold start, ${COLD_TASKS} finished tasks over 11 months (${cold.commits} commits), all at the tip`,
    `full clone ${f(cold.kept.clone, 0)} ms, dgrid worker ${f(cold.kept.worker, 0)} ms (${f(cold.kept.worker / cold.kept.clone, 3)})`,
  ]);
  rows.push([
    `cold start, the same after archiving (${cold.atTip} left at the tip)`,
    `full clone ${f(cold.archived.clone, 0)} ms, dgrid worker ${f(cold.archived.worker, 0)} ms`,
  ]);
  rows.push(['packed bytes per task after git gc', `${f(packed, 0)} B`]);
  rows.push([
    'dashboard render, 20,000 tasks and 500 nodes',
    `${f(render.warmMs, 0)} ms (${f(render.coldMs, 0)} ms cold), index.html ${f(render.indexBytes / 1024, 1)} KiB`,
  ]);
  rows.push(['pull-request validation, 500 tasks', `${f(validation.warm, 0)} ms (${f(validation.cold, 0)} ms cold)`]);
  for (const r of [round.small, round.large]) rows.push(roundRow(r));
  rows.push(signedRow(signedRound));
  rows.push(chainRow(chain));
  rows.push(shardsRow(oneShard, fourShards));
  rows.push(...budgetRows([budgeted, byDefault]));
  targets.push(...budgetTargets(budgeted));
  rows.push(['a year of 1,000,000 tasks (cold start, folders, audit)', 'skipped: run npm run bench -- --million']);
  rows.push(...quorumRows(adaptive, hostile));

  targets.push(['pushes per task, 4 x 4', `${f(four.pushesPerTask)} <= 0.35`, four.pushesPerTask <= 0.35]);
  targets.push(['drain rate / raw push rate', `${f(four.rate / raw)} >= 2`, four.rate / raw >= 2]);
  targets.push([
    'drain rate / original protocol',
    `${f(four.rate / original.rate, 1)} >= 5`,
    four.rate / original.rate >= 5,
  ]);
  targets.push([
    'rejected per accepted push, 4 workers',
    `${f(four.rejectedPerAccepted)} <= 1.5`,
    four.rejectedPerAccepted <= 1.5,
  ]);
  targets.push([`pushes per step of a chain of ${CHAIN}`, `${f(chain.pushesPerStep)} <= 2`, chain.pushesPerStep <= 2]);
  targets.push([
    `time per step of a chain / poll interval`,
    `${f(chain.perStepMs / 1000 / CHAIN_POLL_SECONDS, 3)} < 0.1`,
    chain.perStepMs / 1000 / CHAIN_POLL_SECONDS < 0.1,
  ]);
  targets.push([
    'cold start / full clone, default retention',
    `${f(cold.archived.worker / cold.archived.clone, 3)} <= 0.1`,
    cold.archived.worker / cold.archived.clone <= 0.1,
  ]);

  targets.push(...quorumTargets(adaptive, hostile));
  targets.push(shardTarget(oneShard, fourShards));

  targets.push(roundTarget(round));

  const signedRatio = signedRound.signedMs / signedRound.plainMs;
  targets.push(['round, signed and checked / plain', `${f(signedRatio)} <= 1.2`, signedRatio <= 1.2]);

  printTables();
  process.exitCode = targets.every((t) => t[2]) ? 0 : 1;
} finally {
  await rm(root, { recursive: true, force: true });
}

function quorumRows(adaptive: AdaptiveCost, hostile: HostileOutcome): Array<[string, string]> {
  return [
    [
      `quorum 2, 5 nodes earning trust (trust_after 3, ${adaptive.warmTasks} tasks)`,
      `${f(adaptive.warmRunsPerTask)} runs/task`,
    ],
    [
      `quorum 2, 5 trusted nodes, ${adaptive.tasks} tasks (adaptive replication)`,
      `${f(adaptive.runs / adaptive.tasks)} runs/task (no replication: 1.00)`,
    ],
    [
      `quorum 2, 4 honest nodes + 1 forging half its outputs, ${hostile.scenario.tasks} tasks`,
      `${hostile.wrongAccepted.length} wrong accepted, ${f(hostile.runs / hostile.scenario.tasks)} runs/task, ` +
        (hostile.quarantined
          ? `quarantined after ${hostile.invalid} invalid runs`
          : `not quarantined (${hostile.lies} lies)`),
    ],
  ];
}

function quorumTargets(adaptive: AdaptiveCost, hostile: HostileOutcome): Array<[string, string, boolean]> {
  const extra = adaptive.runs / adaptive.tasks - 1;
  return [
    ['extra runs of adaptive replication, every node trusted', `${f(extra * 100, 1)} % <= 15 %`, extra <= 0.15],
    [
      'wrong results accepted, 1 hostile node of 5',
      `${hostile.wrongAccepted.length} = 0`,
      hostile.wrongAccepted.length === 0,
    ],
    [
      'invalid runs before the hostile node is quarantined',
      `${hostile.quarantined ? hostile.invalid : 'never'} <= 3`,
      hostile.quarantined && hostile.invalid <= 3,
    ],
  ];
}
