// Fault scenario: a task of ten steps, its node killed (kill -9, its container with it) mid-way; the reaper
// requeues the task and another node resumes it from the last checkpoint the dead node stored. The work lost
// is what the task did since that checkpoint: at most one heartbeat interval.
import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { reap } from '../../src/upkeep/reaper.js';
import { silentLog } from '../../src/common/log.js';
import { DockerSandbox } from '../../src/sandbox/docker.js';
import type { TestGrid } from '../helpers/grid.js';

const CLI = new URL('../../src/cli/index.js', import.meta.url).pathname;
const exec = promisify(execFile);

export const STEP_SECONDS = 0.5;
export const STEPS = 10;
/** Fast leases: the dead node is declared so within seconds. */
export const CHECKPOINT_POLICY = {
  lease: { heartbeat_seconds: 2, node_timeout_seconds: 10, grace_seconds: 1 },
  retry_backoff_seconds: 0,
};

/** Ten steps, each one's number in /checkpoint/step and the progress file; a run starts where it finds itself. */
export const STEPPED_SCRIPT = [
  'step=$(cat /checkpoint/step 2>/dev/null || echo 0)',
  'echo "resumed from step $step"',
  'i=$step',
  `while [ $i -lt ${STEPS} ]; do i=$((i+1)); sleep ${STEP_SECONDS}; echo "step $i"; ` +
    'echo $i > /checkpoint/next && mv /checkpoint/next /checkpoint/step; ' +
    `echo "$((i*100/${STEPS})) step $i" >> "$DGRID_PROGRESS"; done`,
].join('; ');

export interface ResumeOutcome {
  /** Steps the killed node's task had finished when it died. */
  doneWhenKilled: number;
  /** The step the second node resumed from. */
  resumedFrom: number;
  /** Seconds of work lost: the steps done again. */
  lostSeconds: number;
  stdout: string;
}

export async function runCheckpointResume(grid: TestGrid, image: string): Promise<ResumeOutcome> {
  await grid.submit([{ task_id: 'ten-steps', script: STEPPED_SCRIPT, timeout_seconds: 120 }]);
  const tmp = join(grid.dir, 'tmp-a');
  await mkdir(tmp);
  const args = ['worker', '--repository', grid.remote, '--node-id', 'a', '--sandbox', 'docker', '--image', image];
  const child = spawn(process.execPath, [CLI, ...args, '--poll-interval-seconds', '0.2'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, TMPDIR: tmp },
  });
  const closed = new Promise((resolve) => child.on('close', resolve));
  // Past the middle of the task, as its own progress file on node a says.
  let done = 0;
  for (let i = 0; i < 600 && done < STEPS / 2 + 1; i++) {
    await sleep(50);
    done = await lastStep(tmp);
  }
  process.kill(-child.pid!, 'SIGKILL');
  // The machine died with its node: the container goes too.
  const { stdout: ids } = await exec('docker', ['ps', '-aq', '--filter', 'label=dgrid.node=a']);
  if (ids.trim()) await exec('docker', ['rm', '--force', ...ids.split('\n').filter(Boolean)]);
  await closed;
  const doneWhenKilled = await lastStep(tmp);
  // The reaper declares node a dead once its heartbeat is older than node timeout + grace.
  const { lease } = CHECKPOINT_POLICY;
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    const report = await reap({ remote: grid.remote, branch: 'main', dryRun: false }, silentLog);
    if (report.actions.some((a) => a.subject === 'ten-steps')) break;
    if (i * 1000 > (lease.node_timeout_seconds + lease.grace_seconds + 10) * 1000) throw new Error('never reaped');
  }
  await grid.worker({ nodeId: 'b', pollIntervalSeconds: 0.2 }, new DockerSandbox()).run();
  const result = (await grid.results()).get('ten-steps');
  if (!result) throw new Error('ten-steps has no result');
  const resumedFrom = Number(/resumed from step (\d+)/.exec(result.stdout)?.[1] ?? NaN);
  return {
    doneWhenKilled,
    resumedFrom,
    lostSeconds: (doneWhenKilled - resumedFrom) * STEP_SECONDS,
    stdout: result.stdout,
  };
}

/** The last step the progress file of node a's task says it finished. */
async function lastStep(tmp: string): Promise<number> {
  for (const name of await readdir(tmp).catch(() => [])) {
    if (!name.startsWith('dgrid-files-')) continue;
    const text = await readFile(join(tmp, name, 'progress'), 'utf8').catch(() => '');
    const steps = [...text.matchAll(/step (\d+)/g)].map((m) => Number(m[1]));
    if (steps.length > 0) return Math.max(...steps);
  }
  return 0;
}
