// Scale check of reading a grid for the dashboard: builds a grid repository whose history ran `tasks` tasks
// (the synthetic grid of bench/dashboard.ts at its tip) through submit, claim and result commits, with node
// heartbeats in between, then times the history pass, the whole collection and the render.
// A script rather than a timed test, because timings depend on the machine and the git version.
// Run: node build/bench/dashboard-collect.js [tasks] [nodes]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { inProgressPath, nodePath, queuePath, resultPath } from '../src/protocol/layout.js';
import { collectDashboard, gridHistory } from '../src/dashboard/collect.js';
import { renderSite } from '../src/dashboard/render.js';
import { syntheticGrid } from '../test/dashboard-fixtures.js';

const tasks = Number(process.argv[2] ?? 20_000);
const nodeCount = Number(process.argv[3] ?? 500);
const SUBMIT_BATCH = 100;
const HEARTBEAT_EVERY = 5;

const input = syntheticGrid(tasks, nodeCount);
const dir = await mkdtemp(join(tmpdir(), 'dgrid-collect-bench-'));
const repo = join(dir, 'grid.git');
await git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);

// One fast-import stream: a commit is its time and its changes.
const chunks: string[] = [];
let commits = 0;
const span = 7 * 86_400_000;
const start = input.generatedAt.getTime() - span;
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
function commit(changes: Array<[string, string | null]>): void {
  const when = Math.floor((start + commits * 1000) / 1000);
  chunks.push(`commit refs/heads/main\ncommitter bench <bench@dgrid> ${when} +0000\ndata 5\nbench\n`);
  for (const [path, content] of changes) {
    if (content === null) chunks.push(`D ${path}\n`);
    else chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  }
  chunks.push('\n');
  commits++;
  if (commits % HEARTBEAT_EVERY === 0) {
    const node = input.nodes[commits % input.nodes.length]!;
    commit([
      [nodePath(node.node_id), json({ ...node, last_heartbeat: new Date(start + commits * 1000).toISOString() })],
    ]);
  }
}

commit([['dgrid.json', '{}\n']]);
const finished = [
  ...input.completed.map((r) => ['completed', r] as const),
  ...input.failed.map((r) => ['failed', r] as const),
];
for (let i = 0; i < finished.length; i += SUBMIT_BATCH) {
  const batch = finished.slice(i, i + SUBMIT_BATCH);
  commit(batch.map(([, r]) => [queuePath(r.task_id), json({ task_id: r.task_id, script: r.script })]));
  for (const [state, r] of batch) {
    const claimed = inProgressPath(r.node_id, r.task_id);
    commit([
      [queuePath(r.task_id), null],
      [claimed, json({ task_id: r.task_id, script: r.script })],
    ]);
    commit([
      [claimed, null],
      [resultPath(state, r.task_id, new Date(r.finished_at)), json(r)],
    ]);
  }
}
commit(input.running.map((c) => [queuePath(c.task_id), json({ task_id: c.task_id, script: c.script })]));
for (const c of input.running) {
  commit([
    [queuePath(c.task_id), null],
    [inProgressPath(c.claim.node_id, c.task_id), json(c)],
  ]);
}
commit(input.queued.map((t) => [queuePath(t.task_id), json(t)]));
commit(input.nodes.map((n) => [nodePath(n.node_id), json(n)]));
await git(['fast-import', '--quiet'], { cwd: repo, input: chunks.join(''), timeoutMs: 30 * 60_000 });
console.log(`grid: ${tasks} tasks, ${nodeCount} nodes, ${commits} commits`);

const store = await GridStore.local(repo);
const tip = (await store.resolve('HEAD'))!;
let started = performance.now();
const history = await gridHistory(store, tip);
console.log(
  `history: ${history.commits} commits that change a lifecycle folder, ${history.points.length} points, ` +
    `${(performance.now() - started).toFixed(0)} ms`,
);
started = performance.now();
const collected = await collectDashboard({ path: repo, pathSetting: 'path', title: 'bench', branch: 'main' });
console.log(
  `collect (records at the tip and history): ${(performance.now() - started).toFixed(0)} ms, ` +
    `${collected.queued.length + collected.running.length + collected.completed.length + collected.failed.length} ` +
    `records, ${collected.nodes.length} nodes`,
);
started = performance.now();
await renderSite(collected, join(dir, 'site'));
console.log(`render: ${(performance.now() - started).toFixed(0)} ms`);
if (process.env.KEEP) console.log(repo);
else await rm(dir, { recursive: true });
