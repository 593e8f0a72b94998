// A node of the push-budget benchmark: the worker as `dgrid worker --sandbox none` runs it, but each task
// takes its time without a process of its own. Sixty-four slots of 0.2 s tasks would start 320 processes a
// second, more than a 2-core machine starts beside sixteen nodes; the row is about the grid's pushes and the
// claims they carry, not about the machine's forks.
// Run by budget.ts: node build/bench/budget-node.js '{"settings": <WorkerSettings>, "taskMs": 200}'
import { silentLog } from '../src/common/log.js';
import { sleep } from '../src/common/time.js';
import { Worker, type WorkerSettings } from '../src/node/worker.js';
import { emptyStream, runWithoutOutput, type Execution } from '../src/protocol/transitions.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import type { SandboxJob } from '../src/sandbox/sandbox.js';

class TimedSandbox extends ProcessSandbox {
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

const { settings, taskMs } = JSON.parse(process.argv[2]!) as { settings: WorkerSettings; taskMs: number };
await new Worker(settings, new TimedSandbox(taskMs), silentLog).run();
