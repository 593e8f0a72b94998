import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../src/common/errors.js';
import {
  TASK_SIGNATURE_NAMESPACE,
  signTaskFile,
  taskSigningMessage,
  verifyTaskSignature,
} from '../src/validation/ssh-signature.js';
import { parseAllowedSigners, verifySshSignature } from '../src/git/ssh-signature.js';
import { git } from '../src/git/runner.js';
import { gridFor, runAll } from './helpers/grid.js';
import { armor, unarmor, withAlgorithm } from './helpers/sshsig.js';

const dir = mkdtempSync(join(tmpdir(), 'dgrid-ssh-signature-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Key {
  name: string;
  path: string;
  /** The public key line, "type base64 comment". */
  publicKey: string;
}

function makeKey(name: string, type: string, bits?: number): Key {
  const path = join(dir, name);
  const size = bits === undefined ? [] : ['-b', String(bits)];
  execFileSync('ssh-keygen', ['-q', '-t', type, ...size, '-N', '', '-C', `${name}@example.com`, '-f', path]);
  return { name, path, publicKey: readFileSync(`${path}.pub`, 'utf8').trim() };
}

const alice = makeKey('alice', 'ed25519');
const mallory = makeKey('mallory', 'ed25519');
const keysOfEachType = [
  alice,
  makeKey('p256', 'ecdsa', 256),
  makeKey('p384', 'ecdsa', 384),
  makeKey('p521', 'ecdsa', 521),
  makeKey('rsa', 'rsa', 2048),
];

function sign(key: Key, message: Buffer, namespace = TASK_SIGNATURE_NAMESPACE, hash = 'sha512'): string {
  const args = ['-Y', 'sign', '-n', namespace, '-O', `hashalg=${hash}`, '-f', key.path];
  return execFileSync('ssh-keygen', args, { input: message, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

function sshKeygenFingerprint(key: Key): string {
  return (
    execFileSync('ssh-keygen', ['-l', '-f', `${key.path}.pub`])
      .toString()
      .split(' ')[1] ?? ''
  );
}

/** The verdict of OpenSSH itself, to check that ours agrees. */
function sshKeygenAccepts(allowed: string[], principal: string, message: Buffer, armored: string): boolean {
  const allowedPath = join(dir, 'allowed_signers');
  const signaturePath = join(dir, 'message.sig');
  writeFileSync(allowedPath, `${allowed.join('\n')}\n`);
  writeFileSync(signaturePath, armored);
  const args = [
    '-Y',
    'verify',
    '-f',
    allowedPath,
    '-I',
    principal,
    '-n',
    TASK_SIGNATURE_NAMESPACE,
    '-s',
    signaturePath,
  ];
  return spawnSync('ssh-keygen', args, { input: message }).status === 0;
}

function verify(message: Buffer, armored: string, allowed: string[]) {
  return verifySshSignature({
    message,
    armored,
    namespace: TASK_SIGNATURE_NAMESPACE,
    signers: parseAllowedSigners(allowed),
  });
}

function reason(verdict: ReturnType<typeof verify>): string {
  assert.equal(verdict.ok, false);
  return verdict.ok ? '' : verdict.reason;
}

const message = Buffer.from('dgrid-task:v1\nt1\n{"script":"echo hi","task_id":"t1"}');
const aliceAllowed = [`alice@example.com ${alice.publicKey}`];

test('signatures by each supported key type verify, as with ssh-keygen', () => {
  for (const key of keysOfEachType) {
    const allowed = [`${key.name}@example.com ${key.publicKey}`];
    for (const hash of ['sha256', 'sha512']) {
      const armored = sign(key, message, TASK_SIGNATURE_NAMESPACE, hash);
      assert.deepEqual(verify(message, armored, allowed), { ok: true, principal: `${key.name}@example.com` });
      assert.equal(sshKeygenAccepts(allowed, `${key.name}@example.com`, message, armored), true);
    }
  }
});

test('the matching line among several signers gives the principal', () => {
  const allowed = [
    `mallory@example.com ${mallory.publicKey}`,
    `alice@example.com,alice@work.example ${alice.publicKey}`,
  ];
  assert.deepEqual(verify(message, sign(alice, message), allowed), {
    ok: true,
    principal: 'alice@example.com,alice@work.example',
  });
});

test('a key that is not a trusted signer is refused', () => {
  const armored = sign(mallory, message);
  assert.equal(
    reason(verify(message, armored, aliceAllowed)),
    `key ${sshKeygenFingerprint(mallory)} is not a trusted signer`,
  );
  assert.equal(sshKeygenAccepts(aliceAllowed, 'alice@example.com', message, armored), false);
  assert.match(reason(verify(message, armored, [])), /is not a trusted signer/);
});

test('a signature made for another namespace is refused', () => {
  const armored = sign(alice, message, 'git');
  assert.equal(reason(verify(message, armored, aliceAllowed)), 'signed for namespace git, expected dgrid-task');
  assert.equal(sshKeygenAccepts(aliceAllowed, 'alice@example.com', message, armored), false);
  // The comparison is exact, not a prefix match.
  assert.match(reason(verify(message, sign(alice, message, 'dgrid-task2'), aliceAllowed)), /namespace dgrid-task2/);
});

test('content changed after signing is refused', () => {
  const armored = sign(alice, message);
  const edited = Buffer.from(message.toString().replace('echo hi', 'echo HI'));
  assert.equal(reason(verify(edited, armored, aliceAllowed)), 'the signature does not match the content');
  assert.equal(sshKeygenAccepts(aliceAllowed, 'alice@example.com', edited, armored), false);
});

test('a namespaces option on the signer line restricts the key', () => {
  const armored = sign(alice, message);
  const restricted = [`alice@example.com namespaces="git,file" ${alice.publicKey}`];
  assert.equal(
    reason(verify(message, armored, restricted)),
    `key ${sshKeygenFingerprint(alice)} (alice@example.com) is not allowed to sign namespace dgrid-task`,
  );
  assert.equal(sshKeygenAccepts(restricted, 'alice@example.com', message, armored), false);

  const allowed = [`alice@example.com namespaces="git,dgrid-task" ${alice.publicKey}`];
  assert.equal(verify(message, armored, allowed).ok, true);
  assert.equal(sshKeygenAccepts(allowed, 'alice@example.com', message, armored), true);
});

test('damaged signatures are refused with a reason, never an exception', () => {
  const armored = sign(alice, message);
  const lines = armored.trim().split('\n');
  const bytes = unarmor(armored);
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 1] = (flipped.at(-1) ?? 0) ^ 1;
  const otherVersion = Buffer.from(bytes);
  otherVersion.writeUInt32BE(2, 6);
  const cases: Array<[string, RegExp]> = [
    ['', /not armored/],
    ['signed, trust me', /not armored/],
    [lines.slice(0, -1).join('\n'), /not armored/],
    [[...lines.slice(0, 2), ...lines.slice(-1)].join('\n'), /not valid base64/],
    [armor(bytes.subarray(0, bytes.length - 10)), /truncated or malformed/],
    [armored.replace(/^(.{40})./m, '$1!'), /not valid base64/],
    [armor(Buffer.from('SSHSIG')), /truncated or malformed/],
    [armor(Buffer.from('not a signature at all')), /no SSHSIG magic/],
    [armor(otherVersion), /version 2 is not supported/],
    [armor(Buffer.concat([bytes, Buffer.from([0])])), /trailing data/],
    [armor(Buffer.from(bytes.toString('latin1').replace('sha512', 'sha384'), 'latin1')), /hash algorithm sha384/],
    [armor(flipped), /^the signature does not match the content$/],
  ];
  for (const [damaged, expected] of cases) {
    assert.match(reason(verify(message, damaged, aliceAllowed)), expected, damaged);
  }
  assert.equal(sshKeygenAccepts(aliceAllowed, 'alice@example.com', message, armor(flipped)), false);
});

test('a signature algorithm that does not fit the key is refused', () => {
  // Swap alice's key into an RSA signature: the key is trusted but the signature cannot be hers.
  const rsa = keysOfEachType.at(-1) as Key;
  const rsaBytes = unarmor(sign(rsa, message));
  const aliceKey = Buffer.from(alice.publicKey.split(' ')[1] ?? '', 'base64');
  const rsaKeyLength = rsaBytes.readUInt32BE(10);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(aliceKey.length);
  const forged = Buffer.concat([rsaBytes.subarray(0, 10), length, aliceKey, rsaBytes.subarray(14 + rsaKeyLength)]);
  assert.equal(
    reason(verify(message, armor(forged), aliceAllowed)),
    'signature algorithm rsa-sha2-512 does not fit a ssh-ed25519 key',
  );
});

test('parseAllowedSigners reads principals, options and keys, skipping blanks and comments', () => {
  const signers = parseAllowedSigners([
    '# trusted submitters',
    '',
    `  alice@example.com,"alice@work.example" ${alice.publicKey}`,
    `mallory@example.com NAMESPACES="dgrid-task,git" ${mallory.publicKey.split(' ').slice(0, 2).join(' ')}`,
  ]);
  assert.deepEqual(
    signers.map((s) => [s.principal, s.namespaces, s.keyType, s.fingerprint]),
    [
      ['alice@example.com,"alice@work.example"', undefined, 'ssh-ed25519', sshKeygenFingerprint(alice)],
      ['mallory@example.com', ['dgrid-task', 'git'], 'ssh-ed25519', sshKeygenFingerprint(mallory)],
    ],
  );
});

test('parseAllowedSigners names the line of each mistake', () => {
  const [type, data] = alice.publicKey.split(' ');
  const cases: Array<[string, RegExp]> = [
    ['alice@example.com', /line 3: expected "principal/],
    [`alice@example.com ssh-dss ${data}`, /line 3: key type ssh-dss is not supported/],
    [`alice@example.com ${type} AAAA$$`, /line 3: the key is not valid base64/],
    [
      `alice@example.com ecdsa-sha2-nistp256 ${data}`,
      /line 3: the key data is a ssh-ed25519 key, not ecdsa-sha2-nistp256/,
    ],
    [`alice@example.com ${type} ${data?.slice(0, 40)}`, /line 3: the key data is truncated or malformed/],
    [`*@example.com cert-authority ${type} ${data}`, /line 3: option cert-authority is not supported/],
    [`alice@example.com valid-after="20240101" ${type} ${data}`, /line 3: option valid-after="20240101"/],
    [`alice@example.com namespaces="dgrid-*" ${type} ${data}`, /line 3: namespace "dgrid-\*" is not an exact name/],
  ];
  for (const [line, expected] of cases) {
    assert.throws(
      () => parseAllowedSigners(['# comment', '', line]),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, expected);
        return true;
      },
    );
  }
});

test('taskSigningMessage follows the documented contract', () => {
  const task = { task_id: 't1', script: 'echo hi', env: { B: '2', A: '1' }, requires: ['z', 'a'], signature: 'x' };
  assert.equal(
    taskSigningMessage(task).toString(),
    'dgrid-task:v1\nt1\n{"env":{"A":"1","B":"2"},"requires":["z","a"],"script":"echo hi","task_id":"t1"}',
  );
  assert.throws(() => taskSigningMessage({ script: 'echo hi' }), UserError);
});

function writeTask(name: string, task: Record<string, unknown>): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(task));
  return path;
}

