import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentionError, UserError } from '../src/common/errors.js';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { transact } from '../src/protocol/transaction.js';
import { gridFor, pushDirectly } from './helpers/grid.js';

const cli = new URL('../src/cli/index.js', import.meta.url).pathname;

test('a change that loses the race every round ends in a ContentionError naming it, and writes nothing', async (t) => {
  const grid = await gridFor(t);
  const other = await GridStore.open({ remote: grid.remote, branch: 'main', dir: join(grid.dir, 'cache-other') });
  let moves = 0;
  const attempt = transact(
    other,
    async () => {
      // Another writer lands between this round's fetch and its push.
      await pushDirectly(grid, [{ path: `nodes/mover-${++moves}.txt`, content: '' }], `move ${moves}`);
      return { changes: [{ path: 'nodes/loser.txt', content: '' }], message: 'dgrid: the loser\n\nbody\n', value: 0 };
    },
    { author: 'loser', states: [], maxRounds: 3 },
  );
  const error = await attempt.then(
    () => assert.fail('the change landed'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ContentionError);
  assert.ok(error instanceof UserError, 'the CLI and the actions print it as one line, without a stack');
  assert.equal(error.rejectedPushes, 3);
  assert.equal(
    error.message,
    'the grid branch "main" moved 3 times while "dgrid: the loser" was being pushed, each time before it landed, ' +
      'so it was not written; try again (the grid is busy)',
  );
  const subjects = await git(['log', '--format=%s', 'main'], { cwd: grid.bare });
  assert.deepEqual(subjects.trim().split('\n').slice(0, 3), ['move 3', 'move 2', 'move 1']);
  assert.doesNotMatch(subjects, /the loser/);
});

test('dgrid submit against a grid whose tip moves under every push prints one line and exits 1', async (t) => {
  const grid = await gridFor(t);
  // Before each push is applied, another commit lands on the branch, so the push's expected tip is stale.
  // The hook works outside the push's quarantine, where git allows ref updates.
  const hook = join(grid.bare, 'hooks', 'pre-receive');
  await writeFile(
    hook,
    [
      '#!/bin/sh',
      'cat >/dev/null',
      'unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES',
      'export GIT_AUTHOR_NAME=mover GIT_AUTHOR_EMAIL=mover@example.com',
      'export GIT_COMMITTER_NAME=mover GIT_COMMITTER_EMAIL=mover@example.com',
      'tip=$(git rev-parse refs/heads/main)',
      'git update-ref refs/heads/main "$(git commit-tree -p "$tip" -m moved "$tip^{tree}")" "$tip"',
      '',
    ].join('\n'),
  );
  await chmod(hook, 0o755);
  const run = spawnSync(
    process.execPath,
    [cli, 'submit', '--repository', grid.bare, '--script', 'true', '--task-id', 'busy'],
    {
      cwd: grid.dir,
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stderr,
    'dgrid: the grid branch "main" moved 30 times while "dgrid: submit busy" was being pushed, each time before ' +
      'it landed, so it was not written; try again (the grid is busy)\n',
  );
  assert.doesNotMatch(await git(['log', '--format=%s', 'main'], { cwd: grid.bare }), /submit busy/);
});
