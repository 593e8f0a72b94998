import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UserError } from '../../common/errors.js';
import { remoteUrl } from '../../admin/grid-admin.js';
import { GridStore } from '../../git/store.js';
import { cacheDir } from '../../git/cache-dir.js';
import { GridSnapshot } from '../../protocol/snapshot.js';
import { resultValidator } from '../../protocol/schema-validators.js';
import type { StoredFile } from '../../protocol/schemas.js';
import { fetchVerified } from '../../storage/file-store.js';
import { openFileStore } from '../../storage/index.js';
import { envToken, gridOptions, jsonOption, str, type Command } from '../command.js';

export const output: Command = {
  name: 'output',
  summary:
    "Fetch a task's output file from the grid's output store and verify it against the sha256 its result names. " +
    'Without NAME, the only file, or the list of them.',
  usage: '[options] TASK_ID [NAME]',
  options: {
    ...gridOptions,
    ...jsonOption,
    out: {
      type: 'string',
      placeholder: 'PATH',
      description: "where to write the file (default: its name's last part, in the current folder); never overwritten",
    },
  },
  async run(values, args) {
    const [taskId, name] = args;
    if (!taskId || args.length > 2) throw new UserError('give a task id, and the name of one of its output files');
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    const dir = cacheDir(remote, branch, 'read');
    const store = await GridStore.open({ remote, branch, dir, ...(token ? { token } : {}), waitOutRateLimits: true });
    const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['completed', 'failed'] });
    const file = snapshot.byId.get(taskId)?.find((f) => f.state === 'completed' || f.state === 'failed');
    if (!file) throw new UserError(`${taskId} has no result on branch "${branch}" (not finished, or archived)`);
    const result = (await snapshot.readJson([file])).get(file);
    if (!resultValidator.is(result)) throw new UserError(`${file.entry.path} is not a valid result`);
    const outputs = result.outputs ?? [];
    if (values.json && name === undefined) {
      console.log(JSON.stringify(outputs, null, 2));
      return 0;
    }
    const chosen = pick(taskId, outputs, name);
    const dest = resolve(str(values.out) || safeBasename(chosen.name));
    if (
      await access(dest).then(
        () => true,
        () => false,
      )
    ) {
      throw new UserError(`${dest} exists already: remove it, or give --out another path`);
    }
    const files = await openFileStore(await snapshot.policy(), { remote, cacheDir: dir, ...(token ? { token } : {}) });
    await fetchVerified(files, chosen, dest);
    if (values.json) console.log(JSON.stringify({ ...chosen, path: dest }, null, 2));
    else console.log(`${dest}: ${chosen.bytes} bytes, sha256 ${chosen.sha256} (verified)`);
    return 0;
  },
};

function pick(taskId: string, outputs: StoredFile[], name: string | undefined): StoredFile {
  const list = outputs.map((o) => `${o.name} (${o.bytes} bytes)`).join(', ');
  if (name === undefined) {
    if (outputs.length === 1) return outputs[0]!;
    throw new UserError(
      outputs.length === 0
        ? `${taskId} has no output files`
        : `${taskId} has ${outputs.length} output files: name one of ${list}`,
    );
  }
  const found = outputs.find((o) => o.name === name);
  if (!found) throw new UserError(`${taskId} has no output file "${name}"; it has: ${list || 'none'}`);
  return found;
}

/** A name for this machine from one the task chose: its last part, never `.` or `..`. */
function safeBasename(name: string): string {
  const last = basename(name);
  return last === '' || last === '.' || last === '..' ? 'output' : last;
}
