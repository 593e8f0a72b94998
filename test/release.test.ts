import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNames, badInputs, literalDefaults, readMetadata, root } from './helpers/action-metadata.js';
import { runAction, type ActionRun } from './helpers/action.js';
import { makeGrid, noopTasks } from './helpers/grid.js';

const identity = {
  GIT_AUTHOR_NAME: 'dgrid release test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'dgrid release test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

function release(out: string, tag: string): void {
  // --skip-check: other tests prove dist/ matches the sources; this one is about what gets published.
  execFileSync(process.execPath, [join(root, 'scripts/release.js'), '--out', out, '--tag', tag, '--skip-check'], {
    env: { ...process.env, ...identity },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

test('each release tree is a self-contained action repository that runs as the runner runs it', async () => {
  const out = await mkdtemp(join(tmpdir(), 'dgrid-release-'));
  const standalone = await mkdtemp(join(tmpdir(), 'dgrid-standalone-'));
  const grid = await makeGrid();
  try {
    release(out, 'v1.2.3');
    release(out, 'v1.3.0');
    const actions = actionNames();
    for (const action of actions) {
      const tree = join(out, action);
      assert.equal(git(tree, 'status', '--porcelain'), '', `${action}: everything committed`);
      assert.equal(git(tree, 'rev-parse', 'v1^{commit}'), git(tree, 'rev-parse', 'HEAD'), `${action}: v1 moved`);
      assert.equal(git(tree, 'rev-parse', 'v1.3.0^{commit}'), git(tree, 'rev-parse', 'HEAD'));
      assert.equal(git(tree, 'rev-parse', 'v1.2.3^{commit}'), git(tree, 'rev-parse', 'HEAD^'));
      // Away from the repository and from where the script wrote it: nothing may reach back.
      cpSync(tree, join(standalone, action), { recursive: true });
    }

    const run = async (action: string, inputs: Record<string, string>): Promise<ActionRun> => {
      const dir = join(standalone, action);
      const metadata = readMetadata(dir);
      assert.equal(metadata.runs?.using, 'node24');
      assert.equal(metadata.runs?.main, 'dist/index.js');
      for (const file of ['README.md', 'LICENSE', 'dist/licenses.txt']) assert.ok(existsSync(join(dir, file)), file);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'dist/package.json'), 'utf8')), { type: 'module' });
      assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), new RegExp(`uses: dgrid/${action}@v1`));
      return runAction(join(dir, metadata.runs.main), { ...literalDefaults(metadata), ...inputs });
    };

    for (const action of actions) {
      const bad = badInputs[action];
      assert.ok(bad, `add inputs that ${action} refuses to badInputs in test/helpers/action-metadata.ts`);
      const failed = await run(action, bad.inputs);
      assert.equal(failed.exitCode, 1, `${action}: ${failed.stdout}${failed.stderr}`);
      const errors = failed.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      assert.equal(errors.length, 1, `${action}: ${failed.stdout}`);
      assert.match(errors[0]!, new RegExp(`^::error::input "${bad.culprit}" is `));
    }

    await grid.submit([...noopTasks(2), { task_id: 'fails', script: 'exit 1', max_attempts: 1 }]);
    const checkout = join(grid.dir, 'checkout');
    git(grid.dir, 'clone', '--quiet', grid.bare, checkout);
    const validated = await run('validate-task', { path: checkout });
    assert.equal(validated.exitCode, 0, validated.stdout + validated.stderr);
    assert.equal(validated.outputs.valid, 'true');
    assert.deepEqual(JSON.parse(validated.outputs['task-ids']!).sort(), ['fails', 't000', 't001']);

    const worked = await run('run-worker', {
      repository: grid.remote,
      'node-id': 'release-node',
      sandbox: 'none',
      'idle-timeout-seconds': '1',
      'poll-interval-seconds': '1',
    });
    assert.equal(worked.exitCode, 0, worked.stdout + worked.stderr);
    assert.deepEqual(worked.outputs, { completed: '2', failed: '1', 'node-id': 'release-node' });

    const reaped = await run('reap-orphans', { repository: grid.remote, 'dry-run': 'true' });
    assert.equal(reaped.exitCode, 0, reaped.stdout + reaped.stderr);
    assert.deepEqual(reaped.outputs, { requeued: '0', failed: '0', 'nodes-offline': '0' });

    git(checkout, 'pull', '--quiet');
    const site = join(grid.dir, 'site');
    const rendered = await run('render-dashboard', { path: checkout, 'output-dir': site });
    assert.equal(rendered.exitCode, 0, rendered.stdout + rendered.stderr);
    assert.equal(rendered.outputs.completed, '2');
    assert.ok(existsSync(join(site, 'index.html')));
  } finally {
    await Promise.all([out, standalone].map((d) => rm(d, { recursive: true, force: true })));
    await grid.cleanup();
  }
});
