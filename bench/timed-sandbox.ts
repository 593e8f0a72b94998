// A sandbox whose tasks take their time without a process of their own, for the rows about what the grid's
// pushes carry: sixty-four slots of short tasks would start hundreds of processes a second, more than a
// 2-core machine starts beside the nodes it measures, and those rows are not about the machine's forks.
import { sleep } from '../src/common/time.js';
import { emptyStream, runWithoutOutput, type Execution } from '../src/protocol/transitions.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import type { SandboxJob } from '../src/sandbox/sandbox.js';

export class TimedSandbox extends ProcessSandbox {
  constructor(private readonly taskMs: number) {
    super();
  }

  override async run(_job: SandboxJob, signal: AbortSignal): Promise<Execution> {
    const startedAt = new Date();
    await sleep(this.taskMs, signal);
    if (signal.aborted) return runWithoutOutput('cancelled', 'stopped', startedAt, new Date());
    const finishedAt = new Date();
    return { status: 'success', exitCode: 0, stdout: emptyStream(), stderr: emptyStream(), startedAt, finishedAt };
  }
}
