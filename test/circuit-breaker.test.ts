import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreaker, nodeSideReason } from '../src/node/circuit-breaker.js';
import { serveMetrics } from '../src/node/metrics.js';
import { DockerSandbox } from '../src/sandbox/docker.js';
import { concludeNodeError, runWithoutOutput, POISON_NODES } from '../src/protocol/transitions.js';
import type { Claim } from '../src/protocol/schemas.js';
import { queueShardPath } from '../src/protocol/layout.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { gridFor } from './helpers/grid.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { setTimeout as sleep } from 'node:timers/promises';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const MISSING = 'docker could not run the container: docker: Error response from daemon: No such image: x:y';

test('node-side failures are told from the task failing', () => {
  const run = (status: 'error' | 'failure', reason?: string) => ({ status, reason });
  assert.equal(nodeSideReason(run('error', MISSING)), MISSING);
  assert.ok(nodeSideReason(run('error', 'the none sandbox failed: ENOSPC: no space left on device, write')));
  assert.ok(nodeSideReason({ status: 'error', sandboxLost: 'the Docker daemon went away' }));
  assert.equal(nodeSideReason(run('failure', 'exit code 1')), undefined);
  assert.equal(nodeSideReason(run('error', 'its result could not be recorded: Invalid time value')), undefined);
});

test('three node-side failures in a row stop claims for a pause that doubles; any other end closes the breaker', () => {
  const breaker = new CircuitBreaker(3, 60_000);
  breaker.record(MISSING, at(0));
  breaker.record(MISSING, at(1));
  assert.ok(breaker.allowsClaims(at(1)));
  assert.equal(breaker.unhealthy(), undefined);
  breaker.record(MISSING, at(2));
  assert.equal(breaker.allowsClaims(at(3)), false);
  assert.deepEqual(breaker.unhealthy(), { reason: MISSING, since: at(2), retryAt: at(62) });
  assert.ok(breaker.allowsClaims(at(62)), 'it tries again after the pause');
  breaker.record(MISSING, at(63));
  assert.deepEqual(breaker.unhealthy()?.retryAt, at(183), 'failing again doubles the pause');
  assert.deepEqual(breaker.unhealthy()?.since, at(2));
  breaker.record(undefined, at(200));
  assert.equal(breaker.unhealthy(), undefined);
  assert.ok(breaker.allowsClaims(at(200)));
});

test(`a task that failed for node-side reasons on ${POISON_NODES} nodes is poison, final in failed/`, () => {
  const claimOn = (node: string, attempts: Claim['attempts'] = []): Claim => ({
    task_id: 'p',
    script: 'true',
    attempts,
    claim: {
      node_id: node,
      token: `token-${node}-0123456789`,
      attempt: attempts.length + 1,
      claimed_at: at(0).toISOString(),
      lease_until: at(60).toISOString(),
    },
  });
  const run = runWithoutOutput('error', MISSING, at(1));
  const first = concludeNodeError('tasks/in_progress/a/p.json', claimOn('a'), run, MISSING, at(1));
  assert.equal(first[1]?.path, queueShardPath('p'));
  const requeued = JSON.parse(String((first[1] as { content: string }).content));
  assert.equal(requeued.attempts[0].status, 'node_error');
  assert.equal(requeued.not_before, undefined, 'another node may take it at once');
  const second = JSON.parse(
    String(
      (concludeNodeError('x', claimOn('b', requeued.attempts), run, MISSING, at(2))[1] as { content: string }).content,
    ),
  );
  const third = concludeNodeError('x', claimOn('c', second.attempts), run, MISSING, at(3));
  assert.match(third[1]!.path, /^tasks\/failed\//);
  const result = JSON.parse(String((third[1] as { content: string }).content));
  assert.equal(result.status, 'error');
  assert.match(result.reason, /^poison task: it failed for node-side reasons on 3 nodes \(a, b, c\)/);
});

test('a node whose image is missing stops claiming, says it is unhealthy, and its tasks go to other nodes, then fail as poison', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const missing = 'dgrid-missing-image:none';
  const grid = await gridFor(t, { default_image: TEST_IMAGE, allowed_images: [TEST_IMAGE, missing] });
  await grid.submit([
    ...[1, 2, 3].map((i) => ({ task_id: `m${i}`, script: 'true', image: missing, priority: 'high' as const })),
    { task_id: 'good', script: 'echo fine', priority: 'low' },
  ]);
  const a = grid.worker({ nodeId: 'a', idleTimeoutSeconds: 3 }, new DockerSandbox());
  const metrics = await serveMetrics(() => a.gauges(), 0, 600);
  t.after(() => metrics.close());
  const aRun = a.run();
  let health = '';
  for (let i = 0; i < 200 && !health.startsWith('unhealthy'); i++) {
    await sleep(50);
    health = await (await fetch(`${metrics.url}/healthz`)).text();
  }
  assert.match(health, /^unhealthy: docker could not run the container/);
  const aReport = await aRun;
  assert.equal(aReport.completed, 0, 'the unhealthy node did not claim the good task');
  const aNode = await (await grid.snapshot()).node('a');
  assert.match(aNode?.unhealthy?.reason ?? '', /No such image|Unable to find image/);

  // Two more nodes with the same fault: the third makes each task poison.
  for (const node of ['b', 'c']) await grid.worker({ nodeId: node, idleTimeoutSeconds: 1 }, new DockerSandbox()).run();
  const results = await grid.results();
  for (const id of ['m1', 'm2', 'm3']) {
    assert.equal(results.get(id)?.status, 'error', id);
    assert.match(results.get(id)?.reason ?? '', /^poison task: .* on 3 nodes \(a, b, c\)/, id);
    assert.deepEqual(
      results.get(id)?.attempts?.map((x) => x.status),
      ['node_error', 'node_error'],
      id,
    );
  }
  assert.equal(results.has('good'), false, 'no unhealthy node ran the good task');
  const healthy = await grid.worker({ nodeId: 'd' }, new DockerSandbox()).run();
  assert.equal(healthy.completed, 1);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});
