import { UserError } from '../../core/errors.js';
import { remoteUrl } from '../../core/grid-admin.js';
import { consoleLog } from '../../core/log.js';
import { SANDBOX_KINDS, createSandbox, type SandboxKind } from '../../core/sandbox/index.js';
import { NODE_ID_PATTERN } from '../../core/schemas.js';
import { cacheDir } from '../../core/status.js';
import { Worker, defaultNodeId } from '../../core/worker.js';
import { serveMetrics } from '../../core/metrics.js';
import { envToken, gridOptions, jsonOption, num, str, type Command } from '../command.js';

export const worker: Command = {
  name: 'worker',
  summary:
    'Run a worker node: claim tasks, run each in the sandbox, commit the results. Ctrl-C hands running tasks back.',
  usage: '[options]',
  options: {
    ...gridOptions,
    'node-id': {
      type: 'string',
      placeholder: 'ID',
      description: 'this node id (default: host name plus a random suffix)',
    },
    labels: { type: 'string', placeholder: 'A,B', description: 'labels this node carries' },
    slots: { type: 'string', default: '1', placeholder: 'N', description: 'tasks at once (default: 1)' },
    'max-tasks': {
      type: 'string',
      default: '0',
      placeholder: 'N',
      description: 'stop after claiming N tasks (0: no limit)',
    },
    'max-runtime-minutes': {
      type: 'string',
      default: '0',
      placeholder: 'N',
      description: 'stop after N minutes (0: no limit)',
    },
    'idle-timeout-seconds': {
      type: 'string',
      default: '0',
      placeholder: 'N',
      description: 'stop after N idle seconds (0: never)',
    },
    'poll-interval-seconds': {
      type: 'string',
      default: '15',
      placeholder: 'N',
      description: 'idle polling interval (default: 15)',
    },
    sandbox: {
      type: 'string',
      default: 'docker',
      placeholder: 'docker|none',
      description: 'where tasks run (default: docker; none: plain processes of this user, no isolation)',
    },
    image: {
      type: 'string',
      placeholder: 'IMAGE',
      description: "image for tasks that name none (default: the policy's)",
    },
    cpus: {
      type: 'string',
      placeholder: 'N',
      description: "CPUs this node may promise to tasks (default: the machine's)",
    },
    'memory-mb': {
      type: 'string',
      placeholder: 'N',
      description: "memory this node may promise (default: the machine's)",
    },
    'batch-window-seconds': {
      type: 'string',
      default: '0',
      placeholder: 'S',
      description: 'let a result wait this long for others, to share a push (default: 0)',
    },
    'max-pushes-per-minute': {
      type: 'string',
      default: '0',
      placeholder: 'N',
      description: "this node's push budget; the grid policy's applies too (default: 0, policy only)",
    },
    prefetch: {
      type: 'string',
      default: '0',
      placeholder: 'N',
      description: 'claims to hold beyond the slots, started without a push in between (default: 0)',
    },
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
    const sandboxKind = str(values.sandbox) as SandboxKind;
    if (!SANDBOX_KINDS.includes(sandboxKind)) throw new UserError(`--sandbox is "${sandboxKind}": use docker or none`);
    const nodeId = str(values['node-id']) || defaultNodeId();
    if (!new RegExp(NODE_ID_PATTERN).test(nodeId))
      throw new UserError(`--node-id "${nodeId}": use letters, digits, dot, underscore, dash`);
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    const image = str(values.image);
    const node = new Worker(
      {
        remote,
        branch,
        ...(token ? { token } : {}),
        nodeId,
        labels: str(values.labels)
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
        slots: num('slots', values.slots, 1, 64),
        maxTasks: num('max-tasks', values['max-tasks'], 0),
        maxRuntimeMinutes: num('max-runtime-minutes', values['max-runtime-minutes'], 0),
        idleTimeoutSeconds: num('idle-timeout-seconds', values['idle-timeout-seconds'], 0),
        pollIntervalSeconds: num('poll-interval-seconds', values['poll-interval-seconds'], 0.05),
        ...(image ? { image } : {}),
        ...(values.cpus === undefined ? {} : { cpus: num('cpus', values.cpus, 0.1) }),
        ...(values['memory-mb'] === undefined ? {} : { memoryMb: num('memory-mb', values['memory-mb'], 16) }),
        batchWindowMs: num('batch-window-seconds', values['batch-window-seconds'], 0, 60) * 1000,
        maxPushesPerMinute: num('max-pushes-per-minute', values['max-pushes-per-minute'], 0),
        prefetch: num('prefetch', values.prefetch, 0, 256),
        cacheDir: cacheDir(remote, branch, `node-${nodeId}`),
      },
      await createSandbox(sandboxKind),
      consoleLog(Boolean(values.verbose)),
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => node.stop(`${signal} received`));
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
