import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { queuePath } from '../src/protocol/layout.js';
import { DockerSandbox } from '../src/sandbox/docker.js';
import type { SandboxJob } from '../src/sandbox/sandbox.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { gridFor, pushDirectly, runAll } from './helpers/grid.js';

const sandbox = new DockerSandbox();
const exec = promisify(execFile);

function job(script: string, overrides: Partial<SandboxJob> = {}): SandboxJob {
  return {
    taskId: 'sandbox-test',
    nodeId: 'test-node',
    script,
    image: TEST_IMAGE,
    timeoutSeconds: 30,
    env: {},
    cpus: 1,
    memoryMb: 128,
    pids: 64,
    tmpfsMb: 16,
    fileSizeMb: 8,
    outputCapBytes: 10240,
    ...overrides,
  };
}

const run = (script: string, overrides: Partial<SandboxJob> = {}) =>
  sandbox.run(job(script, overrides), new AbortController().signal);

test('docker: no network, only loopback', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const listing = await run('ls /sys/class/net');
  assert.equal(listing.stdout.text.trim(), 'lo');
  const connect = await run(`python3 -c "import socket; socket.create_connection(('1.1.1.1', 53), 2)"`);
  assert.equal(connect.status, 'failure');
  assert.match(connect.stderr.text, /Network is unreachable|OSError/);
});

test('docker: read-only root, a small noexec /tmp, non-root, no capabilities, no docker socket', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run(
    [
      'id -u',
      'touch /etc/x 2>/dev/null && echo root-writable || echo root-readonly',
      'touch /tmp/x && echo tmp-writable',
      'cp /bin/true /tmp/t && (/tmp/t 2>/dev/null && echo tmp-exec || echo tmp-noexec)',
      'grep CapEff /proc/self/status',
      'test -e /var/run/docker.sock && echo socket || echo no-socket',
      'grep NoNewPrivs /proc/self/status',
    ].join('; '),
  );
  assert.equal(result.status, 'success', result.stderr.text);
  const lines = result.stdout.text.trim().split('\n');
  assert.deepEqual(lines.slice(0, 4), ['65534', 'root-readonly', 'tmp-writable', 'tmp-noexec']);
  assert.match(lines[4]!, /CapEff:\s+0000000000000000/);
  assert.equal(lines[5], 'no-socket');
  assert.match(lines[6]!, /NoNewPrivs:\s+1/);
});

