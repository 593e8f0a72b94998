import { UserError } from '../../common/errors.js';
import { remoteUrl, requestDrain } from '../../admin/grid-admin.js';
import { GridStore } from '../../git/store.js';
import { cacheDir } from '../../git/cache-dir.js';
import { envToken, gridOptions, str, type Command } from '../command.js';

export const drain: Command = {
  name: 'drain',
  summary:
    'Drain a node for an upgrade: adds nodes/drain/<node>.json; the node finishes what it runs, claims nothing ' +
    'more, and signs off (status draining meanwhile). Start the new version beside it.',
  usage: '[options] NODE_ID',
  options: {
    ...gridOptions,
    reason: { type: 'string', placeholder: 'TEXT', description: 'why, kept with the request' },
  },
  async run(values, ids) {
    if (ids.length !== 1) throw new UserError('give the id of one node to drain (dgrid status lists them)');
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
    const commit = await requestDrain(store, ids[0]!, str(values.reason) || undefined);
    console.log(
      commit
        ? `asked node ${ids[0]} to drain (${commit.slice(0, 12)})`
        : `node ${ids[0]} is offline or asked to drain already`,
    );
    return 0;
  },
};
