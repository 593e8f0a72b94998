// The Docker variant of the fault suite: worker processes run their tasks in containers while the
// machine's Docker daemon is restarted under them, and workers are killed. It restarts the daemon every
// other Docker test needs, so the test runner runs it alone, after the rest (*.serial.test files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerOrSkip } from './helpers/docker.js';
import { problems, table } from './faults/check.js';
import { DOCKER, runScenario } from './faults/scenarios.js';

test(`faults: ${DOCKER.name}`, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const outcome = await runScenario(DOCKER, (line) => console.log(`# ${line}`));
  for (const line of table([outcome]).split('\n')) console.log(`# ${line}`);
  assert.deepEqual(problems(outcome), []);
  assert.ok((outcome.faults['docker-restart'] ?? 0) > 0, 'the daemon was restarted at least once');
  assert.equal(outcome.lost.length + outcome.duplicated.length, 0);
});
