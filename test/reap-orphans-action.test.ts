import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QueuedTask } from '../src/protocol/schemas.js';
import { distPath, runAction } from './helpers/action.js';
import { runCli } from './helpers/cli.js';
import { gridFor, noopTasks } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';
import { plantClaims } from './reap-fixtures.js';

/** The bundle under test: CI tests the committed one; set DGRID_REAP_DIST to test a fresh build. */
const BUNDLE = process.env.DGRID_REAP_DIST ?? distPath('reap-orphans');
const FAST = { lease: { node_timeout_seconds: 10, grace_seconds: 0, heartbeat_seconds: 1 } };

test('the built action, driven as the runner drives it over smart HTTP, sets its outputs and writes the summary', async (t) => {
  const grid = await gridFor(t, FAST);
  const token = 'ghs_reaperSECRET0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit(noopTasks(3));
  await plantClaims(grid, 'ghost', ['t000', 't001'], { heartbeatAgeSeconds: 60 });
  const repository = `${server.url}/grid.git`;
  const run = await runAction(BUNDLE, { repository, token, 'node-timeout-seconds': '30', 'dry-run': 'false' });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(run.outputs, { requeued: '2', failed: '0', 'nodes-offline': '1' });
  assert.match(run.summary, /<h2>dgrid reap-orphans<\/h2>/);
  assert.match(run.summary, /<tr><td>requeue<\/td><td>t000<\/td><td>node ghost is silent since [^<]+<\/td><\/tr>/);
  assert.match(run.summary, /<tr><td>offline<\/td><td>ghost<\/td>/);
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('queue').length, 3);
  const requeued = (await snapshot.readJson(snapshot.of('queue'))).values();
  assert.equal([...requeued].filter((t) => (t as QueuedTask).attempts?.[0]?.status === 'orphaned').length, 2);
  const logLines = (run.stdout + run.stderr).split('\n').filter((l) => l.includes(token));
  assert.deepEqual(logLines, [`::add-mask::${token}`], 'token in the log');
  assert.ok(
    server.requests.every((r) => !r.includes(token)),
    'token in a URL',
  );

  const again = await runAction(BUNDLE, { repository, token });
  assert.deepEqual(again.outputs, { requeued: '0', failed: '0', 'nodes-offline': '0' });
  assert.match(again.summary, /Nothing to do/);

  const wrong = await runAction(BUNDLE, { repository, token, 'node-timeout-seconds': '1' });
  assert.equal(wrong.exitCode, 1);
  assert.match(wrong.stdout, /::error::node timeout 1 s is not longer than this grid's heartbeat interval/);
});

test('the action and dgrid reap refuse the same node timeout for the same reason', async (t) => {
  const grid = await gridFor(t, FAST);
  const action = await runAction(BUNDLE, { repository: grid.remote, 'node-timeout-seconds': '30.5' });
  assert.match(action.stdout, /::error::input "node-timeout-seconds" is "30\.5": give a whole number from 1 to /);
  const cli = await runCli(['reap', '--repository', grid.remote, '--node-timeout-seconds', '30.5']);
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /--node-timeout-seconds is "30\.5": give a whole number from 1 to /);
});
