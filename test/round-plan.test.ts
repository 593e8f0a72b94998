// The worker's round planner, without git: snapshots and holdings built in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Change } from '../src/git/store.js';
import { cancelPath, inProgressPath, nodePath, queuePath, queueShardPath } from '../src/protocol/layout.js';
import { parsePolicy } from '../src/protocol/policy.js';
import type { Claim, NodeRecord, QueuedTask } from '../src/protocol/schemas.js';
import { runWithoutOutput } from '../src/protocol/transitions.js';
import type { Candidate, Rejected } from '../src/node/scheduler.js';
import {
  MAX_REJECTS_PER_COMMIT,
  planRound,
  type FinishedClaim,
  type HeldClaim,
  type Holdings,
  type RoundSettings,
  type RoundSnapshot,
} from '../src/node/round-plan.js';

const NODE = 'n1';
const NOW = new Date('2026-12-07T10:00:00.000Z');
const policy = parsePolicy(JSON.stringify({ limits: { cpus: 4, memory_mb: 4096 } }));

function candidate(id: string, extra: Partial<QueuedTask> = {}): Candidate {
  const path = queuePath(id);
  return {
    file: { id, state: 'queue', entry: { mode: '100644', type: 'blob', sha: '0'.repeat(40), size: 10, path } },
    task: { task_id: id, script: 'true', ...extra },
  };
}

function held(id: string, token = `token-of-${id}-0000`, extra: Partial<QueuedTask> = {}): HeldClaim {
  const claim: Claim = {
    task_id: id,
    script: 'true',
    ...extra,
    claim: {
      node_id: NODE,
      token,
      attempt: 1,
      claimed_at: '2026-12-07T09:59:00.000Z',
      lease_until: '2026-12-07T10:30:00.000Z',
    },
  };
  return { claim, path: inProgressPath(NODE, id) };
}

function finished(claim: HeldClaim, status: 'success' | 'failure', extra: Partial<FinishedClaim> = {}): FinishedClaim {
  const run = runWithoutOutput(status, status, new Date(NOW.getTime() - 1000), NOW);
  run.exitCode = status === 'success' ? 0 : 1;
  return { ...claim, run, cancelled: false, ...extra };
}

function snapshot(parts: Partial<RoundSnapshot> = {}): RoundSnapshot {
  return { tip: 'c0ffee', policy, claims: new Map(), cancels: new Map(), live: new Set(), ...parts };
}

const tipHolds = (...claims: HeldClaim[]) => new Map(claims.map((c) => [c.claim.task_id, c]));

const queue = (claimable: Candidate[], rejected: Rejected[] = []): RoundSnapshot['queue'] => ({
  scan: { claimable, rejected },
  submittersRead: true,
});

const lastNode: NodeRecord = {
  node_id: NODE,
  labels: [],
  slots: 2,
  version: '0',
  started_at: '2026-12-07T09:00:00.000Z',
  last_heartbeat: '2026-12-07T09:59:50.000Z',
  status: 'online',
  tasks: [],
  completed: 5,
  failed: 1,
};

function holdings(parts: Partial<Holdings> = {}): Holdings {
  return {
    running: [],
    waiting: [],
    finished: [],
    issued: new Set(),
    awaited: new Set(),
    claimed: 0,
    node: lastNode,
    // A heartbeat landed a moment ago: none is due.
    lastHeartbeat: NOW.getTime() - 1000,
    clockOffsetMs: 0,
    final: false,
    ...parts,
  };
}

const settings = (parts: Partial<RoundSettings> = {}): RoundSettings => ({
  nodeId: NODE,
  labels: [],
  slots: 2,
  prefetch: 0,
  maxTasks: 0,
  cpus: 64,
  memoryMb: 65536,
  startedAt: new Date('2026-12-07T09:00:00.000Z'),
  incarnation: 'incarnation-1',
  ...parts,
});

const paths = (changes: Change[], kind: 'write' | 'delete') =>
  changes.filter((c) => 'delete' in c === (kind === 'delete')).map((c) => c.path);

const nodeFile = (changes: Change[]): NodeRecord => {
  const change = changes.find((c) => c.path === nodePath(NODE));
  assert.ok(change && 'content' in change, 'the node file is written');
  return JSON.parse(String(change.content)) as NodeRecord;
};

