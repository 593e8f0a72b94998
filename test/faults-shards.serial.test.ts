// A sharded grid on two smart-HTTP hosts with one host stopped and restarted (faults/shard-outage.ts): the
// nodes keep serving the other shard, and lose nothing when the host returns. How fast they keep serving it
// (the 90% target) is a figure of `npm run test:faults`, not an assertion here: a test's timing is the
// machine's load as much as the grid's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runShardOutage } from './faults/shard-outage.js';

test('faults: one of two shard hosts down, then back: the other shard keeps its pace, nothing lost or run twice', async () => {
  const outcome = await runShardOutage((line) => console.log(`# ${line}`));
  assert.deepEqual(outcome.lost, []);
  assert.deepEqual(outcome.duplicated, []);
  assert.deepEqual(outcome.violations, []);
  assert.ok(outcome.bothUp > 0, 'the first shard made progress while both hosts were up');
  assert.ok(outcome.otherDown > 0, 'the first shard made progress while the second host was down');
  console.log(
    `# the first shard's pace with the second host down: ${((100 * outcome.otherDown) / outcome.bothUp).toFixed(0)}% of both up`,
  );
});
