// SSH-signed commits, as git writes them with gpg.format=ssh: the commit object carries a `gpgsig` header
// holding an armored SSHSIG of namespace "git" over the commit object without that header. So a commit dgrid
// signs is one `git verify-commit` accepts, and that GitHub shows as verified when the key is on the account.
import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../common/errors.js';
import { git, gitBytes, type GitRunOptions } from './runner.js';
import { parseAllowedSigners, sshKeygenSign, verifySshSignature, type Signer, type Verdict } from './ssh-signature.js';

export const COMMIT_SIGNATURE_NAMESPACE = 'git';

/** A commit object split into what its signature covers and the signature; armored is undefined when unsigned. */
export interface SplitCommit {
  payload: Buffer;
  armored: string | undefined;
}

/**
 * Splits a raw commit object as git does to verify it: the `gpgsig` header (its continuation lines start with
 * a space) is the signature, the object without it the payload. Headers end at the first empty line.
 */
export function splitCommit(raw: Buffer): SplitCommit {
  const end = raw.indexOf('\n\n');
  const headerEnd = end < 0 ? raw.length : end + 1;
  const lines = raw.subarray(0, headerEnd).toString('latin1').split('\n').slice(0, -1);
  const kept: string[] = [];
  let armored: string[] | undefined;
  let inSignature = false;
  for (const line of lines) {
    if (inSignature && line.startsWith(' ')) {
      armored!.push(line.slice(1));
      continue;
    }
    inSignature = false;
    if (line.startsWith('gpgsig ') && armored === undefined) {
      armored = [line.slice('gpgsig '.length)];
      inSignature = true;
      continue;
    }
    kept.push(line);
  }
  const payload = Buffer.concat([Buffer.from(kept.map((l) => `${l}\n`).join(''), 'latin1'), raw.subarray(headerEnd)]);
  return { payload, armored: armored?.join('\n') };
}

/** The commit object with `armored` as its gpgsig header, placed after the other headers as git places it. */
export function withSignature(raw: Buffer, armored: string): Buffer {
  const end = raw.indexOf('\n\n');
  const headerEnd = end < 0 ? raw.length : end + 1;
  const header = `gpgsig ${armored.trim().split('\n').join('\n ')}\n`;
  return Buffer.concat([raw.subarray(0, headerEnd), Buffer.from(header, 'latin1'), raw.subarray(headerEnd)]);
}

/** Whether a raw commit's signature is by one of `signers` (namespace git). */
export function verifyCommit(raw: Buffer, signers: Signer[]): Verdict {
  const { payload, armored } = splitCommit(raw);
  if (armored === undefined) return { ok: false, reason: 'the commit is not signed' };
  return verifySshSignature({ message: payload, armored, namespace: COMMIT_SIGNATURE_NAMESPACE, signers });
}

/**
 * Signs a commit of the repository at `options.cwd` with the SSH key at keyPath and writes the signed commit:
 * the same tree, parents, author and message, plus the signature. Returns the signed commit's id.
 */
export async function signCommit(commit: string, keyPath: string, options: GitRunOptions): Promise<string> {
  const raw = await gitBytes(['cat-file', 'commit', commit], options);
  const armored = await sshKeygenSign(raw, keyPath, COMMIT_SIGNATURE_NAMESPACE);
  const signed = withSignature(raw, armored);
  return (await git(['hash-object', '-t', 'commit', '-w', '--stdin'], { ...options, input: signed })).trim();
}

/** A public key as an allowed_signers line names it: "<type> <base64>", without its comment. */
export function publicKeyLine(text: string): string {
  const [type, data] = text.trim().split(/\s+/);
  if (!type || !data)
    throw new UserError(`"${text.trim().slice(0, 40)}" is not an SSH public key ("ssh-ed25519 AAAA...")`);
  return `${type} ${data}`;
}

/** The signer of a public key line, for verifying with it; throws a UserError naming `where` when it is not one. */
export function signerOf(principal: string, publicKey: string, where: string): Signer {
  try {
    return parseAllowedSigners([`${principal} ${publicKeyLine(publicKey)}`])[0]!;
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(`${where}: ${error.message.replace(/^trusted signer line 1: /, '')}`);
    throw error;
  }
}

/** The public key of a private key file, by `ssh-keygen -y`, as "<type> <base64>". */
export async function publicKeyOf(keyPath: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('ssh-keygen', ['-y', '-f', keyPath]);
    return publicKeyLine(stdout);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure instanceof UserError) throw failure;
    if (failure.code === 'ENOENT')
      throw new UserError('ssh-keygen was not found: install OpenSSH 8.1 or later to sign');
    throw new UserError(
      `${keyPath} is not an SSH private key without a passphrase (ssh-keygen -y: ${failure.stderr?.trim() || failure.message}): ` +
        'make one with "dgrid node-key"',
    );
  }
}

/**
 * The key file of a signing-key setting: a path as given, or, for the key itself (a secret of a workflow), a
 * file only this user can read in `dir`, as ssh-keygen takes keys from files alone.
 */
export async function signingKeyFile(value: string, dir: string): Promise<string> {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return value;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'signing-key');
  await writeFile(path, `${value.trim()}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}
