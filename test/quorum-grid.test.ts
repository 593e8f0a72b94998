// Quorum tasks on real grids: replicas on different nodes, agreement, a lying node outvoted and
// quarantined, adaptive replication for trusted nodes, cancels and the reaper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inProgressPath, nodePath } from '../src/protocol/layout.js';
import { reap } from '../src/upkeep/reaper.js';
import { silentLog } from '../src/common/log.js';
import { auditGrid, formatViolation } from '../src/upkeep/audit.js';
import { serialize } from '../src/protocol/transitions.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import type { NodeRecord, Result, Task } from '../src/protocol/schemas.js';
import { gridFor, invariantViolations, pushDirectly, runAll, type TestGrid } from './helpers/grid.js';
import { WrongOutputSandbox } from './faults/wrong-output.js';

const tasks = (count: number, extra: Partial<Task> = {}, prefix = 'q'): Task[] =>
  Array.from({ length: count }, (_, i) => ({
    task_id: `${prefix}${i}`,
    script: `echo answer ${i}`,
    ...extra,
  }));

/** The file of an offline node with a long streak of valid runs: trusted under any trust_after of the tests. */
const trusted = (id: string): NodeRecord => ({
  node_id: id,
  labels: [],
  slots: 1,
  version: 'seed',
  started_at: '2026-01-01T00:00:00Z',
  last_heartbeat: '2026-01-01T00:00:00Z',
  status: 'offline',
  tasks: [],
  completed: 0,
  failed: 0,
  reputation: { valid: 1000, invalid: 0, errors: 0, consecutive_valid: 1000 },
});

async function nodes(grid: TestGrid): Promise<Map<string, NodeRecord>> {
  return new Map((await (await grid.snapshot()).nodes()).map((n) => [n.node_id, n]));
}

function agreeing(result: Result): string[] {
  return (result.replicas ?? []).filter((r) => r.verdict === 'valid').map((r) => r.node_id);
}

test('a quorum task runs on N different nodes and completes once N agree, every run in replicas', async (t) => {
  const grid = await gridFor(t);
  await grid.submit(tasks(4, { quorum: 2 }));
  await runAll(['a', 'b', 'c'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 })));
  const results = await grid.results();
  assert.equal(results.size, 4);
  for (const [id, result] of results) {
    assert.equal(result.state, 'completed', id);
    assert.equal(result.stdout, `answer ${id.slice(1)}\n`);
    const valid = agreeing(result);
    assert.equal(valid.length, 2, `${id}: ${JSON.stringify(result.replicas)}`);
    assert.equal(new Set(valid).size, 2, `${id}: replicas on two different nodes`);
  }
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('queue').length + snapshot.of('in_progress').length + snapshot.replicas.size, 0);
  const reputations = [...(await nodes(grid)).values()].map((n) => n.reputation?.valid ?? 0);
  assert.equal(
    reputations.reduce((a, b) => a + b, 0),
    8,
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a node that lies is outvoted, never accepted, and quarantined after its third invalid run', async (t) => {
  const grid = await gridFor(t);
  await grid.submit(tasks(12, { quorum: 2 }));
  const liar = new WrongOutputSandbox(new ProcessSandbox(), 1);
  const workers = [
    // Two slots, so that it gets its three lies in before the honest nodes drain the queue.
    grid.worker({ nodeId: 'liar', idleTimeoutSeconds: 3, slots: 2 }, liar),
    ...['a', 'b', 'c'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 3 })),
  ];
  const settled = await Promise.allSettled(workers.map((w) => w.run()));
  const results = await grid.results();
  assert.equal(results.size, 12);
  for (const [id, result] of results) {
    assert.equal(result.state, 'completed', id);
    assert.equal(result.stdout, `answer ${id.slice(1)}\n`, `${id}: the honest answer`);
    assert.ok(!agreeing(result).includes('liar'));
  }
  const liarNode = (await nodes(grid)).get('liar')!;
  assert.ok(liar.lies.size >= 3, `the liar lied ${liar.lies.size} times`);
  assert.equal(liarNode.status, 'quarantined');
  assert.equal(liarNode.reputation!.invalid, 3, 'quarantined at its third invalid run, and runs nothing after');
  assert.deepEqual(
    settled.slice(1).map((s) => s.status),
    ['fulfilled', 'fulfilled', 'fulfilled'],
  );
  // Quarantined for good: the node refuses to run under that id again.
  await assert.rejects(grid.worker({ nodeId: 'liar' }).run(), /node liar is quarantined/);
});

