import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gridFor, noopTasks } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';
import { runAction } from './helpers/action.js';
import { runCli } from './helpers/cli.js';

const TOKEN = 'ghs_0123456789abcdefSECRET';

async function commandLines(): Promise<string[]> {
  const lines: string[] = [];
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline) lines.push(cmdline.replaceAll('\0', ' '));
  }
  return lines;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('dist/run-worker runs as the runner drives it, over smart HTTP, and the token leaks nowhere', async (t) => {
  const grid = await gridFor(t);
  const server = await serveGit(grid.dir, TOKEN);
  t.after(() => server.close());
  await grid.submit([...noopTasks(3), { task_id: 'fails', script: 'exit 1', max_attempts: 1 }]);
  const seenArgs: string[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      seenArgs.push(...(await commandLines()));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const run = await runAction('run-worker', {
    repository: `${server.url}/grid.git`,
    token: TOKEN,
    'node-id': 'action-node',
    slots: '2',
    sandbox: 'none',
    'idle-timeout-seconds': '1',
    'poll-interval-seconds': '1',
  });
  sampling = false;
  await sampler;
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(run.outputs, { completed: '3', failed: '1', 'node-id': 'action-node' });
  assert.match(run.summary, /dgrid node action-node/);
  assert.match(run.summary, /<td>fails<\/td><td>failure<\/td><td>1<\/td>/);
  assert.match(run.stdout, /::warning::sandbox "none"/);

  assert.ok(
    seenArgs.some((a) => a.includes('git')),
    'the sampler saw the git processes',
  );
  assert.deepEqual(
    seenArgs.filter((a) => a.includes(TOKEN)),
    [],
    'token in a process argument list',
  );
  // The one line allowed to hold it is the command that tells the runner to mask it.
  const logLines = (run.stdout + run.stderr).split('\n').filter((l) => l.includes(TOKEN));
  assert.deepEqual(logLines, [`::add-mask::${TOKEN}`], 'token in the log');
  assert.ok(
    server.requests.every((r) => !r.includes(TOKEN)),
    'token in a URL',
  );
  const configs = [...(await filesUnder(grid.dir)), ...(await filesUnder(process.env.HOME ?? '/root/none'))].filter(
    (f) => /(^|\/)(config|\.gitconfig)$/.test(f),
  );
  for (const file of configs) {
    const text = await readFile(file, 'utf8').catch(() => '');
    assert.ok(!text.includes(TOKEN) && !text.includes(Buffer.from(`x-access-token:${TOKEN}`).toString('base64')), file);
  }
});

test('dist/run-worker fails the step with a clear message on a bad input', async () => {
  const run = await runAction('run-worker', { repository: 'file:///nonexistent', sandbox: 'podman' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /::error::input "sandbox" is "podman": use one of docker, none/);
});

test('dist/run-worker fails the step when the grid branch does not exist', async (t) => {
  const grid = await gridFor(t);
  const run = await runAction('run-worker', { repository: grid.remote, branch: 'nope', sandbox: 'none' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /::error::branch "nope" does not exist/);
});

test('dist/run-worker and dgrid worker read the same settings the same way', async (t) => {
  const grid = await gridFor(t);
  // Labels as a workflow writes them (a YAML block) and as a shell user types them, bounds as both may give.
  const settings: Record<string, string> = {
    labels: 'gpu, linux\narm64 big',
    slots: '3',
    sandbox: 'none',
    'idle-timeout-seconds': '1',
    'poll-interval-seconds': '0.5',
  };
  const action = await runAction('run-worker', { ...settings, repository: grid.remote, 'node-id': 'by-action' });
  assert.equal(action.exitCode, 0, action.stdout + action.stderr);
  const flags = Object.entries(settings).flatMap(([name, value]) => [`--${name}`, value]);
  const cli = await runCli(['worker', '--repository', grid.remote, '--node-id', 'by-cli', ...flags]);
  assert.equal(cli.code, 0, cli.stderr);
  const snapshot = await grid.snapshot();
  const [byAction, byCli] = [await snapshot.node('by-action'), await snapshot.node('by-cli')];
  assert.deepEqual(byAction?.labels, ['gpu', 'linux', 'arm64', 'big']);
  assert.deepEqual(
    { labels: byCli?.labels, slots: byCli?.slots },
    { labels: byAction?.labels, slots: byAction?.slots },
  );

  // What one refuses, the other refuses for the same reason.
  for (const [name, value, reason] of [
    ['poll-interval-seconds', '0.01', 'give a number from 0.05 to 3600'],
    ['slots', '1.5', 'give a whole number from 1 to 64'],
    ['labels', 'gpu,-x', 'each label is a letter or digit'],
  ] as const) {
    const refusedAction = await runAction('run-worker', { repository: grid.remote, [name]: value });
    assert.match(refusedAction.stdout, new RegExp(`::error::input "${name}" is "${value}": ${reason}`));
    const refusedCli = await runCli(['worker', '--repository', grid.remote, `--${name}`, value]);
    assert.equal(refusedCli.code, 1);
    assert.match(refusedCli.stderr, new RegExp(`--${name} is "${value}": ${reason}`));
  }
});
