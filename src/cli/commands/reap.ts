import { remoteUrl } from '../../admin/grid-admin.js';
import { consoleLog } from '../../common/log.js';
import { reapGrid } from '../../upkeep/shard-reaper.js';
import { REAP_SETTINGS, readReapSettings } from '../../node/settings.js';
import {
  envShardTokens,
  envToken,
  gridOptions,
  jsonOption,
  settingFlags,
  settingOptions,
  str,
  type Command,
} from '../command.js';

export const reap: Command = {
  name: 'reap',
  summary:
    'Requeue tasks whose node died, mark silent nodes offline, archive old results (in each shard of a sharded grid). ' +
    'Orphans out of attempts go to failed/; results older than retention.days move to the <branch>-archive branch.',
  usage: '[options]',
  options: {
    ...gridOptions,
    ...settingOptions(REAP_SETTINGS),
    ...jsonOption,
  },
  async run(values) {
    const token = envToken();
    const report = await reapGrid(
      {
        remote: remoteUrl(str(values.repository)),
        branch: str(values.branch),
        ...(token ? { token } : {}),
        ...readReapSettings('cli', settingFlags(values)),
      },
      consoleLog(),
      envShardTokens(),
    );
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    for (const a of report.actions) console.log(`${a.action} ${a.subject}: ${a.reason}`);
    console.log(
      `${report.dryRun ? 'dry run, nothing pushed: would have ' : ''}requeued ${report.requeued}, failed ${report.failed}, ` +
        `marked ${report.nodesOffline} node(s) offline`,
    );
    return 0;
  },
};
