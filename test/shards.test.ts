import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { auditGrid } from '../src/upkeep/audit.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { submitTasks } from '../src/admin/grid-admin.js';
import {
  homeShard,
  parseShardTokens,
  repositoryKey,
  sameRepository,
  shardIndex,
  tokenFor,
  wrongShard,
} from '../src/protocol/shards.js';
import { SlotPool, type PoolMember } from '../src/node/slot-pool.js';
import { validateFiles } from '../src/validation/submission.js';
import { noopTasks } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';
import { shardFolder, shardedGrid } from './helpers/shards.js';
import { readFile, writeFile } from 'node:fs/promises';
import { git } from '../src/git/runner.js';
import { nodeChange } from '../src/protocol/transitions.js';
import { runCli } from './helpers/cli.js';
import { mergeShards } from '../src/dashboard/merge.js';
import type { DashboardInput } from '../src/dashboard/model.js';
import { parsePolicy } from '../src/protocol/policy.js';

test('a task id has one home shard, the same on every machine, and the ids spread over the shards', () => {
  const counts = [0, 0, 0, 0];
  for (const { task_id } of noopTasks(400)) counts[shardIndex(task_id, 4)]!++;
  for (const n of counts) assert.ok(n > 60 && n < 140, `uneven spread: ${counts.join(', ')}`);
  // Fixed by the id alone (sha256 of its lower case): "Build" and "build" meet in one shard, where the gate
  // sees that they collide.
  assert.equal(shardIndex('build', 4), shardIndex('Build', 4));
  assert.equal(shardIndex('t000', 4), 2);
  assert.equal(shardIndex('anything', 1), 0);
  const policy = { shards: ['https://a.example/g1', 'https://b.example/g2'] };
  assert.equal(homeShard(policy, 't000'), policy.shards[shardIndex('t000', 2)]);
  assert.equal(homeShard({}, 't000'), undefined);
});

test('a repository is known by its URL without credentials, .git, a trailing slash or the host case', () => {
  assert.ok(sameRepository('https://x-access-token:s3cret@GitHub.com/o/g.git', 'https://github.com/o/g/'));
  assert.ok(!sameRepository('https://github.com/o/g1', 'https://github.com/o/g2'));
  assert.equal(repositoryKey('file:///tmp/x/shard-0.git'), 'file:///tmp/x/shard-0');
  const policy = { shards: ['https://a.example/g1', 'https://b.example/g2'] };
  const [here, there] = shardIndex('t1', 2) === 0 ? policy.shards : [...policy.shards].reverse();
  assert.equal(wrongShard(policy, here!, 't1'), undefined);
  assert.match(wrongShard(policy, there!, 't1')!, new RegExp(`belongs to shard ${here!}.*submit it there`));
  assert.match(wrongShard(policy, 'https://c.example/g3', 't1')!, /not one of the shards in dgrid.json/);
  assert.equal(wrongShard({}, 'https://c.example/g3', 't1'), undefined);
});

test('a token goes to its own host only: shard-tokens by host, the grid token to the repository host alone', () => {
  const tokens = parseShardTokens(
    '# other hosts\ngit.example.com=abc\n\n127.0.0.1:8080 = def\n',
    'input "shard-tokens"',
  );
  assert.deepEqual(
    [...tokens],
    [
      ['git.example.com', 'abc'],
      ['127.0.0.1:8080', 'def'],
    ],
  );
  const primary = { remote: 'https://github.com/o/g1', token: 'gh' };
  assert.equal(tokenFor('https://github.com/o/g2', primary, tokens), 'gh');
  assert.equal(tokenFor('https://git.example.com/o/g3', primary, tokens), 'abc');
  assert.equal(tokenFor('https://other.example/o/g4', primary, tokens), undefined);
  assert.equal(tokenFor('http://127.0.0.1:8080/g5', primary, tokens), 'def');
  assert.throws(
    () => parseShardTokens('git.example.com abc-secret', 'input "shard-tokens"'),
    (e: Error) => /line 1: write HOST=TOKEN/.test(e.message) && !e.message.includes('abc-secret'),
  );
});

