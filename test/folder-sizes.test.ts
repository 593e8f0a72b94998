import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveBranch, queuePath } from '../src/protocol/layout.js';
import { serialize } from '../src/protocol/transitions.js';
import { largestFolders, writeArchivedHistory } from '../bench/archived-history.js';
import { gridFor, pushDirectly, runAll } from './helpers/grid.js';

/** GitHub's limit per directory (invariant 2). */
const LIMIT = 3000;

test('a generated history with its archive keeps every folder of both branches under 3,000 entries', async (t) => {
  const grid = await gridFor(t);
  const figures = await writeArchivedHistory(grid.bare, 'main', { tasks: 6000, days: 60, now: Date.now() });
  assert.ok(figures.archived > 0, 'the reaper archived day folders');
  for (const ref of ['main', archiveBranch('main')]) {
    const [[folder, entries]] = (await largestFolders(grid.bare, ref, 1)) as [[string, number]];
    assert.ok(entries <= LIMIT, `${ref}:${folder} holds ${entries} entries`);
  }
});

test('a queue pushed past the gate with 3,001 flat files is spread over its folders by the next node commit', async (t) => {
  const grid = await gridFor(t);
  const ids = Array.from({ length: 3001 }, (_, i) => `f${String(i).padStart(4, '0')}`);
  await pushDirectly(
    grid,
    ids.map((id) => ({ path: queuePath(id), content: serialize({ task_id: id, script: 'true' }) })),
    'a direct push of a huge queue',
  );
  assert.deepEqual(await largestFolders(grid.bare, 'main', 1), [['tasks/queue', 3002]], '3,001 tasks and .gitkeep');
  await runAll([grid.worker({ maxTasks: 1 })]);
  const [[folder, entries]] = (await largestFolders(grid.bare, 'main', 1)) as [[string, number]];
  // 256 folders and .gitkeep
  assert.ok(entries <= 257, `${folder} holds ${entries} entries`);
});
