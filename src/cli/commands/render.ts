import { join, resolve } from 'node:path';
import { consoleLog } from '../../common/log.js';
import { checkRepositoryUrl, collectGrid } from '../../dashboard/collect.js';
import { renderSite } from '../../dashboard/render.js';
import { jsonOption, str, type Command } from '../command.js';

export const render: Command = {
  name: 'render',
  summary:
    'Render the status dashboard of a grid checkout as a static site. It shows the counts, charts drawn from the ' +
    'git history, every task and node, and a form to submit tasks.',
  usage: '[options]',
  options: {
    path: {
      type: 'string',
      default: '.',
      placeholder: 'DIR',
      description: 'a clone of the grid, with its history for the charts (default: the current directory)',
    },
    'shard-path': {
      type: 'string',
      multiple: true,
      placeholder: 'DIR',
      description: 'for a sharded grid, a clone of each other shard (repeat it): the site shows them all as one grid',
    },
    'output-dir': {
      type: 'string',
      default: 'docs',
      placeholder: 'DIR',
      description: 'where to write the site (default: docs)',
    },
    title: { type: 'string', default: 'dgrid', placeholder: 'TEXT', description: 'the page title (default: dgrid)' },
    'repository-url': {
      type: 'string',
      placeholder: 'URL',
      description: "the grid's https URL, for links to task files and the submit form",
    },
    branch: {
      type: 'string',
      default: 'main',
      placeholder: 'NAME',
      description: 'the grid branch, for those links (default: main)',
    },
    ...jsonOption,
  },
  async run(values) {
    const repositoryUrl = str(values['repository-url']);
    if (repositoryUrl) checkRepositoryUrl(repositoryUrl, '--repository-url');
    const checkouts = [
      { path: str(values.path), pathSetting: '--path' },
      ...((values['shard-path'] as string[] | undefined) ?? []).map((path) => ({ path, pathSetting: '--shard-path' })),
    ];
    const outputDir = resolve(str(values['output-dir']));
    const input = await collectGrid(
      checkouts,
      {
        title: str(values.title),
        branch: str(values.branch),
        ...(repositoryUrl ? { repositoryUrl } : {}),
        log: consoleLog(),
      },
      outputDir,
    );
    const summary = await renderSite(input, outputDir);
    const c = summary.counts;
    const index = join(outputDir, 'index.html');
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            index,
            counts: {
              queued: c.queued,
              in_progress: c.inProgress,
              completed: c.completed,
              failed: c.failed,
              nodes_online: c.nodesOnline,
            },
            recommended_workers: summary.recommendedWorkers,
            recommendation_reason: summary.recommendationReason,
            history_points: input.history.length,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    console.log(
      `queued ${c.queued}  in progress ${c.inProgress}  completed ${c.completed}  failed ${c.failed}  ` +
        `nodes online ${c.nodesOnline}  recommended workers ${summary.recommendedWorkers}`,
    );
    console.log(`Dashboard: ${index}`);
    return 0;
  },
};
