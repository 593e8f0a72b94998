import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError, classify } from '../src/git/runner.js';
import { isRateLimited, retryAfterIn } from '../src/git/rate-limit.js';
import { PushBudget, prefetchFor } from '../src/node/push-budget.js';
import { gridFor, noopTasks, runAll } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;

const GIT_429 =
  "remote: Too many requests\nfatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 429\n";

test('rate limit: what git prints of a 429 or a secondary-rate-limit 403 is told from a refused token', () => {
  assert.equal(classify(GIT_429), 'rate-limited');
  const secondary =
    'remote: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\n' +
    "fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403\n";
  assert.equal(classify(secondary), 'rate-limited');
  assert.equal(classify("fatal: unable to access 'https://x/': The requested URL returned error: 403\n"), 'auth');
  assert.equal(isRateLimited('error: RPC failed; HTTP 429 curl 22 The requested URL returned error: 429'), true);
  assert.equal(new GitError(['fetch'], 'rate-limited', 128, `remote: Retry-After: 7\n${GIT_429}`).retryAfterMs, 7000);
  assert.equal(retryAfterIn('remote: please retry after 2 minutes'), 120_000);
  assert.equal(retryAfterIn('remote: try again in 30 seconds'), 30_000);
  const now = Date.parse('2026-12-07T10:00:00Z');
  assert.equal(retryAfterIn('Retry-After: Mon, 07 Dec 2026 10:00:09 GMT', now), 9000);
  assert.equal(retryAfterIn(GIT_429), undefined, 'no wait named: the store asks the server');
});

test('push budget: a token at most is saved, a push early leaves a debt, and the rate can change', () => {
  let now = 0;
  const budget = new PushBudget(6, () => now);
  assert.equal(budget.wait(), 0, 'a first push at once');
  budget.spend();
  assert.equal(budget.wait(), 10_000);
  now += 60_000;
  assert.equal(budget.wait(), 0);
  budget.spend();
  assert.equal(budget.wait(), 10_000, 'a minute idle saved one push, not six');
  budget.spend();
  assert.equal(budget.wait(), 20_000, 'a push made anyway is paid for by the next');
  budget.setRate(12);
  assert.equal(budget.wait(), 10_000);
  budget.setRate(Infinity);
  assert.equal(budget.wait(), 0);
  assert.equal(budget.rate, 0, 'no limit');
});

test('push budget with turns: a push waits for its turn, and one that lost its race retries within it', () => {
  let now = 0;
  // 6 pushes a minute, this node's turns 3 s past every 10 s (its slots of the budget's train, 2.5 s each);
  // its token is three quarters whole at its turns, as when it pushes at every one.
  const budget = new PushBudget(6, () => now, 0.45);
  const turns = { offsetMs: 3_000, everyMs: 10_000, slotMs: 2_500 };
  budget.setRate(6, turns);
  assert.equal(budget.wait(), 3_000, 'the turn');
  now = 3_000;
  assert.equal(budget.wait(), 0);
  // The round read the tip, built its commit and lost the race: 1.5 s later it tries again.
  now = 4_500;
  budget.setRate(6, turns);
  assert.equal(budget.wait(), 0, 'still its turn');
  budget.spend();
  assert.equal(budget.wait(), 8_500, 'the next turn keeps its place');
  // A round that lost its race past its slot waits for its next turn, even with its token whole by then.
  now = 13_000;
  assert.equal(budget.wait(), 0);
  now = 16_000;
  assert.equal(budget.wait(), 7_000);
});

test('push budget with turns: a share below an even split skips turns, at its rate, however it moves; one above it ignores them', () => {
  let now = 0;
  // 5 pushes a minute (a push every 12 s) with a turn every 10 s: five turns of six.
  const budget = new PushBudget(5, () => now, 0);
  const turns = { offsetMs: 3_000, everyMs: 10_000, slotMs: 2_500 };
  const at: number[] = [];
  for (now = 0; now < 600_000; now += 100) {
    // Each round reads its share anew from the history it fetched: it moves a little, the turns do not.
    budget.setRate(5 + 0.2 * Math.sin(now / 7_000), turns);
    if (budget.wait() === 0) {
      budget.spend();
      at.push(now);
    }
  }
  assert.ok(at.length >= 49 && at.length <= 51, `${at.length} pushes in 10 minutes at 5 a minute`);
  assert.deepEqual(
    at.filter((t) => t % 10_000 !== 3_000),
    [],
    'every push at a turn',
  );
  // 12 pushes a minute, more than one turn every 10 s gives: the train is what limits it, a push every turn.
  const above = new PushBudget(12, () => now, 0);
  above.setRate(12, turns);
  assert.equal(above.wait(), 13_000, 'the first turn with its token nearly whole');
  now += 13_000;
  assert.equal(above.wait(), 0);
  above.spend();
  assert.equal(above.wait(), 10_000, 'then every turn');
  assert.equal(above.rate, 6, 'one push a turn, for which its claims are sized');
});

