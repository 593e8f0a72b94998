// Reading a task file from git objects, trusting nothing: a file can reach the queue by a direct push
// that no validation saw. validate-task checks pull requests with the same rules that workers apply again
// before they claim a task.
import type { TaskFile } from '../protocol/snapshot.js';
import { policyProblems } from '../protocol/policy.js';
import type { Policy, QueuedTask } from '../protocol/schemas.js';
import { TASK_ID_PATTERN } from '../protocol/schemas.js';
import { parseAllowedSigners, type Signer } from '../git/ssh-signature.js';
import { verifyTaskSignature } from './ssh-signature.js';
import { parseStrictJson, type Position } from '../protocol/strict-json.js';
import { queuedTaskValidator, taskValidator, type Problem } from '../protocol/schema-validators.js';

/** A task file may hold a 64 KiB script plus its other fields. */
export const MAX_TASK_FILE_BYTES = 96 * 1024;

/** A problem in a task file, at a place in it; problems of the file as a whole (mode, name) have no place. */
export interface TaskProblem {
  message: string;
  line?: number;
  column?: number;
}

/**
 * 'submission': a file as a submitter adds it to the queue. 'queued': a file as it may sit in the queue,
 * where dgrid adds the earlier attempts of a requeued task.
 */
export type TaskKind = 'submission' | 'queued';

export interface ContentCheck {
  /** Set once the content is a task by the schema, even when other rules fail. */
  task?: QueuedTask;
  problems: TaskProblem[];
  /** Where a JSON pointer points in the file; absent when the file is not (strict) JSON. */
  locate?: (pointer: string) => Position;
}

export type TaskCheck = { ok: true; task: QueuedTask } | { ok: false; reason: string; task?: QueuedTask };

/** The problem with a tree entry itself (mode, type, name, size), before its content is read. */
export function entryProblem(file: TaskFile): string | undefined {
  const { entry } = file;
  if (entry.type === 'commit') return 'a submodule is not a task: add a regular JSON file';
  if (entry.mode === '120000') return 'a symbolic link is not a task: add a regular JSON file';
  if (entry.type !== 'blob' || entry.mode !== '100644') {
    return `file mode ${entry.mode} is not allowed: task files are regular, non-executable files (100644)`;
  }
  if (!entry.path.endsWith('.json')) return 'task files are named <task_id>.json';
  if (!new RegExp(TASK_ID_PATTERN).test(file.id)) {
    return `file name "${file.id}.json" is not a valid task id: use letters, digits, dot, underscore, dash`;
  }
  return entry.size === null ? undefined : sizeProblem(entry.size);
}

function sizeProblem(size: number): string | undefined {
  return size > MAX_TASK_FILE_BYTES
    ? `the file is ${size} bytes; task files are at most ${MAX_TASK_FILE_BYTES} bytes`
    : undefined;
}

/** Every problem with the content of a file that passed entryProblem: syntax, schema, name, policy, signature. */
export function contentProblems(
  file: TaskFile,
  blob: Buffer,
  policy: Policy,
  kind: TaskKind,
  now = new Date(),
): ContentCheck {
  const parsed = parseStrictJson(blob, { maxBytes: MAX_TASK_FILE_BYTES });
  if (!parsed.ok) return { problems: parsed.problems };
  const { value, locate } = parsed;
  const at = (problem: Problem): TaskProblem => ({ message: problem.message, ...locate(problem.pointer) });
  const taskId = (value as Record<string, unknown>).task_id;
  const nameProblems: Problem[] =
    typeof taskId === 'string' && taskId !== file.id
      ? [
          {
            pointer: '/task_id',
            message: `task_id "${taskId}" does not match the file name "${file.id}.json": make them equal`,
          },
        ]
      : [];
  const { task, problems } = taskProblems(value, policy, kind, now);
  return { ...(task ? { task } : {}), problems: [...nameProblems, ...problems].map(at), locate };
}

/**
 * Every rule a task must meet, whichever way it comes (pull request, `dgrid submit`, the queue at claim
 * time): the schema, then, once the value is a task, the policy and the signature.
 */
export function taskProblems(
  value: unknown,
  policy: Policy,
  kind: TaskKind,
  now = new Date(),
): { task?: QueuedTask; problems: Problem[] } {
  const schemaProblems = (kind === 'submission' ? taskValidator : queuedTaskValidator).problems(value);
  if (schemaProblems.length > 0) return { problems: schemaProblems };
  const task = value as QueuedTask;
  const problems = policyProblems(task, policy, now);
  const signature = signatureProblem(task, policy);
  if (signature) problems.push(signature);
  return { task, problems };
}

/** What a worker asks before claiming: is this queued file a task it may run? */
export function checkQueuedTask(file: TaskFile, blob: Buffer | undefined, policy: Policy, now = new Date()): TaskCheck {
  const entryIssue = entryProblem(file);
  if (entryIssue) return { ok: false, reason: entryIssue };
  if (!blob) return { ok: false, reason: 'the file could not be read' };
  // A partial store lists no sizes, so the entry could not tell.
  const tooLarge = sizeProblem(blob.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  const { task, problems, locate } = contentProblems(file, blob, policy, 'queued', now);
  if (problems.length === 0) return { ok: true, task: task! };
  const reason = problems.map(describeProblem).join('; ');
  return { ok: false, reason: locate ? reason : `not valid JSON: ${reason}`, ...(task ? { task } : {}) };
}

export function describeProblem(problem: TaskProblem): string {
  return problem.line === undefined
    ? problem.message
    : `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

const signersOf = new WeakMap<Policy, Signer[]>();

function signatureProblem(task: QueuedTask, policy: Policy): Problem | undefined {
  if (!policy.signatures.required) return undefined;
  if (task.signature === undefined) {
    return {
      pointer: '',
      message:
        'this grid accepts signed tasks only: sign the file with "dgrid sign FILE --key ~/.ssh/id_ed25519" ' +
        "using a key listed in the policy's signatures.trusted_signers",
    };
  }
  let signers = signersOf.get(policy);
  if (!signers) {
    signers = parseAllowedSigners(policy.signatures.trusted_signers);
    signersOf.set(policy, signers);
  }
  const verdict = verifyTaskSignature(task, signers);
  if (verdict.ok) return undefined;
  return {
    pointer: '/signature',
    message: `the signature is not accepted (${verdict.reason}): after your last edit, sign the file again with "dgrid sign FILE --key ..." using a trusted key`,
  };
}
