import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { git } from '../src/git/runner.js';
import { requestCancel } from '../src/admin/grid-admin.js';
import { nodePath } from '../src/protocol/layout.js';
import { serialize } from '../src/protocol/transitions.js';
import { silentLog, type Log } from '../src/common/log.js';
import { reap, type ReapReport, type ReapSettings } from '../src/upkeep/reaper.js';
import type { Claim, NodeRecord, QueuedTask } from '../src/protocol/schemas.js';
import { transact } from '../src/protocol/transaction.js';
import { resultValidator } from '../src/protocol/schema-validators.js';
import { gridFor, invariantViolations, noopTasks, pushDirectly, runAll, type TestGrid } from './helpers/grid.js';
import { liveness } from '../src/dashboard/facts.js';
import { serveGit } from './helpers/http-git.js';
import { plantClaims, plantResults } from './reap-fixtures.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;
/** Heartbeats every second, and no grace, so that a stopped node is dead within seconds. */
const FAST = { lease: { node_timeout_seconds: 10, grace_seconds: 0, heartbeat_seconds: 1 } };

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function cliWorker(remote: string, nodeId: string, idleSeconds: number): ChildProcess {
  return cli([
    'worker',
    '--repository',
    remote,
    '--node-id',
    nodeId,
    '--sandbox',
    'none',
    '--poll-interval-seconds',
    '0.1',
    '--idle-timeout-seconds',
    String(idleSeconds),
    '--json',
  ]);
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Waits until the task script has written its first line to `log`: the task is running. */
async function started(log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await readFile(log, 'utf8').catch(() => '')).length > 0) return;
    await sleep(50);
  }
  throw new Error(`${log} stayed empty`);
}

function reapGrid(grid: TestGrid, settings: Partial<ReapSettings> = {}, log: Log = silentLog): Promise<ReapReport> {
  return reap({ remote: grid.remote, branch: 'main', dryRun: false, ...settings }, log);
}

async function queued(grid: TestGrid): Promise<Map<string, QueuedTask>> {
  const snapshot = await grid.snapshot();
  const parsed = await snapshot.readJson(snapshot.of('queue'));
  return new Map([...parsed].map(([file, value]) => [file.id, value as QueuedTask]));
}