test("adaptive replication: a trusted node's runs are mostly accepted alone, an untrusted node's always checked", async (t) => {
  const grid = await gridFor(t, { nodes: { trust_after: 5 } });
  await pushDirectly(
    grid,
    ['a', 'b'].map((id) => ({ path: nodePath(id), content: serialize(trusted(id)) })),
  );
  await grid.submit(tasks(10, { quorum: 2 }));
  await runAll(['a', 'b'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 })));
  const results = [...(await grid.results()).values()];
  assert.equal(results.filter((r) => r.state === 'completed').length, 10);
  const runs = results.reduce((sum, r) => sum + (r.replicas?.length ?? 0), 0);
  // Checked with probability 0.02 each: 10 runs, or one more now and then.
  assert.ok(runs <= 12, `${runs} runs for 10 tasks`);
  for (const r of results.filter((r) => r.replicas!.length === 1)) {
    assert.equal(r.replicas![0]!.verdict, 'valid');
  }
  // An accepted run proves nothing: the reputations stand as seeded.
  const after = await nodes(grid);
  assert.equal(after.get('a')!.reputation!.valid + after.get('b')!.reputation!.valid, 2000 + 2 * (runs - 10));
});

test("a trusted node's lone run is checked while another of its runs waits in a disagreement", async (t) => {
  // A node that lies on every other run had a streak of valid judgements while its lies waited for a third
  // replica: trusted by its streak, its next lone lie was accepted unchecked (the hostile fault scenario).
  let roll = 0;
  t.mock.method(Math, 'random', () => roll);
  const grid = await gridFor(t, { nodes: { trust_after: 5 } });
  await pushDirectly(grid, [{ path: nodePath('liar'), content: serialize(trusted('liar')) }]);
  const liar = () =>
    grid.worker({ nodeId: 'liar', idleTimeoutSeconds: 2 }, new WrongOutputSandbox(new ProcessSandbox(), 1));
  // "disputed": the liar's lone run, checked by another node: they disagree, and it waits for a third run.
  await grid.submit([{ task_id: 'disputed', script: 'echo x', quorum: 2 }]);
  await liar().run();
  await grid.worker({ nodeId: 'checker', idleTimeoutSeconds: 2 }).run();
  assert.equal((await grid.snapshot()).replicas.get('disputed')?.length, 2, 'two runs that disagree');
  // "next": another lone run of the liar, which a node with a roll that would not check a trusted run meets.
  await grid.submit([{ task_id: 'next', script: 'echo y', quorum: 2 }]);
  await liar().run();
  roll = 0.99;
  await grid.worker({ nodeId: 'judge', idleTimeoutSeconds: 2 }).run();
  const next = (await grid.results()).get('next');
  assert.notEqual(next?.stdout, 'forged by liar\n', 'its lie is not accepted unchecked');
  assert.ok(((await grid.snapshot()).replicas.get('next')?.length ?? 0) >= 2 || (next?.replicas?.length ?? 0) >= 2);
});

test('a cancel ends a quorum task with its claims and runs in one commit', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'slow', script: 'sleep 30', quorum: 3 }]);
  const workers = ['a', 'b'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 }));
  const running = runAll(workers);
  for (let i = 0; i < 100; i++) {
    if ((await grid.snapshot()).of('in_progress').length === 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const { requestCancel } = await import('../src/admin/grid-admin.js');
  await requestCancel(grid.store, ['slow']);
  await running;
  const result = (await grid.results()).get('slow')!;
  assert.equal(result.status, 'cancelled');
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('in_progress').length + snapshot.replicas.size + snapshot.cancels.size, 0);
});

