// The checkpoint fault scenario (test/faults/checkpoint-resume.ts): a node killed mid-task, the task resumed
// on another node from the last checkpoint, losing at most one heartbeat interval of work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridFor } from './helpers/grid.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { CHECKPOINT_POLICY, runCheckpointResume } from './faults/checkpoint-resume.js';
import { auditGrid } from '../src/upkeep/audit.js';

test('faults: a task of 10 steps whose node is killed resumes on another node from its last checkpoint', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await gridFor(t, { ...CHECKPOINT_POLICY, default_image: TEST_IMAGE, allowed_images: [TEST_IMAGE] });
  const outcome = await runCheckpointResume(grid, TEST_IMAGE);
  console.log(`# ${JSON.stringify({ ...outcome, stdout: undefined })}`);
  assert.ok(outcome.resumedFrom > 0, `it resumed from a checkpoint:\n${outcome.stdout}`);
  assert.ok(outcome.resumedFrom <= outcome.doneWhenKilled);
  assert.ok(
    outcome.lostSeconds <= CHECKPOINT_POLICY.lease.heartbeat_seconds,
    `lost ${outcome.lostSeconds} s of work, more than one heartbeat interval`,
  );
  assert.match(outcome.stdout, /step 10\n/);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});
