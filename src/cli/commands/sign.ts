import { homedir } from 'node:os';
import { UserError } from '../../common/errors.js';
import { signTaskFile } from '../../validation/ssh-signature.js';
import { str, type Command } from '../command.js';

export const sign: Command = {
  name: 'sign',
  summary:
    'Sign task files with an SSH key (ssh-keygen -Y sign, namespace dgrid-task), for grids whose policy requires ' +
    'signed tasks. Sign after the last edit: any change to the task voids the signature.',
  usage: '--key KEY TASK.json [...]',
  options: {
    key: {
      type: 'string',
      short: 'k',
      placeholder: 'KEY',
      description: 'a private key, or a public key whose private half is in ssh-agent (e.g. ~/.ssh/id_ed25519)',
    },
  },
  async run(values, files) {
    // "--key=~/..." reaches us unexpanded by the shell.
    const key = str(values.key).replace(/^~(?=\/|$)/, homedir());
    if (!key) throw new UserError('give the signing key with --key, e.g. --key ~/.ssh/id_ed25519');
    if (files.length === 0) throw new UserError('give the task files to sign');
    for (const file of files) {
      await signTaskFile(file, key);
      console.log(`signed ${file}`);
    }
    return 0;
  },
};
