#!/usr/bin/env node
import { UserError, errorMessage } from '../common/errors.js';
import { VERSION } from '../protocol/version.js';
import { GitError, explainGitError } from '../git/runner.js';
import { closest, helpText, parse, type Command } from './command.js';
import { audit } from './commands/audit.js';
import { demo } from './commands/demo.js';
import { init } from './commands/init.js';
import { reap } from './commands/reap.js';
import { render } from './commands/render.js';
import { sign } from './commands/sign.js';
import { status } from './commands/status.js';
import { submit } from './commands/submit.js';
import { validate } from './commands/validate.js';
import { worker } from './commands/worker.js';
import { cancel } from './commands/cancel.js';
import { drain } from './commands/drain.js';
import { nodeKey } from './commands/node-key.js';
import { output } from './commands/output.js';

const commands: Command[] = [
  init,
  submit,
  status,
  worker,
  cancel,
  drain,
  output,
  reap,
  audit,
  validate,
  sign,
  nodeKey,
  render,
  demo,
];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `dgrid ${VERSION}: a task grid whose only database is a Git repository`,
    '',
    'Usage: dgrid <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.split('. ')[0]}`),
    '',
    'Run "dgrid <command> --help" for the options of a command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0]) return main([rest[0], '--help']);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    console.log(VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const guess = closest(
      name,
      commands.map((c) => c.name),
    );
    throw new UserError(`unknown command "${name}"${guess ? `. Did you mean "dgrid ${guess}"?` : ''}\n\n${usage()}`);
  }
  const { values, positionals } = parse(command, rest);
  if (values.help) {
    console.log(helpText(command));
    return 0;
  }
  return command.run(values, positionals);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (thrown) {
  // Git fails for reasons the user fixes (a wrong path or URL, no network, no access), never for a bug of ours.
  const error = thrown instanceof GitError ? explainGitError(thrown) : thrown;
  if (error instanceof UserError) console.error(`dgrid: ${error.message}`);
  else console.error(error instanceof Error ? (error.stack ?? errorMessage(error)) : String(error));
  process.exitCode = error instanceof UserError ? 1 : 2;
}
