import { readFile } from 'node:fs/promises';
import { initGrid, remoteUrl } from '../../admin/grid-admin.js';
import { cacheDir } from '../../git/cache-dir.js';
import { envToken, gridOptions, str, type Command } from '../command.js';

export const init: Command = {
  name: 'init',
  summary:
    'Make a repository a grid: add dgrid.json and the task folders. A local path that does not exist becomes a new bare repository.',
  usage: '[options]',
  options: {
    ...gridOptions,
    policy: { type: 'string', placeholder: 'FILE', description: 'start with this dgrid.json instead of the defaults' },
  },
  async run(values) {
    const repository = str(values.repository);
    const branch = str(values.branch);
    const policyText = values.policy ? await readFile(str(values.policy), 'utf8') : undefined;
    const remote = remoteUrl(repository);
    const token = envToken();
    const result = await initGrid({
      repository,
      branch,
      cacheDir: cacheDir(remote, branch, 'admin'),
      ...(policyText === undefined ? {} : { policyText }),
      ...(token ? { token } : {}),
    });
    console.log(result.created ? `created the grid in ${remote} (${branch})` : `${remote} (${branch}) is a grid`);
    return 0;
  },
};
