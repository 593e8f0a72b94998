// The short form's scenarios as tests, in two files, so that on a slow machine each stays well within a test
// file's five minutes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { problems, table, type Outcome } from './check.js';
import { runScenario, type Scenario } from './scenarios.js';

export function faultTests(scenarios: Scenario[]): void {
  const outcomes: Outcome[] = [];
  for (const scenario of scenarios) {
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
}
