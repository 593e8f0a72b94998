import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { requestDrain } from '../src/admin/grid-admin.js';
import { reap } from '../src/upkeep/reaper.js';
import { silentLog } from '../src/common/log.js';
import { drainPath } from '../src/protocol/layout.js';
import { fitsNode } from '../src/node/scheduler.js';
import { versionAtLeast } from '../src/protocol/version.js';
import type { NodeRecord } from '../src/protocol/schemas.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { gridFor, pushDirectly, type TestGrid } from './helpers/grid.js';
import { runCli } from './helpers/cli.js';
import { git } from '../src/git/runner.js';

async function nodeFiles(grid: TestGrid): Promise<Map<string, NodeRecord>> {
  return new Map((await (await grid.snapshot()).nodes()).map((n) => [n.node_id, n]));
}

test('upgrading four busy nodes by draining them hands back and re-runs no task', async (t) => {
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1 } });
  const ids = Array.from({ length: 16 }, (_, i) => `job${String(i).padStart(2, '0')}`);
  await grid.submit(ids.map((task_id) => ({ task_id, script: 'sleep 1.5', timeout_seconds: 30 })));
  const old = [1, 2, 3, 4].map((i) =>
    grid.worker({ nodeId: `old-${i}`, pollIntervalSeconds: 0.1, idleTimeoutSeconds: 60 }),
  );
  const oldRuns = old.map((w) => w.run());
  // Every old node busy before the upgrade starts.
  for (let i = 0; i < 200; i++) {
    const nodes = await nodeFiles(grid);
    if ([1, 2, 3, 4].every((n) => (nodes.get(`old-${n}`)?.tasks.length ?? 0) > 0)) break;
    await sleep(50);
  }
  const cli = await runCli(['drain', '--repository', grid.remote, 'old-1', '--reason', 'upgrade to 1.1']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /asked node old-1 to drain/);
  for (const n of [2, 3, 4]) assert.ok(await requestDrain(grid.store, `old-${n}`, 'upgrade'));
  assert.equal(await requestDrain(grid.store, 'old-2'), null, 'a second request changes nothing');
  const fresh = [1, 2, 3, 4].map((i) => grid.worker({ nodeId: `new-${i}`, pollIntervalSeconds: 0.1 }));
  const freshRuns = fresh.map((w) => w.run());

  const oldReports = await Promise.all(oldRuns);
  const freshReports = await Promise.all(freshRuns);

  for (const n of [1, 2, 3, 4]) {
    const path = `nodes/old-${n}.json`;
    const commits = (await git(['log', '--format=%H', 'main', '--', path], { cwd: grid.bare })).split('\n');
    const statuses = await Promise.all(
      commits
        .filter(Boolean)
        .map(async (c) => JSON.parse(await git(['show', `${c}:${path}`], { cwd: grid.bare })).status),
    );
    assert.ok(statuses.includes('draining'), `old-${n} showed status draining while it finished: ${statuses}`);
  }
  for (const report of oldReports) {
    assert.equal(report.returned, 0, `${report.nodeId} handed nothing back`);
    assert.match(report.stopReason, /^drained: /);
  }
  const results = await grid.results();
  assert.equal(results.size, ids.length);
  for (const [id, result] of results) {
    assert.equal(result.status, 'success', id);
    assert.equal(result.attempts, undefined, `${id} ran once, with no earlier attempt`);
  }
  const done = [...oldReports, ...freshReports].reduce((sum, r) => sum + r.completed, 0);
  assert.equal(done, ids.length, 'no task ran twice');
  const nodes = await nodeFiles(grid);
  for (const n of [1, 2, 3, 4]) assert.equal(nodes.get(`old-${n}`)?.status, 'offline');
  const snapshot = await grid.snapshot();
  for (const n of [1, 2, 3, 4]) assert.equal(snapshot.drains.has(`old-${n}`), false, drainPath(`old-${n}`));
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test('dgrid drain names what is wrong with an unknown node', async (t) => {
  const grid = await gridFor(t);
  const cli = await runCli(['drain', '--repository', grid.remote, 'ghost']);
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /node "ghost" has no node file in nodes\//);
});

