import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { requestCancel } from '../src/admin/grid-admin.js';
import { nodeChange, requeueClaim, serialize } from '../src/protocol/transitions.js';
import { parsePolicy } from '../src/protocol/policy.js';
import { transact } from '../src/protocol/transaction.js';
import { readStatus } from '../src/admin/status.js';
import type { Claim, NodeRecord, QueuedTask, Task } from '../src/protocol/schemas.js';
import { git } from '../src/git/runner.js';
import { archivedResults } from '../src/upkeep/archive.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { queuePath } from '../src/protocol/layout.js';
import { silentLog } from '../src/common/log.js';
import { reap } from '../src/upkeep/reaper.js';
import { validateFiles, validateQueue } from '../src/validation/submission.js';
import { scanQueue, unrunnableTasks } from '../src/node/scheduler.js';
import { Submitters, submitterOf } from '../src/protocol/submitters.js';
import { gridFor, invariantViolations, noopTasks, runAll, type TestGrid } from './helpers/grid.js';
import { plantResults } from './reap-fixtures.js';

interface Event {
  kind: 'start' | 'end';
  id: string;
  at: number;
}

/** A task that logs when it starts and ends, outside the grid, so the test sees real executions. */
function logged(log: string, id: string, body = 'true', extra: Partial<Task> = {}): Task {
  return {
    task_id: id,
    script: `echo "start ${id} $(date +%s%N)" >> ${log}; ${body}; code=$?; echo "end ${id} $(date +%s%N)" >> ${log}; exit $code`,
    ...extra,
  };
}

async function events(log: string): Promise<Event[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [kind, id, ns] = line.split(' ');
      return { kind: kind as Event['kind'], id: id!, at: Number(BigInt(ns!) / 1_000_000n) };
    });
}

const starts = (evs: Event[]) => evs.filter((e) => e.kind === 'start').map((e) => e.id);

test('execution order follows priority: high, then normal, then low', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'low-1', 'true', { priority: 'low' }),
    logged(log, 'normal-1'),
    logged(log, 'high-1', 'true', { priority: 'high' }),
    logged(log, 'low-2', 'true', { priority: 'low' }),
    logged(log, 'high-2', 'true', { priority: 'high' }),
  ]);
  await runAll([grid.worker({ nodeId: 'one-slot' })]);
  const order = starts(await events(log));
  assert.deepEqual(
    order.map((id) => id.split('-')[0]),
    ['high', 'high', 'normal', 'low', 'low'],
  );
});

test('a ten-task graph runs in dependency order across three workers', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  const graph: Record<string, string[]> = {
    fetch: [],
    clean: ['fetch'],
    'split-a': ['clean'],
    'split-b': ['clean'],
    'split-c': ['clean'],
    'stat-a': ['split-a'],
    'stat-b': ['split-b'],
    'stat-c': ['split-c'],
    merge: ['stat-a', 'stat-b', 'stat-c'],
    report: ['merge', 'fetch'],
  };
  // Submitted in reverse, so queue order alone would run them wrongly.
  const tasks = Object.entries(graph)
    .reverse()
    .map(([id, deps]) => logged(log, id, 'sleep 0.2', deps.length ? { depends_on: deps } : {}));
  await grid.submit(tasks);
  const reports = await runAll([1, 2, 3].map((i) => grid.worker({ nodeId: `dag-${i}`, idleTimeoutSeconds: 2 })));
  assert.equal(
    reports.reduce((n, r) => n + r.completed, 0),
    10,
  );
  const evs = await events(log);
  assert.equal(starts(evs).length, 10, 'each task ran once');
  const endOf = new Map(evs.filter((e) => e.kind === 'end').map((e) => [e.id, e.at]));
  for (const e of evs.filter((x) => x.kind === 'start')) {
    for (const dep of graph[e.id]!) assert.ok(endOf.get(dep)! <= e.at, `${e.id} started after ${dep} ended`);
  }
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a failed dependency fails its dependents transitively, running none of them', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'root', 'exit 4', { max_attempts: 1 }),
    logged(log, 'child', 'true', { depends_on: ['root'] }),
    logged(log, 'grandchild', 'true', { depends_on: ['child'] }),
    logged(log, 'bystander'),
  ]);
  await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.deepEqual(starts(await events(log)).sort(), ['bystander', 'root']);
  const results = await grid.results();
  assert.equal(results.get('root')?.exit_code, 4);
  assert.equal(results.get('child')?.status, 'failure');
  assert.match(results.get('child')?.reason ?? '', /dependency root failed/);
  assert.equal(results.get('grandchild')?.status, 'failure');
  assert.match(results.get('grandchild')?.reason ?? '', /dependency child failed/);
  assert.equal(results.get('bystander')?.status, 'success');
});

