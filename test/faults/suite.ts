// Fault scenarios as tests: each must pass the checker, and inject every kind of fault it names (a clock
// skew is the cluster's from the start, not injected).
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
      const missing = scenario.faults.filter((kind) => kind !== 'clock-skew' && !outcome.faults[kind]);
      assert.deepEqual(missing, [], 'every kind of fault was injected');
    });
  }
  after(() => {
    for (const line of table(outcomes).split('\n')) console.log(`# ${line}`);
  });
}
