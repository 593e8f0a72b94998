import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { inProgressPath, locate, queuePath, resultPath } from '../src/protocol/layout.js';
import { defaultPolicy, parsePolicy, policyProblems } from '../src/protocol/policy.js';
import { shippedSchemas, type Claim, type NodeRecord, type Result, type Task } from '../src/protocol/schemas.js';
import { claimValidator, nodeValidator, resultValidator, taskValidator } from '../src/protocol/schema-validators.js';
import { OutputCapture } from '../src/sandbox/output.js';
import { claimTask, finishClaim, requeueClaim, emptyStream, attemptsUsed } from '../src/protocol/transitions.js';
import { VERSION } from '../src/protocol/version.js';
import { UserError } from '../src/common/errors.js';
import type { TaskFile } from '../src/protocol/snapshot.js';

test('the original D-GRID task format is valid as it is', () => {
  assert.deepEqual(taskValidator.problems({ task_id: 't1', script: 'echo hi', timeout_seconds: 30 }), []);
});

test('a task with every field is valid', () => {
  const task: Task = {
    $schema: '../../schemas/task.schema.json',
    task_id: 'full.task_1-x',
    script: 'echo hi',
    timeout_seconds: 60,
    image: 'python:3.12-alpine',
    priority: 'high',
    depends_on: ['a', 'b'],
    max_attempts: 3,
    requires: ['gpu', 'linux'],
    resources: { cpus: 0.5, memory_mb: 256 },
    not_before: '2026-01-01T00:00:00Z',
    env: { GREETING: 'hi', _X: '1' },
    description: 'everything',
  };
  assert.deepEqual(taskValidator.problems(task), []);
});

test('schema problems are all reported and say what to change', () => {
  const problems = taskValidator.problems({
    task_id: '-bad id',
    script: '',
    timeout_seconds: 0,
    priority: 'urgent',
    colour: 'red',
    env: { PATH: '/x', LD_PRELOAD: 'y', lower: 'z' },
  });
  const text = problems.map((p) => p.message).join('\n');
  assert.match(text, /unknown field "colour"/);
  assert.match(text, /field "task_id" must match/);
  assert.match(text, /field "timeout_seconds" must be >= 1/);
  assert.match(text, /field "priority" must be one of/);
  for (const name of ['PATH', 'LD_PRELOAD', 'lower']) assert.match(text, new RegExp(`"${name}"`));
  assert.ok(problems.length >= 7, text);
});

test('missing required fields are named', () => {
  const text = taskValidator
    .problems({})
    .map((p) => p.message)
    .join('\n');
  assert.match(text, /missing field "task_id"/);
  assert.match(text, /missing field "script"/);
});

test('policy defaults apply to a grid without dgrid.json, and bad policies are user errors', () => {
  const policy = defaultPolicy();
  assert.equal(policy.output_cap_bytes, 10240);
  assert.equal(policy.lease.heartbeat_seconds, 60);
  assert.equal(policy.limits.memory_mb, 512);
  assert.deepEqual(policy.allowed_images, ['python:3.12-alpine']);
  assert.equal(parsePolicy('{"lease": {"grace_seconds": 5}}').lease.node_timeout_seconds, 600);
  assert.throws(
    () => parsePolicy('{"max_queued": 5}'),
    (e: unknown) => e instanceof UserError && /max_queued/.test(e.message),
  );
  assert.throws(() => parsePolicy('{nope'), /not valid JSON/);
});

test('policy limits reject what the schema alone accepts', () => {
  const policy = parsePolicy('{"max_timeout_seconds": 60, "limits": {"cpus": 1, "memory_mb": 256}}');
  const problems = policyProblems(
    { task_id: 'x', script: 'true', timeout_seconds: 61, image: 'evil:latest', resources: { cpus: 2, memory_mb: 512 } },
    policy,
  );
  assert.deepEqual(
    problems.map((p) => p.pointer),
    ['/timeout_seconds', '/image', '/resources/cpus', '/resources/memory_mb'],
  );
});

test('layout: every path maps back to its lifecycle folder and task id', () => {
  const at = new Date('2026-11-22T10:00:00Z');
  assert.deepEqual(locate(queuePath('a.b')), { state: 'queue', id: 'a.b' });
  assert.deepEqual(locate(inProgressPath('node-1', 'x')), { state: 'in_progress', id: 'x' });
  const path = resultPath('completed', 'x', at);
  assert.match(path, /^tasks\/completed\/2026-11-22\/[0-9a-f]{2}\/x\.json$/);
  assert.deepEqual(locate(path), { state: 'completed', id: 'x' });
  assert.equal(locate('tasks/queue/.gitkeep'), undefined);
  assert.equal(locate('nodes/a.json'), undefined);
});

