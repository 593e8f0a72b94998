// SSH signatures (the SSHSIG format of `ssh-keygen -Y sign`, see OpenSSH's PROTOCOL.sshsig), verified with
// node:crypto alone so that checking a pull request or a commit needs no OpenSSH. Signing does use ssh-keygen:
// it is where the private key lives, possibly behind ssh-agent. Two contracts use it: signed tasks
// (validation/ssh-signature.ts, namespace dgrid-task) and signed commits (commit-signature.ts, namespace git,
// as git's gpg.format=ssh writes them).
import { execFile } from 'node:child_process';
import { createHash, createPublicKey, verify, type KeyObject, type VerifyKeyObjectInput } from 'node:crypto';
import { promisify } from 'node:util';
import { UserError } from '../common/errors.js';
import { printable } from '../common/printable.js';

/** One trusted key, from an allowed_signers line. */
export interface Signer {
  /** The principals field as written, e.g. "alice@example.com" or "alice,bob". */
  principal: string;
  /** The namespaces this key may sign for; undefined when the line does not restrict them. */
  namespaces?: string[];
  keyType: string;
  /** As `ssh-keygen -l` prints it: SHA256:<base64 without padding>. */
  fingerprint: string;
  /** The public key in SSH wire format, which is what a signature embeds. */
  blob: Buffer;
  key: KeyObject;
}

export type Verdict = { ok: true; principal: string } | { ok: false; reason: string };

const MAGIC = Buffer.from('SSHSIG');
const HASH_ALGORITHMS = new Set(['sha256', 'sha512']);
const MIN_RSA_BITS = 2048;
const ARMOR_BEGIN = '-----BEGIN SSH SIGNATURE-----';
const ARMOR_END = '-----END SSH SIGNATURE-----';

// Maps, not object literals: names come from the signature, and a name such as "constructor" or "__proto__"
// would find what every object inherits.
const CURVES = new Map<string, { curve: string; jwkCurve: string; size: number; hash: string }>([
  ['ecdsa-sha2-nistp256', { curve: 'nistp256', jwkCurve: 'P-256', size: 32, hash: 'sha256' }],
  ['ecdsa-sha2-nistp384', { curve: 'nistp384', jwkCurve: 'P-384', size: 48, hash: 'sha384' }],
  ['ecdsa-sha2-nistp521', { curve: 'nistp521', jwkCurve: 'P-521', size: 66, hash: 'sha512' }],
]);
const RSA_SIGNATURE_HASHES = new Map([
  ['rsa-sha2-256', 'sha256'],
  ['rsa-sha2-512', 'sha512'],
]);
const KEY_TYPES = ['ssh-ed25519', ...CURVES.keys(), 'ssh-rsa'];
const SIGNATURE_ALGORITHMS = ['ssh-ed25519', ...CURVES.keys(), ...RSA_SIGNATURE_HASHES.keys()];

/** A signature or key that does not follow the wire format; its message is the reason given to the user. */
class FormatError extends Error {}

/** Reads the SSH wire format (RFC 4251): uint32 lengths before strings, every read bounds-checked. */
class WireReader {
  #offset = 0;

  constructor(
    private readonly buffer: Buffer,
    private readonly what: string,
  ) {}

  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  string(): Buffer {
    return this.bytes(this.uint32());
  }

  text(): string {
    return this.string().toString('latin1');
  }

