// Reading a task file from git objects, trusting nothing: a file can reach the queue by a direct push
// that no validation saw.
import type { TaskFile } from './grid.js';
import { policyProblems } from './policy.js';
import type { Policy, QueuedTask } from './schemas.js';
import { TASK_ID_PATTERN } from './schemas.js';
import { queuedTaskValidator } from './validation.js';

/** A task file may hold a 64 KiB script plus its other fields. */
export const MAX_TASK_FILE_BYTES = 96 * 1024;

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
  if (entry.size !== null && entry.size > MAX_TASK_FILE_BYTES) {
    return `the file is ${entry.size} bytes; task files are at most ${MAX_TASK_FILE_BYTES} bytes`;
  }
  return undefined;
}

export function checkQueuedTask(file: TaskFile, blob: Buffer | undefined, policy: Policy): TaskCheck {
  const entryIssue = entryProblem(file);
  if (entryIssue) return { ok: false, reason: entryIssue };
  if (!blob) return { ok: false, reason: 'the file could not be read' };
  if (blob.length > MAX_TASK_FILE_BYTES) {
    return {
      ok: false,
      reason: `the file is ${blob.length} bytes; task files are at most ${MAX_TASK_FILE_BYTES} bytes`,
    };
  }
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(blob);
    if (text.charCodeAt(0) === 0xfeff)
      return { ok: false, reason: 'the file starts with a byte order mark: save it as UTF-8 without BOM' };
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
  const problems = queuedTaskValidator.problems(value);
  if (problems.length > 0) return { ok: false, reason: problems.map((p) => p.message).join('; ') };
  const task = value as QueuedTask;
  if (task.task_id !== file.id) {
    return { ok: false, reason: `task_id "${task.task_id}" does not match the file name "${file.id}.json"`, task };
  }
  const policyIssues = policyProblems(task, policy);
  if (policyIssues.length > 0) return { ok: false, reason: policyIssues.map((p) => p.message).join('; '), task };
  return { ok: true, task };
}
