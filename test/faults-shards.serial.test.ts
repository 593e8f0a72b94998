// A sharded grid on two smart-HTTP hosts with one host stopped and restarted (faults/shard-outage.ts): the
// nodes keep serving the other shard at no less than 90% of its throughput, and lose nothing when the host
// returns. It runs alone, after the rest (*.serial.test files): another test's load would move the throughput.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runShardOutage } from './faults/shard-outage.js';

test('faults: one of two shard hosts down, then back: the other shard keeps its pace, nothing lost or run twice', async () => {
  const outcome = await runShardOutage((line) => console.log(`# ${line}`));
  assert.deepEqual(outcome.lost, []);
  assert.deepEqual(outcome.duplicated, []);
  assert.deepEqual(outcome.violations, []);
  assert.ok(outcome.bothUp > 0, 'the first shard made progress while both hosts were up');
  assert.ok(
    outcome.otherDown >= 0.9 * outcome.bothUp,
    `with the second host down, the first shard ran ${outcome.otherDown.toFixed(2)} results/s, under 90% of ${outcome.bothUp.toFixed(2)}`,
  );
});
