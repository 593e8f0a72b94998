// The short form of the fault-injection suite (the long one: npm run test:faults). Worker processes and
// reapers on a grid served over smart HTTP, killed, stopped, cut off from the server, refused pushes and
// run with a skewed clock; after each scenario the audit must pass, no task may be lost or finished twice,
// and every extra execution must be explained by a fault that hit it. It runs alone, after the rest
// (*.serial.test files): another test's load would slow every push round, and the faults' timing with it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { problems, table, type Outcome } from './faults/check.js';
import { SHORT, runScenario } from './faults/scenarios.js';

const outcomes: Outcome[] = [];

for (const scenario of SHORT) {
  test(`faults: ${scenario.name}`, async () => {
    const outcome = await runScenario(scenario, (line) => console.log(`# ${line}`));
    outcomes.push(outcome);
    assert.deepEqual(problems(outcome), []);
    assert.equal(outcome.lost.length + outcome.duplicated.length, 0);
  });
}

after(() => {
  for (const line of table(outcomes).split('\n')) console.log(`# ${line}`);
});
