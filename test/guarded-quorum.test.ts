// Quorum tasks on a guarded grid (signed commits): replica claims, replica runs, the concluding commit with its
// reputation writes and the reaper's return of an orphaned replica keep the commit rules; nothing honest is void.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKey } from '../src/admin/node-key.js';
import { CommitChecker } from '../src/protocol/commit-check.js';
import { auditGrid, formatViolation } from '../src/upkeep/audit.js';
import { gridFor, runAll } from './helpers/grid.js';

const POLICY = {
  nodes: { signed_commits: true },
  lease: { heartbeat_seconds: 1, node_timeout_seconds: 30, grace_seconds: 5 },
  retry_backoff_seconds: 0,
};

test('on a signed grid, honest nodes finish quorum-2 tasks: no commit void, no node quarantined, audit clean', async (t) => {
  const grid = await gridFor(t, POLICY);
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-keys-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const ids = ['a', 'b', 'c'];
  for (const id of ids) await generateNodeKey(join(dir, id), id);
  await grid.submit(Array.from({ length: 4 }, (_, i) => ({ task_id: `q${i}`, script: `echo answer ${i}`, quorum: 2 })));
  await runAll(ids.map((nodeId) => grid.worker({ nodeId, signingKey: join(dir, nodeId), idleTimeoutSeconds: 4 })));

  const results = await grid.results();
  assert.deepEqual([...results.keys()].sort(), ['q0', 'q1', 'q2', 'q3']);
  for (const [id, result] of results) {
    assert.equal(result.state, 'completed', id);
    assert.equal((result.replicas ?? []).filter((r) => r.verdict === 'valid').length, 2, id);
  }
  const snapshot = await grid.snapshot();
  const nodes = await snapshot.nodes();
  for (const node of nodes) assert.notEqual(node.status, 'quarantined', node.node_id);
  // Each conclusion wrote the other runner's reputation too: every valid run is counted.
  assert.equal(
    nodes.reduce((sum, n) => sum + (n.reputation?.valid ?? 0), 0),
    8,
  );
  const reader = new CommitChecker(grid.bare);
  const checked = await reader.check((await grid.store.fetch())!, await snapshot.policy());
  assert.deepEqual(checked.voided, [], 'no quorum commit is void');
  const audit = await auditGrid(grid.bare);
  assert.deepEqual(audit.violations.map(formatViolation), []);
});