test('output capture keeps the cap, counts and hashes everything', () => {
  const capture = new OutputCapture(4);
  capture.write(Buffer.from('hello '));
  capture.write(Buffer.from('world'));
  const out = capture.finish();
  assert.equal(out.text, 'hell');
  assert.equal(out.bytes, 11);
  assert.equal(out.truncated, true);
  assert.equal(out.sha256, 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
});

test('lifecycle: claim, requeue and finish keep history and produce valid records', () => {
  const policy = defaultPolicy();
  const file: TaskFile = {
    id: 't1',
    state: 'queue',
    entry: { mode: '100644', type: 'blob', sha: 'x', size: 10, path: 'tasks/queue/t1.json' },
  };
  const now = new Date('2026-11-22T10:00:00Z');
  const first = claimTask(file, { task_id: 't1', script: 'true' }, 'n1', now, policy);
  assert.equal(first.claim.claim.attempt, 1);
  assert.equal(first.claim.claim.lease_until, '2026-11-22T10:02:30.000Z'); // default timeout 30 s + grace 120 s
  assert.deepEqual(claimValidator.problems(first.claim), []);
  assert.deepEqual(first.changes[0], { path: 'tasks/queue/t1.json', delete: true });

  const back = requeueClaim(first.changes[1]!.path, first.claim, 'orphaned', 'node died', now);
  assert.equal(back.task.attempts?.length, 1);
  assert.equal(attemptsUsed(back.task), 1);
  const second = claimTask(file, back.task, 'n2', now, policy);
  assert.equal(second.claim.claim.attempt, 2);
  assert.notEqual(second.claim.claim.token, first.claim.claim.token);

  const run = {
    status: 'success' as const,
    exitCode: 0,
    stdout: emptyStream(),
    stderr: emptyStream(),
    startedAt: now,
    finishedAt: new Date(now.getTime() + 1500),
  };
  const done = finishClaim(second.changes[1]!.path, second.claim as Claim, run);
  assert.deepEqual(resultValidator.problems(done.result), []);
  assert.equal(done.result.duration_ms, 1500);
  assert.equal(done.result.attempts?.[0]?.node_id, 'n1');
  assert.match(done.changes[1]!.path, /^tasks\/completed\//);
});

test('the schemas are valid JSON Schema: the validators compile them without checking', () => {
  const checker = new Ajv({ strict: true, allowUnionTypes: true });
  addFormats.default(checker, ['date-time']);
  for (const [file, schema] of Object.entries(shippedSchemas)) {
    assert.equal(checker.validateSchema(schema), true, `${file}: ${checker.errorsText(checker.errors)}`);
    assert.doesNotThrow(() => checker.compile(schema), file);
  }
});

test('the shipped JSON Schemas are generated from the same source as the types', () => {
  for (const [file, schema] of Object.entries(shippedSchemas)) {
    const shipped = JSON.parse(readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8'));
    const { $schema: _s, ...rest } = shipped;
    assert.deepEqual(rest, JSON.parse(JSON.stringify(schema)), `${file} is stale: run npm run build`);
  }
  // A record typed by the TypeScript types must satisfy the schema of its folder, field for field.
  const node: NodeRecord = {
    node_id: 'n1',
    labels: [],
    slots: 1,
    version: VERSION,
    started_at: '2026-11-22T10:00:00Z',
    last_heartbeat: '2026-11-22T10:00:00Z',
    status: 'online',
    tasks: [],
    completed: 0,
    failed: 0,
  };
  assert.deepEqual(nodeValidator.problems(node), []);
  const result: Result = {
    task_id: 'x',
    node_id: 'n1',
    status: 'error',
    exit_code: null,
    timestamp: node.started_at,
    started_at: node.started_at,
    finished_at: node.started_at,
    duration_ms: 0,
    attempt: 0,
    stdout: '',
    stdout_bytes: 0,
    stdout_sha256: emptyStream().sha256,
    stdout_truncated: false,
    stderr: '',
    stderr_bytes: 0,
    stderr_sha256: emptyStream().sha256,
    stderr_truncated: false,
  };
  assert.deepEqual(resultValidator.problems(result), []);
});

test('the version recorded in node files is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, pkg.version);
});
