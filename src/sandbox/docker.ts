// The default sandbox: one locked-down container per task. Nothing of the runner reaches it: no network,
// no host mounts, no docker socket, no inherited environment, a read-only root and a non-root user.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runWithoutOutput } from '../protocol/transitions.js';
import { errorMessage } from '../common/errors.js';
import { runChild } from './child.js';
import { CONTAINER_CHECKPOINT, CONTAINER_PROGRESS, removeTaskFiles, type TaskFiles } from './task-files.js';
import { collectOutputs, type CollectedOutputs } from './out-files.js';
import { unrunnable, type Sandbox, type SandboxJob, type SandboxRun } from './sandbox.js';

const exec = promisify(execFile);

/** The docker client's own environment: enough to reach the daemon, nothing from the runner's secrets. */
function clientEnv(): NodeJS.ProcessEnv {
  const keep = [
    'PATH',
    'HOME',
    'DOCKER_HOST',
    'DOCKER_CONFIG',
    'DOCKER_CONTEXT',
    'DOCKER_CERT_PATH',
    'DOCKER_TLS_VERIFY',
  ];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

export function dockerRunArgs(job: SandboxJob, name: string, envFile: string, outVolume?: string): string[] {
  const fileSize = job.fileSizeMb * 1024 * 1024;
  return [
    'run',
    '--rm',
    '--name',
    name,
    '--label',
    `dgrid.node=${job.nodeId}`,
    '--label',
    `dgrid.task=${job.taskId}`,
    '--network',
    'none',
    '--read-only',
    '--tmpfs',
    `/tmp:rw,noexec,nosuid,nodev,size=${job.tmpfsMb}m`,
    // Docker's own /dev/shm is another writable 64 MiB: no larger than /tmp (both count against the memory).
    '--shm-size',
    `${job.tmpfsMb}m`,
    // The node reads the output as it comes and keeps the capped part; a log on the daemon's disk would
    // hold all of it, however much a task writes, until the container is gone.
    '--log-driver',
    'none',
    '--workdir',
    '/tmp',
    '--user',
    '65534:65534',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--pids-limit',
    String(job.pids),
    '--memory',
    `${job.memoryMb}m`,
    '--memory-swap',
    `${job.memoryMb}m`,
    '--cpus',
    String(job.cpus),
    '--ulimit',
    `fsize=${fileSize}:${fileSize}`,
    '--ulimit',
    'nofile=256:256',
    // A crashing task must not write its memory to the host's disk (with the host's core_pattern).
    '--ulimit',
    'core=0',
    '--init',
    ...filesArgs(job),
    ...(outVolume ? ['--mount', `type=volume,source=${outVolume},target=/out`] : []),
    '--env-file',
    envFile,
    job.image,
    '/bin/sh',
    '-c',
    job.script,
  ];
}

/** The task's progress file and checkpoint folder, bound into the container (the only host paths it sees). */
function filesArgs(job: SandboxJob): string[] {
  if (!job.files) return [];
  return [
    '--mount',
    `type=bind,src=${job.files.progress},dst=${CONTAINER_PROGRESS}`,
    '--mount',
    `type=bind,src=${job.files.checkpoint},dst=${CONTAINER_CHECKPOINT}`,
    '--env',
    `DGRID_PROGRESS=${CONTAINER_PROGRESS}`,
    '--env',
    `DGRID_CHECKPOINT=${CONTAINER_CHECKPOINT}`,
  ];
}

export class DockerSandbox implements Sandbox {
  readonly kind = 'docker';

  /** Whether the daemon sees this node's folders, so a task's files can be mounted (see run). */
  private sharesFiles = true;

  constructor(private readonly docker = 'docker') {}

  /** Whether a daemon answers, and why not. */
  static async probe(docker = 'docker'): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      await exec(docker, ['version', '--format', '{{.Server.Version}}'], { env: clientEnv(), timeout: 10_000 });
      return { ok: true };
    } catch (error) {
      // The client's own words (no socket, no permission: its last line, after any warnings) say more than
      // "Command failed".
      const { stderr, message } = error as Error & { stderr?: string };
      return {
        ok: false,
        reason: stderr?.trim().split('\n').at(-1) || message.split('\n')[0] || 'docker did not answer',
      };
    }
  }

  static async hasImage(image: string, docker = 'docker'): Promise<boolean> {
    try {
      await exec(docker, ['image', 'inspect', image], { env: clientEnv(), timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  }

  async run(job: SandboxJob, signal: AbortSignal): Promise<SandboxRun> {
    const refused = unrunnable(job);
    if (refused) return runWithoutOutput('error', refused, new Date());
    const badEnv = Object.entries({ ...job.env, ...(job.secrets ?? {}) }).find(([, value]) => /[\n\r]/.test(value));
    if (badEnv) return runWithoutOutput('error', `env ${badEnv[0]}: values must be a single line`, new Date());
    const name = `dgrid-${job.taskId.slice(0, 60)}-${randomBytes(4).toString('hex')}`;
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-env-'));
    try {
      const envFile = join(dir, 'env');
      const env = { HOME: '/tmp', ...job.env, ...(job.secrets ?? {}) };
      await writeFile(
        envFile,
        Object.entries(env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
        { mode: 0o600 },
      );
      const out = job.outputs ? await this.outMount(job, name) : undefined;
      const start = (withFiles: boolean) =>
        runChild({
          command: this.docker,
          args: dockerRunArgs(withFiles ? job : { ...job, files: undefined }, name, envFile, out?.volume),
          options: { env: clientEnv() },
          timeoutSeconds: job.timeoutSeconds,
          outputCapBytes: job.outputCapBytes,
          secrets: Object.values(job.secrets ?? {}),
          signal,
          // Killing the client would leave the container running: kill the container itself.
          stop: () => this.remove([name]),
          sandboxError: (code, stderr) =>
            code === 125 ? `docker could not run the container: ${clientMessage(stderr)}` : undefined,
        });
      let run = await start(job.files !== undefined && this.sharesFiles);
      // A node in a container beside its daemon (the standalone image) has folders the daemon cannot see:
      // its tasks then run without a progress file or checkpoint folder rather than not at all.
      if (job.files && run.exitCode === 125 && /bind source path does not exist/.test(run.stderr.text)) {
        this.sharesFiles = false;
        await this.remove([name]);
        run = await start(false);
      }
      if (out && run.status !== 'cancelled') {
        const collected = await this.collect(job, out.holder);
        if (run.status === 'success' || run.status === 'timeout') return { ...run, collected };
        Object.assign(run, { collected });
      }
      if (run.status === 'success' || run.status === 'timeout' || signal.aborted) return run;
      // A daemon that stops kills its containers: the task then looks killed (137) or unrunnable (125).
      // Asked at once, a daemon on its way down or not yet back does not answer; one that is back already
      // does, so the client's own words that it lost the daemon count too.
      const lost =
        run.exitCode === 125 && DAEMON_LOST.test(run.stderr.text)
          ? `the Docker daemon went away: ${clientMessage(run.stderr.text)}`
          : await this.unavailable();
      return lost ? { ...run, status: 'error', reason: lost, sandboxLost: lost } : run;
    } finally {
      await this.remove([name, `${name}-out`]);
      await this.removeVolumes([`${name}-out`]);
      // The collected files stay for the caller to store, in a folder of their own (see collect).
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * /out: a tmpfs volume of the policy's size and file count, and a container that holds it mounted while
   * the task runs and after it exits (a tmpfs volume lives only while some container has it mounted), from
   * which its files are copied out. The holder runs as locked down as the task, and never runs its code.
   */
  private async outMount(job: SandboxJob, name: string): Promise<{ volume: string; holder: string }> {
    const limits = job.outputs!;
    const volume = `${name}-out`;
    const options = `size=${limits.maxMb}m,nr_inodes=${limits.maxFiles + 1},uid=65534,gid=65534,mode=0700,nosuid,nodev`;
    await this.client([
      'volume',
      'create',
      '--driver',
      'local',
      '--opt',
      'type=tmpfs',
      '--opt',
      'device=tmpfs',
      '--opt',
      `o=${options}`,
      '--label',
      `dgrid.node=${job.nodeId}`,
      volume,
    ]);
    await this.client([
      'run',
      '-d',
      '--rm',
      '--name',
      volume,
      '--label',
      `dgrid.node=${job.nodeId}`,
      '--network',
      'none',
      '--read-only',
      '--user',
      '65534:65534',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--pids-limit',
      '4',
      '--memory',
      '32m',
      '--log-driver',
      'none',
      '--mount',
      `type=volume,source=${volume},target=/out,readonly`,
      '--entrypoint',
      'sleep',
      job.image,
      String(job.timeoutSeconds + 600),
    ]);
    return { volume, holder: volume };
  }

  /**
   * Copies /out to this machine (docker cp keeps symlinks as links and never writes outside the folder it
   * is given) and picks the files the task asked for. The copy is bounded by the volume's size and file count.
   */
  private async collect(job: SandboxJob, holder: string): Promise<CollectedOutputs> {
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-out-'));
    try {
      await this.client(['cp', `${holder}:/out/.`, dir], 600_000);
      return await collectOutputs(dir, job.outputs!.patterns, Object.values(job.secrets ?? {}), job.outputs!);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      return { dir, files: [], skipped: [`/out could not be copied out: ${errorMessage(error)}`] };
    }
  }

  private async client(args: string[], timeout = 60_000): Promise<string> {
    const { stdout } = await exec(this.docker, args, { env: clientEnv(), timeout, maxBuffer: 1024 * 1024 });
    return stdout;
  }

  private async removeVolumes(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await exec(this.docker, ['volume', 'rm', '--force', ...names], { env: clientEnv(), timeout: 30_000 }).catch(
      () => undefined,
    );
  }

  async unavailable(): Promise<string | undefined> {
    const probe = await DockerSandbox.probe(this.docker);
    return probe.ok ? undefined : `the Docker daemon does not answer: ${probe.reason}`;
  }

  async removeFiles(files: TaskFiles, job: SandboxJob): Promise<void> {
    if (await removeTaskFiles(files)) return;
    // Folders the task made belong to its user, whom the node is not: a container of that user empties them.
    await exec(
      this.docker,
      [
        'run',
        '--rm',
        '--network',
        'none',
        '--user',
        '65534:65534',
        '--mount',
        `type=bind,src=${files.checkpoint},dst=/c`,
        job.image,
        'find',
        '/c',
        '-mindepth',
        '1',
        '-delete',
      ],
      { env: clientEnv(), timeout: 60_000 },
    );
    if (!(await removeTaskFiles(files))) throw new Error(`could not remove ${files.root}`);
  }

  async removeOrphans(nodeId: string): Promise<number> {
    const { stdout } = await exec(this.docker, ['ps', '-aq', '--filter', `label=dgrid.node=${nodeId}`], {
      env: clientEnv(),
    });
    const ids = stdout.split('\n').filter(Boolean);
    await this.remove(ids);
    // The /out volumes of its tasks, once no container holds them.
    const volumes = await this.client(['volume', 'ls', '-q', '--filter', `label=dgrid.node=${nodeId}`]);
    await this.removeVolumes(volumes.split('\n').filter(Boolean));
    return ids.length;
  }

  private async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await exec(this.docker, ['rm', '--force', ...ids], { env: clientEnv(), timeout: 30_000 }).catch(() => undefined);
  }
}

/** How the docker client says it could not reach the daemon, or lost it under a running container. */
const DAEMON_LOST =
  /Cannot connect to the Docker daemon|error during connect|error waiting for container: unexpected EOF/;

/** The client's error, without the usage hint it appends to every failure. */
function clientMessage(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => line && !/^(Run|See) 'docker run --help'/.test(line)) ?? 'no message';
}
