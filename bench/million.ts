// A year of a busy grid: a million finished tasks with their archive (archived-history.ts), and what a grid
// that size costs the tools that read it. Minutes to build, so bench.ts runs these rows alone:
//
//   npm run bench -- --million              1,000,000 tasks over 365 days
//   npm run bench -- --million --tasks N    a smaller year, to try the rows quickly
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initGrid, submitTasks } from '../src/admin/grid-admin.js';
import { collectGrid } from '../src/dashboard/collect.js';
import { renderSite } from '../src/dashboard/render.js';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { archiveBranch } from '../src/protocol/layout.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { largestFolders, writeArchivedHistory } from './archived-history.js';

const DAYS = 365;
const COLD_REPEATS = 3;
/** GitHub's limit per directory (invariant 2). */
const FOLDER_LIMIT = 3000;

export interface MillionFigures {
  rows: Array<[string, string]>;
  targets: Array<[string, string, boolean]>;
}

export async function millionRows(root: string, tasks: number): Promise<MillionFigures> {
  const dir = join(root, 'million');
  const bare = join(dir, 'grid.git');
  await initGrid({ repository: bare, branch: 'main', policyText: '{}', cacheDir: join(dir, 'init') });
  let started = performance.now();
  const history = await writeArchivedHistory(bare, 'main', { tasks, days: DAYS, now: Date.now() });
  const buildMs = performance.now() - started;
  const count = tasks.toLocaleString('en-US');
  const rows: Array<[string, string]> = [];
  const targets: Array<[string, string, boolean]> = [];
  rows.push([
    `a year of ${count} tasks: history written with fast-import`,
    `${history.commits} commits in ${(buildMs / 1000).toFixed(0)} s; ${history.atTip} results at the tip, ${history.archived} archived`,
  ]);

  const largest: Array<[string, number]> = [];
  for (const ref of ['main', archiveBranch('main')]) largest.push(...(await largestFolders(bare, ref, 1)));
  const [folder, entries] = largest.sort((a, b) => b[1] - a[1])[0]!;
  rows.push([`largest folder of ${count} tasks, grid and archive branches`, `${folder}: ${entries} entries`]);
  targets.push([`largest folder, ${count} tasks`, `${entries} <= ${FOLDER_LIMIT}`, entries <= FOLDER_LIMIT]);

  // A node's cold start: as bench.ts measures it, a partial cache that lists the queue and its claims. First
  // on the repository as fast-import left it, then as a host keeps it: GitHub repacks with bitmaps and
  // reverse indexes (.rev, written by default since git 2.41; this git, 2.39, writes none), without which
  // every request that sends one object from the 490 MB pack first sorts the offsets of all its objects.
  const coldStart = async (label: string) => {
    const colds: number[] = [];
    for (let i = 0; i < COLD_REPEATS; i++) {
      started = performance.now();
      const store = await GridStore.open({
        remote: pathToFileURL(bare).href,
        branch: 'main',
        dir: join(dir, `cold-${label}-${i}`),
        partial: true,
      });
      const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['queue', 'in_progress'] });
      await snapshot.policy();
      await snapshot.readJson(snapshot.of('queue'));
      colds.push(performance.now() - started);
    }
    return [...colds].sort((a, b) => a - b)[Math.floor(COLD_REPEATS / 2)]!;
  };
  const asWritten = await coldStart('written');
  started = performance.now();
  await git(['-c', 'pack.writeReverseIndex=true', 'repack', '-a', '-d', '-q', '--write-bitmap-index'], {
    cwd: bare,
    timeoutMs: 600_000,
  });
  const repackMs = performance.now() - started;
  const cold = await coldStart('repacked');
  rows.push([
    `cold start of a node, ${count} tasks: host as fast-import wrote it, then repacked as a host keeps it`,
    `${asWritten.toFixed(0)} ms, then ${cold.toFixed(0)} ms (repack with reverse index and bitmap: ${(repackMs / 1000).toFixed(0)} s)`,
  ]);
  targets.push([`cold start, ${count} tasks, host repacked`, `${(cold / 1000).toFixed(2)} s < 1`, cold < 1000]);

  // The audit: a whole replay that leaves a checkpoint, then one that resumes from it.
  const checkpoint = join(dir, 'audit.checkpoint');
  const full = await auditGrid(bare, 'main', { checkpoint });
  const resumed = await auditGrid(bare, 'main', { checkpoint });
  rows.push([
    `dgrid audit, ${count} tasks: whole replay, then from its checkpoint`,
    `${(full.ms / 1000).toFixed(1)} s (${full.violationCount} violations), then ${(resumed.ms / 1000).toFixed(1)} s`,
  ]);
  targets.push([
    `audit resumes from its checkpoint, ${count} tasks`,
    resumed.resumedFrom ? `after ${resumed.resumedFrom.slice(0, 12)}` : 'replayed all',
    resumed.resumedFrom !== null && resumed.violationCount === full.violationCount,
  ]);
  // The dashboard: a first render reads the whole history and keeps where it stopped with the site; after a
  // submission, the next render reads the commits since.
  const site = join(dir, 'site');
  const render = async () => {
    const began = performance.now();
    const input = await collectGrid([{ path: bare, pathSetting: 'path' }], { title: 'million', branch: 'main' }, site);
    await renderSite(input, site);
    return performance.now() - began;
  };
  const firstRender = await render();
  const admin = await GridStore.open({ remote: pathToFileURL(bare).href, branch: 'main', dir: join(dir, 'admin') });
  await submitTasks(admin, [{ task_id: 'million-later', script: 'true' }]);
  const nextRender = await render();
  rows.push([
    `dashboard render, ${count} tasks: whole history, then from the history kept with the site`,
    `${(firstRender / 1000).toFixed(1)} s, then ${(nextRender / 1000).toFixed(1)} s`,
  ]);
  targets.push([
    `dashboard render from the kept history, ${count} tasks`,
    `${(nextRender / 1000).toFixed(1)} s < 10`,
    nextRender < 10_000,
  ]);
  await git(['count-objects', '-v'], { cwd: bare }); // the repository is whole to the end
  return { rows, targets };
}
