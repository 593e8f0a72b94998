import { UserError } from '../../common/errors.js';
import { remoteUrl, requestCancel } from '../../admin/grid-admin.js';
import { GridStore } from '../../git/store.js';
import { cacheDir } from '../../git/cache-dir.js';
import { envToken, gridOptions, str, type Command } from '../command.js';

export const cancel: Command = {
  name: 'cancel',
  summary:
    'Cancel queued or running tasks: adds tasks/cancel/<id>.json (a pull request adding that file does the same). ' +
    'They end in failed/ with status cancelled.',
  usage: '[options] TASK_ID ...',
  options: {
    ...gridOptions,
    reason: { type: 'string', placeholder: 'TEXT', description: 'why, kept with the request' },
  },
  async run(values, ids) {
    if (ids.length === 0) throw new UserError('give the ids of the tasks to cancel');
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    const store = await GridStore.open({
      remote,
      branch,
      dir: cacheDir(remote, branch, 'admin'),
      ...(token ? { token } : {}),
      waitOutRateLimits: true,
    });
    const commit = await requestCancel(store, ids, str(values.reason) || undefined);
    console.log(`requested cancellation of ${ids.join(', ')} (${commit.slice(0, 12)})`);
    return 0;
  },
};
