// How big a grid repository grows, and what archiving does to its tip. Two measurements:
//   1. growth per task: real workers run `tasks` tasks through the whole lifecycle (submit, claim, result,
//      heartbeats); after `git gc`, the packed bytes the run added, per finished task;
//   2. the tip: a synthetic grid of `results` results over `days` days (retention 30 days) is reaped, and
//      the tip's tree (entries and bytes of tree objects, what every node lists) and what a shallow fetch
//      of it transfers (what every node downloads) are measured before and after, with the largest folder
//      of each branch and the bytes archiving added to the pack.
// A script rather than a timed test, because the figures depend on the machine and the git version.
// Run: node build/bench/reaper.js [tasks] [results] [days]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { silentLog } from '../src/common/log.js';
import { reap } from '../src/upkeep/reaper.js';
import { makeGrid, noopTasks, runAll, type TestGrid } from '../test/helpers/grid.js';
import { plantResults } from '../test/reap-fixtures.js';

const tasks = Number(process.argv[2] ?? 200);
const results = Number(process.argv[3] ?? 100_000);
const days = Number(process.argv[4] ?? 60);

async function packedBytes(grid: TestGrid, repository = grid.bare): Promise<number> {
  await git(['gc', '--quiet', '--prune=now'], { cwd: repository });
  const stats = await git(['count-objects', '-v'], { cwd: repository });
  return Number(/^size-pack: (\d+)$/m.exec(stats)![1]) * 1024;
}

/** What a node's shallow fetch of the tip transfers, as a packed repository. */
async function shallowBytes(grid: TestGrid): Promise<number> {
  const clone = join(grid.dir, `shallow-${Date.now()}`);
  await git(['clone', '--quiet', '--bare', '--depth=1', '--branch=main', pathToFileURL(grid.bare).href, clone]);
  return packedBytes(grid, clone);
}

async function commits(grid: TestGrid, ref: string): Promise<number> {
  return Number((await git(['rev-list', '--count', ref], { cwd: grid.bare })).trim());
}

/** Entries, tree objects, bytes of tree objects and the largest folder at a ref. */
async function tipTree(grid: TestGrid, ref: string) {
  const listing = await git(['ls-tree', '-r', '-t', '-z', ref], { cwd: grid.bare });
  const trees = new Set<string>([(await git(['rev-parse', `${ref}^{tree}`], { cwd: grid.bare })).trim()]);
  const perFolder = new Map<string, number>();
  let entries = 0;
  for (const record of listing.split('\0').filter(Boolean)) {
    entries++;
    const [meta, path] = record.split('\t') as [string, string];
    const [, type, sha] = meta.split(' ') as [string, string, string];
    if (type === 'tree') trees.add(sha);
    const parent = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    perFolder.set(parent, (perFolder.get(parent) ?? 0) + 1);
  }
  const sizes = await git(['cat-file', '--batch-check=%(objectsize)'], {
    cwd: grid.bare,
    input: [...trees].join('\n') + '\n',
  });
  const treeBytes = sizes
    .split('\n')
    .filter(Boolean)
    .reduce((n, s) => n + Number(s), 0);
  return { entries, trees: trees.size, treeBytes, largestFolder: Math.max(...perFolder.values()) };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const show = (name: string, t: Awaited<ReturnType<typeof tipTree>>) =>
  console.log(
    `${name}: ${t.entries} entries, ${t.trees} trees of ${kib(t.treeBytes)}, largest folder ${t.largestFolder} entries`,
  );

// 1. Growth per finished task, through the real lifecycle.
{
  const grid = await makeGrid();
  try {
    const empty = await packedBytes(grid);
    const all = noopTasks(tasks, 'bench-');
    for (let i = 0; i < all.length; i += 50) await grid.submit(all.slice(i, i + 50)); // one pull request each
    const started = performance.now();
    const reports = await runAll([1, 2].map((n) => grid.worker({ nodeId: `bench-${n}`, slots: 4 })));
    const seconds = (performance.now() - started) / 1000;
    const finished = reports.reduce((n, r) => n + r.completed + r.failed, 0);
    const grown = (await packedBytes(grid)) - empty;
    console.log(
      `lifecycle: ${finished} tasks by 2 workers in ${seconds.toFixed(1)} s, ${await commits(grid, 'main')} commits`,
    );
    console.log(`growth: ${grown} bytes packed after git gc, ${Math.round(grown / finished)} bytes per finished task`);
  } finally {
    await grid.cleanup();
  }
}

// 2. The tip before and after archiving.
{
  const grid = await makeGrid({ retention: { days: 30 } });
  try {
    await plantResults(grid, results, days);
    const packedBefore = await packedBytes(grid);
    show(`tip before (${results} results over ${days} days)`, await tipTree(grid, 'main'));
    const fetchBefore = await shallowBytes(grid);
    const started = performance.now();
    const report = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
    const seconds = (performance.now() - started) / 1000;
    console.log(`reap: archived ${report.actions.length} day folders in ${seconds.toFixed(1)} s`);
    show('tip after', await tipTree(grid, 'main'));
    console.log(`shallow fetch of the tip: ${kib(fetchBefore)} before, ${kib(await shallowBytes(grid))} after`);
    show('archive tip', await tipTree(grid, 'main-archive'));
    const added = (await packedBytes(grid)) - packedBefore;
    console.log(`archiving added ${added} bytes packed (${(added / results).toFixed(2)} bytes per result in the grid)`);
  } finally {
    await grid.cleanup();
  }
}
