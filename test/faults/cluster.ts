// A grid under fire: worker processes and periodic reapers (the CLI, sandbox none) against a bare
// repository served over smart HTTP, whose pre-receive hook delays pushes at random to widen races, and
// the faults to inject into them. Each fault is logged with its target and time, so that the checker can
// tell which extra executions a fault explains.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { git } from '../../src/git/runner.js';
import { GridStore } from '../../src/git/store.js';
import { initGrid, submitTasks } from '../../src/admin/grid-admin.js';
import { locate } from '../../src/protocol/layout.js';
import { DockerSandbox } from '../../src/sandbox/docker.js';
import type { Task } from '../../src/protocol/schemas.js';
import { pushFaults, serveGit, type GitHttpServer, type PushFaults } from '../helpers/http-git.js';
import { statOf } from '../helpers/processes.js';
import { generateNodeKey } from '../../src/admin/node-key.js';
import { HostileNode, MISDEEDS, type MisdeedName } from './hostile.js';

const CLI = new URL('../../src/cli/index.js', import.meta.url).pathname;
const TOKEN = 'ghs_faults0123456789';
/** The hostile node's id. */
export const HOSTILE = 'h0';

/**
 * Fast leases, so that a dead node is noticed within seconds: a live node must land a push every 22 s,
 * however many races it loses under load. 10 s was too short on a slow day: with push rounds of 1.5 s among
 * restarted nodes and racing reapers, a node lost 12 races in a row (21 s) and its claims were reaped.
 * No push budget, no retry delay.
 */
export const FAULT_POLICY = {
  // Grace 10 s: a node may be off by half of it, 5 s, the skew of the clock-skew fault.
  lease: { grace_seconds: 10, heartbeat_seconds: 3, node_timeout_seconds: 20 },
  default_attempts: 10,
  retry_backoff_seconds: 0,
  push_budget_per_minute: 0,
  read_budget_per_second: 0,
};
/** What the reapers pass as --node-timeout-seconds: the policy's own, as the reap workflow's input would. */
export const NODE_TIMEOUT_SECONDS = FAULT_POLICY.lease.node_timeout_seconds;

export type FaultKind =
  | 'kill-worker'
  | 'kill-reaper'
  | 'stop-worker'
  | 'server-outage'
  | 'push-rejects'
  | 'stale-locks'
  | 'clock-skew'
  | 'docker-restart'
  | 'hostile-node';

export interface Fault {
  kind: FaultKind;
  /** A node id, or 'server' / 'reaper' / 'docker'. */
  target: string;
  at: number;
  until: number;
  detail?: string;
}

/** One real execution of a task script, as the script itself recorded it. */
export interface Run {
  task: string;
  node: string;
  at: number;
}

export interface ClusterOptions {
  workers: number;
  slots: number;
  /** The first worker's clock runs this many seconds ahead (faketime). */
  skewSeconds?: number;
  reapEveryMs: number;
  pushDelayMs: number;
  /** Run tasks in Docker containers of this image instead of as plain processes. */
  dockerImage?: string;
  /**
   * A hostile node beside the workers (hostile.ts): the grid then wants signed commits, each worker signing
   * with a key of its own, and the node commits a misdeed whenever the fault comes.
   */
  hostile?: boolean;
}

interface WorkerProcess {
  node: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** By a fault, which starts it again itself. */
  killed: boolean;
}

export class Cluster {
  readonly faults: Fault[] = [];
  readonly submitted: string[] = [];
  /** When each node's current process started. */
  readonly starts = new Map<string, number>();
  private readonly workers = new Map<string, WorkerProcess>();
  private readonly reapers = new Set<ChildProcess>();
  private readonly stopReaping = new AbortController();
  private reaperLoop: Promise<void> = Promise.resolve();
  private watcher: ChildProcess | undefined;
  private hostile: HostileNode | undefined;
  private misdeeds = 0;

  private constructor(
    readonly dir: string,
    readonly bare: string,
    readonly remote: string,
    readonly server: GitHttpServer,
    readonly push: PushFaults,
    private readonly submitter: GridStore,
    readonly options: ClusterOptions,
  ) {}