test('the node slot pool shares slots and max-tasks over shards, and a freed slot wakes the fullest queue', () => {
  const pool = new SlotPool({ slots: 3, maxTasks: 0 });
  const woken: string[] = [];
  const member = (name: string, claimable: number, running = 0): PoolMember => ({
    running: () => running,
    waiting: () => 0,
    claimable,
    startWaiting: () => woken.push(`start ${name}`),
    wake: () => woken.push(`wake ${name}`),
  });
  const small = member('small', 2, 1);
  const full = member('full', 10, 1);
  const empty = member('empty', 0);
  pool.join(small);
  pool.join(full);
  pool.join(empty);
  assert.equal(pool.room(empty, 1, 0), 2, 'slots plus prefetch, less what runs in any shard');
  assert.equal(pool.room(empty, 5, 0), 6, "the asking worker's prefetch: its shard's turns set it");
  assert.equal(pool.room(empty, 5, 4), 2, 'less the claims of its own in a push');
  const holding = { ...member('holding', 0), waiting: () => 5 };
  pool.join(holding);
  assert.equal(pool.room(holding, 5, 0), 1, 'less the claims it holds');
  assert.equal(pool.room(empty, 5, 0), 6, "another shard's held claims leave this one's prefetch whole");
  pool.released();
  assert.deepEqual(woken, ['start small', 'start full', 'start empty', 'start holding', 'wake full']);
  const capped = new SlotPool({ slots: 4, maxTasks: 3 });
  capped.join(member('only', 5));
  capped.claimed = 2;
  assert.equal(capped.room(member('other', 1), 0, 0), 1, 'max-tasks counts claims over every shard');
});

test('a node serving shards under a binding budget claims for the turns of each, not one slot a push', async (t) => {
  const dir = await shardFolder(t);
  // A push a second in each shard: one slot and no prefetch setting would take 60 pushes for 60 tasks.
  const grid = await shardedGrid(dir, 2, { push_budget_per_minute: 60 });
  await grid.submit(noopTasks(60));
  const node = await grid.node({ nodeId: 'n1', slots: 1, idleTimeoutSeconds: 2 });
  const report = await node.run();
  assert.equal(report.completed, 60);
  assert.ok(report.pushes <= 20, `${report.pushes} pushes: claims sized by each shard's turn, not one a push`);
});

test('dgrid submit puts each task in its home shard, and the gate of another shard refuses it', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 3);
  const tasks = noopTasks(12);
  await grid.submit(tasks);
  for (const [i, store] of grid.stores.entries()) {
    const snapshot = await GridSnapshot.load(store, await store.fetch());
    const queued = snapshot.of('queue').map((f) => f.id);
    const expected = tasks.map((task) => task.task_id).filter((id) => shardIndex(id, 3) === i);
    assert.deepEqual(queued.sort(), expected.sort(), `shard ${i}`);
  }
  // A direct submission to the wrong shard is refused there, naming the right one.
  const stray = { task_id: 'stray', script: 'true' };
  const wrong = (shardIndex('stray', 3) + 1) % 3;
  await assert.rejects(
    submitTasks(grid.stores[wrong]!, [stray], grid.urls[wrong]),
    new RegExp(`"stray" belongs to shard ${grid.urls[shardIndex('stray', 3)]!.replace(/[.]/g, '\\.')}`),
  );
  // The gate of a shard checkout, told which repository it is, says the same of a task file.
  const checkout = join(dir, 'checkout');
  await git(['clone', '--quiet', grid.bares[wrong]!, checkout]);
  await writeFile(join(checkout, 'stray.json'), JSON.stringify(stray));
  const report = await validateFiles({
    path: checkout,
    policyPath: 'dgrid.json',
    repository: grid.urls[wrong]!,
    files: [join(checkout, 'stray.json')],
  });
  assert.match(report.files[0]!.problems.map((p) => p.message).join('\n'), /belongs to shard/);
  const home = await validateFiles({
    path: checkout,
    policyPath: 'dgrid.json',
    repository: grid.urls[shardIndex('stray', 3)]!,
    files: [join(checkout, 'stray.json')],
  });
  assert.deepEqual(home.files[0]!.problems, []);
});

