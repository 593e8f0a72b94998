import * as core from '@actions/core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { actionLog, getBranch, getRepository, getShardTokens, getString, getToken } from '../../src/action/kit.js';
import { createSandbox } from '../../src/sandbox/index.js';
import type { WorkerReport, WorkerSettings } from '../../src/node/worker.js';
import { startNode } from '../../src/node/shard-node.js';

import { readNodeSettings, type NodeSettings } from '../../src/node/settings.js';

export type Inputs = WorkerSettings & NodeSettings & { shardTokens: Map<string, string> };

export function getInputs(): Inputs {
  const node = readNodeSettings('action', getString);
  // The key is a secret: masked, line by line, before anything can print it.
  for (const line of (node.signingKey ?? '').split('\n')) if (line.trim().length > 8) core.setSecret(line.trim());
  // Masked in the job's log as well, before anything could print one.
  for (const value of Object.values(node.taskSecrets ?? {})) core.setSecret(value);
  const token = getToken();
  return {
    remote: getRepository(),
    ...(token ? { token } : {}),
    branch: getBranch(),
    ...node,
    cacheDir: join(process.env.RUNNER_TEMP || tmpdir(), `dgrid-${node.nodeId}`),
    shardTokens: getShardTokens(),
  };
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const sandbox = await createSandbox(inputs.sandbox);
  const { shardTokens, ...settings } = inputs;
  const worker = await startNode(settings, sandbox, actionLog, shardTokens);
  // A cancelled job gets SIGINT, then SIGTERM: hand the claimed tasks back before the runner kills us, or
  // with drain-on-stop finish them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => worker.signal(signal));
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
