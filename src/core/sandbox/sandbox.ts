import type { Execution } from '../lifecycle.js';

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
}

export interface Sandbox {
  readonly kind: 'docker' | 'none';
  /** Runs the job; aborting the signal stops it and yields status `cancelled`. Never rejects for the task's faults. */
  run(job: SandboxJob, signal: AbortSignal): Promise<Execution>;
  /** Why the sandbox cannot run tasks now (its daemon does not answer); undefined when it can. */
  unavailable(): Promise<string | undefined>;
  /** Removes what an earlier incarnation of this node left running. */
  removeOrphans(nodeId: string): Promise<number>;
}
