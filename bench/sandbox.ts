// Container overhead per task: the same no-op script run N times in the Docker sandbox and as a plain
// process, one after another, in the same run. Run: node build/bench/sandbox.js [runs] [image]
import { DockerSandbox } from '../src/sandbox/docker.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import type { Sandbox, SandboxJob } from '../src/sandbox/sandbox.js';

const runs = Number(process.argv[2] ?? 10);
const image = process.argv[3] ?? 'dgrid-sandbox:bookworm';
const job: SandboxJob = {
  taskId: 'bench',
  nodeId: 'bench-node',
  script: 'true',
  image,
  timeoutSeconds: 30,
  env: {},
  cpus: 1,
  memoryMb: 128,
  pids: 64,
  tmpfsMb: 16,
  fileSizeMb: 8,
  outputCapBytes: 10240,
};

async function perTask(sandbox: Sandbox): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const run = await sandbox.run(job, new AbortController().signal);
    if (run.status !== 'success') throw new Error(`${sandbox.kind}: ${run.status} ${run.stderr.text}`);
  }
  return (performance.now() - started) / runs;
}

const plain = await perTask(new ProcessSandbox());
const docker = await perTask(new DockerSandbox());
console.log(`${runs} no-op tasks each: plain process ${plain.toFixed(0)} ms/task, docker ${docker.toFixed(0)} ms/task`);
console.log(`container overhead: ${(docker - plain).toFixed(0)} ms per task (${(docker / plain).toFixed(1)}x)`);
