import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { gridFor } from './helpers/grid.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;

test('a worker run as a service serves /healthz and Prometheus /metrics', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'log');
  await grid.submit([
    { task_id: 'quick', script: 'true' },
    { task_id: 'long', script: `echo started >> ${log}; sleep 3` },
  ]);
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--repository', grid.remote, '--node-id', 'svc', '--sandbox', 'none', '--slots', '2'].concat([
      '--poll-interval-seconds',
      '0.1',
      '--idle-timeout-seconds',
      '1',
      '--metrics-port',
      '0',
    ]),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const closed = new Promise((resolve) => child.on('close', resolve));
  let url: string | undefined;
  for (let i = 0; i < 100 && !url; i++) {
    url = /metrics: (http:\/\/[^ ]+)\/metrics/.exec(stderr)?.[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(url, stderr);
  let metrics = '';
  // The quick task's result is committed while the long one still runs.
  const settled = (text: string) =>
    /dgrid_running_tasks\{node_id="svc"\} 1/.test(text) && /status="success"\} 1/.test(text);
  for (let i = 0; i < 100 && !settled(metrics); i++) {
    metrics = await (await fetch(`${url}/metrics`)).text();
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(metrics, /# TYPE dgrid_tasks_total counter/);
  assert.match(metrics, /dgrid_running_tasks\{node_id="svc"\} 1/);
  assert.match(metrics, /dgrid_tasks_total\{node_id="svc",status="success"\} 1/);
  assert.match(metrics, /dgrid_pushes_total\{node_id="svc"\} [1-9]/);
  assert.match(metrics, /dgrid_claim_conflicts_total\{node_id="svc"\} 0/);
  const health = await fetch(`${url}/healthz`);
  assert.equal(health.status, 200);
  assert.equal((await fetch(`${url}/nope`)).status, 404);
  await closed;
});
