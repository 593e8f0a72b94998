// The one description of the settings of a worker node and of the reaper. The actions (run-worker,
// reap-orphans) read them as inputs, the CLI (`dgrid worker`, `dgrid reap`) as flags; both parse them here, so
// a value means the same on either side. action.yml stays the published contract:
// test/action-metadata.test.ts checks that it declares these names, defaults and help.
import { readFileSync } from 'node:fs';
import { UserError, errorMessage } from '../common/errors.js';
import { SANDBOX_KINDS, type SandboxKind } from '../sandbox/index.js';
import { LABEL_PATTERN, NODE_ID_PATTERN } from '../protocol/schemas.js';
import { parseTaskSecrets } from './task-secrets.js';
import { defaultNodeId, type WorkerSettings } from './worker.js';
import type { ReapSettings } from '../upkeep/reaper.js';

export interface Setting {
  /** The action input and the CLI flag. */
  name: string;
  /**
   * int and number are bounded by min and max; list takes items separated by commas, spaces or newlines;
   * bool is true or false as an input and a flag without a value on the CLI.
   */
  kind: 'int' | 'number' | 'text' | 'list' | 'choice' | 'bool';
  /** action.yml's default; an empty value takes it. */
  default?: string;
  /** The CLI's default, where a node outside a job should behave otherwise. */
  cliDefault?: string;
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** text and list items must match it; `hint` says what fits. */
  pattern?: string;
  hint?: string;
  /** What --help shows after the flag. */
  placeholder: string;
  /** action.yml's description and the CLI's --help line. */
  help: string;
}

/** Where a value comes from: it decides the default taken and how an error names the setting. */
export type Surface = 'action' | 'cli';

export const WORKER_SETTINGS: readonly Setting[] = [
  {
    name: 'node-id',
    kind: 'text',
    pattern: NODE_ID_PATTERN,
    hint: 'use letters, digits, dot, underscore, dash (at most 64)',
    placeholder: 'ID',
    help: "This node's id. Defaults to the runner's name (or the host's) plus a random suffix.",
  },
  {
    name: 'labels',
    kind: 'list',
    pattern: LABEL_PATTERN,
    hint: 'each label is a letter or digit, then up to 63 letters, digits or . _ : -',
    placeholder: 'A,B',
    help: 'Labels this node carries (separated by commas, spaces or newlines); tasks that require labels run only on nodes that have them all.',
  },
  {
    name: 'slots',
    kind: 'int',
    default: '1',
    min: 1,
    max: 64,
    placeholder: 'N',
    help: 'How many tasks this node runs at once.',
  },
  {
    name: 'max-tasks',
    kind: 'int',
    default: '0',
    min: 0,
    placeholder: 'N',
    help: 'Stop after claiming this many tasks (0 for no limit).',
  },
  {
    // A job is killed after six hours; a node of its own is a service that runs until stopped.
    name: 'max-runtime-minutes',
    kind: 'number',
    default: '300',
    cliDefault: '0',
    min: 0,
    placeholder: 'N',
    help: 'Stop after this many minutes, handing running tasks back to the queue (0 for no limit).',
  },
  {
    // An idle job holds a runner for nothing; a node of its own waits for work.
    name: 'idle-timeout-seconds',
    kind: 'number',
    default: '300',
    cliDefault: '0',
    min: 0,
    placeholder: 'N',
    help: 'Stop after this long without a task to run (0 to never stop for idleness).',
  },
  {
    name: 'poll-interval-seconds',
    kind: 'number',
    default: '15',
    min: 0.05,
    max: 3600,
    placeholder: 'S',
    help: 'How often an idle node looks for work; it backs off up to eight times this while idle.',
  },
  {
    name: 'sandbox',
    kind: 'choice',
    default: 'docker',
    choices: SANDBOX_KINDS,
    placeholder: 'docker|none',
    help: 'docker (each task in a locked-down container) or none (plain processes; only for trusted grids).',
  },
  {
    name: 'image',
    kind: 'text',
    placeholder: 'IMAGE',
    help: "Image for tasks that name none; must be allowed by the grid's policy. Defaults to the policy's default_image.",
  },
  {
    name: 'cpus',
    kind: 'number',
    min: 0,
    max: 1024,
    placeholder: 'N',
    help: "CPUs this node may promise to its tasks at once. Defaults to the machine's.",
  },
  {
    name: 'memory-mb',
    kind: 'int',
    min: 0,
    max: 16 * 1024 * 1024,
    placeholder: 'N',
    help: "Memory in MiB this node may promise to its tasks at once. Defaults to the machine's.",
  },
  {
    name: 'batch-window-seconds',
    kind: 'number',
    default: '0',
    min: 0,
    max: 60,
    placeholder: 'S',
    help: 'How long a finished result waits for other running tasks to finish, so they share one push.',
  },
  {
    name: 'prefetch',
    kind: 'int',
    default: '0',
    min: 0,
    max: 256,
    placeholder: 'N',
    help: 'Claims held beyond the slots, started as slots free up without a push in between; for grids of short tasks. Under a binding push budget a node holds more, enough until its next turn.',
  },
  {
    name: 'max-pushes-per-minute',
    kind: 'number',
    default: '0',
    min: 0,
    max: 600,
    placeholder: 'N',
    help: "A cap on this node's pushes per minute (0 for none), below its share of the grid's push_budget_per_minute.",
  },
  {
    name: 'drain-on-stop',
    kind: 'bool',
    default: 'false',
    placeholder: '',
    help: 'On SIGINT or SIGTERM (a cancelled job), drain: finish the running tasks and claim nothing more, instead of handing them back; a second signal stops at once.',
  },
  {
    name: 'signing-key',
    kind: 'text',
    placeholder: 'KEY',
    help: 'The SSH private key this node signs its commits with (made by "dgrid node-key"): in a workflow the key itself, from a secret; on the CLI the path of its file. Needed where the policy sets nodes.signed_commits.',
  },
  {
    name: 'task-secrets',
    kind: 'text',
    placeholder: 'FILE',
    help: 'Secrets this node shares with the tasks that name them, as lines NAME=value (from GitHub secrets); on the CLI, a file of such lines, so no value is ever a process argument. Their values are redacted from everything a task sends back.',
  },
];

