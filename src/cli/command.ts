import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../common/errors.js';
import type { Setting } from '../node/settings.js';
import { remoteUrl } from '../admin/grid-admin.js';
import type { GridAccess } from '../admin/shard-stores.js';
import { parseShardTokens } from '../protocol/shards.js';

type Options = NonNullable<ParseArgsConfig['options']>;
export type OptionSpec = Options[string] & { description: string; placeholder?: string };

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
  ): Promise<number>;
}

/** Options that mean the same in every command that talks to a grid. */
export const gridOptions: Record<string, OptionSpec> = {
  repository: {
    type: 'string',
    short: 'r',
    default: '.',
    placeholder: 'URL|PATH|OWNER/NAME',
    description:
      'the grid repository (default: the current directory), or any shard of a sharded grid. The token comes from DGRID_TOKEN (tokens for other hosts from DGRID_SHARD_TOKENS, lines HOST=TOKEN), never a flag',
  },
  branch: { type: 'string', default: 'main', placeholder: 'NAME', description: 'the grid branch (default: main)' },
};

export const jsonOption: Record<string, OptionSpec> = {
  json: { type: 'boolean', default: false, description: 'print machine-readable JSON on stdout' },
};

/**
 * Flags for a table of settings, with the help the action's inputs have. No parseArgs default: an absent flag
 * takes the table's default when the settings are read, as an empty action input does.
 */
export function settingOptions(table: readonly Setting[]): Record<string, OptionSpec> {
  return Object.fromEntries(
    table.map((s): [string, OptionSpec] => {
      if (s.kind === 'bool') return [s.name, { type: 'boolean', description: s.help }];
      const fallback = s.cliDefault ?? s.default;
      const description = fallback === undefined ? s.help : `${s.help} Default: ${fallback}.`;
      return [s.name, { type: 'string', placeholder: s.placeholder, description }];
    }),
  );
}

/** The raw value of a setting's flag, as the settings reader takes it: a flag given alone is true. */
export function settingFlags(values: Record<string, unknown>): (name: string) => string {
  return (name) => (values[name] === true ? 'true' : str(values[name]));
}

export function helpText(command: Command): string {
  const lines = [`Usage: dgrid ${command.name} ${command.usage}`.trimEnd(), '', command.summary, '', 'Options:'];
  const all = {
    ...command.options,
    help: { type: 'boolean', short: 'h', description: 'show this help' } as OptionSpec,
  };
  for (const [name, spec] of Object.entries(all)) {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.placeholder ?? 'VALUE'}` : ''}`;
    lines.push(`  ${flag.padEnd(36)} ${spec.description}`);
  }
  return lines.join('\n');
}

export function parse(command: Command, argv: string[]) {
  const options: Options = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) {
    const { description: _d, placeholder: _p, ...config } = spec;
    options[name] = config;
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const help = `Run "dgrid ${command.name} --help" for the options.`;
    const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec((error as Error).message);
    if (!unknown) throw new UserError(`${(error as Error).message}\n${help}`);
    const [, dashes, name] = unknown;
    const guess = closest(name!, Object.keys(options));
    const suggestion = guess ? ` Did you mean --${guess}?` : '';
    throw new UserError(`"${command.name}" has no option ${dashes}${name}.${suggestion}\n${help}`);
  }
}

/** The candidate a typo most likely meant: the nearest by edit distance, if near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const near = Math.max(2, Math.floor(word.length / 3));
  return best && best.distance <= near ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UserError(`--${name} is "${String(value)}": give a number from ${min} to ${max}`);
  return n;
}

/** The grid token, from the environment only: arguments are visible to every user of the machine. */
export function envToken(): string | undefined {
  return process.env.DGRID_TOKEN || undefined;
}

/** Tokens for the hosts of a sharded grid's other repositories, lines HOST=TOKEN, from the environment only. */
export function envShardTokens(): Map<string, string> {
  try {
    return parseShardTokens(process.env.DGRID_SHARD_TOKENS ?? '', 'DGRID_SHARD_TOKENS');
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

/** The grid the --repository and --branch options name, with its tokens. */
export function gridAccess(values: Record<string, unknown>): GridAccess {
  const token = envToken();
  return {
    remote: remoteUrl(str(values.repository)),
    branch: str(values.branch),
    ...(token ? { token } : {}),
    tokens: envShardTokens(),
  };
}
