import { UserError } from '../common/errors.js';
import type { Policy, Task } from './schemas.js';
import { parseStrictJson } from './strict-json.js';
import { quorumOf } from './quorum.js';
import { policyValidator, type Problem } from './schema-validators.js';

/** A policy lists its trusted signers and labels, so it may be larger than a task file. */
const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * The policy of a grid from the text of its dgrid.json; a grid without one gets every default. Read as
 * strictly as task files: with two "signatures" keys, a reviewer would read one and every node obey the other.
 */
export function parsePolicy(text: string | undefined, source = 'dgrid.json'): Policy {
  let value: unknown = {};
  if (text !== undefined) {
    const parsed = parseStrictJson(text, { maxBytes: MAX_POLICY_BYTES });
    if (!parsed.ok) {
      const [first] = parsed.problems;
      throw new UserError(
        `${source} is not valid JSON: line ${first!.line}, column ${first!.column}: ${first!.message}`,
      );
    }
    value = parsed.value;
  }
  const problems = policyValidator.problems(value);
  if (problems.length > 0) {
    throw new UserError(`${source}: ${problems.map((p) => p.message).join('; ')}`);
  }
  const policy = value as Policy;
  // A retried task gets its backoff as not_before, which must stay within the horizon every task is held to.
  if (policy.max_retry_backoff_seconds > policy.max_delay_days * 86_400) {
    throw new UserError(
      `${source}: max_retry_backoff_seconds (${policy.max_retry_backoff_seconds}) is beyond max_delay_days ` +
        `(${policy.max_delay_days} days), so a retried task would be refused as due too late: lower the one or raise the other`,
    );
  }
  return policy;
}

export const defaultPolicy = (): Policy => parsePolicy(undefined);

/** An image is allowed when it is the default or listed exactly; a listed digest pins the content. */
export function imageAllowed(image: string, policy: Policy): boolean {
  return image === policy.default_image || policy.allowed_images.includes(image);
}

export function effectiveImage(task: Pick<Task, 'image'>, policy: Policy, fallback?: string): string {
  return task.image ?? fallback ?? policy.default_image;
}

/**
 * What the policy says of a task that is already valid against the schema. `now` places the not_before
 * horizon: a worker checking a queued task asks again at claim time, so a policy tightened since still holds.
 */
export function policyProblems(task: Task, policy: Policy, now = new Date()): Problem[] {
  const problems: Problem[] = [];
  if (task.not_before !== undefined) {
    const horizon = now.getTime() + policy.max_delay_days * 86_400_000;
    if (Date.parse(task.not_before) > horizon) {
      problems.push({
        pointer: '/not_before',
        message:
          `field "not_before" is ${task.not_before}, more than ${policy.max_delay_days} days ahead ` +
          '(max_delay_days in dgrid.json): submit it closer to the time it should run',
      });
    }
  }
  const known = policy.labels;
  if (known !== undefined) {
    (task.requires ?? []).forEach((label, index) => {
      if (known.includes(label)) return;
      problems.push({
        pointer: `/requires/${index}`,
        message:
          `requires names label "${label}", which is not one of this grid's labels ` +
          `(labels in dgrid.json: ${known.join(', ') || 'none'}): use one of those, or remove it`,
      });
    });
  }
  const timeout = task.timeout_seconds;
  if (timeout !== undefined && timeout > policy.max_timeout_seconds) {
    problems.push({
      pointer: '/timeout_seconds',
      message: `field "timeout_seconds" is ${timeout}; this grid allows at most ${policy.max_timeout_seconds}`,
    });
  }
  if (task.image !== undefined && !imageAllowed(task.image, policy)) {
    problems.push({
      pointer: '/image',
      message: `image "${task.image}" is not allowed here; use one of: ${policy.allowed_images.join(', ')}`,
    });
  }
  if (task.max_attempts !== undefined && task.max_attempts > policy.max_attempts) {
    problems.push({
      pointer: '/max_attempts',
      message: `field "max_attempts" is ${task.max_attempts}; this grid allows at most ${policy.max_attempts}`,
    });
  }
  const cpus = task.resources?.cpus;
  if (cpus !== undefined && cpus > policy.limits.cpus) {
    problems.push({
      pointer: '/resources/cpus',
      message: `field "resources.cpus" is ${cpus}; this grid allows at most ${policy.limits.cpus}`,
    });
  }
  const memory = task.resources?.memory_mb;
  if (memory !== undefined && memory > policy.limits.memory_mb) {
    problems.push({
      pointer: '/resources/memory_mb',
      message: `field "resources.memory_mb" is ${memory}; this grid allows at most ${policy.limits.memory_mb}`,
    });
  }
  const quorum = quorumOf(task, policy);
  if (task.max_results !== undefined && task.max_results < quorum) {
    problems.push({
      pointer: '/max_results',
      message: `field "max_results" is ${task.max_results}, below the task's quorum ${quorum}: agreement could never be reached; raise it or leave it out (default quorum + 2)`,
    });
  }
  (task.secrets ?? []).forEach((name, index) => {
    if (!policy.secrets.includes(name)) {
      problems.push({
        pointer: `/secrets/${index}`,
        message:
          `secrets names "${name}", which this grid does not offer ` +
          `(secrets in dgrid.json: ${policy.secrets.join(', ') || 'none'}): remove it, or ask the grid's owners to add it`,
      });
    } else if (task.env?.[name] !== undefined) {
      problems.push({
        pointer: `/env/${name}`,
        message: `env sets ${name}, which is also one of the task's secrets: remove it from env`,
      });
    }
  });
  if (Buffer.byteLength(task.script, 'utf8') > 64 * 1024) {
    problems.push({ pointer: '/script', message: 'field "script" is over 64 KiB; ship data some other way' });
  }
  return problems;
}

/** A policy as readers obey it: a dgrid.json that does not parse leaves the defaults (the gate reports it). */
export function readPolicy(blob: Buffer | undefined): Policy {
  try {
    return parsePolicy(blob?.toString('utf8'));
  } catch {
    return parsePolicy(undefined);
  }
}
