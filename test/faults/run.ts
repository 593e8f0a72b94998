// The fault-injection suite from the command line: each kind of fault alone, then all mixed, by default;
// `--long` for ten minutes of mixed faults (`--minutes N` for another length); then the hostile node. Prints
// the tables; exits 1 when a check fails.
// Run: node build/test/faults/run.js [--long] [--minutes N]
import { parseArgs } from 'node:util';
import { problems, table, type Outcome } from './check.js';
import { EACH, MIXED, longScenario, runScenario } from './scenarios.js';
import { HOSTILE, hostileProblems, hostileTable, runHostile } from './quorum-liar.js';
import { runShardOutage } from './shard-outage.js';

const { values } = parseArgs({ options: { long: { type: 'boolean' }, minutes: { type: 'string' } } });
const minutes = Number(values.minutes ?? 10);
const scenarios = values.long || values.minutes ? [longScenario(minutes)] : [...EACH, MIXED];

const outcomes: Outcome[] = [];
for (const scenario of scenarios) {
  console.log(`${scenario.name}: ${scenario.tasks} tasks, ${scenario.seconds} s of faults ...`);
  const outcome = await runScenario(scenario, console.log);
  outcomes.push(outcome);
  for (const problem of problems(outcome)) console.log(`  ${problem}`);
}
console.log(table(outcomes));
// A node that lies, beside honest ones, on quorum tasks: a table of its own, as it counts other things.
console.log(`${HOSTILE.name}: ${HOSTILE.tasks} tasks ...`);
const hostile = await runHostile(HOSTILE);
for (const problem of hostileProblems(hostile)) console.log(`  ${problem}`);
console.log(hostileTable([hostile]));
if (outcomes.some((o) => problems(o).length > 0) || hostileProblems(hostile).length > 0) process.exitCode = 1;

if (!values.long && !values.minutes) {
  console.log('a sharded grid, one of its two hosts down and back ...');
  const shards = await runShardOutage(console.log);
  const pace = shards.otherDown / shards.bothUp;
  console.log(
    `shard host outage: ${shards.tasks} tasks, lost ${shards.lost.length}, duplicated ${shards.duplicated.length}, ` +
      `audit violations ${shards.violations.length}, the other shard's pace ${(pace * 100).toFixed(0)}% (>= 90%)`,
  );
  if (shards.lost.length + shards.duplicated.length + shards.violations.length > 0 || pace < 0.9) process.exitCode = 1;
}
