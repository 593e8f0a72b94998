// A hostile node beside an honest one on a grid whose policy wants signed commits: each of its misdeeds is void
// for every reader, one reaper run restores all it changed and quarantines it, and the honest node's work is
// untouched (its claim rewritten under it still finishes as its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateNodeKey } from '../src/admin/node-key.js';
import { GridStore } from '../src/git/store.js';
import { git } from '../src/git/runner.js';
import { CommitChecker } from '../src/protocol/commit-check.js';
import { silentLog } from '../src/common/log.js';
import { reap } from '../src/upkeep/reaper.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { collectDashboard } from '../src/dashboard/collect.js';
import { HostileNode, MISDEEDS, type Committed, type MisdeedName } from './faults/hostile.js';
import { gridFor, type TestGrid } from './helpers/grid.js';

const POLICY = {
  nodes: { signed_commits: true },
  lease: { heartbeat_seconds: 1, node_timeout_seconds: 30, grace_seconds: 5 },
  retry_backoff_seconds: 0,
};

async function keys(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-keys-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

async function hostileOn(grid: TestGrid, dir: string, nodeId = 'h1'): Promise<HostileNode> {
  const key = join(dir, nodeId);
  const publicKey = await generateNodeKey(key, nodeId);
  const store = await GridStore.open({
    remote: grid.remote,
    branch: 'main',
    dir: join(grid.dir, `cache-${nodeId}`),
    signingKey: key,
  });
  return new HostileNode(nodeId, store, publicKey);
}

test('a hostile node: every misdeed is void, one reaper run restores it all and quarantines the node', async (t) => {
  const grid = await gridFor(t, POLICY);
  const dir = await keys(t);
  const honestKey = join(dir, 'n1');
  await generateNodeKey(honestKey, 'n1');
  await grid.submit([
    { task_id: 'slow', script: 'sleep 5; echo slow' },
    ...['a', 'b', 'c', 'd'].map((id) => ({ task_id: id, script: `echo ${id}` })),
  ]);
  const hostile = await hostileOn(grid, dir);
  await hostile.join();
  const before = await grid.store.fetch();

  const worker = grid.worker({ nodeId: 'n1', signingKey: honestKey, idleTimeoutSeconds: 4 });
  const running = worker.run();
  await until('n1 holds a claim', async () => (await grid.snapshot()).of('in_progress').length > 0);
  const deeds: Committed[] = [];
  for (const misdeed of Object.keys(MISDEEDS) as MisdeedName[]) {
    // A lost race against the worker: try again on the new tip.
    for (let i = 0; i < 20; i++) {
      const deed = await hostile.commit(misdeed);
      if (deed) {
        deeds.push(deed);
        break;
      }
    }
  }
  assert.deepEqual(
    deeds.map((d) => d.misdeed),
    Object.keys(MISDEEDS),
  );

  // A reader that starts before the misdeeds finds each void, for the reason its rule gives.
  const reader = new CommitChecker(grid.store.options.dir);
  const policy = await (await grid.snapshot()).policy();
  const tip = await grid.store.fetch();
  const outcome = await reader.check(tip!, policy, before!);
  const voided = new Map(outcome.voided.map((v) => [v.commit, v.problems.join('; ')]));
  for (const deed of deeds)
    assert.ok(
      voided.has(deed.commit),
      `${deed.misdeed} (${deed.commit}) is void: ${JSON.stringify([...voided], null, 1)} ${outcome.checked} ${outcome.rebased}`,
    );
  assert.equal(voided.size, deeds.length, 'only the hostile commits are void');
  assert.match(voided.get(deeds.find((d) => d.misdeed === 'edit-policy')!.commit)!, /policy/);
  assert.ok(reader.quarantined.has('h1'));

  // The dashboard shows the grid as it was before the misdeeds: no forged result, the deleted task queued.
  const shown = await collectDashboard({ path: grid.bare, pathSetting: '--path', title: 't', branch: 'main' });
  const forged = deeds.find((d) => d.misdeed === 'forge-result')!.target;
  const deleted = deeds.find((d) => d.misdeed === 'delete-queued')!.target;
  assert.ok(!shown.completed.some((r) => r.task_id === forged), 'no forged result on the dashboard');
  assert.ok(
    [...shown.queued, ...shown.running].some((t) => t.task_id === deleted),
    'the deleted task still queued',
  );
  assert.equal(shown.nodes.find((n) => n.node_id === 'h1')?.status, 'quarantined');

  // One reaper run restores every path and quarantines the node.
  const report = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  assert.deepEqual(
    report.actions
      .filter((a) => a.action === 'restore')
      .map((a) => a.subject)
      .sort(),
    deeds.map((d) => d.commit).sort(),
  );
  assert.ok(report.actions.some((a) => a.action === 'quarantine' && a.subject === 'h1'));
  const message = await git(['log', '-1', '--format=%B', report.commits[0]!], { cwd: grid.bare });
  for (const deed of deeds) assert.match(message, new RegExp(`^Restores: ${deed.commit}$`, 'm'));

  const after = await reader.check((await grid.store.fetch())!, policy);
  assert.deepEqual(after.voided, [], 'the restoring commit is valid');
  assert.equal(reader.overlay.size, 0, 'nothing is left to restore');

  await running;
  const results = await grid.results();
  assert.deepEqual([...results.keys()].sort(), ['a', 'b', 'c', 'd', 'slow']);
  for (const [id, result] of results) {
    assert.equal(result.node_id, 'n1', `${id} ran on the honest node`);
    assert.equal(result.status, 'success');
  }
  const snapshot = await grid.snapshot();
  assert.equal((await snapshot.node('h1'))?.status, 'quarantined');
  assert.equal((await snapshot.policy()).nodes.signed_commits, true, 'the policy is the maintainers’ again');

  // The quarantined node, started as a worker with its key, refuses to run.
  const quarantined = grid.worker({ nodeId: 'h1', signingKey: join(dir, 'h1'), idleTimeoutSeconds: 1 });
  await assert.rejects(quarantined.run(), /node h1 is quarantined/);

  const audit = await auditGrid(grid.bare);
  const voidViolations = audit.violations.filter((v) => v.rule === 'void');
  assert.deepEqual(voidViolations.map((v) => v.commit).sort(), deeds.map((d) => d.commit).sort());
  assert.deepEqual(
    audit.violations.filter((v) => v.rule !== 'void').map((v) => `${v.rule}: ${v.message}`),
    [],
    'the audit reads past what the void commits did',
  );
});

test('a node that starts after a void commit judges the reaper restoring it as every other reader does, and runs the restored task', async (t) => {
  const grid = await gridFor(t, POLICY);
  const dir = await keys(t);
  const honestKey = join(dir, 'n1');
  await generateNodeKey(honestKey, 'n1');
  await grid.submit([{ task_id: 'victim', script: 'echo victim' }]);
  const hostile = await hostileOn(grid, dir);
  await hostile.join();
  let forged: Committed | undefined;
  for (let i = 0; i < 20 && !forged; i++) forged = await hostile.commit('forge-result');
  assert.equal(forged?.target, 'victim');

  // The node starts on a tip whose forged result is not restored yet; the restore lands after its first round.
  const worker = grid.worker({ nodeId: 'n1', signingKey: honestKey, idleTimeoutSeconds: 4 });
  const running = worker.run();
  await until('n1 has made its first commit', async () => (await grid.snapshot()).nodeEntries.has('n1'));
  await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
  const report = await running;
  assert.equal(report.completed, 1, 'n1 ran the task the reaper put back in the queue');
  const victim = (await grid.results()).get('victim');
  assert.equal(victim?.node_id, 'n1');
});
