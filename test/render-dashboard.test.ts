import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { git } from '../src/git/runner.js';
import { GridStore } from '../src/git/store.js';
import { silentLog } from '../src/common/log.js';
import { collectDashboard, gridHistory } from '../src/dashboard/collect.js';
import { distPath, runAction } from './helpers/action.js';
import { gridFor, noopTasks, pushDirectly, runAll, type TestGrid } from './helpers/grid.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;
/** The bundle under test: CI tests the committed one; set DGRID_RENDER_DIST to test a fresh build. */
const BUNDLE = process.env.DGRID_RENDER_DIST ?? distPath('render-dashboard');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Files in a lifecycle folder at HEAD, counted by git itself rather than by the code under test. */
async function filesIn(repository: string, folder: string): Promise<number> {
  const out = await git(['ls-tree', '-r', '--name-only', 'HEAD', '--', folder], { cwd: repository });
  return out.split('\n').filter((line) => line.endsWith('.json')).length;
}

/**
 * A grid that real workers have run: four tasks completed, one failed, one queued that no node can run, and
 * one in progress at the moment of the clone, whose node is the only one still online.
 */
/** When the first of minuteCommits' commits is dated (s). */
const MINUTE_COMMITS_START = 1_700_000_000;

/**
 * Commits `from` to `to` (exclusive) of a history a minute apart on main of the bare `repo`, each adding a
 * task and finishing the one before; a later call goes on from where the last ended.
 */
async function minuteCommits(repo: string, from: number, to: number): Promise<void> {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    lines.push('commit refs/heads/main', `committer t <t@dgrid> ${MINUTE_COMMITS_START + i * 60} +0000`, 'data 1', 'c');
    if (i === from && i > 0) lines.push('from refs/heads/main^0');
    lines.push(`M 100644 inline tasks/queue/t${i}.json`, 'data 2', '{}');
    if (i > 0) {
      lines.push(`D tasks/queue/t${i - 1}.json`, `M 100644 inline tasks/completed/2024-01-01/00/t${i - 1}.json`);
      lines.push('data 2', '{}');
    }
    lines.push('');
  }
  await git(['fast-import', '--quiet'], { cwd: repo, input: lines.join('\n') + '\n' });
}

async function workedGrid(t: TestContext): Promise<{ grid: TestGrid; checkout: string }> {
  const grid = await gridFor(t);
  await grid.submit([
    ...noopTasks(4),
    { task_id: 'fails', script: 'exit 2', max_attempts: 1 },
    { task_id: 'needs-gpu', script: 'true', requires: ['gpu'], priority: 'high' },
  ]);
  await runAll([grid.worker({ nodeId: 'node-a' }), grid.worker({ nodeId: 'node-b' })]);
  await grid.submit([{ task_id: 'slow', script: 'sleep 30', requires: ['slow'] }]);
  const slow = grid.worker({ nodeId: 'node-slow', labels: ['slow'], idleTimeoutSeconds: 0 });
  const running = slow.run();
  try {
    for (let i = 0; (await grid.snapshot()).of('in_progress').length === 0; i++) {
      if (i > 200) throw new Error('the slow task was never claimed');
      await sleep(50);
    }
    const checkout = join(grid.dir, 'checkout');
    await git(['clone', '--quiet', grid.bare, checkout]);
    return { grid, checkout };
  } finally {
    slow.stop('the test has its clone');
    await running;
  }
}