  static async create(dir: string, options: ClusterOptions): Promise<Cluster> {
    const bare = join(dir, 'grid.git');
    await mkdir(join(dir, 'logs'), { recursive: true });
    const image = options.dockerImage
      ? { default_image: options.dockerImage, allowed_images: [options.dockerImage] }
      : {};
    const signed = options.hostile ? { nodes: { signed_commits: true } } : {};
    await initGrid({
      repository: bare,
      branch: 'main',
      policyText: JSON.stringify({ ...FAULT_POLICY, ...image, ...signed }),
      cacheDir: join(dir, 'cache-init'),
    });
    const push = await pushFaults(bare);
    await push.setMaxDelayMs(options.pushDelayMs);
    // Reads are anonymous, as from a public repository on GitHub; pushes need the token.
    const server = await serveGit(dir, TOKEN, { anonymousReads: true });
    const remote = `${server.url}/grid.git`;
    const submitter = await GridStore.open({ remote, branch: 'main', dir: join(dir, 'cache-submit'), token: TOKEN });
    const cluster = new Cluster(dir, bare, remote, server, push, submitter, options);
    if (options.hostile) await cluster.keys();
    return cluster;
  }

  /** A key for each worker, and the hostile node, joined as any node would. */
  private async keys(): Promise<void> {
    await mkdir(join(this.dir, 'keys'), { recursive: true });
    for (const node of this.nodes) await generateNodeKey(this.keyOf(node), node);
    const key = this.keyOf(HOSTILE);
    const publicKey = await generateNodeKey(key, HOSTILE);
    const store = await GridStore.open({
      remote: this.remote,
      branch: 'main',
      dir: join(this.dir, `cache-${HOSTILE}`),
      token: TOKEN,
      signingKey: key,
    });
    this.hostile = new HostileNode(HOSTILE, store, publicKey);
    await this.hostile.join();
  }

  private keyOf(node: string): string {
    return join(this.dir, 'keys', node);
  }

  /**
   * The hostile node's next misdeed, in turn through MISDEEDS; recorded with its commit. Tried again on a lost
   * race, and skipped when the grid holds nothing it could hit (no claim of another node to rewrite).
   */
  async misbehave(): Promise<void> {
    const names = Object.keys(MISDEEDS) as MisdeedName[];
    for (let i = 0; i < names.length; i++) {
      const misdeed = names[this.misdeeds++ % names.length]!;
      for (let attempt = 0; attempt < 20; attempt++) {
        const deed = await this.hostile!.commit(misdeed).catch((error: unknown) => {
          appendFileSync(join(this.dir, 'logs', `${HOSTILE}.log`), `${new Date().toISOString()} ${String(error)}\n`);
          return undefined;
        });
        if (deed) return this.record('hostile-node', HOSTILE, 0, `${misdeed} ${deed.commit} ${deed.target}`);
      }
    }
  }

  /** Every misdeed commit the hostile node pushed, landed or not. */
  get misdeedCommits(): readonly string[] {
    return this.hostile?.attempted ?? [];
  }

  get nodes(): string[] {
    return Array.from({ length: this.options.workers }, (_, i) => `w${i}`);
  }

  get log(): string {
    return join(this.dir, 'executions.log');
  }

  skewOf(node: string): number {
    return node === 'w0' ? (this.options.skewSeconds ?? 0) : 0;
  }

  /**
   * Submits tasks that work for a moment, each execution recorded outside the grid: as plain processes the
   * script appends its task id, the node's scratch folder and the time to the log; in containers, which
   * reach nothing of the host, the daemon's start events are the record (see watchContainers). Retried
   * through outages and refused pushes, as a submitter would.
   */
  async submit(count: number): Promise<void> {
    const tasks: Task[] = [];
    for (let i = 0; i < count; i++) {
      const id = `f${String(this.submitted.length + i).padStart(5, '0')}`;
      const seconds = (0.5 + Math.random()).toFixed(2);
      tasks.push({
        task_id: id,
        script: this.options.dockerImage
          ? `sleep ${seconds}`
          : `echo "${id} $PWD $(date +%s%3N)" >> ${this.log}; sleep ${seconds}`,
        timeout_seconds: 20,
      });
    }
    this.submitted.push(...tasks.map((t) => t.task_id));
    let waiting = tasks;
    for (let attempt = 1; waiting.length > 0; attempt++) {
      try {
        await submitTasks(this.submitter, waiting);
        return;
      } catch (error) {
        if (attempt >= 60) throw error;
        await sleep(500);
        // A push cut off by an outage may have landed all the same: submit only what the grid lacks.
        const present = new Set((await this.tip()).map((l) => l.id));
        waiting = waiting.filter((t) => !present.has(t.task_id));
      }
    }
  }

