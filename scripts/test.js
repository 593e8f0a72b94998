// Runs every compiled test file with node's test runner (npm test compiles first): the *.test.js files two
// at a time, then the *.serial.test.js files one by one, because they disturb the machine (the Docker
// variant of the fault suite restarts the Docker daemon). Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = new URL('../build/test/', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
const serial = files.filter((f) => f.endsWith('.serial.test.js'));
const parallel = files.filter((f) => !serial.includes(f));

// Everything the tests leave in the temp folder (grids, node caches, action runs) goes with this one, when
// every test passed.
const scratch = mkdtempSync(join(tmpdir(), 'dgrid-tests-'));
const totals = { pass: 0, fail: 0 };
let status = 0;
for (const [batch, concurrency] of [
  [parallel, 2],
  [serial, 1],
]) {
  if (batch.length === 0) continue;
  const args = ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', '--test-reporter=tap'];
  const result = spawnSync(process.execPath, [...args, ...batch.map((f) => join(dir, f))], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, TMPDIR: scratch },
    maxBuffer: 1024 * 1024 * 1024,
  });
  const out = result.stdout.toString('utf8');
  process.stdout.write(out);
  for (const key of ['pass', 'fail']) {
    const counted = [...out.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].at(-1);
    totals[key] += Number(counted?.[1] ?? 0);
  }
  if (result.status !== 0) status = result.status ?? 1;
}
const passed = status === 0 && totals.fail === 0;
// A failed run keeps it: the fault suite leaves its logs, executions and grid there for a post-mortem.
if (passed) rmSync(scratch, { recursive: true, force: true });
else console.log(`# kept ${scratch}`);
console.log(`${totals.pass} passed, ${totals.fail} failed`);
process.exit(passed ? 0 : status || 1);
