// Scale check of the audit: writes the history of a synthetic grid (10,000 tasks by default) with one
// fast-import, then audits it and prints both times. A script rather than a timed test, because timings
// depend on the machine. Run: node build/bench/audit.js [tasks]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditGrid } from '../src/upkeep/audit.js';
import { writeSyntheticHistory } from '../test/audit-fixtures.js';

const tasks = Number(process.argv[2] ?? 10_000);
const dir = await mkdtemp(join(tmpdir(), 'dgrid-audit-bench-'));
try {
  const bare = join(dir, 'grid.git');
  const started = performance.now();
  const written = await writeSyntheticHistory(bare, tasks);
  const build = performance.now() - started;
  const report = await auditGrid(bare);
  const f = report.figures;
  console.log(
    `history: ${written.tasks} tasks in ${written.commits} commits, written in ${(build / 1000).toFixed(1)} s`,
  );
  console.log(
    `audit: ${report.ok ? 'passed' : `FAILED (${report.violationCount} violations)`} in ${(report.ms / 1000).toFixed(1)} s: ` +
      `${f.commits} commits, ${f.tasks} tasks, ${f.claims} claims, ${f.results} results, ${f.requeues} requeues`,
  );
  if (!report.ok) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