const ids = (claims: HeldClaim[]) => claims.map((c) => c.claim.task_id);

test('round plan: claims fill the free slots and the prefetch, best first, and no more', () => {
  const candidates = ['a', 'b', 'c', 'd', 'e'].map((id) => candidate(id));
  const plan = planRound(snapshot({ queue: queue(candidates) }), holdings(), settings({ prefetch: 1 }), NOW);
  assert.deepEqual(ids(plan.claims), ['a', 'b', 'c']);
  assert.deepEqual(paths(plan.changes, 'delete'), [queuePath('a'), queuePath('b'), queuePath('c')]);
  assert.equal(plan.claims[0]!.claim.claim.node_id, NODE);
  assert.equal(plan.claims[0]!.path, inProgressPath(NODE, 'a'));
  assert.equal(plan.exhausted, false, 'tasks were left that this node could claim');
  assert.equal(plan.message, 'dgrid: n1: claim 3\n');
  assert.deepEqual(nodeFile(plan.changes).tasks, ['a', 'b', 'c']);

  // One slot runs, one claim waits: of slots 2 + prefetch 1, one is free.
  const busy = holdings({ running: [held('r')], waiting: [held('w')] });
  const tip = tipHolds(held('r'), held('w'));
  const second = planRound(snapshot({ claims: tip, queue: queue(candidates) }), busy, settings({ prefetch: 1 }), NOW);
  assert.deepEqual(ids(second.claims), ['a']);
  assert.deepEqual(nodeFile(second.changes).tasks, ['a', 'r', 'w']);

  // max-tasks 4 with 3 claimed: one more.
  const capped = planRound(
    snapshot({ queue: queue(candidates) }),
    holdings({ claimed: 3 }),
    settings({ maxTasks: 4 }),
    NOW,
  );
  assert.deepEqual(ids(capped.claims), ['a']);
});

test('round plan: a claim fits the CPUs and memory left, and a smaller task behind a big one still fits', () => {
  const candidates = [
    candidate('big', { resources: { cpus: 3 } }),
    candidate('fat', { resources: { cpus: 1, memory_mb: 4096 } }),
    candidate('small', { resources: { cpus: 1, memory_mb: 256 } }),
  ];
  // 4 CPUs, 2 GiB; the running task takes 2 CPUs and 512 MiB (its request, and the policy's memory default).
  const running = [held('r', undefined, { resources: { cpus: 2, memory_mb: 512 } })];
  const plan = planRound(
    snapshot({ claims: tipHolds(...running), queue: queue(candidates) }),
    holdings({ running }),
    settings({ slots: 4, cpus: 4, memoryMb: 2048 }),
    NOW,
  );
  assert.deepEqual(ids(plan.claims), ['small']);
  assert.equal(plan.exhausted, false);
});

test('round plan: claims beyond the slots need only fit the node, so CPUs and memory do not cap the prefetch', () => {
  // A 1-CPU, 1 GiB node with one slot and a prefetch of 10, tasks of 1 CPU and 512 MiB: one runs at a time,
  // ten wait for it. Held against the free resources, the prefetch stopped at the one task that runs.
  const candidates = Array.from({ length: 12 }, (_, i) =>
    candidate(`t${i}`, { resources: { cpus: 1, memory_mb: 512 } }),
  );
  const plan = planRound(
    snapshot({ queue: queue(candidates) }),
    holdings(),
    settings({ slots: 1, prefetch: 10, cpus: 1, memoryMb: 1024 }),
    NOW,
  );
  assert.deepEqual(
    ids(plan.claims),
    candidates.slice(0, 11).map((c) => c.task.task_id),
  );
  // A task larger than the whole node is never claimed, prefetch or not.
  const huge = planRound(
    snapshot({
      queue: queue([
        candidate('huge', { resources: { cpus: 2, memory_mb: 512 } }),
        candidate('fits', { resources: { cpus: 1, memory_mb: 512 } }),
      ]),
    }),
    holdings(),
    settings({ slots: 1, prefetch: 10, cpus: 1, memoryMb: 1024 }),
    NOW,
  );
  assert.deepEqual(ids(huge.claims), ['fits']);
});

