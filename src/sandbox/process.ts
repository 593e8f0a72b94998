// `sandbox: none`: the script runs as a plain child process of the worker, with a clean environment and a
// scratch directory but no isolation. Only for grids whose every task is trusted.
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../common/errors.js';
import { runWithoutOutput, type Execution } from '../protocol/transitions.js';
import { runChild } from './child.js';
import { unrunnable, type Sandbox, type SandboxJob } from './sandbox.js';
import { removeTaskFiles, type TaskFiles } from './task-files.js';

export class ProcessSandbox implements Sandbox {
  readonly kind = 'none';

  async run(job: SandboxJob, signal: AbortSignal): Promise<Execution> {
    const refused = unrunnable(job);
    if (refused) return runWithoutOutput('error', refused, new Date());
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-task-'));
    const started = new Date();
    const run = await runChild({
      command: '/bin/sh',
      args: ['-c', job.script],
      options: {
        cwd: dir,
        env: {
          PATH: '/usr/local/bin:/usr/bin:/bin',
          HOME: dir,
          TMPDIR: dir,
          ...(job.files ? { DGRID_PROGRESS: job.files.progress, DGRID_CHECKPOINT: job.files.checkpoint } : {}),
          ...job.env,
          ...(job.secrets ?? {}),
        },
        detached: true, // its own process group, so a timeout kills everything it started
      },
      timeoutSeconds: job.timeoutSeconds,
      outputCapBytes: job.outputCapBytes,
      secrets: Object.values(job.secrets ?? {}),
      signal,
      stop: (child) => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      },
    }).catch((error: unknown) => runWithoutOutput('error', `could not start: ${errorMessage(error)}`, started));
    try {
      await removeScratch(dir);
      return run;
    } catch (error) {
      // The run stands as it was, but what it left behind is the task's doing: the node keeps going.
      const reason = `its scratch folder ${dir} could not be removed: ${errorMessage(error)}`;
      return { ...run, status: 'error', reason: run.reason ? `${run.reason}; ${reason}` : reason };
    }
  }

  async unavailable(): Promise<undefined> {
    return undefined;
  }

  async removeFiles(files: TaskFiles): Promise<void> {
    if (await removeTaskFiles(files)) return;
    await makeWritable(files.root);
    if (!(await removeTaskFiles(files))) throw new Error(`could not remove ${files.root}`);
  }

  async removeOrphans(): Promise<number> {
    return 0;
  }
}

/**
 * Removes a task's scratch folder, also the folders the task made read-only in it: only root removes
 * those as they are.
 */
async function removeScratch(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch {
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Symbolic links are not followed: a task's link must not make the node change modes outside its folder. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await makeWritable(join(dir, entry.name));
  }
}
