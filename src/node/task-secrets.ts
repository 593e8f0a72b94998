// What a node shares with the tasks that name a secret: run-worker's `task-secrets` (from the workflow's
// GitHub secrets), never the runner's own environment. A value appears in no message here: an error names the
// line and the secret's name only.
import { MIN_SECRET_LENGTH } from '../common/redact.js';
import { UserError } from '../common/errors.js';
import { ENV_NAME_PATTERN } from '../protocol/schemas.js';

/** Lines NAME=value (blank lines and lines starting with # aside) as a map of names to values. */
export function parseTaskSecrets(text: string, source = 'input "task-secrets"'): Record<string, string> {
  const secrets: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const at = `${source}, line ${index + 1}`;
    const eq = line.indexOf('=');
    const name = eq === -1 ? '' : line.slice(0, eq).trim();
    if (!new RegExp(ENV_NAME_PATTERN).test(name) || /^LD_/.test(name) || ['PATH', 'HOME'].includes(name)) {
      throw new UserError(
        `${at}: write NAME=value with NAME in capitals, digits and _ (not PATH, HOME or LD_*); the value is not shown`,
      );
    }
    const value = line.slice(eq + 1);
    if (value.length < MIN_SECRET_LENGTH) {
      throw new UserError(
        `${at}: the value of ${name} is shorter than ${MIN_SECRET_LENGTH} characters, too short to redact ` +
          'without blanking out ordinary text: use a longer secret',
      );
    }
    if (name in secrets) throw new UserError(`${at}: ${name} is given twice: keep one`);
    secrets[name] = value;
  });
  return secrets;
}

/** The values a task gets: those it names that this node shares (a node claims no task it cannot serve). */
export function secretsFor(
  task: { secrets?: readonly string[] },
  shared: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries((task.secrets ?? []).filter((name) => name in shared).map((name) => [name, shared[name]!]));
}

/** The secret rule: a node may claim a task only when it shares every secret the task names. */
export function sharesSecrets(node: { secrets?: readonly string[] }, task: { secrets?: readonly string[] }): boolean {
  return (task.secrets ?? []).every((name) => node.secrets?.includes(name) === true);
}
