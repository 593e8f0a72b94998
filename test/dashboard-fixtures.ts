// Grids for the dashboard tests and benchmark: a small realistic one, the same with hostile strings in every
// field a submitter or node controls, and a large synthetic one.
import { createHash } from 'node:crypto';
import { defaultPolicy } from '../src/protocol/policy.js';
import type { Attempt, Claim, NodeRecord, Priority, QueuedTask, Result, Status } from '../src/protocol/schemas.js';
import type { DashboardInput } from '../src/dashboard/model.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const iso = (now: Date, agoMs: number) => new Date(now.getTime() - agoMs).toISOString();
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function node(
  now: Date,
  id: string,
  fields: Partial<NodeRecord> & { heartbeatAgoMs?: number } = {},
): NodeRecord {
  const { heartbeatAgoMs = 20 * SECOND, ...rest } = fields;
  return {
    node_id: id,
    labels: ['linux', 'x64'],
    slots: 2,
    version: '0.1.0',
    started_at: iso(now, 3 * 3600 * SECOND),
    last_heartbeat: iso(now, heartbeatAgoMs),
    status: 'online',
    tasks: [],
    completed: 0,
    failed: 0,
    ...rest,
  };
}

export function queued(id: string, fields: Partial<QueuedTask> = {}): QueuedTask {
  return { task_id: id, script: `python3 -c 'print("${id}")'`, timeout_seconds: 60, ...fields };
}

export function claim(
  now: Date,
  id: string,
  nodeId: string,
  fields: { startedAgoMs?: number; leaseInMs?: number } & Partial<Claim> = {},
): Claim {
  const { startedAgoMs = 2 * MINUTE, leaseInMs = 5 * MINUTE, ...rest } = fields;
  return {
    task_id: id,
    script: 'sleep 120',
    claim: {
      node_id: nodeId,
      token: `token-${id}-0123456789abcdef`,
      attempt: 1,
      claimed_at: iso(now, startedAgoMs),
      lease_until: iso(now, -leaseInMs),
    },
    ...rest,
  };
}

export function result(
  now: Date,
  id: string,
  status: Status,
  fields: { finishedAgoMs?: number; durationMs?: number } & Partial<Result> = {},
): Result {
  const { finishedAgoMs = 10 * MINUTE, durationMs = 4200, ...rest } = fields;
  const stdout = rest.stdout ?? (status === 'success' ? `processing ${id}\ndone: 42 items\n` : '');
  const stderr =
    rest.stderr ??
    (status === 'success' ? '' : `Traceback (most recent call last):\nValueError: bad input for ${id}\n`);
  return {
    task_id: id,
    script: `python3 work.py ${id}`,
    node_id: 'runner-linux-1',
    status,
    exit_code: status === 'success' ? 0 : status === 'timeout' ? null : 1,
    timestamp: iso(now, finishedAgoMs),
    started_at: iso(now, finishedAgoMs + durationMs),
    finished_at: iso(now, finishedAgoMs),
    duration_ms: durationMs,
    attempt: 1,
    stdout,
    stdout_bytes: Buffer.byteLength(stdout),
    stdout_sha256: sha(stdout),
    stdout_truncated: false,
    stderr,
    stderr_bytes: Buffer.byteLength(stderr),
    stderr_sha256: sha(stderr),
    stderr_truncated: false,
    ...rest,
  };
}

/** One point every five minutes over six hours; completions grow with a dip around the third hour. */
export function history(
  now: Date,
  finalCounts: { queued: number; running: number; completed: number; failed: number },
) {
  const points = 72;
  return Array.from({ length: points + 1 }, (_, i) => {
    const f = i / points;
    const wave = Math.sin(f * Math.PI * 3);
    return {
      time: new Date(now.getTime() - (points - i) * 5 * MINUTE),
      queued: Math.max(0, Math.round(finalCounts.queued + 10 * wave + 8 * (1 - f))),
      running: Math.max(0, Math.round(finalCounts.running + wave)),
      completed: Math.round(finalCounts.completed * f ** 1.2),
      failed: Math.round(finalCounts.failed * Math.min(1, f * 1.4)),
    };
  });
}

