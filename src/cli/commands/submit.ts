import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../common/errors.js';
import { submitToShards } from '../../admin/grid-admin.js';
import { openGrid } from '../../admin/shard-stores.js';
import type { Task } from '../../protocol/schemas.js';
import { parseStrictJson } from '../../protocol/strict-json.js';
import { MAX_TASK_FILE_BYTES } from '../../validation/task-rules.js';
import { gridAccess, gridOptions, jsonOption, num, str, type Command } from '../command.js';

export const submit: Command = {
  name: 'submit',
  summary:
    'Add tasks to the queue by a direct commit (for grids you can push to; on GitHub, open a pull request instead). ' +
    'Give task files, or --script for a one-off task.',
  usage: '[options] [TASK.json ...]',
  options: {
    ...gridOptions,
    script: { type: 'string', placeholder: 'SCRIPT', description: 'the script of a one-off task' },
    'task-id': { type: 'string', placeholder: 'ID', description: 'its id (default: task-<time>)' },
    timeout: { type: 'string', placeholder: 'SECONDS', description: 'its timeout_seconds' },
    priority: { type: 'string', placeholder: 'high|normal|low', description: 'its priority' },
    ...jsonOption,
  },
  async run(values, files) {
    const tasks: Task[] = [];
    for (const file of files) {
      let text: Buffer;
      try {
        text = await readFile(file);
      } catch (error) {
        throw new UserError(`${file}: ${(error as Error).message}`);
      }
      // The parser validate-task and the workers use: JSON.parse would let a second "script" win unseen.
      const parsed = parseStrictJson(text, { maxBytes: MAX_TASK_FILE_BYTES });
      if (!parsed.ok) {
        throw new UserError(parsed.problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
      }
      const task = parsed.value as Task;
      if (typeof task === 'object' && task && task.task_id !== basename(file, '.json')) {
        throw new UserError(`${file}: task_id "${String(task.task_id)}" must equal the file name without .json`);
      }
      tasks.push(task);
    }
    if (values.script !== undefined) {
      tasks.push({
        task_id: str(values['task-id']) || `task-${Date.now()}`,
        script: str(values.script),
        ...(values.timeout === undefined ? {} : { timeout_seconds: num('timeout', values.timeout, 1) }),
        ...(values.priority === undefined ? {} : { priority: str(values.priority) as Task['priority'] }),
      });
    }
    if (tasks.length === 0) throw new UserError('nothing to submit: give task files or --script');
    // In a sharded grid each task goes to the shard its id hashes to, the one the gate there admits it in.
    const grid = await openGrid(gridAccess(values), 'admin');
    const commits = await submitToShards(grid, tasks);
    const ids = tasks.map((t) => t.task_id);
    if (values.json) {
      const shards = commits.map((c) => ({ repository: c.shard, commit: c.commit, task_ids: c.taskIds }));
      console.log(
        JSON.stringify({ commit: commits[0]!.commit, task_ids: ids, ...(grid.shards.length > 1 ? { shards } : {}) }),
      );
    } else if (grid.shards.length === 1) console.log(`queued ${ids.join(', ')} (${commits[0]!.commit.slice(0, 12)})`);
    else
      for (const c of commits) console.log(`queued ${c.taskIds.join(', ')} in ${c.shard} (${c.commit.slice(0, 12)})`);
    return 0;
  },
};
