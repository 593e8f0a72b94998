// Task signatures, the contract between submitters and grids (the SSHSIG format itself: git/ssh-signature.ts):
// - A task file may carry the field "signature": a string holding an armored SSH signature made with the
//   namespace "dgrid-task" (ssh-keygen -Y sign -n dgrid-task).
// - The signed message is "dgrid-task:v1\n" + task_id + "\n" + the canonical JSON of the task without its
//   "signature" field and without the fields dgrid itself writes into a queued task ("attempts", so a requeued
//   task keeps its signature). Canonical JSON: object keys sorted (by UTF-16 code units, as
//   Array.prototype.sort does) at every depth, no whitespace, strings and numbers as JSON.stringify writes them.
// So a signature covers every field yet survives reformatting, cannot be moved to another task id, and cannot be
// confused with anything else the same key signs (git commits, files), which use other namespaces.
import { readFile, writeFile } from 'node:fs/promises';
import { UserError } from '../common/errors.js';
import { sshKeygenSign, verifySshSignature, type Signer, type Verdict } from '../git/ssh-signature.js';
import { QueuedTaskSchema, TaskSchema } from '../protocol/schemas.js';
import { parseStrictJson } from '../protocol/strict-json.js';

export const TASK_SIGNATURE_NAMESPACE = 'dgrid-task';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

// What a queued task may hold beyond what its submitter wrote: derived from the schemas so the two cannot drift.
const MANAGED_FIELDS = new Set(
  Object.keys(QueuedTaskSchema.properties).filter((key) => !(key in TaskSchema.properties)),
);

/** The bytes a task's signature covers (see the contract at the top of this file). */
export function taskSigningMessage(task: Record<string, unknown>): Buffer {
  if (typeof task.task_id !== 'string') throw new UserError('the task has no task_id string: add one before signing');
  const signed = Object.fromEntries(Object.entries(withoutSignature(task)).filter(([key]) => !MANAGED_FIELDS.has(key)));
  return Buffer.from(`dgrid-task:v1\n${task.task_id}\n${canonicalJson(signed)}`);
}

function withoutSignature(task: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...task };
  delete copy.signature;
  return copy;
}

export function verifyTaskSignature(task: Record<string, unknown>, signers: Signer[]): Verdict {
  if (!Object.hasOwn(task, 'signature')) return refused('the task has no signature field');
  if (typeof task.signature !== 'string') {
    return refused('the signature field must be a string (an armored SSH signature)');
  }
  if (typeof task.task_id !== 'string') return refused('the task has no task_id string');
  return verifySshSignature({
    message: taskSigningMessage(task),
    armored: task.signature,
    namespace: TASK_SIGNATURE_NAMESPACE,
    signers,
  });
}

/**
 * Signs a task file in place with `ssh-keygen -Y sign -n dgrid-task -f keyPath`, replacing any earlier
 * signature. keyPath is a private key, or a public key whose private half is in ssh-agent.
 */
export async function signTaskFile(path: string, keyPath: string): Promise<void> {
  const parsed = parseStrictJson(await readFile(path));
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`);
    throw new UserError(problems.join('\n'));
  }
  const task = withoutSignature(parsed.value as Record<string, unknown>);
  const armored = await sshKeygenSign(taskSigningMessage(task), keyPath, TASK_SIGNATURE_NAMESPACE);
  await writeFile(path, `${JSON.stringify({ ...task, signature: armored }, null, 2)}\n`);
}

function refused(reason: string): Verdict {
  return { ok: false, reason };
}