export function sampleGrid(now = new Date('2025-06-01T12:00:00Z')): DashboardInput {
  const nodes = [
    node(now, 'runner-linux-1', { completed: 31, failed: 4, tasks: ['train-model-3', 'render-frame-0099'] }),
    node(now, 'runner-linux-2', {
      labels: ['linux', 'x64', 'docker'],
      heartbeatAgoMs: 50 * SECOND,
      completed: 9,
      failed: 2,
      tasks: ['etl-nightly'],
    }),
    node(now, 'gpu-box', {
      labels: ['linux', 'gpu', 'cuda-12'],
      slots: 1,
      status: 'draining',
      heartbeatAgoMs: 2 * MINUTE,
    }),
    node(now, 'mac-mini', {
      labels: ['macos', 'arm64'],
      slots: 1,
      status: 'offline',
      heartbeatAgoMs: 2 * 86400 * SECOND,
      completed: 3,
    }),
    node(now, 'runner-stale', { heartbeatAgoMs: 30 * MINUTE, completed: 1 }),
  ];
  const priorities: Priority[] = ['high', 'normal', 'normal', 'low'];
  const attempt: Attempt = {
    attempt: 1,
    node_id: 'runner-stale',
    claim_token: 'token-lost-0123456789',
    claimed_at: iso(now, 40 * MINUTE),
    ended_at: iso(now, 25 * MINUTE),
    status: 'orphaned',
    reason: 'node stopped sending heartbeats',
  };
  const queuedTasks = [
    ...Array.from({ length: 8 }, (_, i) =>
      queued(`render-frame-${String(101 + i).padStart(4, '0')}`, { priority: priorities[i % 4] }),
    ),
    queued('train-large-model', { requires: ['gpu', 'cuda-12'], priority: 'high', description: 'Needs the GPU box' }),
    queued('bench-arm', { requires: ['macos', 'arm64'], attempts: [attempt] }),
    queued('docker-build', { requires: ['linux', 'docker'] }),
    queued('merge-frames', { depends_on: ['render-frame-0101', 'render-frame-0102', 'render-frame-0099'] }),
    queued('publish-video', { depends_on: ['merge-frames'], priority: 'low' }),
    queued('weekly-report', { depends_on: ['analyze-7', 'fetch-prices'] }),
  ];
  const running = [
    claim(now, 'train-model-3', 'runner-linux-1', { startedAgoMs: 42 * MINUTE, leaseInMs: 3 * MINUTE }),
    claim(now, 'render-frame-0099', 'runner-linux-1', { startedAgoMs: 75 * SECOND }),
    claim(now, 'etl-nightly', 'runner-linux-2', { startedAgoMs: 12 * MINUTE, leaseInMs: -1 * MINUTE }),
  ];
  const completed = Array.from({ length: 40 }, (_, i) =>
    result(now, i === 7 ? 'analyze-7' : `analyze-${i}`, 'success', {
      finishedAgoMs: (i * 7 + 1) * MINUTE,
      durationMs: 1500 + ((i * 7919) % 60000),
      node_id: i % 3 === 0 ? 'runner-linux-2' : 'runner-linux-1',
    }),
  );
  const failed = [
    result(now, 'flaky-test-12', 'failure', { finishedAgoMs: 3 * MINUTE, reason: 'exit code 1' }),
    result(now, 'long-simulation', 'timeout', {
      finishedAgoMs: 50 * MINUTE,
      durationMs: 600_000,
      reason: 'timed out after 600 s',
    }),
    result(now, 'fetch-prices', 'failure', {
      finishedAgoMs: 90 * MINUTE,
      exit_code: 2,
      stderr: 'curl: (6) Could not resolve host: api.example.com\n',
    }),
    result(now, 'cancelled-job', 'cancelled', {
      finishedAgoMs: 2 * 3600 * SECOND,
      exit_code: null,
      reason: 'cancelled by the submitter',
      stderr: '',
    }),
  ];
  return {
    title: 'Render farm',
    generatedAt: now,
    repositoryUrl: 'https://github.com/octo-org/render-grid',
    branch: 'main',
    policy: { ...defaultPolicy(), allowed_images: ['python:3.12-alpine', 'ghcr.io/octo-org/renderer:2.1'] },
    queued: queuedTasks,
    running,
    completed,
    failed,
    nodes,
    history: history(now, {
      queued: queuedTasks.length,
      running: running.length,
      completed: completed.length,
      failed: failed.length,
    }),
  };
}

/** Strings that would run script if any reached the page unescaped; each sets window.pwned or opens a dialog. */
export const HOSTILE = {
  taskId: '<script>window.pwned=1</script>',
  resultId: 'x</script><script>window.pwned=2</script>',
  nodeId: '"><img src=x onerror="window.pwned=3">',
  label: '<svg onload=window.pwned=4>',
  output: '</script><script>window.pwned=5</script><!-- \u2028\u2029 <img src=x onerror=alert(1)>',
  reason: '<a href="javascript:alert(2)">click</a>',
  title: 'Grid <b onmouseover="alert(3)">bold</b>',
  branch: `main"><script>window.pwned=6</script>`,
  description: "'; window.pwned=7; '<!-- \u202Edesrever\u2066 \u200Bhidden",
};

