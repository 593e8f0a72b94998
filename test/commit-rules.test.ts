// The rules of who may change what (protocol/commit-rules.ts), one commit at a time: what each kind of author
// does in an honest grid passes, and what a hostile one might try does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeCommit, type Author, type PathChange, type Rec, type RuleContext } from '../src/protocol/commit-rules.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const node = (id: string): Author => ({ kind: 'node', node: id });
const reaper: Author = { kind: 'reaper', name: 'dgrid-reaper-abc123' };
const person: Author = { kind: 'person', name: 'alice' };

const task = { task_id: 't1', script: 'true' };
const claim = (nodeId: string, token = `token-of-${nodeId}`) => ({
  ...task,
  claim: {
    node_id: nodeId,
    token,
    attempt: 1,
    claimed_at: '2026-01-01T00:00:00Z',
    lease_until: '2026-01-01T01:00:00Z',
  },
});
const result = (nodeId: string, token = `token-of-${nodeId}`) => ({
  ...claim(nodeId, token),
  node_id: nodeId,
  status: 'success',
  exit_code: 0,
});
const requeued = (nodeId: string) => ({
  ...task,
  attempts: [{ attempt: 1, node_id: nodeId, claim_token: `token-of-${nodeId}`, status: 'orphaned' }],
});
const nodeFile = (id: string, extra: object = {}) => ({
  node_id: id,
  status: 'online',
  last_heartbeat: '2026-01-01T00:00:00Z',
  tasks: [],
  ...extra,
});

const Q = 'tasks/queue/t1.json';
const P = (id: string) => `tasks/in_progress/${id}/t1.json`;
const R = 'tasks/completed/2026-01-01/8f/t1.json';

function change(path: string, before: Rec, after: Rec): PathChange {
  return { path, before, after, beforeSha: before ? 'b'.repeat(40) : null, afterSha: after ? 'a'.repeat(40) : null };
}

function context(over: Partial<RuleContext> = {}): RuleContext {
  return {
    quarantined: new Set(),
    nodes: new Map([['n1', nodeFile('n1')]]),
    heartbeatSeconds: 60,
    admitted: new Map(),
    restorable: new Map(),
    hasResult: () => false,
    ...over,
  };
}

function judge(author: Author, changes: PathChange[], ctx = context(), time = T0 + 1000, message = ''): string[] {
  return judgeCommit({ author, time, message, archivedTo: [] }, changes, ctx);
}

test('a node claims, finishes and requeues its own claims, and writes its own node file', () => {
  assert.deepEqual(judge(node('n1'), [change(Q, task, undefined), change(P('n1'), undefined, claim('n1'))]), []);
  assert.deepEqual(
    judge(node('n1'), [change(P('n1'), claim('n1'), undefined), change(R, undefined, result('n1'))]),
    [],
  );
  assert.deepEqual(
    judge(node('n1'), [change(P('n1'), claim('n1'), undefined), change(Q, undefined, requeued('n1'))]),
    [],
  );
  assert.deepEqual(judge(node('n1'), [change('nodes/n1.json', nodeFile('n1'), nodeFile('n1', { tasks: ['t1'] }))]), []);
  const refusal = { ...task, node_id: 'n1', status: 'error', exit_code: null };
  assert.deepEqual(
    judge(node('n1'), [change(Q, task, undefined), change('tasks/failed/2026-01-01/8f/t1.json', undefined, refusal)]),
    [],
  );
  assert.deepEqual(judge(node('n1'), [change('tasks/cancel/t1.json', {}, undefined)]), []);
  const sharded = { ...change('tasks/queue/8f/t1.json', undefined, task), afterSha: 'b'.repeat(40) };
  assert.deepEqual(judge(node('n1'), [change(Q, task, undefined), sharded]), [], 'a move into the sharded queue');
  const edited = change('tasks/queue/8f/t1.json', undefined, { ...task, script: 'rm -rf /' });
  assert.match(judge(node('n1'), [change(Q, task, undefined), edited])[0]!, /not a change a node makes/);
});