test('docker: /proc, /sys, /dev/shm and /tmp are as the README says', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run(
    [
      'mount | grep -E " /(sys|dev/shm|tmp) " | sort',
      'df -k /dev/shm /tmp | tail -n +2',
      'cat /proc/kcore >/dev/null 2>&1 && echo kcore-readable || echo kcore-masked',
      'echo 1 2>/dev/null >/proc/sys/kernel/core_pattern && echo procsys-writable || echo procsys-readonly',
      'cp /bin/true /dev/shm/t && (/dev/shm/t 2>/dev/null && echo shm-exec || echo shm-noexec)',
    ].join('; '),
    { tmpfsMb: 16 },
  );
  assert.equal(result.status, 'success', result.stderr.text);
  const lines = result.stdout.text.trim().split('\n');
  assert.match(lines[0]!, /^shm on \/dev\/shm type tmpfs \(rw,nosuid,nodev,noexec,.*size=16384k/);
  assert.match(lines[1]!, /^sysfs on \/sys type sysfs \(ro,/);
  assert.match(lines[2]!, /^tmpfs on \/tmp type tmpfs \(rw,nosuid,nodev,noexec,.*size=16384k/);
  assert.match(lines[3]!, /^shm\s+16384\s/);
  assert.match(lines[4]!, /^tmpfs\s+16384\s/);
  assert.deepEqual(lines.slice(5), ['kcore-masked', 'procsys-readonly', 'shm-noexec']);
});

test('docker: no core dumps, and the daemon keeps no copy of the output', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const running = run('ulimit -c; head -c 200000 /dev/zero; sleep 3', { taskId: 'no-log' });
  let container = '';
  for (let i = 0; i < 50 && !container; i++) {
    await new Promise((r) => setTimeout(r, 100));
    container = (await exec('docker', ['ps', '-q', '--filter', 'label=dgrid.task=no-log'])).stdout.trim();
  }
  assert.ok(container, 'the container runs');
  const { stdout } = await exec('docker', [
    'inspect',
    '--format',
    '{{.HostConfig.LogConfig.Type}} {{json .HostConfig.Ulimits}} [{{.LogPath}}]',
    container,
  ]);
  assert.match(stdout.trim(), /^none .*"Name":"core","Hard":0,"Soft":0.* \[\]$/);
  const result = await running;
  assert.equal(result.status, 'success', result.stderr.text);
  assert.equal(result.stdout.text.slice(0, 2), '0\n', 'ulimit -c in the container');
  assert.equal(result.stdout.bytes, 200_002, 'the node still reads all of the output');
});

test('docker: the timeout kills the container', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const started = Date.now();
  // Three seconds, not one: under the parallel tests a container can take over a second to start, and a
  // timeout that fires before the script begins proves nothing about what it kept.
  const result = await run('echo begun; sleep 60', { timeoutSeconds: 3 });
  assert.equal(result.status, 'timeout');
  assert.equal(result.stdout.text, 'begun\n');
  assert.ok(Date.now() - started < 15_000, 'stopped long before the script would have ended');
  const left = await sandbox.removeOrphans('test-node');
  assert.equal(left, 0, 'no container left behind');
});

test('docker: output is capped per stream, with the full byte count and sha256', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run("head -c 50000 /dev/zero | tr '\\000' a; echo small >&2");
  assert.equal(result.stdout.text, 'a'.repeat(10240));
  assert.equal(result.stdout.bytes, 50000);
  assert.equal(result.stdout.truncated, true);
  assert.equal(result.stdout.sha256, createHash('sha256').update('a'.repeat(50000)).digest('hex'));
  assert.equal(result.stderr.text, 'small\n');
  assert.equal(result.stderr.truncated, false);
});

test('docker: the memory limit holds, without swap', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run(`python3 -c "x = bytearray(300 * 1024 * 1024); print('allocated')"`, { memoryMb: 64 });
  assert.equal(result.status, 'failure');
  assert.notEqual(result.stdout.text, 'allocated\n');
  assert.ok(
    result.exitCode === 137 || /MemoryError/.test(result.stderr.text),
    `exit ${result.exitCode}: ${result.stderr.text}`,
  );
});

test('docker: a process flood is bounded by the pids limit', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run('n=0; while [ $n -lt 500 ]; do sleep 20 & n=$((n+1)); done; echo spawned', {
    pids: 32,
    timeoutSeconds: 10,
  });
  assert.notEqual(result.status, 'success');
  assert.match(result.stderr.text, /can't fork|Resource temporarily unavailable|Cannot fork/i);
});

test('docker: no runner secret reaches the task environment; task env does', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  process.env.GITHUB_TOKEN = 'ghs_secret_that_must_not_leak';
  process.env.DGRID_TOKEN = 'another_secret';
  try {
    const result = await run('env', { env: { GREETING: 'hello' } });
    assert.equal(result.status, 'success');
    assert.doesNotMatch(result.stdout.text, /secret|GITHUB_|RUNNER_|DGRID_TOKEN/);
    assert.match(result.stdout.text, /^GREETING=hello$/m);
    assert.match(result.stdout.text, /^HOME=\/tmp$/m);
  } finally {
    delete process.env.GITHUB_TOKEN;
    delete process.env.DGRID_TOKEN;
  }
});