test('the built action renders a checkout of a worked grid: outputs, status.json, summary and history', async (t) => {
  const { grid, checkout } = await workedGrid(t);
  const expected = {
    queued: await filesIn(checkout, 'tasks/queue'),
    'in-progress': await filesIn(checkout, 'tasks/in_progress'),
    completed: await filesIn(checkout, 'tasks/completed'),
    failed: await filesIn(checkout, 'tasks/failed'),
  };
  assert.deepEqual(expected, { queued: 1, 'in-progress': 1, completed: 4, failed: 1 });
  // The working tree does not count: only what is committed at HEAD.
  await writeFile(join(checkout, 'tasks', 'queue', 'uncommitted.json'), '{"task_id": "uncommitted"}');

  const site = join(grid.dir, 'site');
  const run = await runAction(
    BUNDLE,
    { path: checkout, 'output-dir': site, title: 'Test grid' },
    { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/grid' },
  );
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  const status = JSON.parse(await readFile(join(site, 'status.json'), 'utf8'));
  assert.deepEqual(run.outputs, {
    ...Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, String(v)])),
    'nodes-online': '1',
    'recommended-workers': String(status.recommended_workers),
  });
  assert.ok(status.recommended_workers >= 1, 'a queued task and a running one need a worker');
  assert.equal(status.title, 'Test grid');
  assert.equal(status.repository_url, 'https://github.com/octo/grid');
  assert.deepEqual(status.counts, {
    queued: 1,
    queued_by_priority: { high: 1, normal: 0, low: 0 },
    in_progress: 1,
    completed: 4,
    failed: 1,
    nodes_online: 1,
    nodes_total: 3,
  });
  assert.deepEqual(status.nodes.map((n: { node_id: string; status: string }) => `${n.node_id} ${n.status}`).sort(), [
    'node-a offline',
    'node-b offline',
    'node-slow online',
  ]);

  assert.match(run.summary, /^## Test grid$/m);
  assert.match(run.summary, /\| 1 \(high 1, normal 0, low 0\) \| 1 \| 4 \| 1 \| 1 of 3 \|/);
  assert.match(run.summary, /`node-slow` \| online/);

  const history = /history of (\d+) commits read in \d+ ms \((\d+) points\)/.exec(run.stdout);
  assert.ok(history, run.stdout);
  const commits = Number(
    (
      await git(
        ['rev-list', '--count', 'HEAD', '--', 'tasks/queue', 'tasks/in_progress', 'tasks/completed', 'tasks/failed'],
        {
          cwd: checkout,
        },
      )
    ).trim(),
  );
  assert.equal(Number(history[1]), commits);
  assert.equal(Number(history[2]), commits, 'a short history keeps a point per commit');
  assert.ok(commits >= 4, `only ${commits} commits`);

  const index = await readFile(join(site, 'index.html'), 'utf8');
  assert.match(index, /Test grid/);
  assert.match(index, /needs-gpu/);
  assert.doesNotMatch(index, /uncommitted/);
  assert.ok((await stat(join(site, 'submit.html'))).isFile());
});

test('the history ends at the counts of HEAD, in time order, and a bare repository is read in place', async (t) => {
  const { grid, checkout } = await workedGrid(t);
  // The bare grid moved on since the clone: the slow task went back to the queue when its node stopped.
  for (const path of [checkout, grid.bare]) {
    const input = await collectDashboard({ path, pathSetting: '--path', title: 't', branch: 'main' });
    const counts = {
      queued: await filesIn(path, 'tasks/queue'),
      running: await filesIn(path, 'tasks/in_progress'),
      completed: await filesIn(path, 'tasks/completed'),
      failed: await filesIn(path, 'tasks/failed'),
    };
    const last = input.history.at(-1)!;
    assert.deepEqual(
      { queued: last.queued, running: last.running, completed: last.completed, failed: last.failed },
      counts,
    );
    assert.deepEqual(
      {
        queued: input.queued.length,
        running: input.running.length,
        completed: input.completed.length,
        failed: input.failed.length,
      },
      counts,
    );
    const first = input.history[0]!;
    assert.equal(first.running + first.completed + first.failed, 0, 'the first commit only submits');
    for (let i = 1; i < input.history.length; i++) {
      assert.ok(input.history[i]!.time >= input.history[i - 1]!.time, 'time never goes back');
    }
  }
  const config = await readFile(join(grid.bare, 'config'), 'utf8');
  assert.doesNotMatch(config, /remote "grid"|gc\.auto/, "a local repository's config is left alone");
});

