// A node runs tasks with output files and secrets end to end: real Docker, a real bare grid repository, the
// git output store, and the CLI fetching a file back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../src/git/runner.js';
import { DockerSandbox } from '../src/sandbox/docker.js';
import type { Task } from '../src/protocol/schemas.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { gridFor, runAll } from './helpers/grid.js';
import { runCli } from './helpers/cli.js';

const POLICY = {
  default_image: TEST_IMAGE,
  allowed_images: [TEST_IMAGE],
  outputs: { max_mb: 128 },
  secrets: ['API_TOKEN'],
  limits: { memory_mb: 512, file_size_mb: 128 },
};

/** Bytes of every object the branch reaches that `since` did not: what a fetch of the branch brings. */
async function growth(bare: string, since: string, tip: string): Promise<number> {
  const objects = await git(['rev-list', '--objects', tip, `^${since}`], { cwd: bare });
  const ids = objects
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[0]);
  const sizes = await git(['cat-file', '--batch-check=%(objectsize)'], { cwd: bare, input: ids.join('\n') + '\n' });
  return sizes
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .reduce((a, b) => a + b, 0);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

test('a 100 MB output grows the grid branch by under 2 KB, and `dgrid output` fetches it verified', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await gridFor(t, POLICY);
  const sandbox = new DockerSandbox();
  // The growth of the commit that records the result: the same shape for both tasks (the claim gone, the
  // result and the node file written), whatever heartbeats a longer run added around it.
  const run = async (task: Task) => {
    await grid.submit([task]);
    await runAll([grid.worker({}, sandbox)]);
    const [commit] = (
      await git(['log', '--format=%H', 'main', '--', `tasks/completed/*${task.task_id}.json`], { cwd: grid.bare })
    )
      .trim()
      .split('\n');
    return growth(grid.bare, `${commit!}^`, commit!);
  };
  // The same task twice, but for where its 100 MB go: nowhere, or to /out as an output.
  const write = (to: string) => `head -c 100000000 /dev/urandom > ${to} && echo written`;
  const plain = await run({ task_id: 'no-output', script: write('/dev/null'), timeout_seconds: 120 });
  const withOutput = await run({
    task_id: 'big-output',
    script: write('/out/big.bin'),
    outputs: ['*.bin'],
    timeout_seconds: 120,
  });
  const result = (await grid.results()).get('big-output')!;
  assert.equal(result.status, 'success', result.reason ?? result.stderr);
  const [big] = result.outputs!;
  assert.equal(big!.name, 'big.bin');
  assert.equal(big!.bytes, 100_000_000);
  assert.match(big!.url, /^git:refs\/dgrid\/outputs\//);
  console.log(`grid branch growth: ${plain} bytes without the output, ${withOutput} bytes with it`);
  assert.ok(withOutput - plain < 2048, `the output cost the branch ${withOutput - plain} bytes`);
  // Nothing on the branch is the file: every object it reaches is small.
  const largest = await git(['cat-file', '--batch-all-objects', '--batch-check=%(objectsize)'], { cwd: grid.bare });
  assert.ok(Math.max(...largest.split('\n').filter(Boolean).map(Number)) >= 100_000_000, 'the store holds it');
  const onBranch = await growth(
    grid.bare,
    (await git(['rev-list', '--max-parents=0', 'main'], { cwd: grid.bare })).trim(),
    'main',
  );
  assert.ok(onBranch < 100_000, `the branch reaches ${onBranch} bytes`);

  const dest = join(grid.dir, 'fetched.bin');
  const cli = await runCli(['output', '--repository', grid.remote, 'big-output', 'big.bin', '--out', dest], 300_000);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /100000000 bytes, sha256 [0-9a-f]{64} \(verified\)/);
  assert.equal(await sha256Of(dest), big!.sha256);
  // Never overwritten.
  const again = await runCli(['output', '--repository', grid.remote, 'big-output', '--out', dest]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /exists already/);
});

test('a node shares only the secrets it is given, with tasks that name them, and none reaches the grid', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await gridFor(t, POLICY);
  const secret = 'tok_9f8e7d6c5b4a';
  process.env.DGRID_TEST_LEAK = 'runner-environment-value';
  t.after(() => delete process.env.DGRID_TEST_LEAK);
  await grid.submit([
    {
      task_id: 'uses-secret',
      script:
        'echo "token=$API_TOKEN"; printf %s "$API_TOKEN" | base64; echo "leak=${DGRID_TEST_LEAK:-none}"; ' +
        'echo "$API_TOKEN" > "/out/$API_TOKEN.txt"; echo "$API_TOKEN" | rev',
      secrets: ['API_TOKEN'],
      outputs: ['*.txt'],
    },
    { task_id: 'no-secret', script: 'echo "token=${API_TOKEN:-unset}"' },
  ]);
  // A node that does not share API_TOKEN leaves the task that needs it to one that does.
  const [bare] = await runAll([grid.worker({ nodeId: 'without' }, new DockerSandbox())]);
  assert.deepEqual(
    bare!.outcomes.map((o) => o.task_id),
    ['no-secret'],
  );
  await runAll([grid.worker({ nodeId: 'with', taskSecrets: { API_TOKEN: secret } }, new DockerSandbox())]);

  const results = await grid.results();
  const used = results.get('uses-secret')!;
  assert.equal(used.status, 'success', used.stderr);
  assert.match(used.stdout, /^token=\*\*\*$/m);
  assert.match(used.stdout, /^leak=none$/m);
  assert.equal(results.get('no-secret')!.stdout, 'token=unset\n');
  assert.deepEqual(
    used.outputs!.map((o) => o.name),
    ['***.txt'],
  );
  // Nothing in the grid branch's history holds the value, raw or base64: every file of every commit.
  const history = await git(['log', '-p', 'main', '--format=%B'], { cwd: grid.bare });
  assert.ok(!history.includes(secret));
  assert.ok(!history.includes(Buffer.from(secret).toString('base64').slice(0, 12)));
  // Reversed, it is not caught (docs/security.md says so): redaction guards against slips, not a hostile script.
  assert.ok(used.stdout.includes([...secret].reverse().join('')));
  // The output file's content is the task's: stored as written (a file is data, not a log).
  const dest = join(grid.dir, 'secret-file');
  const cli = await runCli(['output', '--repository', grid.remote, 'uses-secret', '--out', dest]);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal(await readFile(dest, 'utf8'), `${secret}\n`);
});