test('round plan: the queue is exhausted only when all it offered was claimed and quotas could be read', () => {
  const all = planRound(snapshot({ queue: queue([candidate('a')]) }), holdings(), settings(), NOW);
  assert.equal(all.exhausted, true);
  const unread = planRound(
    snapshot({ queue: { scan: { claimable: [], rejected: [] }, submittersRead: false } }),
    holdings(),
    settings(),
    NOW,
  );
  assert.equal(unread.exhausted, false, 'with quotas unread the scan offered nothing, which proves nothing');
  assert.deepEqual(unread.changes, [], 'nothing to write and no heartbeat due: no commit');
});

test('round plan: a stopping node claims nothing, hands back what it never started, and drains', () => {
  const waiting = held('w');
  const plan = planRound(
    snapshot({ claims: tipHolds(waiting), queue: queue([candidate('a')]) }),
    holdings({ stopReason: 'SIGTERM' }),
    settings(),
    NOW,
  );
  assert.deepEqual(plan.claims, []);
  assert.equal(plan.handedBack, 1);
  assert.deepEqual(paths(plan.changes, 'delete'), [waiting.path]);
  const requeued = plan.changes.find((c) => c.path === queueShardPath('w'));
  assert.ok(requeued && 'content' in requeued);
  const task = JSON.parse(String(requeued.content)) as QueuedTask;
  assert.equal(task.attempts![0]!.status, 'returned');
  assert.match(task.attempts![0]!.reason, /stopped before it started: SIGTERM/);
  assert.equal(nodeFile(plan.changes).status, 'draining');

  const last = planRound(snapshot(), holdings({ stopReason: 'SIGTERM', final: true }), settings(), NOW);
  assert.equal(last.message, 'dgrid: n1: go offline\n');
  assert.equal(nodeFile(last.changes).status, 'offline');
  assert.deepEqual(nodeFile(last.changes).tasks, []);
});

test('round plan: a result is written while the claim at the tip holds its token, and fenced otherwise', () => {
  const ours = held('a');
  const done = finished(ours, 'success');
  const plan = planRound(snapshot({ claims: tipHolds(ours) }), holdings({ finished: [done] }), settings(), NOW);
  assert.deepEqual(
    plan.concluded.map((c) => c.done),
    [done],
  );
  assert.deepEqual(paths(plan.changes, 'delete'), [ours.path]);
  assert.ok(paths(plan.changes, 'write').some((p) => p.startsWith('tasks/completed/') && p.includes('/a.json')));
  assert.equal(plan.message, 'dgrid: n1: finish 1\n');
  const node = nodeFile(plan.changes);
  assert.equal(node.completed, 6, 'counted on top of the last node record');
  assert.deepEqual(node.tasks, [], 'a task whose result this commit writes is no longer held');

  // The reaper took the claim back and another node claimed it: a token of its own.
  const taken = held('a', 'token-of-another-node');
  const fenced = planRound(snapshot({ claims: tipHolds(taken) }), holdings({ finished: [done] }), settings(), NOW);
  assert.deepEqual(fenced.fenced, [done]);
  assert.deepEqual(fenced.concluded, []);
  assert.deepEqual(fenced.changes, [], 'nothing of the result is written, and no heartbeat is due');
});

test('round plan: a failure with attempts left goes back to the queue, a hand-back is requeued as returned', () => {
  const failed = finished(held('f'), 'failure');
  const returned = finished(held('r'), 'success', { returned: 'the sandbox went away' });
  const plan = planRound(
    snapshot({ claims: tipHolds(held('f'), held('r')) }),
    holdings({ finished: [failed, returned] }),
    settings(),
    NOW,
  );
  const requeued = (id: string) => {
    const change = plan.changes.find((c) => c.path === queueShardPath(id));
    assert.ok(change && 'content' in change, `${id} is back in the queue`);
    return JSON.parse(String(change.content)) as QueuedTask;
  };
  assert.equal(requeued('f').attempts![0]!.status, 'failure');
  assert.ok(requeued('f').not_before, 'a retry waits its backoff');
  assert.equal(requeued('r').attempts![0]!.status, 'returned');
  const node = nodeFile(plan.changes);
  assert.equal(node.failed, lastNode.failed + 1, 'a requeued failure counts, a hand-back does not');
  assert.equal(node.completed, lastNode.completed);
  assert.equal(plan.message, 'dgrid: n1: finish 2\n');
});

