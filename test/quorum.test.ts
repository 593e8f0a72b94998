// The pure parts of quorum and reputation: digests, judging, adaptive replication, reputation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, maxResultsOf, quorumStep, runDigest, type QuorumView, type Run } from '../src/protocol/quorum.js';
import {
  applyVerdict,
  checkProbability,
  deriveReputations,
  isQuarantined,
  isTrusted,
  judgesNodes,
  noReputation,
} from '../src/protocol/reputation.js';
import { reputationUpdates } from '../src/protocol/replication.js';
import { defaultPolicy, parsePolicy, policyProblems } from '../src/protocol/policy.js';
import type { NodeRecord, Replica } from '../src/protocol/schemas.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const run = (node: string, digest: string | null, attempt = 1): Run => ({
  node_id: node,
  attempt,
  exit_code: 0,
  digest,
});

test('a digest covers the exit code, stdout and each output file, in any order, and nothing else', () => {
  const base = { status: 'success' as const, exit_code: 0, stdout_sha256: SHA_A };
  assert.equal(runDigest(base), runDigest({ ...base, stderr: 'differs' } as typeof base));
  assert.notEqual(runDigest(base), runDigest({ ...base, stdout_sha256: SHA_B }));
  assert.notEqual(runDigest(base), runDigest({ ...base, status: 'failure', exit_code: 1 }));
  const out = (files: object[]) => runDigest({ ...base, outputs: files } as typeof base);
  const x = { name: 'x', bytes: 1, sha256: SHA_A, url: 'u' };
  const y = { name: 'y', bytes: 1, sha256: SHA_B, url: 'v' };
  assert.equal(out([x, y]), out([y, x]));
  assert.notEqual(out([x, y]), out([x, { ...y, sha256: SHA_A }]));
  assert.notEqual(out([x]), runDigest(base));
  assert.equal(runDigest({ ...base, status: 'timeout', exit_code: null }), null);
  assert.equal(runDigest({ ...base, status: 'error', exit_code: null }), null);
});

test('N matching digests agree; the others are invalid, runs without a digest error', () => {
  const judged = judge([run('a', SHA_A), run('h', SHA_B), run('c', null), run('b', SHA_A)], 0, 2, 5);
  assert.deepEqual(judged, {
    state: 'agreed',
    digest: SHA_A,
    winner: 0,
    verdicts: ['valid', 'invalid', 'error', 'valid'],
  });
});

test('undecided, as many more runs start as could complete the largest group within max_results', () => {
  assert.deepEqual(judge([], 0, 3, 5), { state: 'pending', wanted: 3 });
  assert.deepEqual(judge([], 1, 3, 5), { state: 'pending', wanted: 2 });
  assert.deepEqual(judge([run('a', SHA_A), run('b', SHA_B)], 0, 2, 4), { state: 'pending', wanted: 1 });
  assert.deepEqual(judge([run('a', SHA_A), run('b', SHA_B)], 1, 2, 4), { state: 'pending', wanted: 0 });
  // Two runs left of max_results 4, but three more agreeing needed: out of reach at once.
  const out = judge([run('a', SHA_A), run('b', SHA_B)], 1, 4, 4);
  assert.equal(out.state, 'no-agreement');
  assert.deepEqual(out.state === 'no-agreement' && out.verdicts, ['invalid', 'invalid']);
  assert.match(out.state === 'no-agreement' ? out.reason : '', /^no agreement: 2 runs of at most 4/);
});

test('max_results defaults to quorum + 2 and is never below the quorum; the policy refuses one below', () => {
  const policy = defaultPolicy();
  assert.equal(maxResultsOf({ quorum: 3 }, policy), 5);
  assert.equal(maxResultsOf({}, parsePolicy('{"default_quorum": 2}')), 4);
  assert.equal(maxResultsOf({ quorum: 3, max_results: 1 }, policy), 3);
  const problems = policyProblems({ task_id: 't', script: 'true', quorum: 3, max_results: 2 }, policy);
  assert.deepEqual(
    problems.map((p) => p.pointer),
    ['/max_results'],
  );
});

const view = (over: Partial<QuorumView>): QuorumView => ({
  quorum: 2,
  maxResults: 4,
  runs: [],
  claimedBy: [],
  checkProbability: () => 1,
  ...over,
});

test('a node never runs two replicas of one task, and claims only while more are wanted', () => {
  assert.deepEqual(quorumStep(view({}), 'a', Math.random), { step: 'claim' });
  assert.deepEqual(quorumStep(view({ claimedBy: ['b'] }), 'a', Math.random), { step: 'claim' });
  assert.deepEqual(quorumStep(view({ claimedBy: ['a'] }), 'a', Math.random), { step: 'wait' });
  assert.deepEqual(quorumStep(view({ runs: [run('a', SHA_A)] }), 'a', Math.random), { step: 'wait' });
  assert.deepEqual(quorumStep(view({ claimedBy: ['b', 'c'] }), 'a', Math.random), { step: 'wait' });
  const agreed = quorumStep(view({ runs: [run('b', SHA_A), run('c', SHA_A)] }), 'a', Math.random);
  assert.equal(agreed.step, 'conclude');
});

