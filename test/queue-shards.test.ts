import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { auditGrid } from '../src/upkeep/audit.js';
import { GridStore } from '../src/git/store.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { cancelPath, nodePath, queuePath, queueShardPath } from '../src/protocol/layout.js';
import { shardMoves, unshardedQueue } from '../src/protocol/queue-shards.js';
import { submissionsIn } from '../src/protocol/submitters.js';
import { serialize } from '../src/protocol/transitions.js';
import { gridFor, pushDirectly, runAll } from './helpers/grid.js';

const task = (id: string, script = 'true') => serialize({ task_id: id, script });

test('a node moves the flat queue files it sees into their folders, blob unchanged; the audit accepts the moves', async (t) => {
  const grid = await gridFor(t);
  const ids = ['flat-1', 'flat-2', 'flat-3', 'flat-4'];
  await pushDirectly(
    grid,
    ids.map((id) => ({ path: queuePath(id), content: task(id) })),
    'submitters add tasks flat',
  );
  const before = new Map((await grid.snapshot()).of('queue').map((f) => [f.id, f.entry.sha]));
  await runAll([grid.worker({ nodeId: 'mover', maxTasks: 1 })]);

  const queue = (await grid.snapshot()).of('queue');
  assert.equal(queue.length, 3, 'one task ran, three wait');
  for (const file of queue) {
    assert.equal(file.entry.path, queueShardPath(file.id));
    assert.equal(file.entry.sha, before.get(file.id));
  }
  const report = await auditGrid(grid.bare);
  assert.deepEqual(report.violations, []);
});

test('shard moves leave out what the commit touches, ids that are twice in the grid, and names that are no task id', async (t) => {
  const grid = await gridFor(t);
  await pushDirectly(grid, [
    { path: queuePath('moves'), content: task('moves') },
    { path: queuePath('claimed'), content: task('claimed') },
    { path: queuePath('twice'), content: task('twice') },
    { path: queueShardPath('twice'), content: task('twice', 'echo other') },
    { path: queuePath('-bad'), content: task('-bad') },
    { path: queueShardPath('kept'), content: task('kept') },
  ]);
  const snapshot = await grid.snapshot();
  const moves = shardMoves(unshardedQueue(snapshot), new Set([queuePath('claimed')]));
  const moved = snapshot.of('queue').find((f) => f.id === 'moves')!;
  assert.deepEqual(moves, [
    { path: queuePath('moves'), delete: true },
    { path: queueShardPath('moves'), existing: moved.entry },
  ]);
});

test('an incremental snapshot lists what a full listing lists, without listing the tip', async (t) => {
  const grid = await gridFor(t);
  await pushDirectly(grid, [
    { path: queuePath('a'), content: task('a') },
    { path: queueShardPath('b'), content: task('b') },
    { path: queueShardPath('c'), content: task('c') },
    { path: nodePath('n1'), content: '{}' },
  ]);
  const store = await GridStore.open({
    remote: grid.remote,
    branch: 'main',
    dir: join(grid.dir, 'node'),
    partial: true,
  });
  const states = ['queue', 'in_progress'] as const;
  const first = await GridSnapshot.load(store, await store.fetch(), { states });
  await pushDirectly(grid, [
    { path: queuePath('a'), delete: true },
    { path: queueShardPath('a'), content: task('a') },
    { path: queueShardPath('b'), content: task('b', 'echo changed') },
    { path: queueShardPath('c'), delete: true },
    { path: 'tasks/in_progress/n1/c.json', content: task('c') },
    { path: queuePath('0-first'), content: task('0-first') },
    { path: queuePath('zz'), content: task('zz') },
    { path: cancelPath('b'), content: serialize({ task_id: 'b' }) },
    { path: nodePath('n1'), delete: true },
  ]);
  const tip = await store.fetch();
  const list = store.list.bind(store);
  store.list = () => Promise.reject(new Error('an incremental snapshot lists no tree'));
  const next = await GridSnapshot.load(store, tip, { states, since: first });
  store.list = list;
  const full = await GridSnapshot.load(store, tip, { states });
  const shape = (s: GridSnapshot) => ({
    queue: s.of('queue').map((f) => [f.entry.path, f.entry.sha, f.entry.mode]),
    claims: s.of('in_progress').map((f) => [f.entry.path, f.entry.sha]),
    nodes: [...s.nodeEntries.keys()],
    cancels: [...s.cancels.keys()],
  });
  assert.deepEqual(shape(next), shape(full));
  assert.equal(next.of('queue')[0]!.id, '0-first', 'in the order of the tree');
});

test('the submitter of a task is who added it, also once a node moved it into its folder', async (t) => {
  const grid = await gridFor(t);
  const tip = await grid.store.fetch();
  const submitted = await grid.store.commit(
    tip,
    [{ path: queuePath('theirs'), content: task('theirs') }],
    'Add a task\n',
    'alice',
  );
  assert.equal(await grid.store.push(submitted), 'pushed');
  await pushDirectly(grid, shardMoves(unshardedQueue(await grid.snapshot()), new Set()), 'a node moves it');
  assert.deepEqual(
    (await grid.snapshot()).of('queue').map((f) => f.entry.path),
    [queueShardPath('theirs')],
  );
  const byId = await submissionsIn(grid.bare, ['main']);
  assert.equal(byId.get('theirs'), 'alice');
});