test("a node's misdeeds are void, each for its reason", () => {
  const cases: [string, PathChange[], RegExp][] = [
    [
      'a result of a queued task it never claimed',
      [change(Q, task, undefined), change(R, undefined, result('h1'))],
      /result of a claim h1 does not hold/,
    ],
    [
      'a result of another node’s claim',
      [change(P('n1'), claim('n1'), undefined), change(R, undefined, result('h1'))],
      /held by n1, not by h1/,
    ],
    [
      'another node’s claim rewritten',
      [change(P('n1'), claim('n1'), claim('h1', 'new'))],
      /claims only in its own folder/,
    ],
    ['a queued task deleted', [change(Q, task, undefined)], /not a change a node makes/],
    ['the policy edited', [change('dgrid.json', {}, { max_timeout_seconds: 86400 })], /policy is the maintainers/],
    ['a workflow edited', [change('.github/workflows/x.yml', {}, {})], /only tasks\/ and nodes\/ are/],
    [
      'another node’s file',
      [change('nodes/n1.json', nodeFile('n1'), nodeFile('n1', { status: 'offline' }))],
      /only its own node file/,
    ],
    ['a cancel request added', [change('tasks/cancel/t1.json', undefined, {})], /only a submission asks to cancel/],
    [
      'its own quarantine lifted',
      [change('nodes/h1.json', nodeFile('h1', { status: 'quarantined' }), nodeFile('h1'))],
      /only a reaper changes a quarantine/,
    ],
  ];
  for (const [what, changes, reason] of cases) {
    const problems = judge(node('h1'), changes);
    assert.match(problems.join('; '), reason, what);
  }
  // A refusal stands only when the task has a result; a quarantined node's commit is void whatever it does.
  assert.deepEqual(judge(node('n1'), [change(Q, task, undefined)], context({ hasResult: () => true })), []);
  assert.match(judge(node('h1'), [], context({ quarantined: new Set(['h1']) }))[0]!, /quarantined/);
  const admitted = context({ admitted: new Map([['h1', 'ssh-ed25519 AAAA']]) });
  assert.match(
    judge(
      node('h1'),
      [change('nodes/h1.json', undefined, nodeFile('h1', { public_key: 'ssh-ed25519 BBBB' }))],
      admitted,
    )[0]!,
    /not the one dgrid.json admits/,
  );
});

test('a reaper ends only orphaned claims, archives, marks nodes and restores exactly what void commits changed', () => {
  const requeue = [change(P('n1'), claim('n1'), undefined), change(Q, undefined, requeued('n1'))];
  const silent = context({ nodes: new Map([['n1', nodeFile('n1', { last_heartbeat: '2025-12-31T23:00:00Z' })]]) });
  assert.deepEqual(judge(reaper, requeue, silent), []);
  assert.deepEqual(judge(reaper, requeue, context({ quarantined: new Set(['n1']) })), []);
  assert.match(judge(reaper, requeue)[0]!, /not orphaned/, 'a live node keeps its claim');
  assert.match(
    judge(reaper, [change(P('n1'), claim('n1'), undefined), change(R, undefined, result('n1'))], silent)[0]!,
    /back to the queue, or to failed/,
  );
  assert.deepEqual(
    judgeCommit(
      { author: reaper, time: T0, message: '', archivedTo: ['c'.repeat(40)] },
      [change(R, result('n1'), undefined)],
      context(),
    ),
    [],
  );
  assert.match(judge(reaper, [change(R, result('n1'), undefined)])[0]!, /only to the archive/);
  assert.deepEqual(
    judge(reaper, [change('nodes/n1.json', nodeFile('n1'), nodeFile('n1', { status: 'quarantined' }))]),
    [],
  );
  assert.match(
    judge(reaper, [change('nodes/n1.json', nodeFile('n1'), nodeFile('n1', { public_key: 'ssh-ed25519 CCCC' }))])[0]!,
    /only a node's status/,
  );
  const restorable = context({ restorable: new Map([[Q, 'a'.repeat(40)]]) });
  assert.deepEqual(judge(reaper, [change(Q, undefined, task)], restorable), []);
  assert.match(judge(reaper, [change(Q, undefined, task)])[0]!, /only ends orphaned claims/);
  assert.match(judge(reaper, [change('dgrid.json', {}, {})])[0]!, /maintainers/);
});

test('a submission adds tasks and cancel requests, and people change what lies outside tasks/ and nodes/', () => {
  assert.deepEqual(judge(person, [change(Q, undefined, task), change('tasks/cancel/t2.json', undefined, {})]), []);
  assert.deepEqual(judge(person, [change('dgrid.json', {}, {}), change('docs/index.html', {}, {})]), []);
  assert.match(judge(person, [change(Q, task, undefined)])[0]!, /only adds new files/);
  assert.match(judge(person, [change(R, undefined, result('n1'))])[0]!, /only adds new files/);
  assert.match(judge(person, [change('nodes/n1.json', nodeFile('n1'), undefined)])[0]!, /only nodes and reapers/);
});