export const REAP_SETTINGS: readonly Setting[] = [
  {
    name: 'node-timeout-seconds',
    kind: 'int',
    min: 1,
    placeholder: 'N',
    help: "A node whose last heartbeat is older than this (plus the policy's lease.grace_seconds) is dead. Defaults to the policy's lease.node_timeout_seconds.",
  },
  {
    name: 'dry-run',
    kind: 'bool',
    default: 'false',
    placeholder: '',
    help: 'Show what would be done, in the log and the job summary of an action, and push nothing.',
  },
];

/** Every table of settings by its exported name, for the test that holds action.yml to them. */
export const SETTING_TABLES: Record<string, readonly Setting[]> = { WORKER_SETTINGS, REAP_SETTINGS };

/** What a node is told by its user; the grid's address, token and cache come from elsewhere. */
export type NodeSettings = Omit<WorkerSettings, 'remote' | 'token' | 'branch' | 'cacheDir'> & { sandbox: SandboxKind };

/** How an error names a setting: as the input a workflow sets or the flag a user typed. */
export function settingName(surface: Surface, name: string): string {
  return surface === 'action' ? `input "${name}"` : `--${name}`;
}

/**
 * Parses the raw values of `table` as `read` gives them ('' or undefined for a value not given). Every
 * setting must be taken exactly as its kind says, so a table entry nobody reads is a bug, not a silent no-op.
 */
