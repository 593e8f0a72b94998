import type { Execution } from '../protocol/transitions.js';
import type { TaskFiles } from './task-files.js';
import type { CollectedOutputs } from './out-files.js';

/** Everything a sandbox needs to run one task; limits already resolved against the policy. */
export interface SandboxJob {
  taskId: string;
  nodeId: string;
  script: string;
  image: string;
  timeoutSeconds: number;
  env: Record<string, string>;
  cpus: number;
  memoryMb: number;
  pids: number;
  tmpfsMb: number;
  fileSizeMb: number;
  outputCapBytes: number;
  /** The task's progress file and checkpoint folder, made by the node (task-files.ts). */
  files?: TaskFiles;
  /**
   * Secret values by name, set in the task's environment; every value is redacted from what the task sends
   * back. Never logged, never in an argument list.
   */
  secrets?: Record<string, string>;
  /** The files to collect from /out, a writable mount of this size; none: the task has no /out. */
  outputs?: { patterns: string[]; maxMb: number; maxFiles: number };
}

/** A run, with the output files the sandbox copied out (the caller stores them and removes their folder). */
export type SandboxRun = Execution & { collected?: CollectedOutputs };

/**
 * Why no process could take the job: a NUL byte in the script or an env value, which the process API
 * refuses outright. The gate refuses such tasks, but a file pushed directly never met the gate.
 */
export function unrunnable(job: SandboxJob): string | undefined {
  if (job.script.includes('\0')) return 'the script holds a NUL byte, which no process can take: remove it';
  const name = Object.keys(job.env).find((key) => `${key}${job.env[key]}`.includes('\0'));
  return name === undefined ? undefined : `env ${name} holds a NUL byte, which no process can take: remove it`;
}

export interface Sandbox {
  readonly kind: 'docker' | 'none';
  /**
   * Runs the job; aborting the signal stops it and yields status `cancelled`. Never rejects for the task's
   * faults; the worker still turns any rejection into the task's `error` result.
   */
  run(job: SandboxJob, signal: AbortSignal): Promise<SandboxRun>;
  /** Why the sandbox cannot run tasks now (its daemon does not answer); undefined when it can. */
  unavailable(): Promise<string | undefined>;
  /** Removes a task's files, also what its user made in them; a sandbox that cannot says why in a rejection. */
  removeFiles(files: TaskFiles, job: SandboxJob): Promise<void>;
  /** Removes what an earlier incarnation of this node left running. */
  removeOrphans(nodeId: string): Promise<number>;
}