test('the history of a forked grid starts with the grid, not with the project it was forked from', async (t) => {
  const grid = await gridFor(t);
  const repo = join(grid.dir, 'fork.git');
  await git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  const project = 1_600_000_000;
  const forked = project + 400 * 86_400;
  const commit = (time: number, ...changes: string[]) => [
    'commit refs/heads/main',
    `committer t <t@dgrid> ${time} +0000`,
    'data 1',
    'c',
    ...changes.flatMap((c) => (c.startsWith('D ') ? [c] : [`M 100644 inline ${c}`, 'data 2', '{}'])),
    '',
  ];
  const lines = [
    // The project's own development: an example task, long before anybody forked it.
    ...commit(project, 'tasks/queue/demo-task-001.json'),
    ...commit(project + 86_400, 'README.md'),
    // The fork: a submission, then a node claims both tasks and finishes one.
    ...commit(forked, 'tasks/queue/mine.json'),
    ...commit(
      forked + 60,
      'D tasks/queue/mine.json',
      'D tasks/queue/demo-task-001.json',
      'tasks/in_progress/n1/mine.json',
      'tasks/in_progress/n1/demo-task-001.json',
    ),
    ...commit(forked + 90, 'D tasks/in_progress/n1/mine.json', 'tasks/completed/2024-01-01/00/mine.json'),
  ];
  await git(['fast-import', '--quiet'], { cwd: repo, input: lines.join('\n') + '\n' });
  const store = await GridStore.local(repo);
  const history = await gridHistory(store, (await store.resolve('HEAD'))!);
  assert.equal(history.commits, 4, 'every commit that touched tasks/ is read');
  assert.deepEqual(
    history.points.map((p) => [p.time.getTime() / 1000, p.queued, p.running, p.completed]),
    [
      [forked, 2, 0, 0],
      [forked + 60, 0, 2, 0],
      [forked + 90, 0, 1, 1],
    ],
  );

  // A grid that never ran a task has no past worth a time axis: only its present.
  const idle = join(grid.dir, 'idle.git');
  await git(['init', '--quiet', '--bare', '--initial-branch=main', idle]);
  await git(['fast-import', '--quiet'], {
    cwd: idle,
    input: lines.slice(0, lines.indexOf('', 10) + 1).join('\n') + '\n',
  });
  const idleStore = await GridStore.local(idle);
  const idleHistory = await gridHistory(idleStore, (await idleStore.resolve('HEAD'))!);
  assert.equal(idleHistory.points.length, 1);
});

test('a long history is thinned to a few hundred points, a minute apart at most over the last hour', async (t) => {
  const grid = await gridFor(t);
  // 3,000 commits a minute apart, each adding a task and finishing the one before: two days of history.
  const repo = join(grid.dir, 'long.git');
  await git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  const start = MINUTE_COMMITS_START;
  await minuteCommits(repo, 0, 3000);
  const store = await GridStore.local(repo);
  const history = await gridHistory(store, (await store.resolve('HEAD'))!);
  assert.equal(history.commits, 3000);
  assert.ok(history.points.length <= 400, `${history.points.length} points`);
  assert.ok(history.points.length >= 300, `${history.points.length} points`);
  assert.deepEqual(history.points[0], {
    time: new Date(start * 1000),
    queued: 1,
    running: 0,
    completed: 0,
    failed: 0,
  });
  assert.deepEqual(history.points.at(-1), {
    time: new Date((start + 2999 * 60) * 1000),
    queued: 1,
    running: 0,
    completed: 2999,
    failed: 0,
  });
  const lastHour = history.points.filter((p) => p.time.getTime() > (start + 2999 * 60 - 3600) * 1000);
  assert.ok(lastHour.length >= 59, `${lastHour.length} points in the last hour`);
});

