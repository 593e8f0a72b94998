import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNames, badInputs, literalDefaults, readMetadata, root } from './helpers/action-metadata.js';
import { runAction, type ActionRun } from './helpers/action.js';
import { gridFor, noopTasks } from './helpers/grid.js';

const identity = {
  GIT_AUTHOR_NAME: 'dgrid release test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'dgrid release test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

const script = join(root, 'scripts/release.js');

function release(out: string, tag: string, source = root): void {
  // --skip-check: other tests prove dist/ matches the sources; this one is about what gets published.
  execFileSync(process.execPath, [script, '--out', out, '--tag', tag, '--source', source, '--skip-check'], {
    env: { ...process.env, ...identity },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** A copy of what a release reads, at another version: the next release, without touching this checkout. */
function nextVersion(dir: string, version: string, heading = `## [${version}] - 2027-01-15`): string {
  for (const entry of ['dist', 'schemas', 'LICENSE', 'README.md', ...actionNames()])
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, version }, null, 2));
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog.replace(/^## \[/m, `${heading}\n\n- A change.\n\n## [`));
  return dir;
}

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

test('each release tree is a self-contained action repository that runs as the runner runs it', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'dgrid-release-'));
  const standalone = await mkdtemp(join(tmpdir(), 'dgrid-standalone-'));
  const grid = await gridFor(t);
  t.after(() => Promise.all([out, standalone].map((d) => rm(d, { recursive: true, force: true }))));
  // This checkout's own version, as the lead tags it, then the next one on top of it.
  assert.equal(version, '1.0.0');
  release(out, 'v1.0.0');
  release(out, 'v1.1.0', nextVersion(join(standalone, 'next'), '1.1.0'));
  const actions = actionNames();
  for (const action of actions) {
    const tree = join(out, action);
    assert.equal(git(tree, 'status', '--porcelain'), '', `${action}: everything committed`);
    assert.equal(git(tree, 'rev-parse', 'v1^{commit}'), git(tree, 'rev-parse', 'HEAD'), `${action}: v1 moved`);
    assert.equal(git(tree, 'rev-parse', 'v1.1.0^{commit}'), git(tree, 'rev-parse', 'HEAD'));
    assert.equal(git(tree, 'rev-parse', 'v1.0.0^{commit}'), git(tree, 'rev-parse', 'HEAD^'));
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
});

test('release refuses a tag that package.json or the CHANGELOG does not name, and has --help', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'dgrid-release-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, '--out', out, '--skip-check', ...args], { encoding: 'utf8' });
  t.after(() => rm(out, { recursive: true, force: true }));
  const help = run('--help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: node scripts\/release\.js/);
  assert.match(help.stdout, /--tag vX\.Y\.Z/);
  const typo = run('--tagg', 'v1.0.0');
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /^release: Unknown option '--tagg'/);

  const other = run('--tag', 'v1.0.1');
  assert.equal(other.status, 1);
  assert.equal(
    other.stderr,
    `release: --tag is "v1.0.1" but package.json has version "${version}": set "version": "1.0.1"\n`,
  );
  const undated = run(
    '--tag',
    'v2.0.0',
    '--source',
    nextVersion(join(out, 'undated'), '2.0.0', '## [2.0.0] - Unreleased'),
  );
  assert.equal(undated.status, 1);
  assert.match(undated.stderr, /"## \[2\.0\.0\] - Unreleased" has no release date/);
  const missing = run(
    '--tag',
    'v2.0.0',
    '--source',
    nextVersion(join(out, 'missing'), '2.0.0', '## [1.9.0] - 2027-01-01'),
  );
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /CHANGELOG\.md has no section for 2\.0\.0/);
  assert.ok(!existsSync(join(out, 'run-worker')), 'nothing written by a refused release');
});

test('the npm package, packed from this repository, installs offline with no dependency, and its dgrid runs', async (t) => {
  const user = await mkdtemp(join(tmpdir(), 'dgrid-npm-user-'));
  t.after(() => rm(user, { recursive: true, force: true }));
  const npm = (cwd: string, ...args: string[]) =>
    // A cache of its own: the install must need nothing from a registry, nor from what this machine cached.
    execFileSync('npm', [...args, '--cache', join(user, '.npm-cache')], { cwd, encoding: 'utf8' });
  const packed = JSON.parse(npm(root, 'pack', '--json', '--pack-destination', user)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const files = packed[0]!.files.map((f) => f.path).sort();
  assert.ok(files.includes('dist/cli/index.js') && files.includes('schemas/task.schema.json'), files.join(' '));
  assert.deepEqual(
    files.filter((f) => !/^(dist\/cli|schemas)\//.test(f)),
    ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'],
  );
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.bin, { dgrid: 'dist/cli/index.js' });

  const project = join(user, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), '{"name": "someone-elses-project", "private": true}');
  npm(project, 'install', '--offline', '--no-audit', '--no-fund', join(user, packed[0]!.filename));
  const dgrid = join(project, 'node_modules/.bin/dgrid');
  const help = spawnSync(dgrid, ['--help'], { cwd: project, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, new RegExp(`^dgrid ${version.replaceAll('.', '\\.')}: `));
  const demo = spawnSync(dgrid, ['demo', '--dir', 'demo'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  assert.equal(demo.status, 0, demo.stdout + demo.stderr);
  assert.match(demo.stdout, /5 completed, 2 failed, 0 still queued\./);
  assert.match(demo.stdout, /read the grid: +dgrid status --repository /, 'installed, it is dgrid');
  assert.ok(existsSync(join(project, 'demo/site/index.html')));
});
