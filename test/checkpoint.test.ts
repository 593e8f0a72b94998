import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { DockerSandbox } from '../src/sandbox/docker.js';
import { git } from '../src/git/runner.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packCheckpoint } from '../src/sandbox/checkpoint-archive.js';
import { claimValidator, queuedTaskValidator } from '../src/protocol/schema-validators.js';
import type { Checkpoint } from '../src/protocol/schemas.js';
import { gridFor, type TestGrid } from './helpers/grid.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import type { Log } from '../src/common/log.js';

/** Ten steps of 0.4 s, each kept in /checkpoint/step; a run starts from the step it finds there. */
export const TEN_STEPS = [
  'step=$(cat /checkpoint/step 2>/dev/null || echo 0)',
  'echo "resumed from step $step"',
  'i=$step',
  'while [ $i -lt 10 ]; do i=$((i+1)); sleep 0.4; echo $i > /checkpoint/next && mv /checkpoint/next /checkpoint/step; ' +
    'echo "$((i*10)) step $i" >> "$DGRID_PROGRESS"; done',
  'echo finished',
].join('; ');

async function dockerGrid(t: Parameters<typeof gridFor>[0]): Promise<TestGrid> {
  return gridFor(t, {
    default_image: TEST_IMAGE,
    allowed_images: [TEST_IMAGE],
    lease: { heartbeat_seconds: 1 },
    retry_backoff_seconds: 0,
  });
}

/** Waits until the task's claim at the tip records a checkpoint, and returns it. */
async function claimedCheckpoint(grid: TestGrid, taskId: string): Promise<Checkpoint> {
  for (let i = 0; i < 150; i++) {
    const snapshot = await grid.snapshot();
    const [file] = snapshot.of('in_progress').filter((f) => f.id === taskId);
    if (file) {
      const claim = JSON.parse((await grid.store.readOne(file.entry.sha)).toString());
      if (claimValidator.is(claim) && claim.checkpoint) return claim.checkpoint;
    }
    await sleep(100);
  }
  throw new Error(`no checkpoint recorded for ${taskId}`);
}

async function queued(grid: TestGrid, taskId: string) {
  const snapshot = await grid.snapshot();
  const [file] = snapshot.of('queue').filter((f) => f.id === taskId);
  assert.ok(file, `${taskId} is back in the queue`);
  const task = JSON.parse((await grid.store.readOne(file.entry.sha)).toString());
  assert.ok(queuedTaskValidator.is(task));
  return task;
}

function collectingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const keep = (m: string) => void lines.push(m);
  return { lines, debug: () => undefined, info: keep, warn: keep, error: keep };
}

test('a retried attempt on another node starts from the checkpoint the first node stored', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await dockerGrid(t);
  await grid.submit([{ task_id: 'ten', script: TEN_STEPS, timeout_seconds: 60 }]);
  const first = grid.worker({ nodeId: 'a', pollIntervalSeconds: 0.2 }, new DockerSandbox());
  const firstRun = first.run();
  const stored = await claimedCheckpoint(grid, 'ten');
  assert.equal(stored.node_id, 'a');
  assert.match(stored.ref, /^refs\/dgrid\/checkpoints\/[0-9a-f]{64}$/);
  first.stop('the test stops node a mid-way');
  await firstRun;
  const task = await queued(grid, 'ten');
  assert.ok(task.checkpoint, 'the queued task keeps the last checkpoint');

  const second = grid.worker({ nodeId: 'b', pollIntervalSeconds: 0.2 }, new DockerSandbox());
  const report = await second.run();
  assert.equal(report.completed, 1);
  const result = (await grid.results()).get('ten')!;
  const resumed = Number(/resumed from step (\d+)/.exec(result.stdout)?.[1]);
  assert.ok(resumed >= 1, `node b resumed from step ${resumed}:\n${result.stdout}`);
  assert.match(result.stdout, /finished/);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test('a checkpoint whose bytes are not those the grid records is not restored', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await dockerGrid(t);
  await grid.submit([{ task_id: 'ten', script: TEN_STEPS, timeout_seconds: 60 }]);
  const first = grid.worker({ nodeId: 'a', pollIntervalSeconds: 0.2 }, new DockerSandbox());
  const firstRun = first.run();
  await claimedCheckpoint(grid, 'ten');
  first.stop('the test stops node a mid-way');
  await firstRun;
  const recorded = (await queued(grid, 'ten')).checkpoint!;
  // A hostile node with push access replaces the ref with a well-formed checkpoint of its own: step 9.
  const dir = join(grid.dir, 'forged');
  await mkdir(dir);
  await writeFile(join(dir, 'step'), '9\n');
  const packed = await packCheckpoint(dir, 1 << 20);
  assert.ok('archive' in packed);
  const blob = (await git(['hash-object', '-w', '--stdin'], { cwd: grid.bare, input: packed.archive })).trim();
  const tree = (await git(['mktree'], { cwd: grid.bare, input: `100644 blob ${blob}\tfile\n` })).trim();
  const forged = (await git(['commit-tree', '-m', 'forged', tree], { cwd: grid.bare })).trim();
  await git(['update-ref', recorded.ref, forged], { cwd: grid.bare });

  const log = collectingLog();
  const second = grid.worker({ nodeId: 'b', pollIntervalSeconds: 0.2 }, new DockerSandbox(), log);
  const report = await second.run();
  assert.equal(report.completed, 1);
  const result = (await grid.results()).get('ten')!;
  assert.match(result.stdout, /resumed from step 0/);
  assert.ok(
    log.lines.some((l) =>
      /ten: starting without its checkpoint: .* not the \d+ bytes with sha256 [0-9a-f]{64} the grid records/.test(l),
    ),
    `the node says why:\n${log.lines.join('\n')}`,
  );
});