export function hostileGrid(now = new Date('2025-06-01T12:00:00Z')): DashboardInput {
  const grid = sampleGrid(now);
  grid.title = HOSTILE.title;
  grid.branch = HOSTILE.branch;
  grid.repositoryUrl = 'javascript:alert(4)';
  grid.nodes.push(node(now, HOSTILE.nodeId, { labels: [HOSTILE.label], version: HOSTILE.output }));
  grid.queued.unshift(
    queued(HOSTILE.taskId, {
      priority: 'high',
      requires: [HOSTILE.label],
      depends_on: [HOSTILE.resultId],
      description: HOSTILE.description,
      script: HOSTILE.output,
    }),
  );
  grid.running.unshift(claim(now, 'honest-task', HOSTILE.nodeId));
  grid.completed.unshift(
    result(now, HOSTILE.resultId, 'success', { finishedAgoMs: 1000, stdout: HOSTILE.output, node_id: HOSTILE.nodeId }),
  );
  grid.failed.unshift(
    result(now, 'bad-reason', 'error', { finishedAgoMs: 1000, reason: HOSTILE.reason, stderr: HOSTILE.output }),
  );
  return grid;
}

/** A large grid: `tasks` spread over the four states (10% queued, 5% running, 77.5% completed, 7.5% failed). */
export function syntheticGrid(tasks = 20_000, nodeCount = 500, now = new Date('2025-06-01T12:00:00Z')): DashboardInput {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const labelPool = ['linux', 'x64', 'arm64', 'docker', 'gpu', 'cuda-12', 'highmem', 'eu', 'us'];
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    node(now, `node-${String(i).padStart(4, '0')}`, {
      labels: labelPool.filter(() => random() < 0.4),
      slots: 1 + Math.floor(random() * 4),
      status: random() < 0.85 ? 'online' : random() < 0.5 ? 'draining' : 'offline',
      heartbeatAgoMs: random() * 15 * MINUTE,
      completed: Math.floor(random() * 500),
      failed: Math.floor(random() * 40),
    }),
  );
  const counts = { queued: tasks * 0.1, running: tasks * 0.05, completed: tasks * 0.775, failed: tasks * 0.075 };
  const priorities: Priority[] = ['high', 'normal', 'normal', 'normal', 'low'];
  const queuedTasks = Array.from({ length: counts.queued }, (_, i) =>
    queued(`job-q-${i}`, {
      priority: priorities[i % priorities.length],
      requires: random() < 0.2 ? labelPool.filter(() => random() < 0.3) : undefined,
      depends_on: i % 50 === 0 && i > 0 ? [`job-q-${i - 1}`, `job-c-${i}`] : undefined,
    }),
  );
  const running = Array.from({ length: counts.running }, (_, i) =>
    claim(now, `job-r-${i}`, nodes[i % nodeCount]!.node_id, { startedAgoMs: random() * 30 * MINUTE }),
  );
  const output = (i: number) => `step 1/3 ok\nstep 2/3 ok\nresult ${i}: ${'x'.repeat(Math.floor(random() * 300))}\n`;
  const completed = Array.from({ length: counts.completed }, (_, i) =>
    result(now, `job-c-${i}`, 'success', {
      finishedAgoMs: random() * 7 * 86400 * SECOND,
      durationMs: Math.floor(random() * 120_000),
      stdout: output(i),
    }),
  );
  const failed = Array.from({ length: counts.failed }, (_, i) =>
    result(now, `job-f-${i}`, i % 5 === 0 ? 'timeout' : 'failure', {
      finishedAgoMs: random() * 7 * 86400 * SECOND,
      reason: 'exit code 1',
    }),
  );
  const points = 2000;
  const span = 7 * 86400 * SECOND;
  return {
    title: 'Synthetic grid',
    generatedAt: now,
    repositoryUrl: 'https://github.com/octo-org/big-grid',
    branch: 'main',
    policy: defaultPolicy(),
    queued: queuedTasks,
    running,
    completed,
    failed,
    nodes,
    history: Array.from({ length: points }, (_, i) => ({
      time: new Date(now.getTime() - span + (i * span) / (points - 1)),
      queued: Math.round(counts.queued * (0.5 + random())),
      running: Math.round(counts.running * (0.8 + 0.2 * random())),
      completed: Math.round((counts.completed * i) / (points - 1)),
      failed: Math.round((counts.failed * i) / (points - 1)),
    })),
  };
}