  bytes(length: number): Buffer {
    if (this.#offset + length > this.buffer.length) throw new FormatError(`the ${this.what} is truncated or malformed`);
    const bytes = this.buffer.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return bytes;
  }

  end(): void {
    if (this.#offset !== this.buffer.length) throw new FormatError(`the ${this.what} is malformed (trailing data)`);
  }
}

function wireString(value: Buffer | string): Buffer {
  const bytes = Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** An mpint as the unsigned big-endian bytes a JWK wants. */
function unsigned(mpint: Buffer): Buffer {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  return mpint.subarray(start);
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function publicKeyFromBlob(keyType: string, blob: Buffer): KeyObject {
  const reader = new WireReader(blob, 'key data');
  const embeddedType = reader.text();
  if (embeddedType !== keyType) {
    throw new FormatError(`the key data is a ${printable(embeddedType)} key, not ${keyType}`);
  }
  const curve = CURVES.get(keyType);
  let jwk: Record<string, string>;
  if (keyType === 'ssh-ed25519') {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: base64url(reader.string()) };
  } else if (curve) {
    if (reader.text() !== curve.curve) throw new FormatError(`the key data does not name curve ${curve.curve}`);
    const point = reader.string();
    if (point.length !== 1 + 2 * curve.size || point[0] !== 4) {
      throw new FormatError('the key data holds no valid point');
    }
    jwk = {
      kty: 'EC',
      crv: curve.jwkCurve,
      x: base64url(point.subarray(1, 1 + curve.size)),
      y: base64url(point.subarray(1 + curve.size)),
    };
  } else {
    const e = unsigned(reader.string());
    const n = unsigned(reader.string());
    if (n.length * 8 < MIN_RSA_BITS) throw new FormatError(`RSA keys need at least ${MIN_RSA_BITS} bits`);
    jwk = { kty: 'RSA', n: base64url(n), e: base64url(e) };
  }
  reader.end();
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch (error) {
    throw new FormatError(`the key data is not a valid ${keyType} key (${(error as Error).message})`);
  }
}

/** Splits on blanks outside double quotes, as OpenSSH does for allowed_signers lines. */
function fields(line: string): string[] {
  return line.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}

function parseOptions(text: string): string[] | undefined {
  let namespaces: string[] | undefined;
  for (const option of text.match(/(?:[^,"]+|"[^"]*")+/g) ?? []) {
    const match = /^namespaces="([^"]*)"$/i.exec(option);
    if (!match) throw new FormatError(`option ${option} is not supported (only namespaces="...")`);
    namespaces = (match[1] ?? '').split(',').map((namespace) => namespace.trim());
    const pattern = namespaces.find((namespace) => namespace === '' || /[*?!]/.test(namespace));
    if (pattern !== undefined) {
      throw new FormatError(`namespace "${pattern}" is not an exact name: list exact namespaces`);
    }
  }
  return namespaces;
}

/**
 * Parses allowed_signers lines (see ssh-keygen(1)): `principals [namespaces="a,b"] keytype base64 [comment]`.
 * Blank lines and # comments are skipped. Throws a UserError naming the line (counted from 1) on anything else.
 */
export function parseAllowedSigners(lines: string[]): Signer[] {
  const signers: Signer[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      signers.push(parseSignerLine(trimmed));
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      throw new UserError(`trusted signer line ${index + 1}: ${error.message}`);
    }
  });
  return signers;
}

function parseSignerLine(line: string): Signer {
  const [principalField = '', ...rest] = fields(line);
  // Key types never hold "=", and cert-authority is the one option without a value.
  const hasOptions = /=|^cert-authority$/i.test(rest[0] ?? '');
  const namespaces = hasOptions ? parseOptions(rest.shift() ?? '') : undefined;
  const [keyType, data] = rest;
  if (keyType === undefined || data === undefined) {
    throw new FormatError('expected "principal [namespaces=\\"...\\"] key-type base64-key"');
  }
  if (!KEY_TYPES.includes(keyType)) {
    throw new FormatError(`key type ${keyType} is not supported (use ${KEY_TYPES.join(', ')})`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new FormatError('the key is not valid base64');
  }
  const blob = Buffer.from(data, 'base64');
  const principal = principalField.replace(/^"(.*)"$/, '$1');
  if (principal === '') throw new FormatError('the principal is empty');
  return {
    principal,
    namespaces,
    keyType,
    fingerprint: fingerprintOf(blob),
    blob,
    key: publicKeyFromBlob(keyType, blob),
  };
}

interface SshSig {
  publicKey: Buffer;
  namespace: string;
  reserved: Buffer;
  hashAlgorithm: string;
  signature: Buffer;
}

function dearmor(armored: string): Buffer {
  const lines = armored.trim().split(/\r?\n/);
  if (lines.length < 3 || lines[0] !== ARMOR_BEGIN || lines.at(-1) !== ARMOR_END) {
    throw new FormatError(`the signature is not armored: it must run from ${ARMOR_BEGIN} to ${ARMOR_END}`);
  }
  const body = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new FormatError('the signature is not valid base64 between its armor lines');
  }
  return Buffer.from(body, 'base64');
}

function parseSshSig(bytes: Buffer): SshSig {
  const reader = new WireReader(bytes, 'signature');
  if (bytes.length < MAGIC.length || !reader.bytes(MAGIC.length).equals(MAGIC)) {
    throw new FormatError('the signature is not an SSH signature (no SSHSIG magic)');
  }
  const version = reader.uint32();
  if (version !== 1) throw new FormatError(`SSH signature version ${version} is not supported (only 1)`);
  const sig = {
    publicKey: reader.string(),
    namespace: reader.text(),
    reserved: reader.string(),
    hashAlgorithm: reader.text(),
    signature: reader.string(),
  };
  reader.end();
  return sig;
}

/** Checks the key's raw signature (algorithm name and bytes, in wire format) over data. */
function verifyRaw(signer: Signer, signatureBlob: Buffer, data: Buffer): boolean {
  const reader = new WireReader(signatureBlob, 'signature');
  const algorithm = reader.text();
  const raw = reader.string();
  reader.end();
  const curve = CURVES.get(signer.keyType);
  const rsaHash = RSA_SIGNATURE_HASHES.get(algorithm);
  if (signer.keyType === 'ssh-ed25519' && algorithm === 'ssh-ed25519') return check(null, data, signer.key, raw);
  if (curve && algorithm === signer.keyType) {
    // SSH carries r and s as mpints; node wants them as fixed-size halves (IEEE P1363).
    const values = new WireReader(raw, 'signature');
    const [r, s] = [unsigned(values.string()), unsigned(values.string())];
    values.end();
    if (r.length > curve.size || s.length > curve.size) return false;
    const p1363 = Buffer.alloc(2 * curve.size);
    r.copy(p1363, curve.size - r.length);
    s.copy(p1363, 2 * curve.size - s.length);
    return check(curve.hash, data, { key: signer.key, dsaEncoding: 'ieee-p1363' }, p1363);
  }
  // ssh-rsa signatures use SHA-1, which OpenSSH refuses for SSHSIG too.
  if (signer.keyType === 'ssh-rsa' && rsaHash) return check(rsaHash, data, signer.key, raw);
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) {
    throw new FormatError(
      `signature algorithm "${printable(algorithm)}" is not one dgrid knows (${SIGNATURE_ALGORITHMS.join(', ')})`,
    );
  }
  throw new FormatError(`signature algorithm ${algorithm} does not fit a ${signer.keyType} key`);
}

