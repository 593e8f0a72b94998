import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requestCancel } from '../src/core/grid-admin.js';
import { requeueClaim } from '../src/core/lifecycle.js';
import { transact } from '../src/core/transaction.js';
import { readStatus } from '../src/core/status.js';
import type { Claim, Task } from '../src/core/schemas.js';
import { git } from '../src/core/git/runner.js';
import { invariantViolations, makeGrid, runAll } from './helpers/grid.js';

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

test('execution order follows priority: high, then normal, then low', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a ten-task graph runs in dependency order across three workers', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a failed dependency fails its dependents transitively, running none of them', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('label routing: only a node carrying every required label claims a task; unrunnable tasks are visible', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('not_before is respected', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a failed attempt is retried after a backoff, recorded as its next not_before', async () => {
  const grid = await makeGrid({ retry_backoff_seconds: 2 });
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('cancelling a running task stops it; cancelling a queued one fails it; both end as cancelled', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a node with two slots runs two tasks at the same time, in one claim commit', async () => {
  const grid = await makeGrid();
  try {
    const log = join(grid.dir, 'log');
    await grid.submit([logged(log, 'a', 'sleep 1'), logged(log, 'b', 'sleep 1')]);
    const [report] = await runAll([grid.worker({ nodeId: 'wide', slots: 2, cpus: 2 })]);
    const evs = await events(log);
    const firstEnd = Math.min(...evs.filter((e) => e.kind === 'end').map((e) => e.at));
    assert.equal(
      evs.filter((e) => e.kind === 'start' && e.at < firstEnd).length,
      2,
      'both started before either ended',
    );
    // Register + claim both + finish both (+ go offline): the claims shared one commit.
    assert.ok(report!.pushes <= 4, `pushes: ${report!.pushes}`);
  } finally {
    await grid.cleanup();
  }
});

test('a node never commits more CPUs than it has', async () => {
  const grid = await makeGrid({ limits: { cpus: 2 } });
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('prefetch: a node holds claims beyond its slots, runs only its slots at once, and pushes many results at a time', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('prefetch: a waiting claim taken back by a reaper never starts under its old token', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('prefetch: a waiting claim cancelled ends as cancelled without running; on stop the others go back unstarted', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a cancel that lands while the run fails with attempts left ends the task as cancelled; it never runs again', async () => {
  const grid = await makeGrid({ retry_backoff_seconds: 0 });
  try {
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
  } finally {
    await grid.cleanup();
  }
});

test('a cancel of a claim that the node hands back on stop ends the task as cancelled; it never runs again', async () => {
  const grid = await makeGrid();
  try {
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
  } finally {
    await grid.cleanup();
  }
});