test('runs that never agree fail the task as error "no agreement" after max_results', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'noisy', script: 'head -c 16 /dev/urandom | od -x', quorum: 2, max_results: 3 }]);
  // A node that lost the race for the first replicas waits for the third: idle for a while.
  await runAll(['a', 'b', 'c'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 5 })));
  const result = (await grid.results()).get('noisy')!;
  assert.equal(result.state, 'failed');
  assert.equal(result.status, 'error');
  assert.match(result.reason!, /^no agreement: 3 runs of at most 3/);
  assert.deepEqual(
    result.replicas!.map((r) => r.verdict),
    ['invalid', 'invalid', 'invalid'],
  );
  // Nobody is judged by runs that never agreed.
  for (const node of (await nodes(grid)).values()) assert.equal(node.reputation?.invalid ?? 0, 0);
});

test('dgrid audit finds no violation in a quorum history, and names a forged reputation and a short quorum', async (t) => {
  const grid = await gridFor(t);
  await grid.submit(tasks(3, { quorum: 2 }));
  await runAll(['a', 'b', 'c'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 })));
  const clean = await auditGrid(grid.bare);
  assert.deepEqual(clean.violations.map(formatViolation), []);

  const snapshot = await grid.snapshot();
  const a = (await snapshot.node('a'))!;
  const [done] = snapshot.of('completed');
  const result = (await snapshot.readJson([done!])).get(done!) as Result;
  await pushDirectly(grid, [
    { path: nodePath('a'), content: serialize({ ...a, reputation: { ...a.reputation!, consecutive_valid: 99 } }) },
  ]);
  await grid.submit([{ task_id: 'short', script: 'true', quorum: 2 }]);
  const forged = { ...result, task_id: 'short', quorum: 2, replicas: result.replicas!.slice(0, 1) };
  const queued = (await grid.snapshot()).byId.get('short')![0]!;
  await pushDirectly(grid, [
    { path: queued.entry.path, delete: true },
    { path: done!.entry.path.replace(result.task_id, 'short'), content: serialize(forged) },
  ]);
  const rules = (await auditGrid(grid.bare)).violations.map((v) => `${v.rule} ${v.task}`);
  assert.ok(rules.includes('reputation nodes/a.json'), rules.join('\n'));
  assert.ok(rules.includes('quorum short'), rules.join('\n'));
});

test('the reaper hands orphaned replica claims back into the queued record, which stays the task home', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'held', script: 'true', quorum: 2 }]);
  const queued = (await grid.snapshot()).byId.get('held')![0]!;
  const task = (await (await grid.snapshot()).readJson([queued])).get(queued) as Task;
  const long = new Date(Date.now() - 3600_000).toISOString();
  const claim = (node: string, attempt: number) => ({
    path: inProgressPath(node, 'held'),
    content: serialize({
      ...task,
      claim: { node_id: node, token: `token-of-${node}-0000`, attempt, claimed_at: long, lease_until: long },
    }),
  });
  // Two replicas whose nodes never wrote a node file and whose leases ran out long ago.
  await pushDirectly(grid, [claim('ghost-1', 1), claim('ghost-2', 2)]);
  await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('in_progress').length, 0);
  const home = snapshot.byId.get('held')!;
  assert.deepEqual(
    home.map((f) => f.state),
    ['queue'],
  );
  const record = (await snapshot.readJson(home)).get(home[0]!) as { attempts: { node_id: string; status: string }[] };
  assert.deepEqual(
    record.attempts.map((a) => [a.node_id, a.status]),
    [
      ['ghost-1', 'orphaned'],
      ['ghost-2', 'orphaned'],
    ],
  );
  assert.deepEqual(await invariantViolations(grid.bare), []);
  // The next replicas are numbered after the orphaned ones, and the task completes.
  await runAll(['a', 'b'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 })));
  const result = (await grid.results()).get('held')!;
  assert.deepEqual(
    result.replicas!.map((r) => r.attempt),
    [3, 4],
  );
  const audit = await auditGrid(grid.bare);
  assert.deepEqual(audit.violations.map(formatViolation), []);
});

