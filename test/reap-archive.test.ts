import { test } from 'node:test';
import assert from 'node:assert/strict';
import { git } from '../src/git/runner.js';
import { locate, resultPath } from '../src/protocol/layout.js';
import { silentLog } from '../src/common/log.js';
import { reap, type ReapReport } from '../src/upkeep/reaper.js';
import { gridFor, invariantViolations, type TestGrid } from './helpers/grid.js';
import { plantResults } from './reap-fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;

function reapGrid(grid: TestGrid): Promise<ReapReport> {
  return reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
}

async function paths(grid: TestGrid, ref: string): Promise<string[]> {
  return (await git(['ls-tree', '-r', '-t', '-z', '--name-only', ref], { cwd: grid.bare })).split('\0').filter(Boolean);
}

/** The most entries any one folder holds at the ref. */
function largestFolder(all: string[]): number {
  const counts = new Map<string, number>();
  for (const path of all) {
    const parent = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  return Math.max(...counts.values());
}

const taskIds = (all: string[]) => all.filter((p) => p.endsWith('.json')).flatMap((p) => locate(p)?.id ?? []);
const days = (all: string[]) => new Set(all.map((p) => /\/(\d{4}-\d{2}-\d{2})(\/|$)/.exec(p)?.[1]).filter(Boolean));

test('retention: of 20,000 results over 40 days, old days move to main-archive; folders stay small, the tip recent', async (t) => {
  const grid = await gridFor(t, { retention: { days: RETENTION_DAYS } });
  await plantResults(grid, 20_000, 40);
  const before = await paths(grid, 'main');
  const report = await reapGrid(grid);
  const cutoff = new Date(Date.now() - RETENTION_DAYS * DAY_MS).toISOString().slice(0, 10);

  const tip = await paths(grid, 'main');
  const archive = await paths(grid, 'main-archive');
  console.log(`# tip: ${before.length} entries before archiving, ${tip.length} after; archive: ${archive.length}`);
  const old = before.filter((p) => /^tasks\/\w+\/[\d-]{10}$/.test(p) && p.slice(-10) < cutoff);
  assert.ok(old.length >= 9);
  assert.deepEqual(report.actions.map((a) => a.subject).sort(), old.sort());
  assert.ok([...days(tip)].every((day) => day! >= cutoff));
  assert.ok([...days(archive)].every((day) => day! < cutoff));
  assert.ok(largestFolder(tip) <= 3000);
  assert.ok(largestFolder(archive) <= 3000);
  const ids = [...taskIds(tip), ...taskIds(archive)];
  assert.equal(ids.length, 20_000);
  assert.equal(new Set(ids).size, 20_000);

  const message = await git(['log', '-1', '--format=%B', 'main'], { cwd: grid.bare });
  const archivedTo = /^Archived-To: ([0-9a-f]{40})$/m.exec(message)?.[1];
  assert.equal(archivedTo, (await git(['rev-parse', 'main-archive'], { cwd: grid.bare })).trim());
  assert.deepEqual(await invariantViolations(grid.bare), []);
  assert.deepEqual(await invariantViolations(grid.bare, 'main-archive'), []);
});

test('a result that lands in an already archived day joins that day in the archive', async (t) => {
  const grid = await gridFor(t, { retention: { days: RETENTION_DAYS } });
  await plantResults(grid, 200, 40);
  await reapGrid(grid);
  const archivedDay = (await paths(grid, 'main-archive')).find((p) => /^tasks\/completed\/\d{4}\/[\d-]{10}$/.test(p))!;
  const day = archivedDay.slice(-10);
  const earlier = (await paths(grid, `main-archive:${archivedDay}`)).length;

  const late = resultPath('completed', 'late', new Date(`${day}T12:00:00Z`));
  const tip = await grid.store.fetch();
  const commit = await grid.store.commit(tip, [{ path: late, content: '{"task_id": "late"}\n' }], 'late\n', 'test');
  assert.equal(await grid.store.push(commit), 'pushed');
  const report = await reapGrid(grid);
  assert.deepEqual(
    report.actions.map((a) => a.subject),
    [`tasks/completed/${day}`],
  );
  const merged = await paths(grid, `main-archive:${archivedDay}`);
  assert.ok(merged.length > earlier);
  assert.ok(merged.some((p) => p.endsWith('/late.json')));
  assert.ok(!(await paths(grid, 'main')).some((p) => p.includes(day)));
  assert.deepEqual((await reapGrid(grid)).commits, [], 'nothing left to do');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});
