import { remoteUrl } from '../../admin/grid-admin.js';
import { consoleLog } from '../../common/log.js';
import { reap as reapGrid } from '../../upkeep/reaper.js';
import { REAP_SETTINGS, readReapSettings } from '../../node/settings.js';
import { envToken, gridOptions, jsonOption, settingFlags, settingOptions, str, type Command } from '../command.js';

export const reap: Command = {
  name: 'reap',
  summary:
    'Requeue tasks whose node died, mark silent nodes offline, archive old results. ' +
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
