import { remoteUrl } from '../../admin/grid-admin.js';
import { consoleLog } from '../../common/log.js';
import { createSandbox } from '../../sandbox/index.js';
import { cacheDir } from '../../git/cache-dir.js';
import { startNode } from '../../node/shard-node.js';
import { WORKER_SETTINGS, readNodeSettings } from '../../node/settings.js';
import { serveMetrics } from '../../node/metrics.js';
import {
  envShardTokens,
  envToken,
  gridOptions,
  jsonOption,
  num,
  settingFlags,
  settingOptions,
  str,
  type Command,
} from '../command.js';

export const worker: Command = {
  name: 'worker',
  summary:
    'Run a worker node: claim tasks, run each in the sandbox, commit the results. Ctrl-C hands running tasks back.',
  usage: '[options]',
  options: {
    ...gridOptions,
    ...settingOptions(WORKER_SETTINGS),
    'metrics-port': {
      type: 'string',
      placeholder: 'PORT',
      description: 'serve /healthz and Prometheus /metrics on PORT while running (0: any free port)',
    },
    'metrics-host': {
      type: 'string',
      default: '127.0.0.1',
      placeholder: 'ADDRESS',
      description: 'address for the metrics endpoint (default: 127.0.0.1; 0.0.0.0 inside a container)',
    },
    verbose: { type: 'boolean', default: false, description: 'log every push' },
    ...jsonOption,
  },
  async run(values) {
    const settings = readNodeSettings('cli', settingFlags(values));
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    // A grid whose policy lists shards gets one worker per shard, sharing this node's slots.
    const node = await startNode(
      {
        remote,
        branch,
        ...(token ? { token } : {}),
        ...settings,
        cacheDir: cacheDir(remote, branch, `node-${settings.nodeId}`),
      },
      await createSandbox(settings.sandbox),
      consoleLog(Boolean(values.verbose)),
      envShardTokens(),
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => node.signal(signal));
    const metrics =
      values['metrics-port'] === undefined
        ? undefined
        : await serveMetrics(
            () => node.gauges(),
            num('metrics-port', values['metrics-port'], 0, 65535),
            600,
            str(values['metrics-host']),
          );
    if (metrics) console.error(`metrics: ${metrics.url}/metrics, health: ${metrics.url}/healthz`);
    const report = await node.run().finally(() => metrics?.close());
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else
      console.log(
        `node ${report.nodeId}: completed ${report.completed}, failed ${report.failed}, handed back ${report.returned}`,
      );
    return 0;
  },
};
