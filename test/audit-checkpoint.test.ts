import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditGrid, type AuditReport } from '../src/upkeep/audit.js';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { writeSyntheticHistory } from './audit-fixtures.js';

/** A synthetic history long enough to checkpoint, with a cache to push more commits through. */
async function history(t: { after: (fn: () => Promise<void>) => void }) {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-checkpoint-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const bare = join(dir, 'grid.git');
  await writeSyntheticHistory(bare, 800);
  const store = await GridStore.open({ remote: pathToFileURL(bare).href, branch: 'main', dir: join(dir, 'cache') });
  return { dir, bare, store, checkpoint: join(dir, 'audit.checkpoint') };
}

const same = (r: AuditReport) => ({ ok: r.ok, violations: r.violations, count: r.violationCount, figures: r.figures });

test('an audit from a checkpoint replays only the commits since, finds a defect in them, and equals a full audit', async (t) => {
  const { bare, store, checkpoint } = await history(t);
  const first = await auditGrid(bare, 'main', { checkpoint });
  assert.equal(first.ok, true);
  assert.equal(first.resumedFrom, null);
  const saved = JSON.parse((await readFile(checkpoint, 'utf8')).trim().split('\n').pop()!) as { commit: string };
  const line = (await git(['rev-list', '--first-parent', 'main'], { cwd: bare })).trim().split('\n');
  assert.equal(saved.commit, line[100], 'the state of the commit 100 before the tip');

  // A result removed without going to the archive: lost.
  const tip = await store.fetch();
  const [result] = await store.list(tip!, ['tasks/completed']);
  const lost = await store.commit(tip, [{ path: result!.path, delete: true }], 'drop a result\n', 'mallory');
  assert.equal(await store.push(lost), 'pushed');

  const resumed = await auditGrid(bare, 'main', { checkpoint });
  assert.equal(resumed.resumedFrom, saved.commit);
  assert.deepEqual(
    resumed.violations.map((v) => [v.commit, v.rule]),
    [[lost, 'lost']],
  );
  const full = await auditGrid(bare, 'main');
  assert.equal(full.resumedFrom, null);
  assert.deepEqual(same(resumed), same(full));
});

test('a checkpoint whose commit is not on the branch is not trusted: the audit replays everything', async (t) => {
  const { bare, checkpoint } = await history(t);
  await auditGrid(bare, 'main', { checkpoint });
  const rows = (await readFile(checkpoint, 'utf8')).trim().split('\n');
  const header = JSON.parse(rows.pop()!) as { commit: string };
  // A state that claims to cover a commit the branch never had (another grid's, or a forged one).
  const forged = (await git(['commit-tree', 'main^{tree}', '-m', 'elsewhere'], { cwd: bare })).trim();
  await writeFile(checkpoint, [...rows, JSON.stringify({ ...header, commit: forged })].join('\n') + '\n');
  const report = await auditGrid(bare, 'main', { checkpoint });
  assert.equal(report.resumedFrom, null);
  assert.deepEqual(same(report), same(await auditGrid(bare, 'main')));
});

test('an audit read in small batches finds what a whole read finds, and checkpoints the same commit', async (t) => {
  const { bare, store, checkpoint } = await history(t);
  const tip = await store.fetch();
  const [result] = await store.list(tip!, ['tasks/completed']);
  const lost = await store.commit(tip, [{ path: result!.path, delete: true }], 'drop a result\n', 'mallory');
  assert.equal(await store.push(lost), 'pushed');
  const whole = await auditGrid(bare, 'main', { checkpoint });
  const wholeCheckpoint = await readFile(checkpoint, 'utf8');
  // Batches far shorter than the look-ahead of 100 commits, and not a divisor of the history's length.
  const batched = await auditGrid(bare, 'main', { checkpoint: `${checkpoint}-batched`, historyBatch: 7 });
  assert.deepEqual(
    whole.violations.map((v) => [v.commit, v.rule]),
    [[lost, 'lost']],
  );
  assert.deepEqual(same(batched), same(whole));
  assert.equal(await readFile(`${checkpoint}-batched`, 'utf8'), wholeCheckpoint);
});
