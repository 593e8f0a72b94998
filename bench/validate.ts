// Scale check of validate-task: a pull request adding 500 tasks (dependencies between them, every field used)
// to a grid checkout, validated as the action does it, from git objects. A script rather than a timed test,
// because timings depend on the machine. Run: node build/bench/validate.js [tasks]
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { validatePullRequest, verdictOf } from '../src/validation/submission.js';
import { gridCheckout, task, withPolicy } from '../test/helpers/pull-request.js';

/** Validates a pull request of `count` tasks twice (cold, then warm) and returns both times in ms. */
export async function timeValidation(count: number): Promise<{ cold: number; warm: number }> {
  const { checkout, main } = await gridCheckout();
  try {
    const base = await withPolicy(checkout, main, { quotas: { tasks_per_pull_request: count, max_queued: 3000 } });
    const head = await checkout.pullRequest(base, async (work) => {
      for (let i = 0; i < count; i++) {
        const id = `bench-${String(i).padStart(4, '0')}`;
        await work.write(
          `tasks/queue/${id}.json`,
          task(id, {
            script: `python -c "print(${i})"`,
            timeout_seconds: 60,
            priority: i % 3 === 0 ? 'high' : 'normal',
            depends_on: i === 0 ? ['done-1'] : [`bench-${String(i - 1).padStart(4, '0')}`],
            requires: ['cpu'],
            resources: { cpus: 1, memory_mb: 256 },
            env: { INDEX: String(i) },
            description: `benchmark task ${i}`,
          }),
        );
      }
    });
    const options = { path: checkout.dir, policyPath: 'dgrid.json', base, head, author: 'carol' };
    const first = performance.now();
    const report = await validatePullRequest(options);
    const cold = performance.now() - first;
    const second = performance.now();
    await validatePullRequest(options);
    const warm = performance.now() - second;
    const verdict = verdictOf(report);
    assert.ok(verdict.valid && verdict.checked === count, JSON.stringify(report.files.find((f) => f.problems.length)));
    return { cold, warm };
  } finally {
    await checkout.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const count = Number(process.argv[2] ?? 500);
  const { cold, warm } = await timeValidation(count);
  console.log(`pull request: ${count} tasks`);
  console.log(`validation: ${cold.toFixed(0)} ms cold, ${warm.toFixed(0)} ms warm`);
}