test("the reaper hands back a quarantined node's replica claims at once, and never removes its file", async (t) => {
  const grid = await gridFor(t);
  await grid.submit([
    { task_id: 'kept', script: 'true', quorum: 2 },
    { task_id: 'fresh', script: 'true', quorum: 2 },
  ]);
  const snapshot0 = await grid.snapshot();
  const queued = await snapshot0.readJson(snapshot0.of('queue'));
  const taskOf = (id: string) => [...queued].find(([f]) => f.id === id)![1] as Task;
  const now = new Date().toISOString();
  const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const lease = new Date(Date.now() + 3600_000).toISOString();
  const quarantined = (id: string, heartbeat: string): NodeRecord => ({
    node_id: id,
    labels: [],
    slots: 1,
    version: 'x',
    started_at: heartbeat,
    last_heartbeat: heartbeat,
    status: 'quarantined',
    tasks: [],
    completed: 0,
    failed: 0,
    reputation: { valid: 0, invalid: 3, errors: 0, consecutive_valid: 0 },
  });
  const claim = (node: string, id: string) => ({
    path: inProgressPath(node, id),
    content: serialize({
      ...taskOf(id),
      claim: { node_id: node, token: `token-of-${node}-0000`, attempt: 1, claimed_at: now, lease_until: lease },
    }),
  });
  await pushDirectly(grid, [
    // Silent for thirty days, and one with a heartbeat just now: both quarantined, both leases an hour away.
    { path: nodePath('silent'), content: serialize(quarantined('silent', longAgo)) },
    { path: nodePath('alive'), content: serialize(quarantined('alive', now)) },
    claim('silent', 'kept'),
    claim('alive', 'fresh'),
  ]);
  await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('in_progress').length, 0);
  assert.equal((await snapshot.node('silent'))?.status, 'quarantined', 'thirty days silent, and still there');
  assert.equal((await snapshot.node('alive'))?.status, 'quarantined');
});

test("a restarted node hands its earlier replica claim back into the queued record's history", async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'again', script: 'echo same', quorum: 2 }]);
  const queued = (await grid.snapshot()).byId.get('again')![0]!;
  const task = (await (await grid.snapshot()).readJson([queued])).get(queued) as Task;
  const now = new Date().toISOString();
  const lease = new Date(Date.now() + 3600_000).toISOString();
  // What an earlier process of node a left: a replica claim it never finished; and, since it claimed, another
  // replica (of node x) came back to the queued record, whose history the claim does not carry.
  const orphaned = { attempt: 1, node_id: 'x', claim_token: 'token-of-x', claimed_at: now, ended_at: now };
  await pushDirectly(grid, [
    {
      path: inProgressPath('a', 'again'),
      content: serialize({
        ...task,
        claim: { node_id: 'a', token: 'token-of-an-earlier-a', attempt: 2, claimed_at: now, lease_until: lease },
      }),
    },
    {
      path: queued.entry.path,
      content: serialize({ ...task, attempts: [{ ...orphaned, status: 'orphaned', reason: 'node x is silent' }] }),
    },
  ]);
  await runAll(['a', 'b'].map((nodeId) => grid.worker({ nodeId, idleTimeoutSeconds: 4 })));
  const result = (await grid.results()).get('again')!;
  assert.deepEqual(
    result.attempts!.map((a) => [a.node_id, a.attempt, a.status]),
    [
      ['x', 1, 'orphaned'],
      ['a', 2, 'orphaned'],
    ],
  );
  assert.equal(agreeing(result).length, 2);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});