  /** Every task record at the grid branch's tip, in any lifecycle folder. */
  private async tip(): Promise<NonNullable<ReturnType<typeof locate>>[]> {
    const paths = await git(['ls-tree', '-r', '--name-only', '-z', 'main', '--', 'tasks'], { cwd: this.bare });
    return paths
      .split('\0')
      .map((p) => locate(p))
      .filter((l) => l !== undefined);
  }

  async startAll(): Promise<void> {
    if (this.options.dockerImage) await this.watchContainers(new Date());
    for (const node of this.nodes) this.startWorker(node);
    this.reaperLoop = this.reapPeriodically();
  }

  private startWorker(node: string): void {
    const tmp = join(this.dir, `tmp-${node}`);
    const args = [
      CLI,
      'worker',
      '--repository',
      this.remote,
      '--node-id',
      node,
      ...(this.options.dockerImage
        ? ['--sandbox', 'docker', '--image', this.options.dockerImage]
        : ['--sandbox', 'none']),
      '--slots',
      String(this.options.slots),
      '--poll-interval-seconds',
      '0.5',
      // Results finishing within a second share a push: fewer pushes, fewer lost races for everyone.
      '--batch-window-seconds',
      '1',
      '--verbose',
      ...(this.options.hostile ? ['--signing-key', this.keyOf(node)] : []),
    ];
    const skew = this.skewOf(node);
    const [command, argv] =
      skew === 0 ? [process.execPath, args] : ['faketime', ['-f', `+${skew}s`, process.execPath, ...args]];
    const child = this.spawnLogged(command, argv, node, tmp);
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    const proc: WorkerProcess = { node, child, exited, killed: false };
    this.workers.set(node, proc);
    this.starts.set(node, Date.now());
    // A worker that exits on its own (it refuses to start while the Docker daemon is down) is started again
    // a moment later, as a service manager would.
    void exited.then(async () => {
      if (proc.killed || this.workers.get(node) !== proc) return;
      await sleep(1000);
      if (this.workers.get(node) === proc) this.startWorker(node);
    });
  }

