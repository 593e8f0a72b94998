// A worker's cache after kill -9: the locks and half-written packs a killed git leaves must not wedge the
// node that restarts on it, and two live workers must not share one cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeCache } from '../src/git/cache-owner.js';
import { GitError, git } from '../src/git/runner.js';
import { UserError } from '../src/common/errors.js';

// packed-refs.new: git pack-refs (run by gc) writes the new packed-refs there, and refuses to start while it
// exists.
const LEFT = [
  'shallow.lock',
  'config.lock',
  'packed-refs.new',
  'refs/remotes/grid/main.lock',
  'objects/pack/tmp_pack_kill9',
];

async function killedCache(owner: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-owner-'));
  await git(['init', '--quiet', '--bare', dir]);
  for (const file of LEFT) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'PACK half-written');
  }
  await writeFile(join(dir, 'dgrid-owner'), JSON.stringify({ pid: owner, start: null }));
  return dir;
}

/** A process that has exited: its pid names nobody now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

test('a cache taken over from a dead process loses what its killed git left, and git works in it again', async (t) => {
  const dir = await killedCache(await deadPid());
  t.after(() => rm(dir, { recursive: true, force: true }));
  await assert.rejects(git(['config', 'gc.auto', '0'], { cwd: dir }), GitError, 'the stale config.lock wedges git');
  const removed = await takeCache(dir);
  assert.deepEqual(removed.sort(), [...LEFT].sort());
  for (const file of LEFT) assert.equal(existsSync(join(dir, file)), false, file);
  await git(['config', 'gc.auto', '0'], { cwd: dir });
  await git(['pack-refs', '--all'], { cwd: dir });
  assert.equal(existsSync(join(dir, 'HEAD')), true, 'the repository itself is kept');
});

test('a cache held by a live process is refused, and its locks are left alone', async (t) => {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  const dir = await killedCache(holder.pid!);
  t.after(() => holder.kill('SIGKILL'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await assert.rejects(takeCache(dir), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, new RegExp(`process ${holder.pid}.*own node-id`));
    return true;
  });
  assert.equal(existsSync(join(dir, 'shallow.lock')), true);
});

test('the same process takes its own cache again, and a fresh folder is created', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'dgrid-owner-'));
  const dir = join(base, 'node-a');
  t.after(() => rm(base, { recursive: true, force: true }));
  assert.deepEqual(await takeCache(dir), []);
  assert.deepEqual(await takeCache(dir), []);
  assert.equal(existsSync(join(dir, 'dgrid-owner')), true);
});

test('a pid reused by another process is not taken for the owner: its start time differs', async (t) => {
  const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  const dir = await killedCache(stranger.pid!);
  t.after(() => stranger.kill('SIGKILL'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'dgrid-owner'), JSON.stringify({ pid: stranger.pid, start: '1' }));
  assert.deepEqual((await takeCache(dir)).sort(), [...LEFT].sort());
});

test("a killed gc's pid file is a leftover too: where nothing reaps orphans its pid lives on as a zombie, and git gc would refuse for hours", async (t) => {
  const dir = await killedCache(await deadPid());
  t.after(() => rm(dir, { recursive: true, force: true }));
  // Any live pid on this host stands for the zombie: git asks only whether that pid exists.
  await writeFile(join(dir, 'gc.pid'), `${process.pid} ${hostname()}`);
  await assert.rejects(git(['gc', '--quiet'], { cwd: dir }), /gc is already running/);
  assert.ok((await takeCache(dir)).includes('gc.pid'));
  await git(['gc', '--quiet'], { cwd: dir });
});

test('a cache whose owner was killed and never reaped (a zombie) is taken over, not refused as in use', async (t) => {
  // "sleep 0" is a child of a process that never waits for it: it ends as a zombie while the parent sleeps on.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))));
  const dir = await killedCache(zombie);
  t.after(() => parent.kill());
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (let i = 0; i < 100 && !/\) Z /.test(await readFile(`/proc/${zombie}/stat`, 'utf8')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const stat = await readFile(`/proc/${zombie}/stat`, 'utf8');
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  await writeFile(join(dir, 'dgrid-owner'), JSON.stringify({ pid: zombie, start }));
  assert.deepEqual((await takeCache(dir)).sort(), [...LEFT].sort());
});
