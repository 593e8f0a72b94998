import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { gridFor, pushDirectly, type TestGrid } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';

/** A bare repository holding `count` distinct blobs, and their ids in order. */
async function blobs(dir: string, count: number): Promise<string[]> {
  const bare = join(dir, 'blobs.git');
  await git(['init', '--quiet', '--bare', bare]);
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const text = `blob ${i}\n`;
    lines.push('blob', `mark :${i}`, `data ${Buffer.byteLength(text)}`, text);
  }
  const marks = join(dir, 'marks');
  await git(['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: bare, input: lines.join('\n') + '\n' });
  const byMark = new Map(
    (await readFile(marks, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
  return Array.from({ length: count }, (_, i) => byMark.get(`:${i + 1}`)!);
}

/** A node's partial cache of the grid, as a worker keeps it. */
function partialNode(grid: TestGrid): Promise<GridStore> {
  return GridStore.open({ remote: grid.remote, branch: 'main', dir: join(grid.dir, 'cache-node'), partial: true });
}

test('a read of more blobs than the cache keeps answers every blob, those it had cached too, and so do later reads', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-store-cache-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const shas = await blobs(dir, 20_500);
  const store = await GridStore.local(join(dir, 'blobs.git'));
  const text = (sha: string, read: Map<string, Buffer>) => read.get(sha)?.toString('utf8');
  const first = await store.read(shas.slice(0, 100));
  assert.equal(text(shas[0]!, first), 'blob 1\n');

  const all = await store.read(shas);
  assert.equal(all.size, shas.length);
  shas.forEach((sha, i) => assert.equal(text(sha, all), `blob ${i + 1}\n`, `blob ${i + 1}`));
  // What a node reads every round: the early blobs again, then the latest ones.
  const again = await store.read([shas[0]!, shas[99]!, shas.at(-1)!]);
  assert.deepEqual(
    [...again.values()].map((b) => b.toString('utf8')),
    ['blob 1\n', 'blob 100\n', 'blob 20500\n'],
  );
});

test('later fetches bring the commits since the last one; after a tidy the next fetch takes the tip alone again', async (t) => {
  const grid = await gridFor(t);
  const node = await partialNode(grid);
  const depth = async () =>
    Number((await git(['rev-list', '--count', 'refs/remotes/grid/main'], { cwd: node.options.dir })).trim());
  await node.fetch();
  assert.equal(await depth(), 1, 'the first fetch takes the tip alone');
  for (let i = 0; i < 3; i++) await grid.submit([{ task_id: `t${i}`, script: 'true' }]);
  await node.fetch();
  assert.equal(await depth(), 4, 'a later fetch brings the commits since the last one');
  await node.tidy();
  await grid.submit([{ task_id: 't3', script: 'true' }]);
  await node.fetch();
  assert.equal(await depth(), 1, 'after a tidy, the tip alone again');
});

test('blobs a partial store lacks although a later fetch passed them (the cold tip reaches them) come in one request', async (t) => {
  const grid = await gridFor(t);
  const token = 'ghs_testtoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit([
    { task_id: 'a', script: 'echo one' },
    { task_id: 'b', script: 'echo two' },
  ]);
  const node = await GridStore.open({
    remote: `${server.url}/grid.git`,
    branch: 'main',
    dir: join(grid.dir, 'cache-node'),
    token,
    partial: true,
  });
  const cold = (await node.fetch())!; // blob:none: the queued blobs stay on the remote
  const queued = await node.list(cold, ['tasks/queue']);
  // The same contents under new names: the next fetch does not send blobs the cold tip already reaches.
  await pushDirectly(
    grid,
    queued.map((entry) => ({ path: entry.path.replace(/\.json$/, '-copy.json'), existing: entry })),
  );
  const tip = (await node.fetch())!;
  const changed = await node.changedEntries(cold, tip, ['tasks/queue']);
  assert.equal(changed.length, 2);
  const before = server.requests.length;
  const read = await node.read(changed.map((c) => c.entry!.sha));
  const fetches = server.requests.slice(before).filter((r) => r.includes('git-upload-pack'));
  // One fetch is two requests over HTTP (the refs, then the pack); a fetch apiece would be four.
  assert.ok(fetches.length <= 2, `${fetches.length} requests for two blobs: one fetch for both, not one apiece`);
  assert.deepEqual([...read.values()].map((blob) => JSON.parse(blob.toString('utf8')).script).sort(), [
    'echo one',
    'echo two',
  ]);
});

test('a push that lost the race fetches nothing: a partial store does not bring the winning commit to tell why', async (t) => {
  const grid = await gridFor(t);
  const node = await partialNode(grid);
  const base = (await node.fetch())!;
  await grid.submit([{ task_id: 'winner', script: 'true' }]);
  const packs = async () =>
    (await readdir(join(node.options.dir, 'objects', 'pack'))).filter((f) => f.endsWith('.pack'));
  const before = await packs();
  const loser = await node.commit(base, [{ path: 'tasks/queue/.gitkeep', delete: true }], 'a late change\n', 'n1');
  assert.equal(await node.push(loser), 'rejected');
  assert.deepEqual(await packs(), before, 'the lost race fetched objects into the cache');
  // Every push leases its commit's own parent, so the store pushes only commits it built.
  await assert.rejects(node.push((await grid.store.fetch())!), /not built by this store/);
  // On the tip it read, the same change lands.
  const tip = (await node.fetch())!;
  assert.equal(await node.push(await node.commit(tip, [], 'on the tip\n', 'n1')), 'pushed');
});
