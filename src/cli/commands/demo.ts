import { mkdtemp } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GridStore } from '../../git/store.js';
import { GridSnapshot } from '../../protocol/snapshot.js';
import { initGrid, remoteUrl, submitTasks } from '../../admin/grid-admin.js';
import { consoleLog, silentLog } from '../../common/log.js';
import { DockerSandbox } from '../../sandbox/docker.js';
import { ProcessSandbox } from '../../sandbox/process.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import type { Result, Task } from '../../protocol/schemas.js';
import { resultValidator } from '../../protocol/schema-validators.js';
import { Worker } from '../../node/worker.js';
import { collectDashboard } from '../../dashboard/collect.js';
import { renderSite } from '../../dashboard/render.js';
import { str, type Command } from '../command.js';

const DEMO_IMAGES = ['dgrid-sandbox:bookworm', 'python:3.12-alpine', 'python:3.12-slim'];

export const SAMPLE_TASKS: Task[] = [
  { task_id: 'demo-task-001', script: "echo 'Hello, D-GRID!' && python3 --version", timeout_seconds: 30 },
  {
    task_id: 'demo-primes',
    script: 'python3 -c "print(sum(1 for n in range(2, 20000) if all(n % d for d in range(2, int(n ** 0.5) + 1))))"',
    description: 'Counts the primes below 20,000',
  },
  { task_id: 'demo-urgent', script: 'echo "high priority runs first"', priority: 'high' },
  { task_id: 'demo-env', script: 'echo "$GREETING from uid $(id -u)"', env: { GREETING: 'hello' } },
  {
    task_id: 'demo-fails',
    script: "echo 'about to fail' >&2; exit 3",
    max_attempts: 1,
    description: 'Ends in failed/ with exit code 3, without a retry',
  },
  {
    task_id: 'demo-timeout',
    script: 'sleep 30',
    timeout_seconds: 1,
    max_attempts: 1,
    description: 'Killed by its timeout',
  },
  { task_id: 'demo-report', script: 'echo "runs after demo-primes"', depends_on: ['demo-primes'] },
];

/** Docker with a local image when a daemon answers and has one; otherwise plain processes, said out loud. */
async function chooseSandbox(): Promise<{ sandbox: Sandbox; image?: string; notice?: string }> {
  const probe = await DockerSandbox.probe();
  if (!probe.ok) return { sandbox: new ProcessSandbox(), notice: `no Docker daemon answers (${probe.reason})` };
  const wanted = process.env.DGRID_DEMO_IMAGE ? [process.env.DGRID_DEMO_IMAGE] : DEMO_IMAGES;
  for (const image of wanted) {
    if (await DockerSandbox.hasImage(image)) return { sandbox: new DockerSandbox(), image };
  }
  return { sandbox: new ProcessSandbox(), notice: `Docker answers but has none of the images ${wanted.join(', ')}` };
}