function readTask(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

test('signTaskFile writes a signature that verifies, as with ssh-keygen', async () => {
  const path = writeTask('signed', { task_id: 'signed', script: 'echo hi', timeout_seconds: 30 });
  await signTaskFile(path, alice.path);

  const text = readFileSync(path, 'utf8');
  const task = readTask(path);
  assert.equal(text, `${JSON.stringify(task, null, 2)}\n`);
  assert.deepEqual(Object.keys(task), ['task_id', 'script', 'timeout_seconds', 'signature']);
  assert.deepEqual(verifyTaskSignature(task, parseAllowedSigners(aliceAllowed)), {
    ok: true,
    principal: 'alice@example.com',
  });
  assert.equal(
    sshKeygenAccepts(aliceAllowed, 'alice@example.com', taskSigningMessage(task), String(task.signature)),
    true,
  );
});

test('a signed task survives reformatting but not edits or a new task id', async () => {
  const path = writeTask('t1', { task_id: 't1', script: 'echo hi', env: { A: '1' } });
  await signTaskFile(path, alice.path);
  const task = readTask(path);
  const signers = parseAllowedSigners(aliceAllowed);

  const reordered = Object.fromEntries(Object.entries(task).reverse());
  assert.equal(verifyTaskSignature(reordered, signers).ok, true);

  const edited = { ...task, env: { A: '2' } };
  assert.equal(reason(verifyTaskSignature(edited, signers)), 'the signature does not match the content');
  const replayed = { ...task, task_id: 't2' };
  assert.equal(reason(verifyTaskSignature(replayed, signers)), 'the signature does not match the content');
  assert.equal(
    sshKeygenAccepts(aliceAllowed, 'alice@example.com', taskSigningMessage(replayed), String(task.signature)),
    false,
  );
});

test('signing again replaces the earlier signature', async () => {
  const path = writeTask('resigned', { task_id: 'resigned', script: 'echo hi' });
  await signTaskFile(path, mallory.path);
  await signTaskFile(path, alice.path);
  const verdict = verifyTaskSignature(readTask(path), parseAllowedSigners(aliceAllowed));
  assert.deepEqual(verdict, { ok: true, principal: 'alice@example.com' });
});

test('a task without a usable signature field is refused', () => {
  const signers = parseAllowedSigners(aliceAllowed);
  assert.equal(reason(verifyTaskSignature({ task_id: 't1', script: 'x' }, signers)), 'the task has no signature field');
  assert.match(reason(verifyTaskSignature({ task_id: 't1', signature: 42 }, signers)), /must be a string/);
  assert.match(reason(verifyTaskSignature({ signature: 'x' }, signers)), /no task_id/);
});

test('signTaskFile reports bad files and failed signing as user errors', async () => {
  const duplicate = join(dir, 'duplicate.json');
  writeFileSync(duplicate, '{"task_id": "d", "task_id": "e"}');
  await assert.rejects(signTaskFile(duplicate, alice.path), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(
      error.message,
      `${duplicate}:1:18: duplicate key "task_id" (first at line 1, column 2): keep only one`,
    );
    return true;
  });

  const path = writeTask('unsigned', { task_id: 'unsigned', script: 'echo hi' });
  await assert.rejects(signTaskFile(path, join(dir, 'no-such-key')), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /^ssh-keygen could not sign with .*no-such-key: /);
    return true;
  });
  assert.equal(readTask(path).signature, undefined);
});