test('label routing: only a node carrying every required label claims a task; unrunnable tasks are visible', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'needs-gpu', 'true', { requires: ['gpu'] }),
    logged(log, 'needs-arm', 'true', { requires: ['arm64'] }),
  ]);
  const reports = await runAll([
    grid.worker({ nodeId: 'plain' }),
    grid.worker({ nodeId: 'gpu-box', labels: ['gpu', 'linux'] }),
  ]);
  const byNode = Object.fromEntries(reports.map((r) => [r.nodeId, r.outcomes.map((o) => o.task_id)]));
  assert.deepEqual(byNode, { plain: [], 'gpu-box': ['needs-gpu'] });
  // The arm64 task waits; with the gpu box online again, status says nobody can run it.
  const status = await readStatus(grid.store);
  assert.deepEqual(status.unrunnable, [{ task_id: 'needs-arm', requires: ['arm64'] }]);
});

test('unrunnable: no single node carries all the labels; the labels no node carries at all are named', () => {
  const node = (labels: string[]) => ({ labels }) as NodeRecord;
  const task = (task_id: string, requires?: string[]): QueuedTask => ({ task_id, script: 'true', requires });
  const queued = [task('plain'), task('gpu', ['gpu']), task('both', ['gpu', 'arm64']), task('tpu', ['tpu', 'gpu'])];
  const nodes = [node(['gpu', 'linux']), node(['arm64'])];
  assert.deepEqual(
    unrunnableTasks(queued, nodes).map((u) => [u.task.task_id, u.missing]),
    [
      ['both', []],
      ['tpu', ['tpu']],
    ],
  );
  assert.deepEqual(
    unrunnableTasks(queued, []).map((u) => [u.task.task_id, u.missing]),
    [
      ['gpu', ['gpu']],
      ['both', ['gpu', 'arm64']],
      ['tpu', ['tpu', 'gpu']],
    ],
  );
});

test('not_before is respected', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  const notBefore = Date.now() + 2000;
  await grid.submit([
    logged(log, 'later', 'true', { not_before: new Date(notBefore).toISOString() }),
    logged(log, 'now'),
  ]);
  await runAll([grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 4 })]);
  const evs = await events(log);
  assert.deepEqual(starts(evs).sort(), ['later', 'now']);
  assert.ok(evs.find((e) => e.id === 'later')!.at >= notBefore, 'later started before its not_before');
  // On a machine too slow to start the node within the delay, both are due at once and either may go first.
  if (evs.find((e) => e.id === 'now')!.at < notBefore) assert.deepEqual(starts(evs), ['now', 'later']);
});

test('a failed attempt is retried after a backoff, recorded as its next not_before', async (t) => {
  const grid = await gridFor(t, { retry_backoff_seconds: 2 });
  const log = join(grid.dir, 'log');
  const marker = join(grid.dir, 'marker');
  await grid.submit([
    logged(log, 'flaky', `if [ -f ${marker} ]; then true; else touch ${marker}; false; fi`, { max_attempts: 3 }),
  ]);
  await runAll([grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 4 })]);
  const evs = await events(log);
  assert.deepEqual(starts(evs), ['flaky', 'flaky']);
  const firstEnd = evs.find((e) => e.kind === 'end')!.at;
  const secondStart = evs.filter((e) => e.kind === 'start')[1]!.at;
  assert.ok(secondStart - firstEnd >= 1000, `waited ${secondStart - firstEnd} ms (at least half the 2 s backoff)`);
  const result = (await grid.results()).get('flaky')!;
  assert.equal(result.status, 'success');
  assert.equal(result.attempt, 2);
  assert.equal(result.attempts?.[0]?.status, 'failure');
  assert.equal(result.attempts?.[0]?.exit_code, 1);
  assert.ok(result.not_before && Date.parse(result.not_before) >= firstEnd + 1000, 'the backoff is the not_before');
});

