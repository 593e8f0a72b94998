// A newcomer's first hour, run as a newcomer runs it: the built CLI in a shell, with the mistakes people make.
// Each message must say what went wrong in the user's words and what to do, and exit 1, never 2 with a stack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { makeGrid, type TestGrid } from './helpers/grid.js';
import { runAction } from './helpers/action.js';

const cli = new URL('../src/cli/index.js', import.meta.url).pathname;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let grid: TestGrid;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dgrid-newcomer-'));
  grid = await makeGrid({ retry_backoff_seconds: 600 });
});

after(async () => {
  await grid.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `dgrid ARGS` in `dir` as a user would, killed after `timeoutMs` (a worker that never stops fails the test). */
function dgrid(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A user error: exit 1, the message on stderr, and no stack trace. */
function assertUserError(run: Run, ...patterns: RegExp[]): void {
  assert.equal(run.status, 1, `exit code; stdout: ${run.stdout}\nstderr: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /^\s+at |GitError/m, run.stderr);
  assert.match(run.stderr, /^dgrid: /m);
  for (const pattern of patterns) assert.match(run.stderr, pattern);
}

test('a repository path that does not exist quotes git and says what to give instead', async () => {
  const run = await dgrid(['status', '--repository', join(dir, 'no-such-grid')]);
  assertUserError(
    run,
    /fatal: '.*no-such-grid' does not appear to be a git repository/,
    /is not a git repository: give the path or URL of the grid's repository/,
  );
});

test('a folder that is not a repository is named as such', async () => {
  await mkdir(join(dir, 'plain-folder'));
  const run = await dgrid(['submit', '--repository', 'plain-folder', '--script', 'true']);
  assertUserError(run, /plain-folder' does not appear to be a git repository/, /dgrid init/);
});

test('an unreachable host is said to be unreachable, after the retries', async () => {
  // Port 9 (discard) has no listener here: the connection is refused at once, as on a typo'd port.
  const run = await dgrid(['status', '--repository', 'http://127.0.0.1:9/grid.git']);
  assertUserError(run, /Failed to connect to 127\.0\.0\.1 port 9/, /cannot be reached: check the host name/);
});

test('a URL with credentials in it is quoted without them', async (t) => {
  const server = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const run = await dgrid(['status', '--repository', `http://alice:s3cret@127.0.0.1:${port}/grid.git`]);
  assertUserError(run, /repository 'http:\/\/127\.0\.0\.1:\d+\/grid\.git\/' not found/, /http:\/\/\*\*\*@127\.0\.0\.1/);
  assert.doesNotMatch(run.stderr, /s3cret/);
});

test("a worker on a clone with the grid branch checked out stops with git's reason and the fix", async () => {
  const clone = join(dir, 'checked-out');
  execFileSync('git', ['clone', '--quiet', grid.bare, clone]);
  const run = await dgrid(
    [
      'worker',
      '--repository',
      clone,
      '--sandbox',
      'none',
      '--idle-timeout-seconds',
      '5',
      '--poll-interval-seconds',
      '0.2',
    ],
    {},
    30_000,
  );
  assertUserError(
    run,
    /refusing to update checked out branch: refs\/heads\/main/,
    /use a bare repository \(git clone --bare/,
    /receive\.denyCurrentBranch updateInstead/,
  );
});

test('status of a branch that does not exist is an error naming it, not an empty grid', async () => {
  const run = await dgrid(['status', '--repository', grid.bare, '--branch', 'mian']);
  assertUserError(run, /branch "mian" does not exist in file:\/\//, /give --branch the grid's branch/);
  assert.equal(run.stdout, '');
});

test('a worker without Docker says that --sandbox none exists, and what it costs', async () => {
  const run = await dgrid(['worker', '--repository', grid.bare], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  assertUserError(run, /no Docker daemon answers/, /--sandbox none/, /no isolation/);
});

test('a worker whose user may not use the Docker socket is told how to join its group', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root, to run the CLI as another user');
  const run = await new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [cli, 'worker', '--repository', grid.bare], {
      cwd: tmpdir(),
      env: { ...process.env, HOME: tmpdir() },
      uid: 65534,
      gid: 65534,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  assertUserError(run, /this user may not use the Docker socket \(permission denied/, /--group-add/);
});

test('a value outside an enumeration lists the allowed values', async () => {
  const run = await dgrid(['submit', '--repository', grid.bare, '--script', 'true', '--priority', 'urgent']);
  assertUserError(run, /field "priority" must be one of the allowed values: "high", "normal", "low"/);
});

test("a mistyped option or command gets a suggestion instead of the parser's text", async () => {
  const option = await dgrid(['status', '--repositry', grid.bare]);
  assertUserError(option, /"status" has no option --repositry\. Did you mean --repository\?/, /dgrid status --help/);
  assert.doesNotMatch(option.stderr, /positional argument/);
  const command = await dgrid(['stauts']);
  assertUserError(command, /unknown command "stauts"\. Did you mean "dgrid status"\?/);
  const far = await dgrid(['status', '--colour']);
  assertUserError(far, /"status" has no option --colour\.\n/);
});

test('render refuses a repository that is not a grid instead of drawing an empty one', async () => {
  const other = join(dir, 'some-project');
  execFileSync('git', ['init', '--quiet', other]);
  execFileSync('git', ['-C', other, 'commit', '--quiet', '--allow-empty', '-m', 'x'], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'a',
      GIT_AUTHOR_EMAIL: 'a@b',
      GIT_COMMITTER_NAME: 'a',
      GIT_COMMITTER_EMAIL: 'a@b',
    },
  });
  const run = await dgrid(['render', '--path', other, '--output-dir', join(dir, 'site')]);
  assertUserError(
    run,
    /--path is ".*some-project", a repository without dgrid\.json, tasks\/ or nodes\//,
    /not a grid/,
  );
});

test('status counts tasks for the grid and attempts for nodes, and says why each queued task waits', async () => {
  await grid.submit([
    { task_id: 'flaky', script: 'exit 1', max_attempts: 3 },
    { task_id: 'report', script: 'true', depends_on: ['flaky'] },
    // Within the policy's max_delay_days, so that it is accepted and waits.
    { task_id: 'later', script: 'true', not_before: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    { task_id: 'on-gpu', script: 'true', requires: ['gpu'] },
  ]);
  await grid.worker({ nodeId: 'n1', maxTasks: 1 }).run();
  const cancel = await dgrid(['cancel', '--repository', grid.bare, 'later']);
  assert.equal(cancel.status, 0, cancel.stderr);
  const run = await dgrid(['status', '--repository', grid.bare]);
  assert.equal(run.status, 0, run.stderr);
  // One attempt of "flaky" failed, yet no task did: both counts, each saying what it counts.
  assert.match(run.stdout, /^tasks: queued 4 {2}in progress 0 {2}completed 0 {2}failed 0$/m);
  assert.match(run.stdout, /^node n1: .*attempts completed 0, failed 1$/m);
  assert.match(run.stdout, /^flaky waits: backing off after attempt 1 \(failure\) until \d{4}-/m);
  assert.match(run.stdout, /^report waits: depends on flaky, not completed yet$/m);
  assert.match(run.stdout, /^later waits: a cancel request is pending/m);
  assert.match(run.stdout, /^no online node can run on-gpu: it requires gpu$/m);
});

test('the demo without Docker says it ran unisolated, fills every reason, and ends with next steps', async () => {
  const run = await dgrid(['demo', '--dir', 'demo'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /ran as plain processes of the current user \(.+\), with no isolation/);
  assert.match(run.stdout, /demo-timeout +timeout +exit \S+ +on demo-node-\d +killed after the 1 s timeout/);
  const demo = join(dir, 'demo');
  assert.match(run.stdout, new RegExp(`open the dashboard: +file://${demo}/site/index\\.html`));
  // As it was run: a fresh clone has no dgrid on its PATH.
  const invoked = relative(dir, cli).replaceAll('.', '\\.');
  assert.match(run.stdout, new RegExp(`read the grid: +node ${invoked} status --repository ${demo}/grid\\.git`));
  // The folder was the user's: only what the demo made in it is to go.
  assert.match(run.stdout, new RegExp(`clean up: +rm -rf ${demo}/grid\\.git ${demo}/cache ${demo}/site$`, 'm'));
  const status = await dgrid(['status', '--repository', join(demo, 'grid.git')]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /completed 5 {2}failed 2/);
});

test('an action reports a git failure as one error line with the fix, not a stack', async () => {
  const run = await runAction('reap-orphans', { repository: join(dir, 'nowhere'), 'dry-run': 'true' });
  assert.equal(run.exitCode, 1, run.stdout + run.stderr);
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  assert.equal(errors.length, 1, run.stdout);
  assert.match(errors[0]!, /does not appear to be a git repository.*is not a git repository: give the path/);
  assert.doesNotMatch(run.stdout, /GitError|%0A {4}at /);
});