export const demo: Command = {
  name: 'demo',
  summary: 'Build a throwaway grid on a local bare repository, run two workers on sample tasks, and show the outcome.',
  usage: '[options]',
  options: {
    dir: { type: 'string', placeholder: 'DIR', description: 'where to put the grid (default: a new temporary folder)' },
    verbose: { type: 'boolean', default: false, description: "show the workers' log" },
  },
  async run(values) {
    // Absolute, so that a relative DIR such as "demo/grid.git" is never read as owner/name on GitHub.
    const dir = resolve(str(values.dir) || (await mkdtemp(join(tmpdir(), 'dgrid-demo-'))));
    // A folder the user named may hold other things: only what the demo made there goes.
    const made = values.dir ? ['grid.git', 'cache', 'site'].map((f) => join(dir, f)).join(' ') : dir;
    const gridPath = join(dir, 'grid.git');
    const remote = remoteUrl(gridPath);
    const { sandbox, image, notice } = await chooseSandbox();
    if (notice) console.log(`NOTICE: ${notice}; running the demo with sandbox "none" (plain processes, no isolation).`);
    else console.log(`Sandbox: docker, image ${image}`);
    // A local bare repository has no push or read budget to respect.
    const policy = {
      push_budget_per_minute: 0,
      read_budget_per_second: 0,
      ...(image ? { default_image: image, allowed_images: [image] } : {}),
    };
    await initGrid({
      repository: gridPath,
      branch: 'main',
      policyText: JSON.stringify(policy, null, 2) + '\n',
      cacheDir: join(dir, 'cache', 'admin'),
    });
    const store = await GridStore.open({ remote, branch: 'main', dir: join(dir, 'cache', 'admin') });
    await submitTasks(store, SAMPLE_TASKS);
    console.log(`Grid: ${gridPath} with ${SAMPLE_TASKS.length} sample tasks; starting two workers...`);

    const started = Date.now();
    const log = values.verbose ? consoleLog(true) : silentLog;
    const workers = ['demo-node-1', 'demo-node-2'].map(
      (nodeId) =>
        new Worker(
          {
            remote,
            branch: 'main',
            nodeId,
            labels: [],
            slots: 2,
            maxTasks: 0,
            maxRuntimeMinutes: 5,
            idleTimeoutSeconds: 2,
            pollIntervalSeconds: 0.2,
            cacheDir: join(dir, 'cache', nodeId),
          },
          sandbox,
          log,
        ),
    );
    const reports = await Promise.all(workers.map((w) => w.run()));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    const tip = await store.fetch();
    const snapshot = await GridSnapshot.load(store, tip);
    const files = [...snapshot.of('completed'), ...snapshot.of('failed')];
    const records = [...(await snapshot.readJson(files)).values()].filter((r): r is Result => resultValidator.is(r));
    console.log(`\nOutcome after ${seconds} s:`);
    for (const r of records.sort((a, b) => a.finished_at.localeCompare(b.finished_at))) {
      // A task killed by its timeout printed nothing: the reason says what happened.
      const output = (r.stdout || r.stderr || r.reason || '').trim().split('\n')[0] ?? '';
      console.log(
        `  ${r.task_id.padEnd(15)} ${r.status.padEnd(8)} exit ${String(r.exit_code ?? '-').padEnd(4)} on ${r.node_id}  ${output.slice(0, 50)}`,
      );
    }
    for (const r of reports)
      console.log(`  node ${r.nodeId}: completed ${r.completed}, failed ${r.failed}, pushes ${r.pushes}`);
    const completed = snapshot.of('completed').length;
    console.log(
      `\n${completed} completed, ${snapshot.of('failed').length} failed, ${snapshot.of('queue').length} still queued.`,
    );
    if (notice) {
      console.log(
        `Without Docker, these tasks ran as plain processes of the current user (${userInfo().username}), ` +
          'with no isolation: a worker on a real grid needs Docker unless you trust every task.',
      );
    }
    // The bare grid is read in place: its history is the dashboard's time series.
    const site = join(dir, 'site');
    const dashboard = await collectDashboard({
      path: gridPath,
      pathSetting: 'the demo grid',
      title: 'dgrid demo',
      branch: 'main',
    });
    await renderSite(dashboard, site);
    console.log(
      [
        '',
        'Next steps:',
        `  open the dashboard:   ${pathToFileURL(join(site, 'index.html')).href}`,
        `  read the grid:        ${invokedAs()} status --repository ${gridPath}`,
        `  its history:          git -C ${gridPath} log --oneline --stat`,
        `  a grid of your own:   ${invokedAs()} init --repository PATH, then submit and worker (see README.md)`,
        `  clean up:             rm -rf ${made}`,
      ].join('\n'),
    );
    return completed > 0 ? 0 : 1;
  },
};

/** The command as the user typed it: "dgrid" when installed, "node dist/cli/index.js" in a fresh clone. */
function invokedAs(): string {
  const script = process.argv[1] ?? '';
  return basename(script) === 'dgrid' || script === '' ? 'dgrid' : `node ${relative(process.cwd(), script)}`;
}