test('push budget with turns: a node that leaves them saves one push at most, never a burst', () => {
  let now = 0;
  const budget = new PushBudget(5, () => now, 0);
  budget.setRate(5, { offsetMs: 3_000, everyMs: 10_000, slotMs: 2_500 });
  now = 60_000;
  assert.equal(budget.wait(), 3_000, 'two pushes saved, at its turn');
  budget.setRate(5);
  assert.equal(budget.wait(), 0);
  budget.spend();
  assert.equal(budget.wait(), 12_000, 'one push saved at most');
});

test('prefetch: sized so that the slots stay busy until the next turn, never below the setting', () => {
  // 6 pushes a minute: a turn every 10 s, in which 4 slots run 200 tasks of 0.2 s (and a quarter more).
  assert.equal(prefetchFor({ slots: 4, perMinute: 6, taskMs: 200, configured: 0, max: 1000 }), 254);
  assert.equal(prefetchFor({ slots: 4, perMinute: 6, taskMs: 200, configured: 0, max: 100 }), 100);
  assert.equal(prefetchFor({ slots: 4, perMinute: 6, taskMs: 60_000, configured: 2, max: 256 }), 5);
  assert.equal(prefetchFor({ slots: 4, perMinute: 6, taskMs: undefined, configured: 3, max: 256 }), 3);
  assert.equal(prefetchFor({ slots: 4, perMinute: 0, taskMs: 200, configured: 3, max: 256 }), 3, 'no budget');
});

test('prefetch: a node about to stop holds no more than its slots can start before it does', () => {
  const view = { slots: 4, perMinute: 6, taskMs: 200, configured: 0, max: 1000, turnMs: 20_000 };
  assert.equal(prefetchFor({ ...view, untilStopMs: 60_000 }), 504, 'a minute left: the turn sets it');
  assert.equal(prefetchFor({ ...view, untilStopMs: 2_000 }), 40, 'two seconds left: 4 slots x 10 tasks');
  assert.equal(prefetchFor({ ...view, untilStopMs: -5 }), 0, 'past its stop');
  assert.equal(prefetchFor({ ...view, configured: 50, perMinute: 0, untilStopMs: 1_000 }), 20, 'the setting too');
});

test('prefetch: turns that lost races last longer than the share says, and the claims cover them', () => {
  const view = { slots: 4, perMinute: 6, taskMs: 200, configured: 0, max: 1000 };
  // Lost races made the turns 20 s, not the share's 10: the slots run twice as many tasks between pushes.
  assert.equal(prefetchFor({ ...view, turnMs: 20_000 }), 504);
  assert.equal(prefetchFor({ ...view, turnMs: 5_000 }), 254, 'a turn shorter than the share: the share sets it');
  assert.equal(
    prefetchFor({ ...view, turnMs: 600_000 }),
    1000,
    'a turn that spanned idle time counts a few turns at most',
  );
  assert.equal(prefetchFor({ ...view, max: 2000, turnMs: 600_000 }), 1004);
});

test('rate limit: a 429 with Retry-After makes the node wait at least that long, then it succeeds', async (t) => {
  for (const status of [429, 403] as const) {
    const token = 'budget-token';
    const grid = await gridFor(t);
    const server = await serveGit(grid.dir, token);
    t.after(() => server.close());
    await grid.submit(noopTasks(2));
    const remote = `${server.url}/grid.git`;
    server.rateLimit(3000, status);
    const started = Date.now();
    const [report] = await runAll([grid.worker({ remote, token, nodeId: `limited-${status}`, slots: 2 })]);
    assert.equal(report!.completed, 2, `${status}: the node succeeds once the limit ends`);
    assert.ok(Date.now() - started >= 3000, `${status}: it waited out the Retry-After`);
    // The refused fetch, and the one request that asked the server how long to wait: no retries within it.
    assert.ok(server.rateLimited <= 2, `${status}: ${server.rateLimited} refused requests`);
  }
});

test('rate limit: a command (submit, status, reap) waits out a 429 with Retry-After instead of failing', async (t) => {
  const token = 'budget-token';
  const grid = await gridFor(t);
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  const remote = `${server.url}/grid.git`;
  const taskFile = join(grid.dir, 'limited.json');
  await writeFile(taskFile, JSON.stringify({ task_id: 'limited', script: 'true' }));
  const env = { ...process.env, TMPDIR: grid.dir, DGRID_TOKEN: token };
  for (const args of [
    ['submit', taskFile, '--repository', remote],
    ['status', '--repository', remote, '--json'],
    ['reap', '--repository', remote],
  ]) {
    server.rateLimit(2000);
    const started = Date.now();
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    assert.equal(run.code, 0, `${args[0]}: ${run.stderr}`);
    assert.ok(Date.now() - started >= 2000, `${args[0]} waited out the Retry-After`);
  }
  assert.ok((await grid.snapshot()).byId.has('limited'), 'the submitted task is queued');
});

