// A hostile node's misdeed for the quorum tests: it runs tasks honestly but returns wrong output on a share
// of them, as a node would that skips the work and makes up an answer. The lie is a changed stdout with its
// sha256 to match, so the result is well-formed and only another node's run can tell it wrong.
import { createHash } from 'node:crypto';
import type { Execution } from '../../src/protocol/transitions.js';
import type { Sandbox, SandboxJob } from '../../src/sandbox/sandbox.js';
import type { TaskFiles } from '../../src/sandbox/task-files.js';

export class WrongOutputSandbox implements Sandbox {
  readonly kind: Sandbox['kind'];
  /** Task ids it lied about. */
  readonly lies = new Set<string>();

  /** The share of a lie owed so far: it lies whenever a whole one is due, so the share holds in short runs too. */
  private owed = 0;

  constructor(
    private readonly inner: Sandbox,
    /** The share of its successful runs whose output it forges, 0 to 1. */
    private readonly share: number,
  ) {
    this.kind = inner.kind;
  }

  async run(job: SandboxJob, signal: AbortSignal): Promise<Execution> {
    const run = await this.inner.run(job, signal);
    if (run.status !== 'success') return run;
    this.owed += this.share;
    if (this.owed < 1) return run;
    this.owed -= 1;
    this.lies.add(job.taskId);
    const text = `forged by ${job.nodeId}\n`;
    const stdout = {
      text,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      truncated: false,
    };
    return { ...run, stdout };
  }

  unavailable(): Promise<string | undefined> {
    return this.inner.unavailable();
  }

  removeFiles(files: TaskFiles, job: SandboxJob): Promise<void> {
    return this.inner.removeFiles(files, job);
  }

  removeOrphans(nodeId: string): Promise<number> {
    return this.inner.removeOrphans(nodeId);
  }
}