test('a node serves every shard: each result in its home shard, a node file per shard, depends_on across shards', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 3);
  // A chain whose steps live in different shards, and a task depending on one that exists nowhere.
  const chain = ['c0', 'c1', 'c2', 'c3', 'c4'];
  assert.ok(new Set(chain.map((id) => shardIndex(id, 3))).size > 1, 'the chain crosses shards');
  await grid.submit([
    ...noopTasks(9),
    ...chain.map((id, i) => ({
      task_id: id,
      script: `echo ${id}`,
      ...(i > 0 ? { depends_on: [chain[i - 1]!] } : {}),
    })),
  ]);
  await submitTasks(grid.stores[shardIndex('orphan-dep', 3)]!, [
    { task_id: 'orphan-dep', script: 'true', depends_on: ['c4'] },
  ]);
  const node = await grid.node({ nodeId: 'n1', slots: 2, idleTimeoutSeconds: 2 });
  const report = await node.run();
  assert.equal(report.completed, 9 + chain.length + 1);
  const results = await grid.results();
  for (const [id, result] of results) {
    assert.equal(result.shard, shardIndex(id, 3), `${id} has its result in its home shard`);
    assert.equal(result.state, 'completed', id);
  }
  const started = chain.map((id) => results.get(id)!.started_at);
  assert.deepEqual([...started].sort(), started, 'the chain ran in order');
  for (const [i, store] of grid.stores.entries()) {
    const snapshot = await GridSnapshot.load(store, await store.fetch());
    const nodeFile = await snapshot.node('n1');
    assert.equal(nodeFile?.status, 'offline', `shard ${i} has the node's file`);
    const audit = await auditGrid(grid.bares[i]!, 'main');
    assert.deepEqual(audit.violations, [], `shard ${i}`);
  }
});

test('a dependency missing from its home shard fails its dependent once that shard was read', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 2);
  const ghost = ['ghost-a', 'ghost-b', 'ghost-c', 'ghost-d'].find(
    (id) => shardIndex(id, 2) !== shardIndex('needs-ghost', 2),
  )!;
  // Past the gate by a direct push, as a token holder could: the gate of its shard does not read the other.
  await submitTasks(grid.stores[shardIndex('needs-ghost', 2)]!, [
    { task_id: 'needs-ghost', script: 'true', depends_on: [ghost] },
  ]);
  const node = await grid.node({ nodeId: 'n1', idleTimeoutSeconds: 1 });
  await node.run();
  const result = (await grid.results()).get('needs-ghost');
  assert.equal(result?.state, 'failed');
  assert.match(result!.stderr + JSON.stringify(result), new RegExp(`dependency ${ghost} does not exist`));
});

test('shards on two smart-HTTP hosts: each host gets only its own token, and a host that is down means wait', async (t) => {
  const dir = await shardFolder(t);
  const servers = [await serveGit(dir, 'token-a'), await serveGit(dir, 'token-b')];
  t.after(() => Promise.all(servers.map((s) => s.close())));
  const grid = await shardedGrid(dir, 2, {}, (i) => servers[i]!.url);
  const second = grid.urls[1]!;
  const [inFirst, inSecond] = [0, 1].map((s) => noopTasks(40, 'h').find((task) => shardIndex(task.task_id, 2) === s)!);
  // The dependent lives on the first host, its dependency on the second.
  const after = ['after-1', 'after-2', 'after-3', 'after-4'].find((id) => shardIndex(id, 2) === 0)!;
  await grid.submit([inFirst!, inSecond!, { task_id: after, script: 'true', depends_on: [inSecond!.task_id] }]);
  await servers[1]!.stop();
  const tokens = new Map([[new URL(second).host, 'token-b']]);
  const node = await grid.node({ nodeId: 'n1', token: 'token-a', idleTimeoutSeconds: 0 }, tokens);
  const run = node.run();
  // The first host's own task runs; the dependent waits for the host that is down instead of failing.
  for (let i = 0; i < 100 && !(await grid.results()).has(inFirst!.task_id); i++)
    await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await grid.results()).get(inFirst!.task_id)?.state, 'completed');
  assert.equal((await grid.results()).has(after), false, 'waits while the dependency cannot be read');
  await servers[1]!.start();
  for (let i = 0; i < 200 && !(await grid.results()).has(after); i++) await new Promise((r) => setTimeout(r, 100));
  node.stop('done');
  await run;
  const results = await grid.results();
  assert.equal(results.get(after)?.state, 'completed');
  assert.equal(results.get(inSecond!.task_id)?.state, 'completed');
  assert.equal(servers[0]!.unauthorized + servers[1]!.unauthorized, 0, 'each host was sent its own token');
  assert.ok(servers.every((s) => s.requests.every((r) => !r.includes('token'))));
});