export function settingsReader(
  table: readonly Setting[],
  surface: Surface,
  read: (name: string) => string | undefined,
) {
  const unread = new Set(table.map((s) => s.name));
  const take = (name: string, kinds: Setting['kind'][]) => {
    const setting = table.find((s) => s.name === name);
    if (!setting || !kinds.includes(setting.kind)) throw new Error(`no ${kinds.join('/')} setting "${name}"`);
    unread.delete(name);
    const raw = (read(name) ?? '').trim();
    const value = raw || (surface === 'cli' ? (setting.cliDefault ?? setting.default) : setting.default) || '';
    const fail = (fix: string) => new UserError(`${settingName(surface, name)} is "${raw}": ${fix}`);
    return { setting, value, fail };
  };
  const matching = (setting: Setting, item: string, fail: (fix: string) => UserError) => {
    if (setting.pattern && !new RegExp(setting.pattern).test(item)) throw fail(setting.hint ?? 'see --help');
    return item;
  };
  return {
    text(name: string): string {
      const { setting, value, fail } = take(name, ['text']);
      return value && matching(setting, value, fail);
    },
    list(name: string): string[] {
      const { setting, value, fail } = take(name, ['list']);
      return value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((item) => matching(setting, item, fail));
    },
    /** undefined when neither given nor defaulted. */
    number(name: string): number | undefined {
      const { setting, value, fail } = take(name, ['int', 'number']);
      if (value === '') return undefined;
      const n = Number(value);
      const { min = 0, max = Number.MAX_SAFE_INTEGER } = setting;
      const whole = setting.kind === 'int';
      if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || n < min || n > max) {
        throw fail(`give a ${whole ? 'whole number' : 'number'} from ${min} to ${max}`);
      }
      return n;
    },
    bool(name: string): boolean {
      const { value, fail } = take(name, ['bool']);
      if (['true', 'yes', '1'].includes(value.toLowerCase())) return true;
      if (['false', 'no', '0'].includes(value.toLowerCase())) return false;
      throw fail('use true or false');
    },
    choice<T extends string>(name: string): T {
      const { setting, value, fail } = take(name, ['choice']);
      if (!setting.choices!.includes(value)) throw fail(`use one of ${setting.choices!.join(', ')}`);
      return value as T;
    },
    /** Throws when a setting of the table was never taken: the table and its reader have drifted. */
    done(): void {
      if (unread.size > 0) throw new Error(`settings never read: ${[...unread].join(', ')}`);
    },
  };
}

/** A node's settings from the action's inputs or the CLI's flags: one parser, so both mean the same. */
export function readNodeSettings(surface: Surface, read: (name: string) => string | undefined): NodeSettings {
  const s = settingsReader(WORKER_SETTINGS, surface, read);
  const image = s.text('image');
  // 0 and empty both mean the machine's own.
  const cpus = s.number('cpus');
  const memoryMb = s.number('memory-mb');
  const settings: NodeSettings = {
    nodeId: s.text('node-id') || defaultNodeId(),
    labels: s.list('labels'),
    slots: s.number('slots')!,
    maxTasks: s.number('max-tasks')!,
    maxRuntimeMinutes: s.number('max-runtime-minutes')!,
    idleTimeoutSeconds: s.number('idle-timeout-seconds')!,
    pollIntervalSeconds: s.number('poll-interval-seconds')!,
    sandbox: s.choice<SandboxKind>('sandbox'),
    ...(image ? { image } : {}),
    ...(cpus ? { cpus } : {}),
    ...(memoryMb ? { memoryMb } : {}),
    batchWindowMs: s.number('batch-window-seconds')! * 1000,
    prefetch: s.number('prefetch')!,
    maxPushesPerMinute: s.number('max-pushes-per-minute')!,
    drainOnStop: s.bool('drain-on-stop'),
  };
  const signingKey = s.text('signing-key');
  if (signingKey) settings.signingKey = signingKey;
  const secrets = s.text('task-secrets');
  if (secrets) {
    settings.taskSecrets =
      surface === 'cli'
        ? parseTaskSecrets(readSecretsFile(secrets), `--task-secrets ${secrets}`)
        : parseTaskSecrets(secrets);
  }
  s.done();
  return settings;
}

/** The reaper's settings from the action's inputs or the CLI's flags. */
export function readReapSettings(
  surface: Surface,
  read: (name: string) => string | undefined,
): Pick<ReapSettings, 'nodeTimeoutSeconds' | 'dryRun'> {
  const s = settingsReader(REAP_SETTINGS, surface, read);
  const nodeTimeoutSeconds = s.number('node-timeout-seconds');
  const settings = { ...(nodeTimeoutSeconds ? { nodeTimeoutSeconds } : {}), dryRun: s.bool('dry-run') };
  s.done();
  return settings;
}

function readSecretsFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(
      `--task-secrets ${path}: cannot read it (${errorMessage(error)}): give a file of NAME=value lines`,
    );
  }
}
