import { UserError } from '../../common/errors.js';
import { openGrid } from '../../admin/shard-stores.js';
import { readShardedStatus, readStatus } from '../../admin/status.js';
import { gridAccess, gridOptions, jsonOption, str, type Command } from '../command.js';

/** A queue of thousands would bury the counts: the first few say enough, with the total. */
const MAX_LISTED = 10;

export const status: Command = {
  name: 'status',
  summary: 'Show how many tasks are in each folder of the grid, why queued tasks wait, and its nodes.',
  usage: '[options]',
  options: { ...gridOptions, ...jsonOption },
  async run(values) {
    const access = gridAccess(values);
    const { remote, branch } = access;
    // A sharded grid shows as one grid: every shard read, counts summed, each node once.
    const grid = await openGrid(access, 'read');
    const status =
      grid.shards.length > 1
        ? await readShardedStatus(grid.shards.map((s) => s.store))
        : await readStatus(grid.shards[0]!.store);
    if (status.tip === null) {
      throw new UserError(
        `branch "${branch}" does not exist in ${remote}: give --branch the grid's branch, ` +
          `or make it a grid with "dgrid init --repository ${str(values.repository)} --branch ${branch}"`,
      );
    }
    if (values.json) {
      console.log(JSON.stringify(status, null, 2));
      return 0;
    }
    const c = status.counts;
    if (grid.shards.length > 1) console.log(`a grid of ${grid.shards.length} shards (${branch}):`);
    for (const [i, shard] of grid.shards.entries()) {
      const tip = 'tips' in status ? (status.tips as (string | null)[])[i] : status.tip;
      console.log(
        `${grid.shards.length > 1 ? shard.url : remote} (${branch}) at ${tip?.slice(0, 12) ?? '(no branch)'}`,
      );
    }
    console.log(`tasks: queued ${c.queue}  in progress ${c.in_progress}  completed ${c.completed}  failed ${c.failed}`);
    for (const task of status.stuck) console.log(`${task.task_id} can never run: ${task.reason}`);
    for (const task of status.unrunnable) {
      console.log(`no online node can run ${task.task_id}: it requires ${task.requires.join(', ')}`);
    }
    for (const task of status.waiting.slice(0, MAX_LISTED)) console.log(`${task.task_id} waits: ${task.reason}`);
    if (status.waiting.length > MAX_LISTED) console.log(`and ${status.waiting.length - MAX_LISTED} more waiting tasks`);
    // A node counts attempts, a retried task once per run: its failures can outnumber the grid's failed tasks.
    for (const node of status.nodes) {
      console.log(
        `node ${node.node_id}: ${node.status}, last heartbeat ${node.last_heartbeat}, running ${node.tasks.length}/${node.slots}, ` +
          `attempts completed ${node.completed}, failed ${node.failed}`,
      );
    }
    return 0;
  },
};