test('dgrid status shows a sharded grid as one, dgrid audit checks each shard and what spans them', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 3);
  await grid.submit(noopTasks(6));
  const node = await grid.node({ nodeId: 'n1', maxTasks: 3, idleTimeoutSeconds: 1 });
  await node.run();
  await grid.submit(noopTasks(4, 'q'));
  // Pointed at any shard, status reads them all.
  const status = await runCli(['status', '--repository', grid.bares[2]!, '--json']);
  assert.equal(status.code, 0, status.stderr);
  const read = JSON.parse(status.stdout) as {
    counts: Record<string, number>;
    nodes: { node_id: string; completed: number }[];
  };
  assert.deepEqual(read.counts, { queue: 7, in_progress: 0, completed: 3, failed: 0 });
  assert.deepEqual(
    read.nodes.map((n) => [n.node_id, n.completed]),
    [['n1', 3]],
  );
  const passed = await runCli(['audit', '--repository', grid.bares[0]!]);
  assert.equal(passed.code, 0, passed.stdout + passed.stderr);
  assert.match(passed.stdout, /all 3 shards passed/);
  // A task pushed past the gate into a shard that is not its home, and a shard whose policy drifted.
  const stray = noopTasks(30, 's').find((task) => shardIndex(task.task_id, 3) !== 1)!;
  const store = grid.stores[1]!;
  const tip = await store.fetch();
  const drifted = JSON.stringify({ push_budget_per_minute: 0, max_timeout_seconds: 60, shards: grid.urls });
  const commit = await store.commit(
    tip,
    [
      { path: `tasks/queue/${stray.task_id}.json`, content: Buffer.from(JSON.stringify(stray)) },
      { path: 'dgrid.json', content: Buffer.from(drifted) },
    ],
    'a direct push\n',
    'direct',
  );
  assert.equal(await store.push(commit), 'pushed');
  const failed = await runCli(['audit', '--repository', grid.bares[0]!]);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /shard-1: dgrid.json differs from the first shard's/);
  assert.match(
    failed.stdout,
    new RegExp(`tasks/queue/${stray.task_id}.json belongs to shard .*shard-${shardIndex(stray.task_id, 3)}`),
  );
});

test('dgrid reap reaps every shard of the grid', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 2);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  const silent = (id: string) => ({
    node_id: id,
    labels: [],
    slots: 1,
    version: '1.0.0',
    started_at: hourAgo,
    last_heartbeat: hourAgo,
    status: 'online' as const,
    tasks: [],
    completed: 0,
    failed: 0,
  });
  for (const store of grid.stores) {
    const tip = await store.fetch();
    const commit = await store.commit(tip, [nodeChange(silent('gone'))], 'a node\n', 'direct');
    assert.equal(await store.push(commit), 'pushed');
  }
  const reaped = await runCli(['reap', '--repository', grid.bares[1]!, '--json']);
  assert.equal(reaped.code, 0, reaped.stderr);
  assert.equal((JSON.parse(reaped.stdout) as { nodesOffline: number }).nodesOffline, 2, reaped.stdout);
  for (const store of grid.stores) {
    const snapshot = await GridSnapshot.load(store, await store.fetch());
    assert.equal((await snapshot.node('gone'))?.status, 'offline');
  }
});