const OBJECT_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

test('an inner signature algorithm dgrid does not know is refused by name, for every key type', () => {
  for (const key of keysOfEachType) {
    const allowed = [`${key.name}@example.com ${key.publicKey}`];
    const armored = sign(key, message);
    for (const name of [...OBJECT_NAMES, 'ssh-dss', 'rsa-sha2-1024', 'x\n::error::forged']) {
      const forged = withAlgorithm(armored, name);
      const refusal = reason(verify(message, forged, allowed));
      assert.match(refusal, /^signature algorithm ".*" is not one dgrid knows \(ssh-ed25519, .*rsa-sha2-512\)$/);
      assert.doesNotMatch(refusal, /\n|::/);
      assert.equal(sshKeygenAccepts(allowed, `${key.name}@example.com`, message, forged), false, name);
    }
  }
});

/** A small seeded generator, so that a failing mutation can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Buffer, next: () => number): Buffer {
  const at = Math.floor(next() * bytes.length);
  const out = Buffer.from(bytes);
  switch (Math.floor(next() * 6)) {
    case 0:
      out[at] = out[at]! ^ (1 << Math.floor(next() * 8));
      return out;
    case 1:
      return out.subarray(0, at);
    case 2:
      return Buffer.concat([out.subarray(0, at), Buffer.from([Math.floor(next() * 256)]), out.subarray(at)]);
    case 3:
      return Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + Math.floor(next() * 8))]);
    case 4: {
      // A length prefix that lies: huge, zero, or off by one.
      const lengthAt = Math.min(at, out.length - 4);
      if (lengthAt < 0) return out;
      const lies = [0xffffffff, 0, out.readUInt32BE(lengthAt) + 1, out.readUInt32BE(lengthAt) - 1];
      out.writeUInt32BE(lies[Math.floor(next() * lies.length)]! >>> 0, lengthAt);
      return out;
    }
    default: {
      // One of the names inside replaced by a name every JavaScript object answers to.
      const name = OBJECT_NAMES[Math.floor(next() * OBJECT_NAMES.length)]!;
      const text = out.toString('latin1');
      const names = [...text.matchAll(/ssh-ed25519|ecdsa-sha2-nistp\d+|rsa-sha2-\d+|sha\d+|nistp\d+/g)];
      const chosen = names[Math.floor(next() * names.length)];
      if (!chosen) return out;
      const end = chosen.index + chosen[0].length;
      return Buffer.from(text.slice(0, chosen.index) + name + text.slice(end), 'latin1');
    }
  }
}

test('fuzz: mutated and truncated signatures get a verdict, never an exception, and agree with ssh-keygen', () => {
  const next = random(22);
  let mutants = 0;
  let accepted = 0;
  for (const key of keysOfEachType) {
    const allowed = [`${key.name}@example.com ${key.publicKey}`];
    const armoredOriginal = sign(key, message);
    const bytes = unarmor(armoredOriginal);
    for (let i = 0; i < 60; i++) {
      // Some start from a well-formed signature whose inner algorithm is a name every object answers to.
      const named = withAlgorithm(armoredOriginal, OBJECT_NAMES[Math.floor(next() * OBJECT_NAMES.length)]!);
      let mutant = next() < 0.3 ? unarmor(named) : bytes;
      if (mutant === bytes || next() < 0.5) mutant = mutate(mutant, next);
      if (next() < 0.3) mutant = mutate(mutant, next);
      const armored = armor(mutant);
      let verdict: ReturnType<typeof verify>;
      try {
        verdict = verify(message, armored, allowed);
      } catch (error) {
        assert.fail(`${key.name} mutant ${i} threw ${String(error)}:\n${armored}`);
      }
      const openssh = sshKeygenAccepts(allowed, `${key.name}@example.com`, message, armored);
      assert.equal(verdict.ok, openssh, `${key.name} mutant ${i}: ours ${JSON.stringify(verdict)}\n${armored}`);
      if (!verdict.ok) assert.ok(verdict.reason.length > 0);
      mutants++;
      if (verdict.ok) accepted++;
      // The armor itself, cut short of its end line's last character.
      const text = armor(bytes).trimEnd();
      const cut = text.slice(0, Math.floor(next() * text.length));
      assert.equal(verify(message, cut, allowed).ok, false);
    }
  }
  assert.equal(mutants, 300);
  // A mutation may leave the signature intact (a byte OpenSSH ignores does not exist here): none passes.
  assert.equal(accepted, 0);
});

test('a queued task whose signature names an unknown algorithm fails once as error; the node claims on', async (t) => {
  const rsa = keysOfEachType.at(-1) as Key;
  const grid = await gridFor(t, {
    signatures: { required: true, trusted_signers: [`rsa@example.com ${rsa.publicKey}`] },
  });
  // Straight to the branch, as a token holder who skipped validation would.
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  const queued = (id: string) => join(work, 'tasks/queue', `${id}.json`);
  for (const id of ['good', 'forged']) {
    writeFileSync(queued(id), JSON.stringify({ task_id: id, script: `echo ${id}` }));
    await signTaskFile(queued(id), rsa.path);
  }
  const forged = readTask(queued('forged'));
  writeFileSync(
    queued('forged'),
    JSON.stringify({ ...forged, signature: withAlgorithm(String(forged.signature), 'constructor') }),
  );
  await git(['-C', work, 'add', '-A']);
  await git(['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'direct push']);
  await git(['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);

  await runAll([grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 2 })]);
  const results = await grid.results();
  assert.equal(results.get('good')?.status, 'success');
  const failed = results.get('forged');
  assert.equal(failed?.state, 'failed');
  assert.equal(failed?.status, 'error');
  assert.match(failed?.reason ?? '', /signature algorithm "constructor" is not one dgrid knows/);
  assert.equal(failed?.stdout, '');
  // Moved out once: added by the push, removed by one commit, never written again.
  const touched = await git(
    ['log', '--format=%H', 'main', '--', 'tasks/queue/forged.json', ':(glob)tasks/failed/**/forged.json'],
    {
      cwd: grid.bare,
    },
  );
  assert.equal(touched.trim().split('\n').length, 2);
});
