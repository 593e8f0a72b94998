// A sharded grid on two smart-HTTP hosts with one host stopped and restarted (faults/shard-outage.ts): the
// nodes keep serving the other shard at no less than 90% of its pace with both up (with every slot free for it,
// it runs faster: 165% on an idle machine), and lose nothing when the host returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runShardOutage } from './faults/shard-outage.js';

test('faults: one of two shard hosts down, then back: the other shard keeps its pace, nothing lost or run twice', async () => {
  const outcome = await runShardOutage((line) => console.log(`# ${line}`));
  assert.deepEqual(outcome.lost, []);
  assert.deepEqual(outcome.duplicated, []);
  assert.deepEqual(outcome.violations, []);
  assert.ok(outcome.bothUp > 0, 'the first shard made progress while both hosts were up');
  const pace = `${((100 * outcome.otherDown) / outcome.bothUp).toFixed(0)}% of both up`;
  console.log(`# the first shard's pace with the second host down: ${pace}`);
  assert.ok(outcome.otherDown >= 0.9 * outcome.bothUp, `the first shard kept its pace: ${pace}`);
});