/** node:crypto's verify, with bytes it cannot even read taken as a signature that does not match. */
function check(
  algorithm: string | null,
  data: Buffer,
  key: KeyObject | VerifyKeyObjectInput,
  signature: Buffer,
): boolean {
  try {
    return verify(algorithm, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Verifies an armored SSHSIG over message: the namespace must equal `namespace` exactly, the embedded key must
 * belong to a signer whose namespaces option (if any) lists it, and the signature must check out.
 */
export function verifySshSignature(args: {
  message: Buffer;
  armored: string;
  namespace: string;
  signers: Signer[];
}): Verdict {
  const { message, armored, namespace, signers } = args;
  try {
    const sig = parseSshSig(dearmor(armored));
    // Names read from the signature are the signer's words: printable() keeps them from forging log lines.
    if (sig.namespace !== namespace) {
      return refuse(`signed for namespace ${printable(sig.namespace)}, expected ${namespace}`);
    }
    if (!HASH_ALGORITHMS.has(sig.hashAlgorithm)) {
      return refuse(`hash algorithm ${printable(sig.hashAlgorithm)} is not supported: sign with sha256 or sha512`);
    }
    const fingerprint = fingerprintOf(sig.publicKey);
    const owners = signers.filter((signer) => signer.blob.equals(sig.publicKey));
    const signer = owners.find((owner) => owner.namespaces === undefined || owner.namespaces.includes(namespace));
    if (!signer) {
      return refuse(
        owners[0]
          ? `key ${fingerprint} (${owners[0].principal}) is not allowed to sign namespace ${namespace}`
          : `key ${fingerprint} is not a trusted signer`,
      );
    }
    const signedData = Buffer.concat([
      MAGIC,
      wireString(sig.namespace),
      wireString(sig.reserved),
      wireString(sig.hashAlgorithm),
      wireString(createHash(sig.hashAlgorithm).update(message).digest()),
    ]);
    if (!verifyRaw(signer, sig.signature, signedData)) return refuse('the signature does not match the content');
    return { ok: true, principal: signer.principal };
  } catch (error) {
    if (error instanceof FormatError) return refuse(error.message);
    throw error;
  }
}

function refuse(reason: string): Verdict {
  return { ok: false, reason };
}

/**
 * Signs message with `ssh-keygen -Y sign -n namespace -f keyPath` and returns the armored signature. keyPath
 * is a private key, or a public key whose private half is in ssh-agent.
 */
export async function sshKeygenSign(message: Buffer, keyPath: string, namespace: string): Promise<string> {
  // With no file argument ssh-keygen signs standard input and prints the signature, so no temporary file is needed.
  const running = promisify(execFile)('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', keyPath]);
  // If ssh-keygen exits without reading (a bad key), writing fails with EPIPE; its exit status says why.
  running.child.stdin?.on('error', () => {});
  running.child.stdin?.end(message);
  try {
    const { stdout } = await running;
    return stdout.trim();
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new UserError('ssh-keygen was not found: install OpenSSH 8.1 or later to sign');
    }
    throw new UserError(`ssh-keygen could not sign with ${keyPath}: ${failure.stderr?.trim() || failure.message}`);
  }
}
