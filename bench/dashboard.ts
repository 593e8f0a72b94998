// Scale check of the dashboard renderer: renders a synthetic grid of 20,000 tasks and 500 nodes and prints
// the render time and the weight of what it wrote. A script rather than a timed test, because timings depend
// on the machine. Run: node build/bench/dashboard.js [tasks] [nodes] [output-dir]
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSite } from '../src/dashboard/render.js';
import { syntheticGrid } from '../test/dashboard-fixtures.js';

const tasks = Number(process.argv[2] ?? 20_000);
const nodes = Number(process.argv[3] ?? 500);
const keep = process.argv[4];
const outputDir = keep ?? (await mkdtemp(join(tmpdir(), 'dgrid-dashboard-bench-')));

const input = syntheticGrid(tasks, nodes);
// The first render also compiles the templates and the task validator; report both.
const first = performance.now();
await renderSite(input, outputDir);
const cold = performance.now() - first;
const second = performance.now();
await renderSite(input, outputDir);
const warm = performance.now() - second;

let total = 0;
let count = 0;
for (const entry of await readdir(outputDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  total += (await stat(join(entry.parentPath, entry.name))).size;
  count++;
}
const index = (await stat(join(outputDir, 'index.html'))).size;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`grid: ${tasks} tasks, ${nodes} nodes`);
console.log(`render: ${cold.toFixed(0)} ms cold, ${warm.toFixed(0)} ms warm`);
console.log(`index.html: ${index} bytes (${kib(index)})`);
console.log(`total: ${total} bytes (${kib(total)}) in ${count} files`);
if (!keep) await rm(outputDir, { recursive: true });