test('cancelling a running task stops it; cancelling a queued one fails it; both end as cancelled', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([logged(log, 'long', 'sleep 30'), logged(log, 'waiting', 'true', { priority: 'low' })]);
  const worker = grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 2, pollIntervalSeconds: 0.2 });
  const done = worker.run();
  for (let i = 0; i < 100 && starts(await events(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  const requested = Date.now();
  await requestCancel(grid.store, ['long', 'waiting'], 'not needed');
  await done;
  const results = await grid.results();
  assert.equal(results.get('long')?.status, 'cancelled');
  assert.equal(results.get('long')?.state, 'failed');
  assert.ok(Date.parse(results.get('long')!.finished_at) - requested < 5000, 'stopped within a few poll intervals');
  assert.equal(results.get('waiting')?.status, 'cancelled');
  assert.deepEqual(starts(await events(log)), ['long'], 'the queued task never ran');
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.cancels.size, 0, 'the requests are consumed');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a node with two slots runs two tasks at the same time, in one claim commit', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([logged(log, 'a', 'sleep 1'), logged(log, 'b', 'sleep 1')]);
  const [report] = await runAll([grid.worker({ nodeId: 'wide', slots: 2, cpus: 2 })]);
  const evs = await events(log);
  const firstEnd = Math.min(...evs.filter((e) => e.kind === 'end').map((e) => e.at));
  assert.equal(evs.filter((e) => e.kind === 'start' && e.at < firstEnd).length, 2, 'both started before either ended');
  // Register + claim both + finish both (+ go offline): the claims shared one commit.
  assert.ok(report!.pushes <= 4, `pushes: ${report!.pushes}`);
});

test('a node never commits more CPUs than it has', async (t) => {
  const grid = await gridFor(t, { limits: { cpus: 2 } });
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'big-1', 'sleep 0.5', { resources: { cpus: 2 } }),
    logged(log, 'big-2', 'sleep 0.5', { resources: { cpus: 2 } }),
  ]);
  await runAll([grid.worker({ nodeId: 'small', slots: 2, cpus: 3 })]);
  const evs = await events(log);
  const [a, b] = evs.filter((e) => e.kind === 'start');
  const aEnd = evs.find((e) => e.kind === 'end' && e.id === a!.id)!;
  assert.ok(b!.at >= aEnd.at, 'the second 2-CPU task waited for the first on a 3-CPU node');
});

test('prefetch: claims beyond what the CPUs run at once are held, and each starts only once it fits', async (t) => {
  const grid = await gridFor(t, { limits: { cpus: 2 } });
  const log = join(grid.dir, 'log');
  await grid.submit(['w-1', 'w-2', 'w-3'].map((id) => logged(log, id, 'sleep 0.3', { resources: { cpus: 2 } })));
  const [report] = await runAll([grid.worker({ nodeId: 'small', slots: 2, prefetch: 4, cpus: 3 })]);
  assert.equal(report!.completed, 3);
  const subjects = await git(['log', '--format=%s', 'main'], { cwd: grid.bare });
  assert.match(subjects, /small: claim 3\b/, 'one commit claimed all three: the prefetch is not capped by CPUs');
  const evs = (await events(log)).sort((a, b) => a.at - b.at);
  let running = 0;
  for (const e of evs) {
    running += e.kind === 'start' ? 1 : -1;
    assert.ok(running <= 1, 'never two 2-CPU tasks at once on a 3-CPU node');
  }
});