test('a render keeps where it read the history to: the next reads only the commits since and draws the same', async (t) => {
  const grid = await gridFor(t);
  const repo = join(grid.dir, 'kept.git');
  await git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  const start = MINUTE_COMMITS_START;
  const commits = (from: number, to: number) => minuteCommits(repo, from, to);
  await commits(0, 2000);
  const store = await GridStore.local(repo);
  const first = await gridHistory(store, (await store.resolve('HEAD'))!);
  assert.equal(first.resumed, false);
  await commits(2000, 2600);
  const tip = (await store.resolve('HEAD'))!;
  const whole = await gridHistory(store, tip);
  const resumed = await gridHistory(store, tip, first.kept);
  assert.equal(resumed.resumed, true, 'read from the kept history');
  assert.equal(resumed.commits, 2600);
  assert.deepEqual(resumed.points.at(-1), whole.points.at(-1), 'the same counts at the tip');
  assert.deepEqual(resumed.points[0], whole.points[0], 'the same start');
  assert.ok(resumed.points.length <= 400 && resumed.points.length >= 300, `${resumed.points.length} points`);
  const lastHour = resumed.points.filter((p) => p.time.getTime() > (start + 2599 * 60 - 3600) * 1000);
  assert.ok(lastHour.length >= 59, `${lastHour.length} points in the last hour`);

  // A kept history whose tip the branch no longer holds (a rewritten history) is read whole.
  const stranger = { ...first.kept!, tip: 'f'.repeat(40) };
  const rewritten = await gridHistory(store, tip, stranger);
  assert.equal(rewritten.resumed, false);
  assert.deepEqual(rewritten.points, whole.points);
});

