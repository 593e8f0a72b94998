import * as core from '@actions/core';
import { actionLog, getBranch, getRepository, getShardTokens, getString, getToken } from '../../src/action/kit.js';
import type { ReapReport } from '../../src/upkeep/reaper.js';
import { reapGrid } from '../../src/upkeep/shard-reaper.js';
import { readReapSettings } from '../../src/node/settings.js';

export async function main(): Promise<void> {
  const token = getToken();
  const settings = readReapSettings('action', getString);
  // A sharded grid is reaped shard by shard, each with the token for its host.
  const report = await reapGrid(
    {
      remote: getRepository(),
      branch: getBranch(),
      ...(token ? { token } : {}),
      ...settings,
    },
    actionLog,
    getShardTokens(),
  );
  for (const a of report.actions) core.info(`${a.action} ${a.subject}: ${a.reason}`);
  core.setOutput('requeued', report.requeued);
  core.setOutput('failed', report.failed);
  core.setOutput('nodes-offline', report.nodesOffline);
  await writeSummary(report);
}

async function writeSummary(report: ReapReport): Promise<void> {
  core.summary
    .addHeading(report.dryRun ? 'dgrid reap-orphans (dry run: nothing pushed)' : 'dgrid reap-orphans', 2)
    .addRaw(
      `Requeued ${report.requeued}, failed ${report.failed}, marked ${report.nodesOffline} node(s) offline. ` +
        `Pushes ${report.commits.length} (${report.rejectedPushes} rejected and rebuilt).`,
      true,
    );
  if (report.actions.length === 0) core.summary.addRaw('Nothing to do.', true);
  else
    core.summary.addTable([
      [
        { data: 'Action', header: true },
        { data: 'Subject', header: true },
        { data: 'Why', header: true },
      ],
      ...report.actions.map((a) => [a.action, a.subject, a.reason]),
    ]);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.write();
}