  /**
   * A process in a group of its own, so that a fault can hit it with everything it started; its output goes
   * to logs/<name>.log, each line with the time, to be read beside the fault log and the grid's history.
   */
  private spawnLogged(command: string, args: string[], name: string, tmp: string): ChildProcess {
    mkdirSync(tmp, { recursive: true });
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp, DGRID_TOKEN: TOKEN },
    });
    const log = join(this.dir, 'logs', `${name}.log`);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) =>
        appendFileSync(log, `${new Date().toISOString()} ${child.pid} ${line}\n`),
      );
    }
    live.add(child.pid!);
    child.on('close', () => live.delete(child.pid!));
    return child;
  }

  /**
   * One scheduled reaper at a time, as the reap workflow's concurrency group has it; kill-reaper starts
   * another beside it, so reapers still race.
   */
  private async reapPeriodically(): Promise<void> {
    const { signal } = this.stopReaping;
    while (!signal.aborted) {
      await this.reap().done;
      await sleep(this.options.reapEveryMs * (0.5 + Math.random()), undefined, { signal }).catch(() => undefined);
    }
  }

  private reap(): { child: ChildProcess; done: Promise<void> } {
    const child = this.spawnLogged(
      process.execPath,
      [CLI, 'reap', '--repository', this.remote, '--node-timeout-seconds', String(NODE_TIMEOUT_SECONDS)],
      'reaper',
      join(this.dir, 'tmp-reaper'),
    );
    this.reapers.add(child);
    const done = new Promise<void>((resolve) =>
      child.on('close', () => {
        this.reapers.delete(child);
        resolve();
      }),
    );
    return { child, done };
  }

  private record(kind: FaultKind, target: string, ms: number, detail?: string): void {
    const at = Date.now();
    this.faults.push({ kind, target, at, until: at + ms, ...(detail ? { detail } : {}) });
  }

  /** kill -9 of a node and everything it runs, as a machine dying; maybe stale git files left; back after a while. */
  async killWorker(node: string, staleLocks: boolean): Promise<void> {
    const proc = this.workers.get(node);
    if (!proc) return;
    this.record('kill-worker', node, 0);
    proc.killed = true;
    signalTree(proc.child.pid!, 'SIGKILL');
    await proc.exited;
    if (staleLocks) {
      const left = await this.leaveStaleFiles(node);
      if (left) this.record('stale-locks', node, 0, left);
    }
    await sleep(500 + Math.random() * 2000);
    if (this.workers.get(node) === proc) this.startWorker(node);
  }

  /**
   * What a killed git may leave in the node's bare cache: a lock of its shallow file or of a ref it was
   * updating, an index lock, a half-written pack.
   */
  private async leaveStaleFiles(node: string): Promise<string | undefined> {
    const root = join(this.dir, `tmp-${node}`, 'dgrid-cache');
    const cache = existsSync(root) ? (await readdir(root)).find((d) => d.endsWith(`-node-${node}`)) : undefined;
    if (!cache) return undefined;
    const files = ['shallow.lock', 'refs/remotes/grid/main.lock', 'index.lock', 'objects/pack/tmp_pack_kill9'];
    const file = files[Math.floor(Math.random() * files.length)]!;
    await mkdir(join(root, cache, file, '..'), { recursive: true });
    await writeFile(join(root, cache, file), 'PACK\0\0\0half-written');
    return file;
  }

  /** SIGSTOP of a node and its tasks, as a paused VM; SIGCONT after `ms`. */
  async stopWorker(node: string, ms: number): Promise<void> {
    const proc = this.workers.get(node);
    if (!proc) return;
    this.record('stop-worker', node, ms);
    const groups = signalTree(proc.child.pid!, 'SIGSTOP');
    await sleep(ms);
    for (const group of groups) signalGroup(group, 'SIGCONT');
  }

  /** kill -9 of a reaper at a random moment of its run. */
  async killReaper(): Promise<void> {
    const { child, done } = this.reap();
    await sleep(Math.random() * 1500);
    this.record('kill-reaper', 'reaper', 0);
    signalTree(child.pid!, 'SIGKILL');
    await done;
  }

  async outage(ms: number): Promise<void> {
    this.record('server-outage', 'server', ms);
    await this.server.stop();
    await sleep(ms);
    await this.server.start();
  }

  async rejectPushes(percent: number, ms: number): Promise<void> {
    this.record('push-rejects', 'server', ms, `${percent}%`);
    await this.push.setRejectPercent(percent);
    await sleep(ms);
    await this.push.setRejectPercent(0);
  }

  /** Whether every submitted task has its result: nothing queued or in progress, every id in a terminal folder. */
  async drained(): Promise<boolean> {
    const paths = await this.tip();
    if (paths.some((l) => l.state === 'queue' || l.state === 'in_progress')) return false;
    const done = new Set(paths.map((l) => l.id));
    return this.submitted.every((id) => done.has(id));
  }

  /** Resolves once a task has started: the faults are for a grid at work, not for nodes still starting. */
  async running(): Promise<void> {
    for (let i = 0; i < 120 && (await this.runs()).length === 0; i++) await sleep(250);
  }

  async runs(): Promise<Run[]> {
    const text = await readFile(this.log, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [task, pwd, at] = line.split(' ') as [string, string, string];
        return { task, node: /\/tmp-([^/]+)\//.exec(pwd)?.[1] ?? pwd, at: Number(at) };
      });
  }

  /**
   * Appends each task container's start, as the daemon reports it, to the executions log: a line with the
   * task id, the node id and the time. Events since `since` are replayed, so a watcher started after a
   * daemon restart misses nothing of the new daemon's.
   */
  private async watchContainers(since: Date): Promise<void> {
    const child = spawn(
      'docker',
      ['events', '--since', String(Math.floor(since.getTime() / 1000) - 1), '--format', '{{json .}}'].concat([
        '--filter',
        'type=container',
        '--filter',
        'event=start',
        '--filter',
        'label=dgrid.task',
      ]),
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    live.add(child.pid!);
    child.on('close', () => live.delete(child.pid!));
    this.watcher = child;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as { timeNano: number; Actor: { Attributes: Record<string, string> } };
      const { 'dgrid.task': task, 'dgrid.node': node } = event.Actor.Attributes;
      appendFileSync(this.log, `${task} ${node} ${Math.floor(event.timeNano / 1e6)}\n`);
    });
    // The stream is open once the daemon answers a request after it: a start before that would be missed.
    await dockerAnswers();
  }

  /**
   * Stops the Docker daemon, as an upgrade or a crash would, with the containers of running tasks; starts
   * it again with the same command line and environment, and the event watcher with it.
   */
  async restartDocker(): Promise<void> {
    const pid = Number(readFileSync('/var/run/docker.pid', 'utf8'));
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // Its own environment, not this test's: the daemon outlives the test, and the test's TMPDIR with it.
    const env = Object.fromEntries(
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const at = Date.now();
    process.kill(pid, 'SIGTERM');
    while (existsSync(`/proc/${pid}`)) await sleep(100);
    const daemon = spawn(argv[0]!, argv.slice(1), {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore'],
      env,
    });
    daemon.unref();
    await dockerAnswers(60_000);
    this.faults.push({ kind: 'docker-restart', target: 'docker', at, until: Date.now() });
    this.watcher?.kill();
    await this.watchContainers(new Date(at));
  }

  /** Heals what is still broken, stops the workers (SIGTERM, then SIGKILL) and the reapers. */
  async shutdown(): Promise<void> {
    this.stopReaping.abort();
    await this.server.start();
    await this.push.setRejectPercent(0);
    await this.reaperLoop;
    const procs = [...this.workers.values()];
    this.workers.clear();
    for (const proc of procs) {
      signalTree(proc.child.pid!, 'SIGCONT');
      // The node itself, not its group: it stops its tasks and needs its git commands for the last commit.
      const node = this.skewOf(proc.node) === 0 ? proc.child.pid! : descendants(proc.child.pid!)[0];
      if (node !== undefined) signalProcess(node, 'SIGTERM');
    }
    const deadline = sleep(8_000).then(() => 'late' as const);
    for (const proc of procs) {
      if ((await Promise.race([proc.exited, deadline])) === 'late') signalTree(proc.child.pid!, 'SIGKILL');
    }
    for (const reaper of this.reapers) signalTree(reaper.pid!, 'SIGKILL');
    this.watcher?.kill();
    await this.server.close();
  }
}

/** Waits until the Docker daemon answers. */
async function dockerAnswers(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await DockerSandbox.probe()).ok) return;
    if (Date.now() > deadline) throw new Error(`the Docker daemon did not answer within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** Groups still running: a test runner that dies must not leave them working on. */
const live = new Set<number>();
process.once('exit', () => {
  for (const pid of live) signalTree(pid, 'SIGKILL');
});

/**
 * Sends a signal to a process's group and to the groups of its descendants (task scripts run in groups of
 * their own); returns the groups. The tree is read first: a dead parent's children move to init.
 */
function signalTree(pid: number, signal: NodeJS.Signals): number[] {
  const groups = [pid, ...descendants(pid).map(groupOf)].filter((g): g is number => g !== undefined);
  const unique = [...new Set(groups)];
  for (const group of unique) signalGroup(group, signal);
  return unique;
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // it exited already
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // the group is gone already
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = statOf(Number(entry))?.ppid;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function groupOf(pid: number): number | undefined {
  return statOf(pid)?.pgid;
}
