import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';

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
    description: 'the grid repository (default: the current directory). The token comes from DGRID_TOKEN, never a flag',
  },
  branch: { type: 'string', default: 'main', placeholder: 'NAME', description: 'the grid branch (default: main)' },
};

export const jsonOption: Record<string, OptionSpec> = {
  json: { type: 'boolean', default: false, description: 'print machine-readable JSON on stdout' },
};

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
    throw new UserError(`${(error as Error).message}\nRun "dgrid ${command.name} --help" for the options.`);
  }
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