test('round plan: a result that completes an awaited dependency asks for another look at the queue', () => {
  const plan = (status: 'success' | 'failure', awaited: string[]) =>
    planRound(
      snapshot({ claims: tipHolds(held('dep')) }),
      holdings({ finished: [finished(held('dep'), status)], awaited: new Set(awaited) }),
      settings(),
      NOW,
    );
  assert.equal(plan('success', ['dep']).unblocks, true);
  assert.equal(plan('success', ['other']).unblocks, false);
  assert.equal(plan('failure', ['dep']).unblocks, false, 'a failed dependency unblocks nothing');
});

test('round plan: cancel requests end finished, waiting and running tasks; a spent one is removed', () => {
  const cancels = new Map(['done', 'wait', 'run', 'gone', 'queued'].map((id) => [id, cancelPath(id)]));
  const done = finished(held('done'), 'failure');
  const plan = planRound(
    snapshot({
      claims: tipHolds(held('done'), held('wait'), held('run')),
      cancels,
      live: new Set(['done', 'wait', 'run', 'queued']),
    }),
    holdings({ finished: [done], waiting: [held('wait')], running: [held('run')] }),
    settings(),
    NOW,
  );
  // The finished one: final as cancelled, whatever the attempt did, its request gone with it.
  assert.equal(plan.concluded[0]!.run.status, 'cancelled');
  assert.match(plan.concluded[0]!.run.reason!, /cancelled on request \(the attempt ended: failure\)/);
  assert.ok(paths(plan.changes, 'write').some((p) => p.startsWith('tasks/failed/') && p.includes('/done.json')));
  assert.equal(done.run.status, 'failure', 'the planner changes none of its inputs');
  // The waiting one ends before it starts; its result goes in a later commit with its request.
  assert.deepEqual(ids(plan.cancelledWaiting), ['wait']);
  assert.equal(plan.cancelledWaiting[0]!.run.status, 'cancelled');
  assert.deepEqual(plan.cancelledRunning, ['run']);
  // Spent: the task is neither queued nor in progress. A queued one is the scan's to reject.
  assert.deepEqual(
    paths(plan.changes, 'delete').filter((p) => p.startsWith('tasks/cancel') || p.includes('cancel')),
    [cancelPath('done'), cancelPath('gone')],
  );
  assert.deepEqual(nodeFile(plan.changes).tasks, ['run', 'wait'], 'both are held until their results land');
});

test('round plan: queued ids with an earlier result leave the queue, and the commit says why', () => {
  const rejected: Rejected[] = [
    {
      ...candidate('dup'),
      reason: 'it already has a result',
      status: 'error',
      earlierResult: 'tasks/completed/x/dup.json',
    },
    { file: candidate('bad').file, reason: 'not a task', status: 'error' },
  ];
  const plan = planRound(snapshot({ queue: queue([], rejected) }), holdings(), settings(), NOW);
  assert.equal(plan.rejected, 2);
  assert.deepEqual(paths(plan.changes, 'delete'), [queuePath('dup'), queuePath('bad')]);
  const written = paths(plan.changes, 'write');
  assert.ok(!written.some((p) => p.includes('/dup.json')), 'no second result for an id that has one');
  assert.ok(written.some((p) => p.startsWith('tasks/failed/') && p.includes('/bad.json')));
  assert.equal(plan.message, 'dgrid: n1: reject 2\n\nRefused: dup already has a result, tasks/completed/x/dup.json\n');
  assert.equal(plan.warnings.length, 2);
});

test('round plan: at most MAX_REJECTS_PER_COMMIT queued files leave per commit, and the queue is not exhausted', () => {
  const rejected = Array.from({ length: MAX_REJECTS_PER_COMMIT + 5 }, (_, i) => ({
    file: candidate(`bad${i}`).file,
    reason: 'not a task',
    status: 'error' as const,
  }));
  const plan = planRound(snapshot({ queue: queue([], rejected) }), holdings(), settings(), NOW);
  assert.equal(plan.rejected, MAX_REJECTS_PER_COMMIT);
  assert.equal(plan.exhausted, false);
});

