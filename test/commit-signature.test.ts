// Signed commits as git writes and reads them (gpg.format=ssh): what dgrid signs, git verifies, and what git
// signs, dgrid verifies; a changed commit or another key does not pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKey } from '../src/admin/node-key.js';
import { git, gitBytes, runGit } from '../src/git/runner.js';
import { signerOf, splitCommit, verifyCommit } from '../src/git/commit-signature.js';
import { GridStore } from '../src/git/store.js';

async function scratch(t: { after(fn: () => Promise<void>): void }) {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-signed-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const repo = join(dir, 'repo.git');
  await git(['init', '--bare', '--quiet', repo]);
  const key = join(dir, 'n1');
  const publicKey = await generateNodeKey(key, 'n1');
  await writeFile(join(dir, 'allowed'), `n1 namespaces="git" ${publicKey}\n`);
  return { dir, repo, key, publicKey, allowed: join(dir, 'allowed') };
}

test('a commit a signing store builds is one git verify-commit accepts, and so does dgrid', async (t) => {
  const { repo, key, publicKey, allowed } = await scratch(t);
  const store = await GridStore.open({ remote: repo, branch: 'main', dir: repo, signingKey: key });
  const commit = await store.commit(null, [{ path: 'nodes/n1.json', content: '{}\n' }], 'dgrid: n1: heartbeat\n', 'n1');
  const verified = await runGit(['-c', `gpg.ssh.allowedSignersFile=${allowed}`, 'verify-commit', commit], {
    cwd: repo,
  });
  assert.equal(verified.exitCode, 0, verified.stderr);
  assert.match(verified.stderr, /Good "git" signature for n1/);

  const raw = await gitBytes(['cat-file', 'commit', commit], { cwd: repo });
  assert.deepEqual(verifyCommit(raw, [signerOf('n1', publicKey, 'test')]), { ok: true, principal: 'n1' });
  // The tree, the message or the author changed: the signature no longer holds.
  const tampered = Buffer.from(raw.toString('latin1').replace('heartbeat', 'finish 1'), 'latin1');
  assert.equal(verifyCommit(tampered, [signerOf('n1', publicKey, 'test')]).ok, false);
  const other = await generateNodeKey(`${key}-other`, 'n2');
  assert.equal(verifyCommit(raw, [signerOf('n2', other, 'test')]).ok, false);
  assert.equal(splitCommit(raw).payload.includes('gpgsig'), false);
});

test('a commit git signs with an SSH key is one dgrid verifies; an unsigned one is refused as such', async (t) => {
  const { dir, key, publicKey } = await scratch(t);
  const work = join(dir, 'work');
  await git(['init', '--quiet', '-b', 'main', work]);
  const config = [
    '-c',
    'gpg.format=ssh',
    '-c',
    `user.signingkey=${key}`,
    '-c',
    'user.name=n1',
    '-c',
    'user.email=n1@dgrid',
  ];
  await git([...config, 'commit', '--quiet', '--allow-empty', '-S', '-m', 'signed by git'], { cwd: work });
  await git([...config, 'commit', '--quiet', '--allow-empty', '-m', 'not signed'], { cwd: work });
  const signer = signerOf('n1', publicKey, 'test');
  const signed = await gitBytes(['cat-file', 'commit', 'HEAD~1'], { cwd: work });
  assert.deepEqual(verifyCommit(signed, [signer]), { ok: true, principal: 'n1' });
  const unsigned = await gitBytes(['cat-file', 'commit', 'HEAD'], { cwd: work });
  assert.deepEqual(verifyCommit(unsigned, [signer]), { ok: false, reason: 'the commit is not signed' });
});
