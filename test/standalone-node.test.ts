// The standalone node: the Dockerfile built here from locally imported base images, run as a service
// container against a grid on this machine, its tasks run as sibling containers on the host's daemon, its
// health and metrics read from inside it; and the compose file's local grid wired to that image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import type { Result } from '../src/protocol/schemas.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { makeGrid } from './helpers/grid.js';

const exec = promisify(execFile);
const root = new URL('..', import.meta.url).pathname.replace(/build\/$/, '');
const IMAGE = 'dgrid-worker:test';
const NODE_BASE = 'dgrid-node-base:bookworm';
const DOCKER_CLI = 'dgrid-docker-cli:local';

const docker = async (...args: string[]) =>
  (await exec('docker', args, { env: { ...process.env, DOCKER_BUILDKIT: '0' }, maxBuffer: 64 << 20 })).stdout;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Opens a grid made by this (root) test to the node's user, as an operator does with a bind-mounted grid. */
async function chmodTree(path: string): Promise<void> {
  await chmod(path, 0o777);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory()) await chmodTree(join(path, entry.name));
    else await chmod(join(path, entry.name), 0o666);
  }
}

test('the standalone node image runs tasks as sibling containers and serves /healthz and /metrics', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await exec('bash', [`${root}scripts/worker-base-images.sh`, NODE_BASE, DOCKER_CLI], { maxBuffer: 16 << 20 });
  // No registry here: the pinned base images become the local ones, each FROM line and nothing else.
  const dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
  const local = dockerfile
    .replace(/^FROM docker:\S+@sha256:[0-9a-f]{64} /m, `FROM ${DOCKER_CLI} `)
    .replace(/^FROM node:\S+@sha256:[0-9a-f]{64}$/m, `FROM ${NODE_BASE}`);
  assert.equal(local.match(/^FROM dgrid-/gm)?.length, 2, 'both base images are pinned by digest');
  const build = await mkdtemp(join(tmpdir(), 'dgrid-dockerfile-'));
  t.after(() => rm(build, { recursive: true, force: true }));
  const localDockerfile = join(build, 'Dockerfile');
  await writeFile(localDockerfile, local);
  await docker('build', '--quiet', '--network', 'none', '-f', localDockerfile, '-t', IMAGE, root);

  const name = `dgrid-standalone-${process.pid}`;
  const grid = await makeGrid({ default_image: TEST_IMAGE, allowed_images: [TEST_IMAGE] });
  // The node's container goes before the grid it has mounted, which it may still be writing to.
  t.after(async () => {
    await docker('rm', '--force', name).catch(() => undefined);
    await grid.cleanup();
  });
  await grid.submit([
    { task_id: 'sibling-1', script: 'id -u; head -1 /etc/os-release', timeout_seconds: 30 },
    { task_id: 'sibling-2', script: 'test -e /var/run/docker.sock && echo socket || echo no-socket' },
  ]);
  // The node runs as its own user: it reaches the socket through the socket's group, and the grid, a bind mount
  // here, must be writable by it.
  const socketGroup = (await stat('/var/run/docker.sock')).gid;
  await chmodTree(grid.bare);
  await docker(
    'run',
    '-d',
    '--init',
    '--group-add',
    String(socketGroup),
    '--name',
    name,
    '--network',
    'none',
    '-v',
    `${grid.bare}:/grid/grid.git`,
    '-v',
    '/var/run/docker.sock:/var/run/docker.sock',
    IMAGE,
    '--repository',
    '/grid/grid.git',
    '--node-id',
    'standalone-1',
    '--poll-interval-seconds',
    '0.5',
  );
  const fetchInside = (path: string) =>
    docker(
      'exec',
      name,
      'node',
      '-e',
      `fetch('http://127.0.0.1:9464${path}').then(async (r) => console.log(r.status, await r.text()))`,
    );
  assert.match(await until('/healthz', () => fetchInside('/healthz')), /^200 /);
  assert.equal((await docker('exec', name, 'id', '-u')).trim(), '10001', 'the node is not root in its container');
  const metrics = await until('both results in the metrics', async () => {
    const text = await fetchInside('/metrics');
    return /dgrid_tasks_total\{[^}]*status="success"\} 2/.test(text) ? text : undefined;
  });
  assert.match(metrics, /dgrid_pushes_total\{node_id="standalone-1"\} [1-9]/);

  await docker('stop', '--time', '20', name);
  const snapshot = await GridSnapshot.load(grid.store, await grid.store.fetch());
  const files = ['sibling-1', 'sibling-2'].map((id) => snapshot.byId.get(id)![0]!);
  const [first, second] = [...(await snapshot.readJson(files)).values()] as Result[];
  assert.equal(first!.status, 'success', JSON.stringify(first));
  assert.equal(first!.node_id, 'standalone-1');
  assert.equal(first!.stdout, '65534\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n', 'ran in the sandbox image');
  assert.equal(second!.stdout, 'no-socket\n', 'the node holds the Docker socket; its tasks never get it');
  const node = await snapshot.node('standalone-1');
  assert.equal(node?.completed, 2);
  assert.equal(node?.status, 'offline', 'docker stop sends SIGTERM: the node goes offline');
});

test('the compose file builds that image and wires the local grid: workers with the socket, a reaper without', async () => {
  const compose = parse(await readFile(`${root}compose.yaml`, 'utf8'), { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        command?: string[];
        entrypoint?: string[];
        volumes?: string[];
        restart?: string;
        deploy?: { replicas?: number };
      }
    >;
  };
  const services = compose.services;
  assert.deepEqual(Object.keys(services).sort(), ['grid', 'reaper', 'status', 'submit', 'worker']);
  for (const [name, service] of Object.entries(services)) {
    assert.equal(service.image, 'dgrid-worker', name);
    assert.equal(service.build, '.', `${name} builds the Dockerfile`);
    assert.ok(service.volumes?.includes('grid:/grid'), `${name} mounts the grid`);
  }
  const worker = services.worker!;
  assert.ok(worker.volumes!.includes('/var/run/docker.sock:/var/run/docker.sock'));
  assert.equal(worker.restart, 'unless-stopped');
  assert.equal(worker.deploy?.replicas, 2);
  assert.equal(worker.command![worker.command!.indexOf('--repository') + 1], '/grid/grid.git');
  // Every replica runs this same command: a fixed id would give two live processes one node id.
  assert.ok(!worker.command!.includes('--node-id'), 'replicas take distinct ids of their own');
  assert.ok(!services.reaper!.volumes!.some((v) => v.includes('docker.sock')), 'the reaper runs no tasks');
  const dockerfile = await readFile(`${root}Dockerfile`, 'utf8');
  assert.match(dockerfile, /ENTRYPOINT \["node", "\/opt\/dgrid\/index.js", "worker"/);
  assert.match(
    services.grid!.entrypoint!.join(' '),
    /^node \/opt\/dgrid\/index.js init --repository \/grid\/grid.git$/,
  );
});