test("docker: a container the daemon refuses fails the task, with the daemon's words", async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const result = await run('true', { memoryMb: 1 });
  assert.equal(result.status, 'error');
  assert.equal(result.sandboxLost, undefined, 'the daemon answered: the task is to blame');
  assert.match(result.reason ?? '', /^docker could not run the container: .*Minimum memory limit/);
});

test('docker: a run that could not reach the daemon hands the task back, even once the daemon answers', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  // The daemon can come back between the failed run and the probe after it: only `run` misses it here.
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-docker-'));
  const client = join(dir, 'docker');
  await writeFile(
    client,
    '#!/bin/sh\n[ "$1" = run ] && export DOCKER_HOST=unix:///nonexistent/docker.sock\nexec docker "$@"\n',
    { mode: 0o755 },
  );
  t.after(() => rm(dir, { recursive: true, force: true }));
  const result = await new DockerSandbox(client).run(job('true'), new AbortController().signal);
  assert.equal(result.status, 'error');
  assert.match(result.sandboxLost ?? '', /^the Docker daemon went away: .*Cannot connect to the Docker daemon/);
  assert.doesNotMatch(result.reason ?? '', /--help/);
});

test('docker: containers carry the node and task ids, so a restarted node removes its orphans', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const controller = new AbortController();
  const running = sandbox.run(job('sleep 60', { nodeId: 'orphan-node', taskId: 'orphan-task' }), controller.signal);
  let removed = 0;
  for (let i = 0; i < 50 && removed === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    removed = await sandbox.removeOrphans('orphan-node');
  }
  assert.equal(removed, 1);
  const result = await running;
  assert.notEqual(result.status, 'success');
  controller.abort();
});

test('docker: a worker runs grid tasks in containers end to end', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await gridFor(t, { default_image: TEST_IMAGE, allowed_images: [TEST_IMAGE] });
  await grid.submit([
    { task_id: 'hello', script: "echo 'Hello, D-GRID!' && python3 --version" },
    { task_id: 'slow', script: 'sleep 30', timeout_seconds: 1, max_attempts: 1 },
  ]);
  const started = Date.now();
  const [report] = await runAll([grid.worker({ nodeId: 'docker-node', slots: 2 }, new DockerSandbox())]);
  const results = await grid.results();
  assert.equal(results.get('hello')?.status, 'success');
  assert.match(results.get('hello')?.stdout ?? '', /Hello, D-GRID!\nPython 3/);
  assert.equal(results.get('slow')?.status, 'timeout');
  assert.equal(report!.completed, 1);
  console.log(`# docker worker: 2 tasks in ${Date.now() - started} ms including 1 s idle exit`);
});

test("docker: a NUL byte in the script or an env value is the task's error, and the node records it and claims on", async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const script = await run('echo a\0b');
  assert.equal(script.status, 'error');
  assert.match(script.reason ?? '', /^the script holds a NUL byte, which no process can take/);
  const env = await run('true', { env: { X: 'a\0b' } });
  assert.equal(env.status, 'error');
  assert.match(env.reason ?? '', /^env X holds a NUL byte/);

  const grid = await gridFor(t, { default_image: TEST_IMAGE, allowed_images: [TEST_IMAGE] });
  // Pushed past the gate, as a token holder may.
  await pushDirectly(
    grid,
    [
      { task_id: 'nul-script', script: 'echo a\0b', priority: 'high' },
      { task_id: 'nul-env', script: 'true', env: { X: 'a\0b' }, priority: 'high' },
      { task_id: 'after', script: 'echo fine' },
    ].map((task) => ({ path: queuePath(task.task_id), content: JSON.stringify(task) })),
  );
  const [report] = await runAll([grid.worker({ nodeId: 'docker-nul' }, new DockerSandbox())]);
  assert.equal(report!.completed, 1);
  const results = await grid.results();
  assert.equal(results.get('after')?.status, 'success');
  for (const id of ['nul-script', 'nul-env']) {
    assert.equal(results.get(id)?.status, 'error', id);
    assert.match(results.get(id)?.reason ?? '', /NUL/, id);
  }
});
