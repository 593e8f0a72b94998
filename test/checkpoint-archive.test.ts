import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile, truncate, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packCheckpoint, sha256, unpackCheckpoint, type PackedCheckpoint } from '../src/sandbox/checkpoint-archive.js';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-checkpoint-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function packed(result: Awaited<ReturnType<typeof packCheckpoint>>): PackedCheckpoint {
  assert.ok('archive' in result, JSON.stringify(result));
  return result;
}

test('a checkpoint folder packs to one digest and unpacks to the same files', async (t) => {
  const dir = await tempDir(t);
  const from = join(dir, 'from');
  await mkdir(join(from, 'sub'), { recursive: true });
  await writeFile(join(from, 'step'), '7\n');
  await writeFile(join(from, 'sub', 'state.bin'), Buffer.from([0, 1, 2, 255]));
  const first = packed(await packCheckpoint(from, 1 << 20));
  assert.equal(first.sha256, sha256(first.archive));
  assert.equal(packed(await packCheckpoint(from, 1 << 20)).sha256, first.sha256, 'the same folder, the same digest');
  const to = join(dir, 'to');
  await mkdir(to);
  await unpackCheckpoint(first.archive, to);
  assert.equal(await readFile(join(to, 'step'), 'utf8'), '7\n');
  assert.deepEqual([...(await readFile(join(to, 'sub', 'state.bin')))], [0, 1, 2, 255]);
  // The task's user is not the node's: it must be able to write what was restored.
  assert.equal((await lstat(join(to, 'sub'))).mode & 0o777, 0o777);
  assert.equal((await lstat(join(to, 'step'))).mode & 0o777, 0o666);
});

test('a symbolic link in a checkpoint is left out, never followed', async (t) => {
  const dir = await tempDir(t);
  const from = join(dir, 'from');
  await mkdir(from);
  await writeFile(join(dir, 'host-secret'), 'not for the grid');
  await symlink(join(dir, 'host-secret'), join(from, 'link'));
  await symlink(dir, join(from, 'folder-link'));
  await writeFile(join(from, 'real'), 'kept');
  const result = packed(await packCheckpoint(from, 1 << 20));
  assert.deepEqual(result.skipped.sort(), ['folder-link', 'link']);
  assert.ok(!result.archive.includes(Buffer.from('not for the grid')));
});

test('a checkpoint past the cap is refused without being read whole', async (t) => {
  const dir = await tempDir(t);
  const from = join(dir, 'from');
  await mkdir(from);
  await writeFile(join(from, 'huge'), '');
  await truncate(join(from, 'huge'), 10 * 1024 ** 3); // sparse: 10 GB as the task sees it
  const result = await packCheckpoint(from, 1 << 20);
  assert.ok('tooLarge' in result);
  assert.match(result.tooLarge, /more than 1048576 bytes/);
});

test('an empty folder is no checkpoint, and a crafted archive cannot write outside its folder', async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, 'empty'));
  assert.deepEqual(await packCheckpoint(join(dir, 'empty'), 100), { empty: true });
  const legit = join(dir, 'legit');
  await mkdir(legit);
  await writeFile(join(legit, 'ab'), 'x');
  const archive = packed(await packCheckpoint(legit, 1 << 20)).archive;
  // The same archive with its path "ab" rewritten to "..": a forged checkpoint trying to climb out.
  const forged = Buffer.from(archive);
  forged.write('..', archive.indexOf(Buffer.from('ab')));
  const to = join(dir, 'to');
  await mkdir(to);
  await assert.rejects(unpackCheckpoint(forged, to), /not a plain relative path/);
  await assert.rejects(unpackCheckpoint(Buffer.from('PK\u0003\u0004'), to), /not a dgrid checkpoint/);
  assert.deepEqual(await readdir(to), []);
});
