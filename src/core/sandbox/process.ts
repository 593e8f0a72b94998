// `sandbox: none`: the script runs as a plain child process of the worker, with a clean environment and a
// scratch directory but no isolation. Only for grids whose every task is trusted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Execution } from '../lifecycle.js';
import { runChild } from './child.js';
import type { Sandbox, SandboxJob } from './sandbox.js';

export class ProcessSandbox implements Sandbox {
  readonly kind = 'none';

  async run(job: SandboxJob, signal: AbortSignal): Promise<Execution> {
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-task-'));
    try {
      return await runChild({
        command: '/bin/sh',
        args: ['-c', job.script],
        options: {
          cwd: dir,
          env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, TMPDIR: dir, ...job.env },
          detached: true, // its own process group, so a timeout kills everything it started
        },
        timeoutSeconds: job.timeoutSeconds,
        outputCapBytes: job.outputCapBytes,
        signal,
        stop: (child) => {
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async unavailable(): Promise<undefined> {
    return undefined;
  }

  async removeOrphans(): Promise<number> {
    return 0;
  }
}
