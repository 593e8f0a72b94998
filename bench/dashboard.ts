// Scale check of the dashboard renderer: renders a synthetic grid of 20,000 tasks and 500 nodes and prints
// the render time and the weight of what it wrote. A script rather than a timed test, because timings depend
// on the machine. Run: node build/bench/dashboard.js [tasks] [nodes] [output-dir]
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderSite } from '../src/dashboard/render.js';
import { syntheticGrid } from '../test/dashboard-fixtures.js';

export interface RenderFigures {
  /** The first render also compiles the templates and the task validator. */
  coldMs: number;
  warmMs: number;
  indexBytes: number;
  totalBytes: number;
  files: number;
}

/** Renders a synthetic grid twice into `outputDir` (a temporary folder, removed, when not given). */
export async function timeRender(tasks: number, nodes: number, outputDir?: string): Promise<RenderFigures> {
  const dir = outputDir ?? (await mkdtemp(join(tmpdir(), 'dgrid-dashboard-bench-')));
  try {
    const input = syntheticGrid(tasks, nodes);
    const first = performance.now();
    await renderSite(input, dir);
    const coldMs = performance.now() - first;
    const second = performance.now();
    await renderSite(input, dir);
    const warmMs = performance.now() - second;
    let totalBytes = 0;
    let files = 0;
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      totalBytes += (await stat(join(entry.parentPath, entry.name))).size;
      files++;
    }
    const indexBytes = (await stat(join(dir, 'index.html'))).size;
    return { coldMs, warmMs, indexBytes, totalBytes, files };
  } finally {
    if (!outputDir) await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const tasks = Number(process.argv[2] ?? 20_000);
  const nodes = Number(process.argv[3] ?? 500);
  const f = await timeRender(tasks, nodes, process.argv[4]);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`grid: ${tasks} tasks, ${nodes} nodes`);
  console.log(`render: ${f.coldMs.toFixed(0)} ms cold, ${f.warmMs.toFixed(0)} ms warm`);
  console.log(`index.html: ${f.indexBytes} bytes (${kib(f.indexBytes)})`);
  console.log(`total: ${f.totalBytes} bytes (${kib(f.totalBytes)}) in ${f.files} files`);
}
