import * as core from '@actions/core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  actionLog,
  getBranch,
  getChoice,
  getInt,
  getList,
  getNumber,
  getRepository,
  getString,
  getToken,
} from '../../src/action/kit.js';
import { SANDBOX_KINDS, createSandbox, type SandboxKind } from '../../src/core/sandbox/index.js';
import { Worker, defaultNodeId, type WorkerReport, type WorkerSettings } from '../../src/core/worker.js';
import { NODE_ID_PATTERN } from '../../src/core/schemas.js';
import { UserError } from '../../src/core/errors.js';

export interface Inputs extends WorkerSettings {
  sandbox: SandboxKind;
}

export function getInputs(): Inputs {
  const nodeId = getString('node-id', defaultNodeId());
  if (!new RegExp(NODE_ID_PATTERN).test(nodeId)) {
    throw new UserError(`input "node-id" is "${nodeId}": use letters, digits, dot, underscore, dash (at most 64)`);
  }
  const image = getString('image');
  const cpus = getNumber('cpus', 0, 0, 1024);
  const memoryMb = getInt('memory-mb', 0, 0, 16 * 1024 * 1024);
  const token = getToken();
  return {
    remote: getRepository(),
    ...(token ? { token } : {}),
    branch: getBranch(),
    nodeId,
    labels: getList('labels'),
    slots: getInt('slots', 1, 1, 64),
    maxTasks: getInt('max-tasks', 0),
    maxRuntimeMinutes: getInt('max-runtime-minutes', 300),
    idleTimeoutSeconds: getInt('idle-timeout-seconds', 300),
    pollIntervalSeconds: getInt('poll-interval-seconds', 15, 1, 3600),
    sandbox: getChoice('sandbox', SANDBOX_KINDS, 'docker'),
    ...(image ? { image } : {}),
    ...(cpus > 0 ? { cpus } : {}),
    ...(memoryMb > 0 ? { memoryMb } : {}),
    batchWindowMs: getNumber('batch-window-seconds', 0, 0, 60) * 1000,
    maxPushesPerMinute: getNumber('max-pushes-per-minute', 0, 0, 600),
    prefetch: getInt('prefetch', 0, 0, 256),
    cacheDir: join(process.env.RUNNER_TEMP || tmpdir(), `dgrid-${nodeId}`),
  };
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const sandbox = await createSandbox(inputs.sandbox);
  const worker = new Worker(inputs, sandbox, actionLog);
  // A cancelled job gets SIGINT, then SIGTERM: hand the claimed tasks back before the runner kills us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => worker.stop(`${signal} received`));
  core.info(
    `node ${inputs.nodeId} on ${inputs.remote} (${inputs.branch}), ${inputs.slots} slot(s), sandbox ${inputs.sandbox}`,
  );
  const report = await worker.run();
  core.setOutput('completed', report.completed);
  core.setOutput('failed', report.failed);
  core.setOutput('node-id', report.nodeId);
  await writeSummary(report);
}

async function writeSummary(report: WorkerReport): Promise<void> {
  core.summary
    .addHeading(`dgrid node ${report.nodeId}`, 2)
    .addRaw(
      `Completed ${report.completed}, failed ${report.failed}, handed back ${report.returned}. ` +
        `Pushes ${report.pushes} (${report.rejectedPushes} rejected). Stopped: ${report.stopReason}.`,
      true,
    );
  if (report.outcomes.length > 0) {
    core.summary.addTable([
      [
        { data: 'Task', header: true },
        { data: 'Status', header: true },
        { data: 'Exit code', header: true },
        { data: 'Duration', header: true },
        { data: 'Attempt', header: true },
      ],
      ...report.outcomes.map((o) => [
        o.task_id,
        o.status,
        o.exit_code === null ? '' : String(o.exit_code),
        `${(o.duration_ms / 1000).toFixed(1)} s`,
        String(o.attempt),
      ]),
    ]);
  }
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.write();
}