test('round plan: claims the tip took back are dropped if waiting and stopped if running, once', () => {
  const running = [held('run'), { ...held('stopping'), aborted: true }, held('kept')];
  const plan = planRound(
    // Another node's claim of "run" now, under its own token; "wait" and "stopping" are gone from the tip.
    snapshot({ claims: tipHolds(held('run', 'token-of-the-new-claim'), held('kept')) }),
    // A heartbeat is due: the node file shows what it holds.
    holdings({ running, waiting: [held('wait')], lastHeartbeat: 0 }),
    settings(),
    NOW,
  );
  assert.deepEqual(plan.dropped, ['wait']);
  assert.deepEqual(plan.stopped, ['run'], 'one being stopped already is not stopped again');
  assert.deepEqual(plan.adopted, [], 'a token this process did not issue is not adopted');
  assert.deepEqual(nodeFile(plan.changes).tasks, ['kept'], 'claims taken back are not listed');
});

test('round plan: claims at the tip that nothing here runs are adopted when this process issued them', () => {
  const landed = held('landed');
  const old = held('old');
  const plan = planRound(
    snapshot({ claims: tipHolds(landed, old) }),
    holdings({ issued: new Set([landed.claim.claim.token]) }),
    settings(),
    NOW,
  );
  assert.deepEqual(ids(plan.adopted), ['landed']);
  const requeued = plan.changes.find((c) => c.path === queueShardPath('old'));
  assert.ok(requeued && 'content' in requeued);
  const attempt = (JSON.parse(String(requeued.content)) as QueuedTask).attempts![0]!;
  assert.equal(attempt.status, 'orphaned');
  assert.match(attempt.reason, /node n1 restarted/);
  assert.deepEqual(nodeFile(plan.changes).tasks, ['landed']);
});

test('round plan: with nothing to change a heartbeat is written only when due, and always on the first round', () => {
  assert.deepEqual(planRound(snapshot(), holdings(), settings(), NOW).changes, []);
  // An idle node beats every half node timeout (300 s); a busy one every heartbeat_seconds (60 s).
  const idle = holdings({ lastHeartbeat: NOW.getTime() - 120_000 });
  assert.deepEqual(planRound(snapshot(), idle, settings(), NOW).changes, []);
  const busy = holdings({ lastHeartbeat: NOW.getTime() - 120_000, running: [held('r')] });
  const beat = planRound(snapshot({ claims: tipHolds(held('r')) }), busy, settings(), NOW);
  assert.deepEqual(
    beat.changes.map((c) => c.path),
    [nodePath(NODE)],
  );
  assert.equal(beat.message, 'dgrid: n1: heartbeat\n');
  assert.equal(nodeFile(beat.changes).last_heartbeat, NOW.toISOString());

  // The first round: no record of its own yet, the counts carry on from the file at the tip.
  const first = planRound(
    snapshot({ node: lastNode }),
    holdings({ node: undefined, lastHeartbeat: 0 }),
    settings(),
    NOW,
  );
  const node = nodeFile(first.changes);
  assert.equal(node.incarnation, 'incarnation-1');
  assert.equal(node.completed, 5);
  assert.equal(node.status, 'online');
});

test('round plan: results are dated by the grid server clock, as the node measured it', () => {
  const failed = finished(held('f'), 'failure');
  const ahead = 3_600_000;
  const plan = planRound(
    snapshot({ claims: tipHolds(held('f')) }),
    holdings({ finished: [failed], clockOffsetMs: ahead }),
    settings(),
    NOW,
  );
  const requeued = plan.changes.find((c) => c.path === queueShardPath('f'));
  assert.ok(requeued && 'content' in requeued);
  const notBefore = Date.parse((JSON.parse(String(requeued.content)) as QueuedTask).not_before!);
  assert.ok(notBefore >= NOW.getTime() + ahead, 'the retry backoff counts from the server clock');
});

const CHECKPOINT = {
  sha256: 'a'.repeat(64),
  bytes: 100,
  ref: `refs/dgrid/checkpoints/${'a'.repeat(64)}`,
  node_id: NODE,
  attempt: 1,
  at: '2026-12-07T09:59:59.000Z',
};

