// Who made a commit, as the commit checker works it out (protocol/commit-check.ts): a node by its pinned key on a
// grid that wants signed commits, by its name otherwise; and what a hostile node cannot pass off as another's.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKey, rotateNodeKey } from '../src/admin/node-key.js';
import { GridStore, type Change } from '../src/git/store.js';
import { CommitChecker } from '../src/protocol/commit-check.js';
import { parsePolicy } from '../src/protocol/policy.js';
import { nodeChange } from '../src/protocol/transitions.js';
import type { NodeRecord } from '../src/protocol/schemas.js';
import { gridFor, type TestGrid } from './helpers/grid.js';
import { runCli } from './helpers/cli.js';

const record = (id: string, publicKey?: string): NodeRecord => ({
  node_id: id,
  labels: [],
  slots: 1,
  version: 'test',
  started_at: new Date().toISOString(),
  last_heartbeat: new Date().toISOString(),
  status: 'online',
  tasks: [],
  completed: 0,
  failed: 0,
  ...(publicKey ? { public_key: publicKey } : {}),
});

interface Signed {
  key: string;
  publicKey: string;
}

async function keysFor(t: TestContext, ...ids: string[]): Promise<Record<string, Signed>> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-keys-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const keys: Record<string, Signed> = {};
  for (const id of ids) keys[id] = { key: join(dir, id), publicKey: await generateNodeKey(join(dir, id), id) };
  return keys;
}

/** Pushes `changes` as `author`, signed with `key` when given; returns the commit. */
async function push(grid: TestGrid, author: string, changes: Change[], key?: string): Promise<string> {
  const store = await GridStore.open({
    remote: grid.remote,
    branch: 'main',
    dir: join(grid.dir, `cache-push-${key ? 'signed' : 'plain'}`),
    ...(key ? { signingKey: key } : {}),
  });
  const tip = await store.fetch();
  const commit = await store.commit(tip, changes, `dgrid: ${author}: heartbeat\n`, author);
  assert.equal(await store.push(commit), 'pushed');
  return commit;
}

/** A reader that starts at the grid's current tip. */
async function reader(grid: TestGrid) {
  const checker = new CommitChecker(grid.store.options.dir);
  const start = (await grid.store.fetch())!;
  const policy = await (await grid.snapshot()).policy();
  await checker.check(start, policy, start);
  return {
    checker,
    /** The problems of each commit up to the tip, void or not ('' for a valid one). */
    async judge(...commits: string[]): Promise<string[]> {
      const outcome = await checker.check((await grid.store.fetch())!, policy);
      const found = new Map(outcome.voided.map((v) => [v.commit, v.problems.join('; ')]));
      return commits.map((c) => found.get(c) ?? '');
    },
  };
}

test('on a grid that is not guarded, checking reads nothing', async (t) => {
  const grid = await gridFor(t);
  const checker = new CommitChecker(join(grid.dir, 'no-such-repository'));
  const tip = (await grid.store.fetch())!;
  const outcome = await checker.check(tip, parsePolicy(undefined));
  assert.deepEqual(outcome, { checked: 0, voided: [], rebased: false });
  assert.equal(checker.tip, null);
});

test('with signed commits, a node is its key: first seen in its own signed node file, then pinned', async (t) => {
  const grid = await gridFor(t, { nodes: { signed_commits: true } });
  const keys = await keysFor(t, 'n1', 'h1', 'x');
  const r = await reader(grid);
  const joined = await push(grid, 'n1', [nodeChange(record('n1', keys.n1!.publicKey))], keys.n1!.key);
  const hostile = await push(grid, 'h1', [nodeChange(record('h1', keys.h1!.publicKey))], keys.h1!.key);
  // Unsigned, under n1's name: void, and n1 is not blamed for what anyone could push.
  const unsigned = await push(grid, 'n1', [nodeChange(record('n1', keys.n1!.publicKey))]);
  // Signed by h1 under n1's name: h1's commit, writing n1's file.
  const posing = await push(grid, 'n1', [nodeChange(record('n1', keys.h1!.publicKey))], keys.h1!.key);
  // A new node whose file names a key it does not sign with.
  const borrowed = await push(grid, 'x', [nodeChange(record('x', keys.n1!.publicKey))], keys.x!.key);
  const [a, b, c, d, e] = await r.judge(joined, hostile, unsigned, posing, borrowed);
  assert.equal(a, '');
  assert.equal(b, '');
  assert.match(c!, /not signed with node n1's key/);
  assert.match(d!, /node h1 changes nodes\/n1.json: a node writes only its own node file/);
  assert.match(e!, /not signed with the key its node file names/);
  assert.deepEqual([...r.checker.quarantined.keys()], ['h1']);
});

test('a key is rotated by a commit the old key signs; the old key signs nothing after', async (t) => {
  const grid = await gridFor(t, { nodes: { signed_commits: true } });
  const keys = await keysFor(t, 'n1');
  const r = await reader(grid);
  const joined = await push(grid, 'n1', [nodeChange(record('n1', keys.n1!.publicKey))], keys.n1!.key);
  const rotation = await rotateNodeKey(keys.n1!.key, 'n1', (signingKey) =>
    GridStore.open({ remote: grid.remote, branch: 'main', dir: join(grid.dir, 'cache-rotate'), signingKey }),
  );
  const fresh = await push(grid, 'n1', [nodeChange(record('n1', rotation.publicKey))], keys.n1!.key);
  const stale = await push(grid, 'n1', [nodeChange(record('n1', keys.n1!.publicKey))], rotation.oldKey);
  const [a, b, c, d] = await r.judge(joined, rotation.commit!, fresh, stale);
  assert.deepEqual([a, b, c], ['', '', '']);
  assert.match(d!, /not signed with node n1's key/);
});

test('a grid that admits its nodes refuses the others, and their keys come from dgrid.json alone', async (t) => {
  const keys = await keysFor(t, 'n1', 'h1');
  const grid = await gridFor(t, { nodes: { admitted: [{ node_id: 'n1', public_key: keys.n1!.publicKey }] } });
  const r = await reader(grid);
  const admitted = await push(grid, 'n1', [nodeChange(record('n1'))]);
  const stranger = await push(grid, 'h1', [nodeChange(record('h1'))]);
  const [a, b] = await r.judge(admitted, stranger);
  assert.equal(a, '');
  assert.match(b!, /node h1 is not admitted/);
});

test('dgrid node-key makes a key and prints its dgrid.json entry, and will not overwrite one', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-node-key-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const key = join(dir, 'n1');
  const made = await runCli(['node-key', '--node-id', 'n1', '--key', key, '--json']);
  assert.equal(made.code, 0, made.stderr);
  const printed = JSON.parse(made.stdout) as { node_id: string; public_key: string };
  assert.equal(printed.node_id, 'n1');
  assert.match(printed.public_key, /^ssh-ed25519 [A-Za-z0-9+/]+=*$/);
  const again = await runCli(['node-key', '--node-id', 'n1', '--key', key]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /exists: give another --key, or --rotate/);
});