test("a trusted node's lone run is checked by another node with its probability, else accepted", () => {
  const trusted = view({ checkProbability: (n) => (n === 't' ? 0.1 : 1) });
  assert.deepEqual(
    quorumStep({ ...trusted, claimedBy: ['t'] }, 'a', () => 0),
    { step: 'wait' },
  );
  const ran = { ...trusted, runs: [run('t', SHA_A)] };
  assert.deepEqual(
    quorumStep(ran, 'a', () => 0.05),
    { step: 'claim' },
  );
  assert.deepEqual(
    quorumStep(ran, 'a', () => 0.5),
    { step: 'accept' },
  );
  // The runner itself never decides about its own run.
  assert.deepEqual(
    quorumStep(ran, 't', () => 0.5),
    { step: 'wait' },
  );
  // A trusted run that errored is replicated like any other.
  assert.deepEqual(
    quorumStep({ ...trusted, runs: [run('t', null)] }, 'a', () => 0.5),
    { step: 'claim' },
  );
  // An untrusted first claim has company at once.
  assert.deepEqual(
    quorumStep(view({ claimedBy: ['u'] }), 'a', () => 0.5),
    { step: 'claim' },
  );
});

test('trust comes after trust_after valid runs in a row; checks fall with the streak; invalid resets it', () => {
  let rep = noReputation();
  for (let i = 0; i < 9; i++) rep = applyVerdict(rep, 'valid');
  assert.equal(isTrusted(rep, 10), false);
  assert.equal(checkProbability(rep, 10), 1);
  rep = applyVerdict(rep, 'valid');
  assert.equal(checkProbability(rep, 10), 0.1);
  rep = applyVerdict(rep, 'error');
  assert.equal(rep.consecutive_valid, 10, 'an error is no evidence of dishonesty');
  for (let i = 0; i < 30; i++) rep = applyVerdict(rep, 'valid');
  assert.equal(checkProbability(rep, 10), 0.025);
  for (let i = 0; i < 1000; i++) rep = applyVerdict(rep, 'valid');
  assert.equal(checkProbability(rep, 10), 0.02);
  rep = applyVerdict(rep, 'invalid');
  assert.deepEqual(rep, { valid: 1040, invalid: 1, errors: 1, consecutive_valid: 0 });
  assert.equal(checkProbability(rep, 10), 1);
});

test('only an agreement between nodes judges them; the third invalid run quarantines a node', () => {
  const replicas = (verdicts: Replica['verdict'][]): Replica[] =>
    verdicts.map((verdict, i) => ({
      node_id: ['h', 'a', 'b'][i]!,
      attempt: i + 1,
      exit_code: 0,
      digest: SHA_A,
      verdict,
    }));
  assert.equal(judgesNodes(replicas(['valid'])), false, 'a trusted run accepted unchecked proves nothing');
  assert.equal(judgesNodes(replicas(['invalid', 'invalid'])), false, 'no agreement says nothing of who lied');
  const lies = Array.from({ length: 4 }, () => ({ replicas: replicas(['invalid', 'valid', 'valid']) }));
  const derived = deriveReputations([{ replicas: replicas(['valid']) }, ...lies]);
  assert.deepEqual(derived.get('h'), { valid: 0, invalid: 3, errors: 0, consecutive_valid: 0 }, 'quarantined at 3');
  assert.deepEqual(derived.get('a'), { valid: 4, invalid: 0, errors: 0, consecutive_valid: 4 });

  const node = (id: string, invalid: number): NodeRecord => ({
    node_id: id,
    labels: [],
    slots: 1,
    version: '1',
    started_at: '2026-01-01T00:00:00Z',
    last_heartbeat: '2026-01-01T00:00:00Z',
    status: 'online',
    tasks: ['x'],
    completed: 0,
    failed: 0,
    reputation: { ...noReputation(), invalid },
  });
  const nodes = new Map([
    ['h', node('h', 2)],
    ['a', node('a', 0)],
  ]);
  const updates = reputationUpdates(replicas(['invalid', 'valid', 'valid']), nodes);
  assert.equal(updates.get('h')!.status, 'quarantined');
  assert.deepEqual(updates.get('h')!.tasks, []);
  assert.equal(isQuarantined(updates.get('h')), true);
  assert.equal(updates.get('a')!.status, 'online');
  assert.equal(updates.has('b'), false, 'a node without a file at the tip is left out');
});