test('round plan: a draining node claims nothing, says so at once, and its last commit removes the request', () => {
  const drain = 'nodes/drain/n1.json';
  const plan = planRound(
    snapshot({ queue: queue([candidate('a')]), drain }),
    holdings({ draining: 'requested' }),
    settings(),
    NOW,
  );
  assert.deepEqual(plan.claims, []);
  assert.equal(nodeFile(plan.changes).status, 'draining', 'a heartbeat says it at once, though none is due');
  assert.ok(!paths(plan.changes, 'delete').includes(drain), 'the request stays while the node drains');
  const last = planRound(snapshot({ drain }), holdings({ draining: 'requested', final: true }), settings(), NOW);
  assert.ok(paths(last.changes, 'delete').includes(drain));
  assert.equal(nodeFile(last.changes).status, 'offline');
  const spent = planRound(snapshot({ drain, drainSpent: true }), holdings(), settings(), NOW);
  assert.deepEqual(paths(spent.changes, 'delete'), [drain], 'a request for an earlier process goes at once');
});

test('round plan: a running task claim records the checkpoint stored at this heartbeat, once', () => {
  const running = held('long');
  const plan = planRound(
    snapshot({ claims: tipHolds(running) }),
    holdings({ running: [running], checkpoints: new Map([['long', CHECKPOINT]]) }),
    settings(),
    NOW,
  );
  const claimFile = plan.changes.find((c) => c.path === running.path);
  assert.ok(claimFile && 'content' in claimFile);
  assert.deepEqual(JSON.parse(String(claimFile.content)), { ...running.claim, checkpoint: CHECKPOINT });
  const recorded = { ...running, claim: { ...running.claim, checkpoint: CHECKPOINT } };
  const again = planRound(
    snapshot({ claims: tipHolds(recorded) }),
    holdings({ running: [running], checkpoints: new Map([['long', CHECKPOINT]]) }),
    settings(),
    NOW,
  );
  assert.deepEqual(again.changes, [], 'the claim records it already');
});

test('round plan: a run that failed node-side goes back to the queue as node_error, not as a result of this node', () => {
  const claim = held('img');
  const done = finished(claim, 'failure');
  done.run = {
    ...done.run,
    status: 'error',
    exitCode: 125,
    reason: 'docker could not run the container: No such image',
  };
  const plan = planRound(snapshot({ claims: tipHolds(claim) }), holdings({ finished: [done] }), settings(), NOW);
  const requeued = plan.changes.find((c) => c.path === queueShardPath('img'));
  assert.ok(requeued && 'content' in requeued);
  assert.equal((JSON.parse(String(requeued.content)) as QueuedTask).attempts?.[0]?.status, 'node_error');
  assert.equal(plan.concluded[0]?.returned, done.run.reason);
  assert.deepEqual([nodeFile(plan.changes).completed, nodeFile(plan.changes).failed], [5, 1]);
});

test('round plan: the node file carries the progress of running tasks and the breaker verdict', () => {
  const running = held('long');
  const progress = { long: { percent: 40, message: 'step 4 of 10', at: '2026-12-07T09:59:59.000Z' } };
  const unhealthy = { reason: 'no space left on device', since: NOW.toISOString(), retry_at: NOW.toISOString() };
  const plan = planRound(
    snapshot({ claims: tipHolds(running) }),
    holdings({ running: [running], progress, unhealthy, lastHeartbeat: 0 }),
    settings(),
    NOW,
  );
  assert.deepEqual(nodeFile(plan.changes).progress, progress);
  assert.deepEqual(nodeFile(plan.changes).unhealthy, unhealthy);
});

test('round plan: a commit made anyway moves the flat queue files into their folders; none is made for them alone', () => {
  const move = (id: string) => ({
    from: queuePath(id),
    to: { path: queueShardPath(id), existing: { mode: '100644', sha: '1'.repeat(40) } },
  });
  const unsharded = [move('a'), move('flat')];
  const quiet = planRound(snapshot({ unsharded }), holdings(), settings(), NOW);
  assert.deepEqual(quiet.changes, [], 'no push for the moves alone');

  const plan = planRound(snapshot({ unsharded, queue: queue([candidate('a')]) }), holdings(), settings(), NOW);
  assert.deepEqual(ids(plan.claims), ['a']);
  // The claimed file leaves from where it is; the other moves, its blob unchanged; the node file comes last.
  assert.deepEqual(paths(plan.changes, 'delete'), [queuePath('a'), queuePath('flat')]);
  assert.ok(plan.changes.some((c) => c.path === queueShardPath('flat') && 'existing' in c));
  assert.ok(!plan.changes.some((c) => c.path === queueShardPath('a')));
  assert.equal(plan.changes.at(-1)!.path, nodePath(NODE));
});
