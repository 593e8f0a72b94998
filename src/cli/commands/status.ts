import { remoteUrl } from '../../core/grid-admin.js';
import { GridStore } from '../../core/git/store.js';
import { cacheDir, readStatus } from '../../core/status.js';
import { envToken, gridOptions, jsonOption, str, type Command } from '../command.js';

export const status: Command = {
  name: 'status',
  summary: 'Show how many tasks are in each folder of the grid, and its nodes.',
  usage: '[options]',
  options: { ...gridOptions, ...jsonOption },
  async run(values) {
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    const store = await GridStore.open({
      remote,
      branch,
      dir: cacheDir(remote, branch, 'read'),
      ...(token ? { token } : {}),
    });
    const status = await readStatus(store);
    if (values.json) {
      console.log(JSON.stringify(status, null, 2));
      return 0;
    }
    const c = status.counts;
    console.log(`${remote} (${branch}) at ${status.tip?.slice(0, 12) ?? 'no commit'}`);
    console.log(`queued ${c.queue}  in progress ${c.in_progress}  completed ${c.completed}  failed ${c.failed}`);
    for (const task of status.stuck) console.log(`${task.task_id} can never run: ${task.reason}`);
    for (const task of status.unrunnable) {
      console.log(`no online node can run ${task.task_id}: it requires ${task.requires.join(', ')}`);
    }
    for (const node of status.nodes) {
      console.log(
        `node ${node.node_id}: ${node.status}, last heartbeat ${node.last_heartbeat}, running ${node.tasks.length}/${node.slots}, ` +
          `completed ${node.completed}, failed ${node.failed}`,
      );
    }
    return 0;
  },
};