test('prefetch: a node holds claims beyond its slots, runs only its slots at once, and pushes many results at a time', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit(Array.from({ length: 12 }, (_, i) => logged(log, `p${i}`, 'sleep 0.1')));
  const [report] = await runAll([
    grid.worker({ nodeId: 'ahead', slots: 2, prefetch: 6, cpus: 8, batchWindowMs: 5000 }),
  ]);
  assert.equal(report!.completed, 12);
  const evs = (await events(log)).sort((a, b) => a.at - b.at);
  let running = 0;
  let most = 0;
  for (const e of evs) {
    running += e.kind === 'start' ? 1 : -1;
    most = Math.max(most, running);
  }
  assert.equal(most, 2, 'never more tasks at once than slots');
  assert.equal(starts(evs).length, 12, 'each ran once');
  const subjects = await git(['log', '--format=%s', 'main'], { cwd: grid.bare });
  assert.match(subjects, /ahead: claim 8\b/, 'the first claim took the slots and the prefetch');
  // Register and claim 8, then 8 results with the last 4 claims, then 4 results (and offline): not 12 pushes.
  assert.ok(report!.pushes <= 5, `pushes: ${report!.pushes}`);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('prefetch: a waiting claim taken back by a reaper never starts under its old token', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([logged(log, 'first', 'sleep 3', { priority: 'high' }), logged(log, 'second')]);
  const worker = grid.worker({ nodeId: 'ahead', slots: 1, prefetch: 1, cpus: 4, pollIntervalSeconds: 0.1 });
  const done = worker.run();
  for (let i = 0; i < 100 && starts(await events(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  // What a reaper does to a node it takes for dead: the waiting claim goes back to the queue.
  await transact(
    grid.store,
    async (snapshot) => {
      const file = snapshot.of('in_progress').find((f) => f.id === 'second')!;
      const claim = (await snapshot.readJson([file])).get(file) as Claim;
      const plan = requeueClaim(file.entry.path, claim, 'orphaned', 'test: node ahead is silent', new Date());
      return { changes: plan.changes, message: 'reap second\n', value: null };
    },
    { author: 'test-reaper', states: ['in_progress'] },
  );
  await done;
  const second = (await grid.results()).get('second');
  assert.equal(second?.status, 'success');
  assert.deepEqual(
    second?.attempts?.map((a) => a.status),
    ['orphaned'],
    'the taken-back claim is one attempt',
  );
  assert.deepEqual(
    starts(await events(log)).filter((id) => id === 'second'),
    ['second'],
    'it ran once: under its new claim, not under the old one too',
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('prefetch: a waiting claim cancelled ends as cancelled without running; on stop the others go back unstarted', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'first', 'sleep 30', { priority: 'high' }),
    logged(log, 'victim'),
    logged(log, 'spare', 'true', { priority: 'low' }),
  ]);
  const worker = grid.worker({
    nodeId: 'ahead',
    slots: 1,
    prefetch: 2,
    idleTimeoutSeconds: 0,
    pollIntervalSeconds: 0.2,
  });
  const done = worker.run();
  for (let i = 0; i < 100 && starts(await events(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  await requestCancel(grid.store, ['victim'], 'not needed');
  for (let i = 0; i < 100 && !(await grid.results()).has('victim'); i++) await new Promise((r) => setTimeout(r, 100));
  worker.stop('test over');
  const report = await done;
  const results = await grid.results();
  assert.equal(results.get('victim')?.status, 'cancelled');
  assert.match(results.get('victim')!.reason ?? '', /before it started/);
  assert.deepEqual(starts(await events(log)), ['first'], 'neither waiting claim ran');
  assert.equal(report.returned, 2, 'the running task and the waiting one were handed back');
  const snapshot = await grid.snapshot();
  assert.deepEqual(
    snapshot
      .of('queue')
      .map((f) => f.id)
      .sort(),
    ['first', 'spare'],
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a cancel that lands while the run fails with attempts left ends the task as cancelled; it never runs again', async (t) => {
  const grid = await gridFor(t, { retry_backoff_seconds: 0 });
  const log = join(grid.dir, 'log');
  const marker = join(grid.dir, 'fail-now');
  // The run fails as soon as the test says so: after the cancel landed, before the node looked for it.
  const body = `while [ ! -e ${marker} ]; do sleep 0.05; done; exit 1`;
  await grid.submit([logged(log, 'doomed', body, { max_attempts: 3 })]);
  const worker = grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 2, pollIntervalSeconds: 5 });
  const done = worker.run();
  for (let i = 0; i < 100 && starts(await events(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  await requestCancel(grid.store, ['doomed'], 'not needed');
  await writeFile(marker, '');
  await done;
  const result = (await grid.results()).get('doomed');
  assert.equal(result?.status, 'cancelled');
  assert.equal(result?.state, 'failed');
  assert.equal(result?.reason, 'cancelled on request (the attempt ended: failure, exit code 1)');
  assert.equal(result?.exit_code, 1, 'what the attempt did is kept');
  assert.deepEqual(starts(await events(log)), ['doomed'], 'it ran once');
  assert.equal((await grid.snapshot()).cancels.size, 0, 'the request is consumed with its task');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a task that could never run is refused by dgrid submit and dgrid validate, and failed by the worker when pushed directly', async (t) => {
  const grid = await gridFor(t, { max_delay_days: 7, labels: ['gpu', 'linux'] });
  const log = join(grid.dir, 'log');
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const never: Record<string, [Partial<Task>, RegExp]> = {
    'too-far': [
      { not_before: inDays(8) },
      /^field "not_before" is .*, more than 7 days ahead \(max_delay_days in dgrid\.json\): submit it closer/,
    ],
    'unknown-label': [
      { requires: ['gpu', 'tpu'] },
      /^requires names label "tpu", which is not one of this grid's labels \(labels in dgrid\.json: gpu, linux\)/,
    ],
    'tiny-cpus': [{ resources: { cpus: 0.001 } }, /^field "resources\.cpus" must be >= 0\.01$/],
    'env-newline': [
      { env: { NAME: 'a\nb' } },
      /^field "env\.NAME" must not hold a NUL character or a line break \(\\u0000, \\n, \\r\): give one line of text$/,
    ],
    'env-return': [{ env: { NAME: 'a\rb' } }, /^field "env\.NAME" must not hold a NUL character or a line break/],
    'env-nul': [{ env: { NAME: 'a\u0000b' } }, /^field "env\.NAME" must not hold a NUL character or a line break/],
    'script-nul': [
      { script: `echo "start script-nul $(date +%s%N)" >> ${log}\u0000` },
      /^field "script" must not hold a NUL character \(\\u0000\): no process can be given one$/,
    ],
  };
  const tasks = Object.entries(never).map(([id, [fields]]) => logged(log, id, 'true', fields));
  for (const [index, t] of tasks.entries()) {
    await assert.rejects(grid.submit([t]), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message.replace(`task ${t.task_id}: `, ''), Object.values(never)[index]![1]);
      return true;
    });
  }

  // Straight to the branch, as a token holder who skipped validation would; one task that can run beside them.
  const runnable = logged(log, 'runnable', 'true', { requires: ['gpu'], not_before: inDays(-0.001) });
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  for (const t of [...tasks, runnable]) {
    await writeFile(join(work, 'tasks/queue', `${t.task_id}.json`), JSON.stringify(t));
  }
  await git(['-C', work, 'add', '-A']);
  await git(['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'direct push']);
  await git(['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);

  const report = await validateQueue({ path: work, policyPath: 'dgrid.json' });
  for (const file of report.files) {
    const id = basename(file.path, '.json');
    if (id === 'runnable') assert.deepEqual(file.problems, []);
    else assert.match(file.problems.map((p) => p.message).join('\n'), never[id]![1], id);
  }

  await runAll([grid.worker({ nodeId: 'gpu-node', labels: ['gpu', 'linux'] })]);
  assert.deepEqual(starts(await events(log)), ['runnable']);
  const results = await grid.results();
  for (const [id, [, message]] of Object.entries(never)) {
    const result = results.get(id);
    assert.equal(result?.state, 'failed', id);
    assert.equal(result?.status, 'error', id);
    assert.match(result?.reason ?? '', new RegExp(message.source.replace(/^\^/, '')), id);
  }
  assert.equal(results.get('runnable')?.status, 'success');
});

/** Most tasks of one group running at the same time, from their start and end events. */
function mostAtOnce(evs: Event[], ids: (id: string) => boolean): number {
  let now = 0;
  let most = 0;
  const sorted = evs.filter((e) => ids(e.id)).sort((a, b) => a.at - b.at || (a.kind === 'end' ? -1 : 1));
  for (const e of sorted) {
    now += e.kind === 'start' ? 1 : -1;
    most = Math.max(most, now);
  }
  return most;
}

test('quota backstop: three pull requests each within queued_per_submitter, merged together, never run more than the quota at once', async (t) => {
  const grid = await gridFor(t, { quotas: { queued_per_submitter: 2 } });
  const log = join(grid.dir, 'log');
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  const as = (name: string) => ['-c', `user.name=${name}`, '-c', `user.email=${name}@example.com`];
  // Each pull request adds two tasks: within the quota alone, as validate-task judged each one.
  const pullRequests: Array<[string, string[]]> = [
    ['mallory', ['m1', 'm2']],
    ['mallory', ['m3', 'm4']],
    ['mallory', ['m5', 'm6']],
    ['alice', ['a1', 'a2']],
  ];
  for (const [number, [login, ids]] of pullRequests.entries()) {
    const branch = `pr-${number + 1}`;
    await git(['-C', work, 'checkout', '--quiet', '-b', branch, 'main']);
    for (const id of ids) {
      const t = logged(log, id, 'sleep 1');
      await writeFile(join(work, 'tasks/queue', `${id}.json`), JSON.stringify(t));
    }
    await git(['-C', work, 'add', '-A']);
    await git(['-C', work, ...as(login), 'commit', '--quiet', '-m', `Add ${ids.join(', ')}`]);
    await git(['-C', work, 'checkout', '--quiet', 'main']);
  }
  for (const [number, [login]] of pullRequests.entries()) {
    const message = `Merge pull request #${number + 1} from ${login}/pr-${number + 1}`;
    await git(['-C', work, ...as('maintainer'), 'merge', '--quiet', '--no-ff', '-m', message, `pr-${number + 1}`]);
  }
  await git(['-C', work, 'push', '--quiet', 'origin', 'main']);

  const [report] = await runAll([grid.worker({ nodeId: 'big', slots: 8, cpus: 8, idleTimeoutSeconds: 3 })]);
  assert.equal(report?.completed, 8);
  const evs = await events(log);
  assert.equal(
    mostAtOnce(evs, (id) => id.startsWith('m')),
    2,
  );
  // The quota is each submitter's: alice's tasks ran beside mallory's.
  assert.ok(mostAtOnce(evs, () => true) >= 3, JSON.stringify(evs));
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a cancel of a claim that the node hands back on stop ends the task as cancelled; it never runs again', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([logged(log, 'long', 'sleep 30')]);
  const worker = grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 0, pollIntervalSeconds: 5 });
  const done = worker.run();
  for (let i = 0; i < 100 && starts(await events(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  // The node stops before it looks again: the run ends as a hand-back, with the cancel at the tip.
  await requestCancel(grid.store, ['long'], 'not needed');
  worker.stop('test over');
  const report = await done;
  assert.equal(report.returned, 0);
  const result = (await grid.results()).get('long');
  assert.equal(result?.status, 'cancelled');
  assert.equal(result?.state, 'failed');
  await runAll([grid.worker({ nodeId: 'n2', idleTimeoutSeconds: 1 })]);
  assert.deepEqual(starts(await events(log)), ['long'], 'no node ran it again');
  const snapshot = await grid.snapshot();
  assert.deepEqual([snapshot.of('queue').length, snapshot.cancels.size], [0, 0]);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

/** Tasks pushed straight to the queue, past submit and the gate, as a direct push or a stale merge would. */
async function pushQueued(grid: TestGrid, tasks: Task[]): Promise<void> {
  const tip = await grid.store.fetch();
  const changes = tasks.map((t) => ({ path: queuePath(t.task_id), content: serialize(t) }));
  const commit = await grid.store.commit(tip, changes, 'a direct push\n', 'pusher');
  assert.equal(await grid.store.push(commit), 'pushed');
}

/**
 * 80 results over 40 days, then the days older than 30 archived: r35 failed and r75 succeeded in the
 * archive, r5 failed and r45 succeeded at the tip.
 */
async function archivedGrid(t: TestContext): Promise<TestGrid> {
  const grid = await gridFor(t, { retention: { days: 30 } });
  await plantResults(grid, 80, 40);
  const report = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  assert.ok(report.actions.some((a) => a.action === 'archive'));
  return grid;
}

test('an id that already has a result, at the tip or archived, runs never again: submit, the gate and the worker refuse it', async (t) => {
  const grid = await archivedGrid(t);
  const tip = await grid.store.fetch();
  const index = await archivedResults(grid.store, tip, ['r75', 'R35', 'r45']);
  assert.deepEqual(index.get('r75'), [{ id: 'r75', state: 'completed', day: index.get('r75')![0]!.day }]);
  assert.equal(index.get('r35')?.[0]?.state, 'failed');
  assert.equal(index.has('r45'), false, 'r45 is at the tip, not in the archive');

  for (const id of ['r75', 'r45']) {
    await assert.rejects(grid.submit([{ task_id: id, script: 'true' }]), new RegExp(`task id "${id}" is already used`));
  }
  await assert.rejects(
    grid.submit([{ task_id: 'R75', script: 'true' }]),
    /already used by the archive's tasks\/completed\//,
  );

  const checkout = join(grid.dir, 'checkout');
  await git(['clone', '--quiet', grid.bare, checkout]);
  const draft = join(grid.dir, 'r35.json');
  await writeFile(draft, serialize({ task_id: 'r35', script: 'true' }));
  const gate = await validateFiles({ path: checkout, policyPath: 'dgrid.json', files: [draft] });
  assert.match(gate.files[0]!.problems.map((p) => p.message).join(), /already used by the archive's tasks\/failed\//);

  const log = join(grid.dir, 'log');
  const before = await grid.results();
  await pushQueued(grid, [logged(log, 'r75'), logged(log, 'r45'), logged(log, 'r5'), logged(log, 'fresh')]);
  await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.deepEqual(starts(await events(log)), ['fresh']);
  const after = await grid.results();
  for (const id of ['r45', 'r5']) assert.deepEqual(after.get(id), before.get(id), `${id} keeps its result`);
  assert.equal(after.has('r75'), false, 'r75 stays in the archive only');
  assert.equal((await grid.snapshot()).of('queue').length, 0);
  const messages = await git(['log', '--format=%B', 'main'], { cwd: grid.bare });
  assert.match(
    messages,
    /^Refused: r75 already has a result, main-archive:tasks\/completed\/\d{4}\/[\d-]{10}\/[0-9a-f]{2}\/r75\.json$/m,
  );
  // The audit reports the direct push that queued them again, not the node that refused them (the
  // planted results break other rules: they have claims nobody made).
  const audit = await auditGrid(grid.bare);
  const pushed = audit.violations.filter((v) => ['r75', 'r45', 'r5', 'fresh'].includes(v.task) && v.rule !== 'fencing');
  assert.deepEqual([...new Set(pushed.map((v) => `${v.task} ${v.rule}`))].sort(), [
    'r45 one-place',
    'r45 terminal-twice',
    'r5 one-place',
    'r5 terminal-twice',
    'r75 terminal-twice',
  ]);
  assert.match(messages, /^Refused: r5 already has a result, tasks\/failed\/[\d-]{10}\/[0-9a-f]{2}\/r5\.json$/m);
});

test('an archived success satisfies depends_on; an archived failure fails its dependents', async (t) => {
  const grid = await archivedGrid(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    logged(log, 'after-archived-success', 'true', { depends_on: ['r75'] }),
    logged(log, 'after-archived-failure', 'true', { depends_on: ['r35'] }),
  ]);
  await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.deepEqual(starts(await events(log)), ['after-archived-success']);
  const results = await grid.results();
  assert.equal(results.get('after-archived-success')?.status, 'success');
  assert.equal(results.get('after-archived-failure')?.status, 'failure');
  assert.match(results.get('after-archived-failure')?.reason ?? '', /dependency r35 failed/);
});

test('the submitter of a commit: a GitHub merge names the author of the pull request, else the noreply login, else the name', () => {
  assert.equal(submitterOf('Maintainer', 'm@example.com', 'Merge pull request #7 from Mallory/tasks'), 'mallory');
  assert.equal(submitterOf('Someone', '123+Alice@users.noreply.github.com', 'Add tasks'), 'alice');
  assert.equal(submitterOf('Bob', 'bob@example.com', 'Add tasks'), 'bob');
  assert.equal(submitterOf('dgrid', 'dgrid@localhost', 'dgrid: submit t1\n'), 'dgrid');
});

test('quota backstop: a squashed commit cannot charge its tasks to another submitter, by \\x1e and \\x1f in its title or by a title like a merge', async (t) => {
  const grid = await gridFor(t, { quotas: { queued_per_submitter: 1 } });
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  const mallory = ['-c', 'user.name=Mallory', '-c', 'user.email=123+mallory@users.noreply.github.com'];
  const titles = {
    forged: 'Add m1 (#7)\x1eBob\x1fbob@example.com\x1fx',
    merge: 'Merge pull request #8 from bob/more',
  };
  for (const [id, title] of Object.entries(titles)) {
    await writeFile(join(work, 'tasks/queue', `${id}.json`), JSON.stringify({ task_id: id, script: 'true' }));
    await git(['-C', work, 'add', '-A']);
    await git(['-C', work, ...mallory, 'commit', '--quiet', '-m', title]);
  }
  await git(['-C', work, 'push', '--quiet', 'origin', 'main']);
  const snapshot = await grid.snapshot();
  const submitters = new Submitters({ remote: grid.remote, branch: 'main', dir: join(grid.dir, 'history') });
  const byTask = await submitters.forQuota(snapshot, await snapshot.policy(), 2);
  assert.deepEqual(Object.fromEntries(byTask ?? []), { forged: 'mallory', merge: 'mallory' });
});

test('a policy whose retry backoff reaches past max_delay_days is refused: retried tasks would be refused as due too late', () => {
  assert.throws(
    () => parsePolicy('{"max_delay_days": 1, "max_retry_backoff_seconds": 90000}'),
    /^UserError: dgrid\.json: max_retry_backoff_seconds \(90000\) is beyond max_delay_days \(1 days\)/,
  );
  assert.equal(parsePolicy('{"max_delay_days": 1, "max_retry_backoff_seconds": 86400}').max_delay_days, 1);
});

test('when who submitted what cannot be read, nothing is claimable; a submitter below the quota is not held back', async (t) => {
  const grid = await gridFor(t, { quotas: { queued_per_submitter: 1 } });
  await grid.submit([{ task_id: 'ok', script: 'true' }]);
  const snapshot = await grid.snapshot();
  const policy = await snapshot.policy();
  const view = (submitters?: ReadonlyMap<string, string> | null) => ({
    nodeId: 'n',
    labels: [],
    firstSeen: new Map<string, string>(),
    ...(submitters === undefined ? {} : { submitters }),
  });
  const ids = async (submitters?: ReadonlyMap<string, string> | null) =>
    (await scanQueue(snapshot, view(submitters), new Date(), policy)).claimable.map((c) => c.task.task_id);
  assert.deepEqual(await ids(), ['ok']);
  assert.deepEqual(await ids(new Map([['ok', 'dgrid']])), ['ok']);
  assert.deepEqual(await ids(null), []);
});

test('dependency cycles and self-dependencies: submit refuses them; pushed directly, status names them and a worker fails them', async (t) => {
  const grid = await gridFor(t);
  await assert.rejects(
    grid.submit([
      { task_id: 'a', script: 'true', depends_on: ['b'] },
      { task_id: 'b', script: 'true', depends_on: ['a'] },
    ]),
    /task a: depends_on makes a cycle \(a → b → a\)/,
  );
  await assert.rejects(grid.submit([{ task_id: 'me', script: 'true', depends_on: ['me'] }]), /cycle \(me → me\)/);
  await assert.rejects(grid.submit([{ task_id: 'x', script: 'true', depends_on: ['nowhere'] }]), /no such task/);

  const log = join(grid.dir, 'log');
  await pushQueued(grid, [
    logged(log, 'a', 'true', { depends_on: ['b'] }),
    logged(log, 'b', 'true', { depends_on: ['a'] }),
    logged(log, 'me', 'true', { depends_on: ['me'] }),
    logged(log, 'behind', 'true', { depends_on: ['a'] }),
    logged(log, 'fine'),
  ]);
  const status = await readStatus(grid.store);
  assert.deepEqual(
    status.stuck.map((s) => [s.task_id, s.reason]),
    [
      ['a', 'depends_on makes a cycle (a → b → a), so none of these tasks could ever run'],
      ['b', 'depends_on makes a cycle (b → a → b), so none of these tasks could ever run'],
      ['behind', 'dependency a failed'],
      ['me', 'depends_on names the task itself, so it could never run'],
    ],
  );

  await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.deepEqual(starts(await events(log)), ['fine']);
  const results = await grid.results();
  assert.deepEqual(
    ['a', 'b', 'me', 'behind'].map((id) => results.get(id)?.status),
    ['error', 'error', 'error', 'failure'],
  );
  assert.deepEqual((await readStatus(grid.store)).stuck, []);
});

test('the queue stays bounded: submit refuses tasks past max_queued, and a node reads at most max_queued of a queue direct pushes grew', async (t) => {
  const grid = await gridFor(t, { quotas: { max_queued: 3 } });
  await grid.submit(noopTasks(2, 'a'));
  await assert.rejects(
    grid.submit(noopTasks(2, 'b')),
    /the queue would hold 4 tasks; .* at most 3 \(quotas.max_queued\)/,
  );

  const log = join(grid.dir, 'log');
  await pushQueued(
    grid,
    ['p1', 'p2', 'p3', 'p4'].map((id) => logged(log, id)),
  );
  const snapshot = await grid.snapshot();
  const view = { nodeId: 'n1', labels: [], firstSeen: new Map<string, string>() };
  const scan = await scanQueue(snapshot, view, new Date(), await snapshot.policy());
  assert.equal(snapshot.of('queue').length, 6);
  assert.equal(scan.claimable.length, 3, 'one round reads max_queued files');
  await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.deepEqual(starts(await events(log)).sort(), ['p1', 'p2', 'p3', 'p4']);
  assert.equal((await grid.snapshot()).of('queue').length, 0);
});

test('status: a silent node is not online, so a task only it could run is unrunnable (as the dashboard says)', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'needs-arm', script: 'true', requires: ['arm64'] }]);
  const long = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  // The node file still says online: its node died without a word, and no reaper came by yet.
  const silent: NodeRecord = {
    ...{ node_id: 'arm-box', labels: ['arm64'], slots: 1, version: 'test', incarnation: 'i-1' },
    ...{ started_at: long, last_heartbeat: long, status: 'online', tasks: [], completed: 0, failed: 0 },
  };
  await transact(grid.store, async () => ({ changes: [nodeChange(silent)], message: 'node arm-box\n', value: null }), {
    author: 'test-node',
    states: [],
  });
  const status = await readStatus(grid.store);
  assert.deepEqual(status.unrunnable, [{ task_id: 'needs-arm', requires: ['arm64'] }]);
});