test('a worker killed with -9 mid-task: the reaper requeues its task and another worker finishes it', async (t) => {
  const grid = await gridFor(t, FAST);
  const log = join(grid.dir, 'runs.log');
  const marker = join(grid.dir, 'first-attempt');
  const script = `echo run >> ${log}; if [ -e ${marker} ]; then echo second; else touch ${marker}; sleep 10; fi`;
  await grid.submit([{ task_id: 'crash', script }]);
  const doomed = cliWorker(grid.remote, 'doomed', 0);
  const gone = exited(doomed);
  await started(log);
  doomed.kill('SIGKILL');
  await gone;
  await sleep(2500); // past the node timeout given below
  const report = await reapGrid(grid, { nodeTimeoutSeconds: 2 });
  assert.equal(report.requeued, 1);
  assert.equal(report.nodesOffline, 1);
  assert.match(report.actions.find((a) => a.action === 'requeue')!.reason, /node doomed is silent since/);

  const [rescuer] = await runAll([grid.worker({ nodeId: 'rescuer' })]);
  assert.equal(rescuer!.completed, 1);
  const result = (await grid.results()).get('crash')!;
  assert.equal(result.state, 'completed');
  assert.equal(result.node_id, 'rescuer');
  assert.equal(result.stdout, 'second\n');
  assert.equal(result.attempt, 2);
  assert.equal(result.attempts?.[0]?.status, 'orphaned');
  assert.equal(result.attempts?.[0]?.node_id, 'doomed');
  assert.equal((await (await grid.snapshot()).node('doomed'))?.status, 'offline');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('fencing: a worker stopped past its node timeout and resumed cannot replace the newer result', async (t) => {
  const grid = await gridFor(t, FAST);
  const log = join(grid.dir, 'runs.log');
  await grid.submit([{ task_id: 'nap', script: `echo run >> ${log}; sleep 1; echo done` }]);
  const sleeper = cliWorker(grid.remote, 'sleeper', 2);
  const finished = exited(sleeper);
  await started(log);
  sleeper.kill('SIGSTOP');
  await sleep(2500);
  assert.equal((await reapGrid(grid, { nodeTimeoutSeconds: 2 })).requeued, 1);
  const [other] = await runAll([grid.worker({ nodeId: 'other' })]);
  assert.equal(other!.completed, 1);
  const before = (await grid.results()).get('nap')!;
  assert.equal(before.node_id, 'other');
  assert.equal(before.attempt, 2);

  sleeper.kill('SIGCONT');
  const { code, stdout, stderr } = await finished;
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as { fenced: number; completed: number };
  assert.equal(report.fenced, 1);
  assert.equal(report.completed, 0);
  const results = await grid.results();
  assert.equal(results.size, 1);
  const after = results.get('nap')!;
  assert.deepEqual(
    [after.node_id, after.attempt, after.claim?.token, after.finished_at],
    [before.node_id, before.attempt, before.claim?.token, before.finished_at],
  );

  // The reaper marked the node offline; back, the node marked itself online again.
  const history = (
    await git(['log', '--reverse', '--format=%H %an', 'main', '--', nodePath('sleeper')], { cwd: grid.bare })
  )
    .trim()
    .split('\n')
    .map((line) => line.split(' ') as [string, string]);
  const statuses: string[] = [];
  for (const [commit, author] of history) {
    const node = JSON.parse(await git(['show', `${commit}:${nodePath('sleeper')}`], { cwd: grid.bare })) as NodeRecord;
    statuses.push(`${author}:${node.status}`);
  }
  const reaped = statuses.findIndex((s) => /^dgrid-reaper-\w+:offline$/.test(s));
  assert.ok(reaped > 0, statuses.join(' '));
  assert.ok(statuses.indexOf('sleeper:online', reaped) > reaped, statuses.join(' '));
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('attempts run out: an orphan on its last attempt goes to failed/ with status error', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit([
    { task_id: 'last', script: 'true', max_attempts: 2 },
    { task_id: 'spare', script: 'true' },
  ]);
  await plantClaims(grid, 'ghost-1', ['last', 'spare'], { heartbeatAgeSeconds: 60 });
  const first = await reapGrid(grid);
  assert.deepEqual([first.requeued, first.failed, first.nodesOffline], [2, 0, 1]);
  await plantClaims(grid, 'ghost-2', ['last', 'spare'], { heartbeatAgeSeconds: 60 });
  const second = await reapGrid(grid);
  assert.deepEqual([second.requeued, second.failed], [1, 1]);

  const result = (await grid.results()).get('last')!;
  const { state: _state, ...record } = result;
  assert.ok(resultValidator.is(record), JSON.stringify(resultValidator.problems(record)));
  assert.equal(result.state, 'failed');
  assert.equal(result.status, 'error');
  assert.equal(result.exit_code, null);
  assert.equal(result.node_id, 'ghost-2');
  assert.equal(result.attempt, 2);
  assert.match(result.reason ?? '', /all 2 attempt\(s\) are used up; the last was orphaned: node ghost-2 is silent/);
  assert.deepEqual(
    result.attempts?.map((a) => [a.node_id, a.status]),
    [['ghost-1', 'orphaned']],
  );
  const spare = (await queued(grid)).get('spare')!;
  assert.deepEqual(
    spare.attempts?.map((a) => [a.attempt, a.node_id, a.status]),
    [
      [1, 'ghost-1', 'orphaned'],
      [2, 'ghost-2', 'orphaned'],
    ],
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('the orphan rule: a live node keeps its listed claims past the lease; an expired lease alone reaps the rest', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(5));
  // t000: lease long expired, node alive and running it (a long task): kept.
  await plantClaims(grid, 'busy', ['t000'], { heartbeatAgeSeconds: 0, claimedAgeSeconds: 600 });
  // t001: lease expired, node alive but no longer lists it: orphaned.
  await plantClaims(grid, 'forgetful', ['t001'], { heartbeatAgeSeconds: 0, claimedAgeSeconds: 600, listed: false });
  // t002: no node file, lease still running: kept; t003: no node file, lease expired: orphaned.
  await plantClaims(grid, 'nameless', ['t002'], { heartbeatAgeSeconds: 0, nodeFile: false });
  await plantClaims(grid, 'lost', ['t003'], { heartbeatAgeSeconds: 0, claimedAgeSeconds: 600, nodeFile: false });
  // t004: lease running, node silent: orphaned.
  await plantClaims(grid, 'silent', ['t004'], { heartbeatAgeSeconds: 11 });
  const report = await reapGrid(grid);
  const requeued = report.actions.filter((a) => a.action === 'requeue');
  assert.deepEqual(
    requeued.map((a) => a.subject),
    ['t001', 't003', 't004'],
  );
  assert.match(requeued[0]!.reason, /lease expired at .* and node forgetful no longer runs it/);
  assert.match(requeued[1]!.reason, /node lost has no readable node file/);
  assert.deepEqual(
    report.actions.filter((a) => a.action === 'offline').map((a) => a.subject),
    ['silent'],
  );
  const snapshot = await grid.snapshot();
  assert.deepEqual(
    snapshot
      .of('in_progress')
      .map((f) => f.id)
      .sort(),
    ['t000', 't002'],
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test("a healthy node's long task outlives its lease and is not reaped", async (t) => {
  const grid = await gridFor(t, FAST);
  const log = join(grid.dir, 'runs.log');
  await grid.submit([{ task_id: 'long', script: `echo run >> ${log}; sleep 4; echo done` }]);
  const steady = cliWorker(grid.remote, 'steady', 1);
  const finished = exited(steady);
  await started(log);
  // Make the lease run out while the task runs, as a slow image pull or a slow push would.
  await transact(
    grid.store,
    async (snapshot) => {
      const file = snapshot.of('in_progress').find((f) => f.id === 'long')!;
      const claim = (await snapshot.readJson([file])).get(file) as Claim;
      const expired = {
        ...claim,
        claim: { ...claim.claim, lease_until: new Date(Date.now() - 60_000).toISOString() },
      };
      return {
        changes: [{ path: file.entry.path, content: serialize(expired) }],
        message: 'test: expire\n',
        value: null,
      };
    },
    { author: 'test', states: ['in_progress'] },
  );
  await sleep(1500); // a heartbeat or two later
  const report = await reapGrid(grid);
  assert.deepEqual(report.actions, []);
  assert.deepEqual(report.commits, []);

  const { code, stdout, stderr } = await finished;
  assert.equal(code, 0, stderr);
  assert.equal((JSON.parse(stdout) as { completed: number }).completed, 1);
  const result = (await grid.results()).get('long')!;
  assert.deepEqual([result.node_id, result.attempt, result.stdout], ['steady', 1, 'done\n']);
});

test('two reapers racing on the same orphans and old results: each orphan requeued once, each day archived once', async (t) => {
  const grid = await gridFor(t, { ...FAST, retention: { days: 30 } });
  await plantResults(grid, 400, 40);
  await grid.submit(noopTasks(12));
  await plantClaims(
    grid,
    'ghost',
    noopTasks(12).map((t) => t.task_id),
    { heartbeatAgeSeconds: 60 },
  );
  const runs = await Promise.all([1, 2, 3].map(() => exited(cli(['reap', '--repository', grid.remote, '--json']))));
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const reports = runs.map((r) => JSON.parse(r.stdout) as ReapReport);
  const total = (pick: (r: ReapReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  assert.equal(
    total((r) => r.requeued),
    12,
  );
  assert.equal(
    total((r) => r.nodesOffline),
    1,
  );
  console.log(`# 3 reapers: ${total((r) => r.rejectedPushes)} rejected push(es) rebuilt from the new tip`);

  for (const [id, task] of await queued(grid)) assert.equal(task.attempts?.length, 1, id);
  const archived = reports.flatMap((r) => r.actions.filter((a) => a.action === 'archive').map((a) => a.subject));
  assert.equal(new Set(archived).size, archived.length, 'no day folder archived twice');
  const archive = (await git(['ls-tree', '-r', '-d', '--name-only', 'main-archive'], { cwd: grid.bare }))
    .split('\n')
    .filter((path) => /^tasks\/\w+\/\d{4}\/[\d-]+$/.test(path));
  assert.deepEqual(archive.map((path) => path.replace(/\/\d{4}\//, '/')).sort(), [...archived].sort());
  assert.deepEqual(await invariantViolations(grid.bare), []);
  assert.deepEqual(await invariantViolations(grid.bare, 'main-archive'), []);
});

test('dry-run shows the plan and pushes nothing', async (t) => {
  const grid = await gridFor(t, FAST);
  await plantResults(grid, 50, 40);
  await grid.submit(noopTasks(2));
  await plantClaims(grid, 'ghost', ['t000', 't001'], { heartbeatAgeSeconds: 60 });
  const refs = () => git(['for-each-ref'], { cwd: grid.bare });
  const before = await refs();
  const run = await exited(cli(['reap', '--repository', grid.remote, '--dry-run', '--json']));
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as ReapReport;
  assert.equal(report.dryRun, true);
  assert.deepEqual([report.requeued, report.nodesOffline], [2, 1]);
  assert.ok(report.actions.some((a) => a.action === 'archive'));
  assert.deepEqual(report.commits, []);
  assert.equal(await refs(), before);

  const text = await exited(cli(['reap', '--repository', grid.remote, '--dry-run']));
  assert.match(text.stdout, /^requeue t000: node ghost is silent since/m);
  assert.match(text.stdout, /dry run, nothing pushed: would have requeued 2, failed 0, marked 1 node\(s\) offline/);
  assert.equal(await refs(), before);
});

/** A node file as a direct push may write it: a valid record of node "victim", silent for years, unless `fields` say otherwise. */
function staleNode(fields: object = {}): string {
  return serialize({
    node_id: 'victim',
    labels: [],
    slots: 1,
    version: 'test',
    started_at: '2020-01-01T00:00:00.000Z',
    last_heartbeat: '2020-01-01T00:00:00.000Z',
    status: 'online',
    tasks: [],
    completed: 0,
    failed: 0,
    ...fields,
  });
}

test('the reaper skips what is not a file in nodes/ and tasks/ (a submodule) with a warning, instead of failing every run', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(1));
  await plantClaims(grid, 'victim', ['t000'], { heartbeatAgeSeconds: 0 });
  const tip = (await git(['rev-parse', 'main'], { cwd: grid.bare })).trim();
  const submodule = { mode: '160000', sha: tip };
  await pushDirectly(grid, [
    { path: 'nodes/sub.json', existing: submodule },
    { path: 'tasks/in_progress/victim/sub.json', existing: submodule },
  ]);
  const warnings: string[] = [];
  const report = await reapGrid(grid, {}, { ...silentLog, warn: (m: string) => warnings.push(m) });
  assert.deepEqual(report.actions, []);
  assert.deepEqual(warnings.sort(), [
    'nodes/sub.json is a submodule, not a file: skipped; remove it from the grid',
    'tasks/in_progress/victim/sub.json is a submodule, not a file: skipped; remove it from the grid',
  ]);
});

/** The CLI with this machine's clock set off by `offset` (faketime's syntax: "-60s", "+1h"); git under it too. */
function skewedCli(offset: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn('faketime', ['-f', offset, process.execPath, CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1', ...env },
  });
}

test('clock skew: a node 60 s behind the server refuses to run, saying why, and claims nothing', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(2));
  const args = ['worker', '--repository', grid.remote, '--node-id', 'late', '--sandbox', 'none'];
  const run = await exited(skewedCli('-60s', [...args, '--idle-timeout-seconds', '2']));
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /node late refuses to run: this machine's clock is 6\d s behind the grid server's/);
  assert.match(run.stderr, /lease\.grace_seconds \(0\).*set the clock right/);
  const snapshot = await grid.snapshot();
  assert.deepEqual([snapshot.of('queue').length, snapshot.of('in_progress').length], [2, 0]);
});

test('node files with wrong types, or named for one node and holding another, are ignored: no living node is declared dead', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(1));
  await plantClaims(grid, 'victim', ['t000'], { heartbeatAgeSeconds: 0 });
  await pushDirectly(grid, [
    // Sorted after the real one: read last, it made the living node look silent for years.
    { path: nodePath('zz-liar'), content: staleNode() },
    { path: nodePath('typed'), content: staleNode({ node_id: 'typed', completed: '5', tasks: 'all' }) },
  ]);
  const report = await reapGrid(grid);
  assert.deepEqual(report.actions, []);
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('in_progress').length, 1, 'the living node keeps its claim');
  assert.equal((await snapshot.node('victim'))?.status, 'online');
});

test('clock skew: a reaper 60 s ahead of the smart-HTTP server (its Date header) refuses to reap a fresh claim', async (t) => {
  const grid = await gridFor(t, FAST);
  const token = 'ghs_testtoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit(noopTasks(1));
  await plantClaims(grid, 'alive', ['t000'], { heartbeatAgeSeconds: 1 });
  const remote = `${server.url}/grid.git`;
  const run = await exited(skewedCli('+60s', ['reap', '--repository', remote], { DGRID_TOKEN: token }));
  assert.equal(run.code, 1, run.stderr);
  assert.match(
    run.stderr,
    /the reaper refuses to judge leases: this machine's clock is 6\d s ahead of the grid server's/,
  );
  assert.match(run.stderr, /the Date header of http:\/\/127\.0\.0\.1/);
  const snapshot = await grid.snapshot();
  assert.deepEqual(
    snapshot.of('in_progress').map((f) => f.id),
    ['t000'],
  );
  assert.ok(server.requests.every((r) => !r.includes(token)));
});

test('clock skew: a dead node whose heartbeat is 1 h in the future is flagged, and reaped a node timeout later', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(1));
  await plantClaims(grid, 'ahead', ['t000'], { heartbeatAgeSeconds: -3600 });
  const first = await reapGrid(grid, { nodeTimeoutSeconds: 2 });
  assert.equal(first.requeued, 0, 'not yet: its silence counts from this run');
  const flagged = first.actions.find((a) => a.action === 'distrust-heartbeat');
  assert.equal(flagged?.subject, 'ahead');
  assert.match(flagged!.reason, /beyond this reaper's .* \+ grace 0 s: its clock is wrong/);
  const node = await (await grid.snapshot()).node('ahead');
  assert.ok(Math.abs(Date.parse(node!.last_heartbeat) - Date.now()) < 5000, node!.last_heartbeat);
  await sleep(2500);
  const second = await reapGrid(grid, { nodeTimeoutSeconds: 2 });
  assert.equal(second.requeued, 1);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test("clock skew: a retry's not_before comes from the server's clock, not from the failing node's", async (t) => {
  const grid = await gridFor(t, { retry_backoff_seconds: 30, max_retry_backoff_seconds: 30 });
  await grid.submit([{ task_id: 'flaky', script: 'exit 1', max_attempts: 2 }]);
  const args = ['worker', '--repository', grid.remote, '--node-id', 'late', '--sandbox', 'none'];
  // 50 s behind: within half the default grace (120 s), so the node runs.
  const run = await exited(skewedCli('-50s', [...args, '--idle-timeout-seconds', '1', '--max-tasks', '1']));
  assert.equal(run.code, 0, run.stderr);
  const task = (await queued(grid)).get('flaky');
  assert.equal(task?.attempts?.length, 1);
  const wait = Date.parse(task!.not_before!) - Date.now();
  assert.ok(wait > 10_000 && wait <= 31_000, `the retry waits ${wait} ms of the server's clock`);
});

test('an orphan whose task has a cancel request ends as cancelled, not back in the queue', async (t) => {
  const grid = await gridFor(t, FAST);
  await grid.submit(noopTasks(1));
  await plantClaims(grid, 'ghost', ['t000'], { heartbeatAgeSeconds: 60 });
  await requestCancel(grid.store, ['t000']);
  const report = await reapGrid(grid);
  assert.deepEqual([report.requeued, report.failed], [0, 1]);
  const result = (await grid.results()).get('t000');
  assert.equal(result?.status, 'cancelled');
  assert.match(result?.reason ?? '', /^cancelled on request \(the attempt ended: orphaned: node ghost is silent since/);
  const snapshot = await grid.snapshot();
  assert.deepEqual([snapshot.of('queue').length, snapshot.cancels.size], [0, 0]);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('the reaper and the dashboard judge silence by one rule: node timeout plus grace', async (t) => {
  const lease = { node_timeout_seconds: 10, grace_seconds: 5, heartbeat_seconds: 1 };
  const grid = await gridFor(t, { lease });
  await grid.submit(noopTasks(2));
  await plantClaims(grid, 'late', ['t000'], { heartbeatAgeSeconds: 12 });
  await plantClaims(grid, 'gone', ['t001'], { heartbeatAgeSeconds: 20 });
  const snapshot = await grid.snapshot();
  const input = { policy: await snapshot.policy(), generatedAt: new Date() };
  const seen = await Promise.all(['late', 'gone'].map(async (id) => liveness((await snapshot.node(id))!, input)));
  assert.deepEqual(seen, ['online', 'unresponsive'], 'past the timeout but within grace, a node is alive');
  const report = await reapGrid(grid);
  assert.deepEqual(
    report.actions.filter((a) => a.action === 'requeue').map((a) => a.subject),
    ['t001'],
  );
});

test('clock skew: a node whose clock goes off mid-task hands its task back, goes offline, then fails', async (t) => {
  const grid = await gridFor(t, FAST);
  const token = 'ghs_testtoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  const log = join(grid.dir, 'runs.log');
  await grid.submit([{ task_id: 'long', script: `echo run >> ${log}; sleep 30` }]);
  const worker = grid.worker({ remote: `${server.url}/grid.git`, token, nodeId: 'drifter', idleTimeoutSeconds: 0 });
  const done = worker.run();
  await started(log);
  // Seen from the server, this machine's clock now runs an hour behind.
  server.setClockOffsetMs(3_600_000);
  await assert.rejects(done, /node drifter refuses to run: this machine's clock is 3600 s behind the grid server's/);
  const task = (await queued(grid)).get('long');
  assert.equal(task?.attempts?.[0]?.status, 'returned', 'handed back, not left to run unwatched');
  assert.equal((await (await grid.snapshot()).node('drifter'))?.status, 'offline');
});