test('push budget: nodes against one remote together keep within the branch budget', async (t) => {
  // A budget even a busy machine exceeds without sharing: three nodes each at 12 a minute would push 36.
  const budget = 12;
  const grid = await gridFor(t, { push_budget_per_minute: budget });
  // Tasks of half a second: at every turn a node has results to push, so the budget binds.
  await grid.submit(noopTasks(300).map((task) => ({ ...task, script: 'sleep 0.5' })));
  // The server notes when each push lands, and what it does.
  const landed = join(grid.bare, 'landed');
  await writeFile(landed, '');
  await writeFile(
    join(grid.bare, 'hooks', 'post-receive'),
    `#!/bin/sh\nwhile read old new ref; do echo "$(date +%s%3N) $(git log -1 --format=%s $new)"; done >> ${landed}\n`,
    { mode: 0o755 },
  );
  const workers = Array.from({ length: 3 }, (_, i) =>
    grid.worker({ nodeId: `b${i}`, slots: 2, cpus: 64, maxRuntimeMinutes: 1, idleTimeoutSeconds: 90 }),
  );
  await runAll(workers);
  const lines = (await readFile(landed, 'utf8')).split('\n').filter(Boolean);
  // Once every node has registered (its first push; nodes that start together cannot know of each other
  // before), and without the sign-offs, which a stopping node pushes at once.
  const registered = Math.max(...workers.map((_, i) => lines.findIndex((line) => line.includes(`dgrid: b${i}:`))));
  const running = lines.slice(registered).filter((line) => !line.endsWith('go offline'));
  const times = running.map((line) => Number(line.split(' ')[0]));
  // The rate over that window: pushes after its first, per minute of it.
  const perMinute = ((times.length - 1) * 60_000) / (times.at(-1)! - times[0]!);
  t.diagnostic(`${times.length} pushes in ${(times.at(-1)! - times[0]!) / 1000} s: ${perMinute.toFixed(1)} a minute`);
  assert.ok(times.length >= 6, `the nodes kept pushing (${times.length})`);
  assert.ok(perMinute <= budget * 1.1, `${perMinute.toFixed(1)} pushes a minute, budget ${budget} + 10%`);
});

test('a node waiting for its push turn still stops at max-runtime-minutes, and signs off', async (t) => {
  // One push a minute: after its first push a node waits a whole minute for the next.
  const grid = await gridFor(t, { push_budget_per_minute: 1 });
  await grid.submit(noopTasks(3));
  const worker = grid.worker({ nodeId: 'patient', slots: 1, maxRuntimeMinutes: 0.1, idleTimeoutSeconds: 0 });
  const started = Date.now();
  const report = await worker.run();
  const seconds = (Date.now() - started) / 1000;
  assert.match(report.stopReason ?? '', /max-runtime-minutes/);
  assert.ok(seconds < 20, `stopped ${seconds.toFixed(1)} s after it started, for a max-runtime of 6 s`);
  const node = JSON.parse(
    (
      await grid.store.readOne((await grid.store.list((await grid.store.fetch())!, ['nodes/patient.json']))[0]!.sha)
    ).toString(),
  );
  assert.equal(node.status, 'offline', 'it signed off');
});

test('a node decides whether to claim after it waited for its push turn, not before', async (t) => {
  // Six pushes a minute for one node: its first push waits half a period (5 s) for its token.
  t.mock.method(Math, 'random', () => 0.5);
  const grid = await gridFor(t, { push_budget_per_minute: 6 });
  await grid.submit(noopTasks(3));
  const worker = grid.worker({ nodeId: 'gate', slots: 1, maxRuntimeMinutes: 0.2, idleTimeoutSeconds: 0 });
  // The node has no room to claim for its first 2 s (as when it holds all the claims it wants, and its
  // tasks are about to run them down): by the time its turn comes, it has.
  const opens = Date.now() + 2_000;
  const seen = worker as unknown as { claimRoom(): number };
  const room = seen.claimRoom.bind(worker);
  seen.claimRoom = () => (Date.now() < opens ? 0 : room());
  await worker.run();
  const subjects = execFileSync('git', ['-C', grid.bare, 'log', '--reverse', '--format=%s', 'main'], {
    encoding: 'utf8',
  }).split('\n');
  const first = subjects.find((s) => s.includes('gate:'));
  assert.match(first ?? '', /claim 1/, `its first push claims what it has room for: ${first}`);
});
