import { spawn, type SpawnOptions } from 'node:child_process';
import type { Execution } from '../protocol/transitions.js';
import { StreamRedactor } from '../common/redact.js';
import { OutputCapture } from './output.js';

export interface ChildRun {
  command: string;
  args: string[];
  options: SpawnOptions;
  timeoutSeconds: number;
  outputCapBytes: number;
  signal: AbortSignal;
  /** Stops the work for real (the process group, or the container); called on timeout and on abort. */
  stop: (child: ReturnType<typeof spawn>) => Promise<void> | void;
  /** Maps an exit code to a status for codes that mean the sandbox, not the task, failed. */
  sandboxError?: (exitCode: number, stderr: string) => string | undefined;
  /** Secret values: redacted from both streams before a byte is kept, counted or hashed. */
  secrets: readonly string[];
}

/** Runs a child process with capped output, a timeout and cancellation; shared by both sandboxes. */
export function runChild(run: ChildRun): Promise<Execution> {
  return new Promise((resolve) => {
    const startedAt = new Date();
    const stdout = new OutputCapture(run.outputCapBytes);
    const stderr = new OutputCapture(run.outputCapBytes);
    let ended: 'timeout' | 'cancelled' | undefined;
    const child = spawn(run.command, run.args, { ...run.options, stdio: ['ignore', 'pipe', 'pipe'] });
    const end = (why: 'timeout' | 'cancelled') => {
      if (ended) return;
      ended = why;
      void run.stop(child);
    };
    const timer = setTimeout(() => end('timeout'), run.timeoutSeconds * 1000);
    const onAbort = () => end('cancelled');
    run.signal.addEventListener('abort', onAbort, { once: true });
    if (run.signal.aborted) onAbort();
    const outRedactor = new StreamRedactor(run.secrets);
    const errRedactor = new StreamRedactor(run.secrets);
    child.stdout!.on('data', (chunk: Buffer) => stdout.write(outRedactor.write(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => stderr.write(errRedactor.write(chunk)));
    let finished = false;
    const finish = (exitCode: number | null, spawnError?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      stdout.write(outRedactor.end());
      stderr.write(errRedactor.end());
      const out = stdout.finish();
      const err = stderr.finish();
      const base = { stdout: out, stderr: err, startedAt, finishedAt: new Date() };
      if (spawnError)
        resolve({ ...base, status: 'error', exitCode: null, reason: `could not start: ${spawnError.message}` });
      else if (ended === 'timeout') {
        resolve({ ...base, status: 'timeout', exitCode, reason: `killed after the ${run.timeoutSeconds} s timeout` });
      } else if (ended === 'cancelled')
        resolve({ ...base, status: 'cancelled', exitCode, reason: 'stopped before it finished' });
      else {
        const sandboxIssue = exitCode === null ? undefined : run.sandboxError?.(exitCode, err.text);
        if (sandboxIssue) resolve({ ...base, status: 'error', exitCode, reason: sandboxIssue });
        else resolve({ ...base, status: exitCode === 0 ? 'success' : 'failure', exitCode });
      }
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 + signalNumber(signal) : null)));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGSEGV: 11, SIGABRT: 6 } as Record<string, number>)[signal] ?? 0;
}
