import * as core from '@actions/core';
import { resolve } from 'node:path';
import { actionLog, getBranch, getList, getString } from '../../src/action/kit.js';
import { checkRepositoryUrl, collectGrid } from '../../src/dashboard/collect.js';
import { renderSite } from '../../src/dashboard/render.js';
import { summaryMarkdown } from '../../src/dashboard/summary.js';

export interface Settings {
  /** The checkout of the grid. */
  path: string;
  outputDir: string;
  title: string;
  /** The grid on GitHub, for links to task files and the submit form. */
  repositoryUrl?: string;
  branch: string;
  /** Checkouts of the other shards of a sharded grid, rendered with it as one grid. */
  shardPaths: string[];
}

export function getInputs(): Settings {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = process.env;
  const repositoryUrl = getString('repository-url', server && repository ? `${server}/${repository}` : '');
  if (repositoryUrl) checkRepositoryUrl(repositoryUrl, 'input "repository-url"');
  return {
    path: getString('path', '.'),
    outputDir: getString('output-dir', 'docs'),
    title: getString('title', repository || 'dgrid'),
    ...(repositoryUrl ? { repositoryUrl } : {}),
    branch: getBranch(),
    shardPaths: getList('shard-paths'),
  };
}

export async function main(): Promise<void> {
  const settings = getInputs();
  const { shardPaths, ...collect } = settings;
  const outputDir = resolve(settings.outputDir);
  const checkouts = [
    { path: collect.path, pathSetting: 'input "path"' },
    ...shardPaths.map((path) => ({ path, pathSetting: 'input "shard-paths"' })),
  ];
  const input = await collectGrid(checkouts, { ...collect, log: actionLog }, outputDir);
  const summary = await renderSite(input, outputDir);
  const c = summary.counts;
  core.setOutput('queued', c.queued);
  core.setOutput('in-progress', c.inProgress);
  core.setOutput('completed', c.completed);
  core.setOutput('failed', c.failed);
  core.setOutput('nodes-online', c.nodesOnline);
  core.setOutput('recommended-workers', summary.recommendedWorkers);
  core.info(`dashboard written to ${outputDir}; ${summary.recommendationReason}`);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(summary, input), true).write();
}
