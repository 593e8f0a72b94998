// The hostile-node scenario of the fault suite: four honest nodes and one that forges the output of half its
// tasks, on quorum tasks. No wrong result may be accepted, the hostile node must be quarantined by its third
// invalid run, and the audit must pass. It runs alone, after the rest (*.serial.test files), as it runs five
// nodes at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE, hostileProblems, hostileTable, runHostile } from './faults/quorum-liar.js';

test(`faults: ${HOSTILE.name}`, async () => {
  const outcome = await runHostile(HOSTILE);
  for (const line of hostileTable([outcome]).split('\n')) console.log(`# ${line}`);
  assert.deepEqual(hostileProblems(outcome), []);
  assert.equal(outcome.wrongAccepted.length, 0);
  assert.ok(outcome.lies >= 3, `the hostile node lied ${outcome.lies} times: too few to be quarantined`);
  assert.equal(outcome.quarantined, true);
  assert.equal(outcome.invalid, 3);
});