test('dgrid render keeps history.json with the site and reads only the commits since on the next render', async (t) => {
  const { grid, checkout } = await workedGrid(t);
  const site = join(grid.dir, 'kept-site');
  await git(['pull', '--quiet', grid.bare, 'main'], { cwd: checkout });
  const first = await cli(['render', '--path', checkout, '--output-dir', site, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const kept = JSON.parse(await readFile(join(site, 'history.json'), 'utf8'));
  assert.equal(kept.tip, (await git(['rev-parse', 'HEAD'], { cwd: checkout })).trim());
  await grid.submit([{ task_id: 'later', script: 'true' }]);
  await git(['pull', '--quiet', grid.bare, 'main'], { cwd: checkout });
  const second = await cli(['render', '--path', checkout, '--output-dir', site, '--json']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, new RegExp(`from the kept history at ${kept.tip.slice(0, 12)}`));
  const after = JSON.parse(await readFile(join(site, 'history.json'), 'utf8'));
  assert.equal(after.commits, kept.commits + 1, 'one commit more: the submission');
  assert.equal(after.points.at(-1).queued, JSON.parse(second.stdout).counts.queued);
  // A hand-edited file is ignored: the history is read whole.
  await writeFile(join(site, 'history.json'), '{"tip": "not a commit"}');
  const third = await cli(['render', '--path', checkout, '--output-dir', site, '--json']);
  assert.equal(third.code, 0, third.stderr);
  assert.doesNotMatch(third.stderr, /from the kept history/);
});

test('dgrid render writes the site of a checkout and says where it is', async (t) => {
  const { grid, checkout } = await workedGrid(t);
  const site = join(grid.dir, 'cli-site');
  const json = await cli(['render', '--path', checkout, '--output-dir', site, '--title', 'CLI grid', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.index, join(site, 'index.html'));
  assert.deepEqual(report.counts, { queued: 1, in_progress: 1, completed: 4, failed: 1, nodes_online: 1 });
  assert.ok(report.history_points >= 4);
  assert.match(await readFile(report.index, 'utf8'), /CLI grid/);

  const text = await cli(['render', '--path', checkout, '--output-dir', site]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /queued 1 {2}in progress 1 {2}completed 4 {2}failed 1/);
  assert.match(text.stdout, new RegExp(`Dashboard: ${join(site, 'index.html')}`));

  // A broken file costs its own row, not the dashboard, and the log names it.
  await writeFile(join(checkout, 'tasks', 'queue', 'broken.json'), '{"task_id": ');
  await git(['add', '.'], { cwd: checkout });
  await git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'broken'], { cwd: checkout });
  const broken = await cli(['render', '--path', checkout, '--output-dir', site, '--json']);
  assert.equal(broken.code, 0, broken.stderr);
  assert.equal(JSON.parse(broken.stdout).counts.queued, 1);
  assert.match(
    broken.stderr,
    /warning: left 1 unreadable record off the dashboard: tasks\/queue\/broken.json: not valid JSON/,
  );
});

test('a path that is not a checkout fails, naming the input and the fix', async (t) => {
  const grid = await gridFor(t);
  const plain = join(grid.dir, 'not-a-repo');
  await mkdir(plain);
  const run = await runAction(BUNDLE, { path: plain, 'output-dir': join(grid.dir, 'site') });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /::error::input "path" is ".*not-a-repo", which is not a git repository/);
  assert.match(run.stdout, /point input "path" at a checkout of the grid \(git clone, or actions\/checkout/);

  const missing = await runAction(BUNDLE, { path: join(grid.dir, 'missing') });
  assert.equal(missing.exitCode, 1);
  assert.match(missing.stdout, /::error::input "path" is ".*missing", which is not a folder/);

  const badUrl = await runAction(BUNDLE, { path: grid.bare, 'repository-url': 'http://example.com/grid' });
  assert.equal(badUrl.exitCode, 1);
  assert.match(
    badUrl.stdout,
    /::error::input "repository-url" is "http:\/\/example.com\/grid": give the grid's https URL/,
  );

  const viaCli = await cli(['render', '--path', plain, '--output-dir', join(grid.dir, 'site')]);
  assert.equal(viaCli.code, 1);
  assert.match(viaCli.stderr, /^dgrid: --path is ".*not-a-repo", which is not a git repository/);
});

test('a shallow clone renders with a warning that the charts cover only its commits', async (t) => {
  const { grid } = await workedGrid(t);
  const shallow = join(grid.dir, 'shallow');
  await git(['clone', '--quiet', '--depth=1', `file://${grid.bare}`, shallow]);
  const run = await runAction(BUNDLE, { path: shallow, 'output-dir': join(grid.dir, 'site') });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.completed, '4');
  // The slow task went back to the queue when its node stopped, after the full clone.
  assert.equal(run.outputs.queued, '2');
  assert.equal(await filesIn(shallow, 'tasks/queue'), 2);
  assert.match(
    run.stdout,
    /::warning::.*shallow clone, so the charts cover only the 1 commit it holds: .*fetch-depth: 0/,
  );
});

test('the dashboard skips what is not a file in nodes/ and tasks/ (a submodule), with a warning naming each', async (t) => {
  const grid = await gridFor(t);
  await grid.submit(noopTasks(1));
  const tip = (await git(['rev-parse', 'main'], { cwd: grid.bare })).trim();
  const submodule = { mode: '160000', sha: tip };
  await pushDirectly(grid, [
    { path: 'nodes/sub.json', existing: submodule },
    { path: 'tasks/completed/2025-01-01/00/sub.json', existing: submodule },
  ]);
  const warnings: string[] = [];
  const input = await collectDashboard({
    path: grid.bare,
    pathSetting: '--path',
    title: 't',
    branch: 'main',
    log: { ...silentLog, warn: (m: string) => warnings.push(m) },
  });
  assert.deepEqual([input.queued.length, input.completed.length, input.nodes.length], [1, 0, 0]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /^left 2 unreadable records off the dashboard: /);
  assert.match(warnings[0]!, /nodes\/sub\.json is a submodule, not a file: skipped/);
  assert.match(warnings[0]!, /tasks\/completed\/2025-01-01\/00\/sub\.json is a submodule, not a file: skipped/);
});