test('a task that needs a newer dgrid is left to nodes of that version', () => {
  assert.ok(versionAtLeast('1.2.0', '1.1.9'));
  assert.ok(versionAtLeast('1.10.0', '1.9.0'));
  assert.ok(!versionAtLeast('1.0.0', '1.0.1'));
  const task = { task_id: 't', script: 'true', min_worker_version: '1.1.0' };
  assert.equal(fitsNode({ nodeId: 'n', version: '1.0.0' }, task), false);
  assert.equal(fitsNode({ nodeId: 'n', version: '1.1.0' }, task), true);
  assert.equal(fitsNode({ nodeId: 'n', version: '1.0.0' }, { task_id: 't', script: 'true' }), true);
});

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;

test('drain-on-stop: SIGTERM lets the running task finish and claims nothing more; a second signal stops', async (t) => {
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1 } });
  const started = join(grid.dir, 'started');
  await grid.submit([
    { task_id: 'running', script: `touch ${started}; sleep 2; echo done`, priority: 'high' },
    { task_id: 'waiting', script: 'true', priority: 'low' },
  ]);
  const args = ['worker', '--repository', grid.remote, '--node-id', 'job', '--sandbox', 'none', '--json'];
  const child = spawn(process.execPath, [CLI, ...args, '--poll-interval-seconds', '0.1', '--drain-on-stop'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (c) => (stdout += c));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (let i = 0; i < 200 && !existsSync(started); i++) await sleep(25);
  child.kill('SIGTERM');
  assert.equal(await closed, 0);
  const report = JSON.parse(stdout);
  assert.deepEqual([report.completed, report.returned], [1, 0]);
  assert.match(report.stopReason, /^drained: SIGTERM received \(drain-on-stop\)/);
  const results = await grid.results();
  assert.equal(results.get('running')?.status, 'success');
  assert.equal(results.get('running')?.attempts, undefined);
  const snapshot = await grid.snapshot();
  assert.deepEqual(
    snapshot.of('queue').map((f) => f.id),
    ['waiting'],
    'the drained node claimed nothing more',
  );
  assert.equal((await snapshot.node('job'))?.status, 'offline');

  // A second signal: the job's runner is about to kill it, so it hands back what still runs.
  await rm(started, { force: true });
  await grid.submit([{ task_id: 'slow', script: `touch ${started}; sleep 30`, priority: 'high' }]);
  const again = spawn(process.execPath, [CLI, ...args, '--poll-interval-seconds', '0.1', '--drain-on-stop'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  again.stdout.on('data', (c) => (out += c));
  const done = new Promise<number | null>((resolve) => again.on('close', resolve));
  for (let i = 0; i < 200 && !existsSync(started); i++) await sleep(25);
  again.kill('SIGTERM');
  await sleep(300);
  again.kill('SIGTERM');
  assert.equal(await done, 0);
  assert.equal(JSON.parse(out).returned, 1);
});

test('a drain request for an earlier process of the node id is spent: a restarted node removes it and works on', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'after-restart', script: 'true' }]);
  const request = { node_id: 'n', incarnation: 'a-process-long-gone', reason: 'upgrade' };
  await pushDirectly(grid, [{ path: drainPath('n'), content: JSON.stringify(request) }]);
  const report = await grid.worker({ nodeId: 'n' }).run();
  assert.equal(report.completed, 1);
  assert.doesNotMatch(report.stopReason, /drained/);
  assert.equal((await grid.snapshot()).drains.has('n'), false);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test('the reaper removes the drain request of a node it declares dead', async (t) => {
  const grid = await gridFor(t);
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const dead = {
    node_id: 'dead',
    labels: [],
    slots: 1,
    version: '1.0.0',
    started_at: hourAgo,
    last_heartbeat: hourAgo,
    status: 'online',
    tasks: [],
    completed: 0,
    failed: 0,
  };
  await pushDirectly(grid, [
    { path: 'nodes/dead.json', content: JSON.stringify(dead) },
    { path: drainPath('dead'), content: JSON.stringify({ node_id: 'dead', reason: 'upgrade' }) },
  ]);
  const report = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  assert.deepEqual(
    report.actions.map((a) => [a.action, a.subject]),
    [['offline', 'dead']],
  );
  assert.equal((await grid.snapshot()).drains.has('dead'), false);
});