test('dgrid render shows the clones of every shard as one grid', async (t) => {
  const dir = await shardFolder(t);
  const grid = await shardedGrid(dir, 2);
  await grid.submit(noopTasks(6));
  await (await grid.node({ nodeId: 'n1', maxTasks: 4, idleTimeoutSeconds: 1 })).run();
  const clones: string[] = [];
  for (const [i, bare] of grid.bares.entries()) {
    clones.push(join(dir, `clone-${i}`));
    await git(['clone', '--quiet', bare, clones[i]!]);
  }
  const out = join(dir, 'site');
  // Both shards' clones rendered as one grid into `site`.
  const render = (site: string) =>
    runCli(['render', '--path', clones[0]!, '--shard-path', clones[1]!, '--output-dir', site, '--json']);
  const rendered = await render(out);
  assert.equal(rendered.code, 0, rendered.stderr);
  const { counts } = JSON.parse(rendered.stdout) as { counts: Record<string, number> };
  assert.deepEqual([counts.queued, counts.completed], [2, 4]);
  // Each shard's history is kept with the site, and the next render reads only what came since in each.
  const keptTips = [];
  for (const [i, file] of ['history.json', 'history-2.json'].entries()) {
    const kept = JSON.parse(await readFile(join(out, file), 'utf8')) as { tip: string };
    assert.equal(kept.tip, (await git(['rev-parse', 'HEAD'], { cwd: clones[i]! })).trim(), file);
    keptTips.push(kept.tip);
  }
  await grid.submit([
    { task_id: 'later-0', script: 'true' },
    { task_id: 'later-1', script: 'true' },
  ]);
  for (const clone of clones) await git(['pull', '--quiet', 'origin', 'main'], { cwd: clone });
  const again = await render(out);
  assert.equal(again.code, 0, again.stderr);
  for (const tip of keptTips) assert.match(again.stderr, new RegExp(`from the kept history at ${tip.slice(0, 12)}`));
  const whole = await render(join(dir, 'whole'));
  assert.deepEqual(JSON.parse(again.stdout).counts, JSON.parse(whole.stdout).counts);
  for (const file of ['history.json', 'history-2.json']) {
    assert.deepEqual(
      JSON.parse(await readFile(join(out, file), 'utf8')),
      JSON.parse(await readFile(join(dir, 'whole', file), 'utf8')),
      `${file}: read on from the kept history, as read whole`,
    );
  }
  const merged = mergeShards([
    { ...fakeInput([point(0, 3, 0), point(20, 1, 2)]), nodes: [nodeOf('n1', 1, '2026-01-01T00:00:05Z')] },
    { ...fakeInput([point(10, 4, 0)]), nodes: [nodeOf('n1', 2, '2026-01-01T00:00:09Z')] },
  ]);
  assert.deepEqual(
    merged.history.map((p) => [p.time.getTime(), p.queued, p.completed]),
    [
      [0, 3, 0],
      [10, 7, 0],
      [20, 5, 2],
    ],
  );
  assert.deepEqual(
    merged.nodes.map((n) => [n.node_id, n.completed, n.last_heartbeat]),
    [['n1', 3, '2026-01-01T00:00:09Z']],
  );
});

const point = (ms: number, queued: number, completed: number) => ({
  time: new Date(ms),
  queued,
  running: 0,
  completed,
  failed: 0,
});

const nodeOf = (id: string, completed: number, heartbeat: string) => ({
  node_id: id,
  labels: [],
  slots: 1,
  version: '1.0.0',
  started_at: heartbeat,
  last_heartbeat: heartbeat,
  status: 'offline' as const,
  tasks: [],
  completed,
  failed: 0,
});

function fakeInput(history: ReturnType<typeof point>[]): DashboardInput {
  return {
    title: 'g',
    generatedAt: new Date(0),
    branch: 'main',
    policy: parsePolicy(undefined),
    queued: [],
    running: [],
    completed: [],
    failed: [],
    nodes: [],
    history,
  };
}
