import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { auditGrid } from '../src/upkeep/audit.js';
import { UserError } from '../src/common/errors.js';
import { git, runGit } from '../src/git/runner.js';
import { sleep } from '../src/common/time.js';
import { GridStore, type Change } from '../src/git/store.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import { nodePath, queuePath } from '../src/protocol/layout.js';
import { isSilent, type Execution } from '../src/protocol/transitions.js';
import { silentLog, type Log } from '../src/common/log.js';
import { reap } from '../src/upkeep/reaper.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import type { SandboxJob } from '../src/sandbox/sandbox.js';
import type { Claim, NodeRecord, QueuedTask, Task } from '../src/protocol/schemas.js';
import { Worker } from '../src/node/worker.js';
import { gridFor, invariantViolations, noopTasks, pushDirectly, runAll, type TestGrid } from './helpers/grid.js';
import { serveGit } from './helpers/http-git.js';
import { statOf } from './helpers/processes.js';

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;

/** A `dgrid worker --sandbox none` process; with `uid`, run as that user (and group) instead of the test's. */
function cliWorker(
  remote: string,
  nodeId: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
  uid?: number,
): ChildProcess {
  const as = uid === undefined ? [] : ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups'];
  return spawn(
    as[0] ?? process.execPath,
    [
      ...as.slice(1),
      ...(as.length > 0 ? [process.execPath] : []),
      CLI,
      'worker',
      '--repository',
      remote,
      '--node-id',
      nodeId,
      '--sandbox',
      'none',
      '--poll-interval-seconds',
      '0.1',
      '--idle-timeout-seconds',
      '2',
      '--json',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function executions(log: string): Promise<string[]> {
  return (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
}

test('a worker claims, runs and records tasks over file://, keeping invariant 1 in every commit', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([
    { task_id: 'ok', script: 'echo out; echo err >&2' },
    { task_id: 'bad', script: 'exit 7', max_attempts: 1 },
  ]);
  const [report] = await runAll([grid.worker({ nodeId: 'solo', slots: 2 })]);
  assert.equal(report!.completed, 1);
  assert.equal(report!.failed, 1);
  const results = await grid.results();
  const ok = results.get('ok')!;
  assert.equal(ok.state, 'completed');
  assert.equal(ok.stdout, 'out\n');
  assert.equal(ok.stderr, 'err\n');
  assert.equal(ok.node_id, 'solo');
  assert.equal(ok.attempt, 1);
  assert.equal(ok.claim?.node_id, 'solo');
  assert.equal(results.get('bad')!.state, 'failed');
  assert.equal(results.get('bad')!.exit_code, 7);
  const snapshot = await grid.snapshot();
  const node = (await snapshot.node('solo')) as NodeRecord;
  assert.equal(node.status, 'offline');
  assert.equal(node.completed, 1);
  assert.equal(node.failed, 1);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('a claim counts only when the remote tip holds its token: the claim commit names the node and token', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'slow', script: 'sleep 1' }]);
  const worker = grid.worker({ nodeId: 'n1', idleTimeoutSeconds: 0, maxTasks: 1 });
  const done = worker.run();
  // While the task runs, the tip must hold the claim with this node's token in n1's folder.
  let claim: Claim | undefined;
  for (let i = 0; i < 50 && !claim; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const snapshot = await grid.snapshot();
    const file = snapshot.of('in_progress')[0];
    if (file) claim = (await snapshot.readJson([file])).get(file) as Claim;
  }
  assert.ok(claim, 'the claim appeared at the tip');
  assert.equal(claim.claim.node_id, 'n1');
  assert.match(claim.claim.token, /^[0-9a-f-]{36}$/);
  const report = await done;
  assert.equal(report.completed, 1);
  const result = (await grid.results()).get('slow')!;
  assert.equal(result.claim?.token, claim.claim.token);
});

test('race: 8 worker processes, 1 task: exactly one execution', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'executions.log');
  await grid.submit([{ task_id: 'only', script: `echo only >> ${log}` }]);
  const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => exited(cliWorker(grid.remote, `racer-${i}`))));
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(await executions(log), ['only']);
  const results = await grid.results();
  assert.equal(results.get('only')?.status, 'success');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('race: 3 worker processes, 20 tasks: each runs exactly once', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'executions.log');
  const tasks = noopTasks(20).map((t) => ({ ...t, script: `echo ${t.task_id} >> ${log}` }));
  await grid.submit(tasks);
  const started = Date.now();
  const runs = await Promise.all([0, 1, 2].map((i) => exited(cliWorker(grid.remote, `w${i}`))));
  const seconds = (Date.now() - started) / 1000;
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const executed = await executions(log);
  assert.deepEqual([...executed].sort(), tasks.map((t) => t.task_id).sort());
  const reports = runs.map((r) => JSON.parse(r.stdout) as { completed: number });
  assert.equal(
    reports.reduce((n, r) => n + r.completed, 0),
    20,
  );
  assert.equal((await grid.results()).size, 20);
  assert.deepEqual(await invariantViolations(grid.bare), []);
  console.log(`# 3 workers drained 20 tasks in ${seconds.toFixed(1)} s including 2 s idle exit`);
});

test('the protocol over smart HTTP with a token; the token never travels in a URL', async (t) => {
  const grid = await gridFor(t);
  const token = 'ghs_testtoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit(noopTasks(3));
  const remote = `${server.url}/grid.git`;
  const [report] = await runAll([grid.worker({ remote, token, nodeId: 'http-node', slots: 3 })]);
  assert.equal(report!.completed, 3);
  assert.ok(
    server.requests.some((r) => r.includes('git-receive-pack')),
    'pushed over HTTP',
  );
  assert.ok(server.requests.every((r) => !r.includes(token)));
  const [without] = await runAll([grid.worker({ remote, nodeId: 'no-token' })]).catch((e: Error) => [e]);
  assert.ok(
    without instanceof Error && /does not exist|Authentication|401|could not read/i.test(without.message),
    String(without),
  );
});

test('a cold worker fetches the blobs it reads in one request, not one request apiece', async (t) => {
  const grid = await gridFor(t);
  const token = 'ghs_testtoken0123456789';
  const server = await serveGit(grid.dir, token);
  t.after(() => server.close());
  await grid.submit(noopTasks(40));
  const store = await GridStore.open({
    remote: `${server.url}/grid.git`,
    branch: 'main',
    dir: join(grid.dir, 'cold-cache'),
    token,
    partial: true,
  });
  const tip = await store.fetch();
  const before = server.requests.length;
  // The snapshot of a partial store brings every blob it lists: the policy and the 40 tasks.
  const snapshot = await GridSnapshot.load(store, tip, { states: ['queue'] });
  const fetches = server.requests.slice(before).filter((r) => r.includes('git-upload-pack'));
  assert.ok(fetches.length >= 1 && fetches.length <= 2, `${fetches.length} requests for 41 blobs`);
  const again = server.requests.length;
  await snapshot.policy();
  const tasks = await snapshot.readJson(snapshot.of('queue'));
  assert.equal(tasks.size, 40);
  await store.readAll(snapshot.of('queue').map((f) => f.entry.sha));
  assert.equal(server.requests.length, again, 'blobs already here cost no request');
});

test('tidy: a node packs or drops what its rounds left loose in its cache, and works on as before', async (t) => {
  const grid = await gridFor(t);
  const cache = join(grid.dir, 'cache-long');
  const loose = async () => Number(/^count: (\d+)$/m.exec(await git(['count-objects', '-v'], { cwd: cache }))![1]);
  const away = `${grid.bare}-away`;
  // Three runs on one cache, as a long-running node's rounds: each fetched tip and commit leaves objects.
  for (const batch of ['a', 'b', 'c']) {
    await grid.submit(noopTasks(8, batch));
    await grid.worker({ nodeId: 'long', slots: 2 }).run();
  }
  const before = await loose();
  assert.ok(before > 40, `${before} loose objects after three runs`);
  const store = await GridStore.open({ remote: grid.remote, branch: 'main', dir: cache, partial: true });
  await store.tidy(before + 10);
  assert.equal(await loose(), before, 'below the limit, nothing changes');
  // With the remote out of reach, so that nothing comes back through a lazy fetch.
  await rename(grid.bare, away);
  const tip = await store.resolve('refs/remotes/grid/main');
  const blobs = async () => {
    const entries = await store.list(tip!, []);
    return store.readAll(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
  };
  const atTip = await blobs();
  await store.tidy(10);
  assert.equal(await loose(), 0);
  assert.deepEqual(await blobs(), atTip, 'everything at the tip is still in the cache');
  await rename(away, grid.bare);
  await grid.submit(noopTasks(4, 'd'));
  const report = await grid.worker({ nodeId: 'long', slots: 2 }).run();
  assert.equal(report.outcomes.filter((o) => o.status === 'success').length, 4);
});

test('tidy under kill -9: a node killed while git gc runs in its cache starts again and works on', async (t) => {
  const grid = await gridFor(t);
  const cache = join(grid.dir, 'cache-killed');
  const store = new URL('../src/git/store.js', import.meta.url).href;
  const options = JSON.stringify({ remote: grid.remote, branch: 'main', dir: cache, partial: true });
  const hit: string[] = [];
  for (let run = 0; run < 5; run++) {
    await grid.submit(noopTasks(6, `k${run}-`));
    const report = await grid.worker({ nodeId: 'killed', slots: 2 }).run();
    assert.equal(report.outcomes.filter((o) => o.status === 'success').length, 6, `run ${run}`);
    // The node's tidy, in a process group of its own, killed with its git processes as a machine dies:
    // once git gc has started, a little later each run, so that the kills land in its different steps.
    const script = `const { GridStore } = await import('${store}'); await (await GridStore.open(${options})).tidy(0);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { detached: true, stdio: 'ignore' });
    let done = false;
    const closed = new Promise((resolve) => child.on('close', resolve)).then(() => (done = true));
    while (!done && gitInGroup(child.pid!).every((command) => !command.includes(' gc'))) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await new Promise((resolve) => setTimeout(resolve, run * 8));
    const running = gitInGroup(child.pid!);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // it finished first
    }
    await closed;
    hit.push(running.map((command) => command.split(' ')[1]).join('+') || 'after it');
  }
  console.log(`# killed during: ${hit.join(', ')}`);
  await grid.submit(noopTasks(4, 'after'));
  const report = await grid.worker({ nodeId: 'killed', slots: 2 }).run();
  assert.equal(report.outcomes.filter((o) => o.status === 'success').length, 4);
  const tidied = await GridStore.open({ remote: grid.remote, branch: 'main', dir: cache, partial: true });
  await tidied.tidy(0);
  assert.match(await git(['count-objects', '-v'], { cwd: cache }), /^count: 0$/m);
  assert.equal(await git(['fsck', '--connectivity-only', '--no-dangling'], { cwd: cache }), '');
});

/** The git commands running in a process group, each as its command line, without git's own options. */
function gitInGroup(group: number): string[] {
  const commands: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    if (statOf(Number(pid))?.pgid !== group) continue;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!argv[0]?.endsWith('git')) continue;
      commands.push(
        ['git', ...argv.slice(1).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-c')].join(' '),
      );
    } catch {
      // it exited meanwhile
    }
  }
  return commands;
}

test('heartbeats: a node holding claims sends one each heartbeat interval, an idle one each half node timeout', async (t) => {
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1, node_timeout_seconds: 10 } });
  await grid.submit([{ task_id: 'slow', script: 'sleep 4' }]);
  const busy = await grid.worker({ nodeId: 'busy', maxTasks: 1, pollIntervalSeconds: 0.2 }).run();
  // Claim, about three heartbeats while the task runs, the result, going offline.
  assert.ok(busy.pushes >= 4, `${busy.pushes} pushes around a 4 s task`);
  const idle = await grid.worker({ nodeId: 'idle', idleTimeoutSeconds: 4, pollIntervalSeconds: 0.2 }).run();
  assert.equal(idle.pushes, 2, 'an idle node registers and goes offline, with no heartbeat in 4 s');
});

test('bad task files in the queue go to failed/ with a reason and never block good tasks', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'good', script: 'echo fine' }]);
  // Push hostile files directly, as someone who skipped validation would.
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  const write = (name: string, content: string | Buffer) => writeFile(join(work, 'tasks/queue', name), content);
  await write('broken.json', '{"task_id": "broken", ');
  await write('fields.json', JSON.stringify({ task_id: 'fields', script: 'true', colour: 'red' }));
  await write('mismatch.json', JSON.stringify({ task_id: 'other', script: 'true' }));
  await write('huge.json', JSON.stringify({ task_id: 'huge', script: 'x'.repeat(200_000) }));
  await write('exec.json', JSON.stringify({ task_id: 'exec', script: 'true' }));
  await chmod(join(work, 'tasks/queue/exec.json'), 0o755);
  await symlink('/etc/passwd', join(work, 'tasks/queue/link.json'));
  await git(['-C', work, 'add', '-A']);
  const commit = (await git(['-C', work, 'rev-parse', 'HEAD'])).trim();
  await git(['-C', work, 'update-index', '--add', '--cacheinfo', `160000,${commit},tasks/queue/sub.json`]);
  await git(['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'hostile']);
  await git(['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);

  const [report] = await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.equal(report!.completed, 1);
  const results = await grid.results();
  assert.equal(results.get('good')?.state, 'completed');
  const reasons: Record<string, RegExp> = {
    broken: /not valid JSON/,
    fields: /unknown field "colour"/,
    mismatch: /does not match the file name/,
    huge: /bytes; task files are at most/,
    exec: /mode 100755/,
    link: /symbolic link/,
    sub: /submodule/,
  };
  for (const [id, reason] of Object.entries(reasons)) {
    const result = results.get(id);
    assert.equal(result?.state, 'failed', `${id} is in failed/`);
    assert.equal(result?.status, 'error');
    assert.match(result?.reason ?? '', reason, id);
  }
  assert.equal((await grid.snapshot()).of('queue').length, 0);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test(
  'queue files named with bytes that are not UTF-8, control characters, backslashes or quotes leave the queue once',
  {
    timeout: 60_000,
  },
  async (t) => {
    const grid = await gridFor(t);
    await grid.submit([{ task_id: 'good', script: 'echo fine' }]);
    const names = ['a\xffb', 'c\x01d', 'e\\f', 'g"h', 'b\\\x01', 'x\n::error::forged'].map((n) =>
      Buffer.from(n, 'latin1'),
    );
    // Written as a token holder would, with git's own tools: fast-import, each path C-quoted in octal.
    const octal = (name: Buffer) => [...name].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
    const tip = (await git(['rev-parse', 'main'], { cwd: grid.bare })).trim();
    const files = names.map((name) => `M 100644 inline "tasks/queue/${octal(name)}.json"\ndata 2\n{}\n`);
    // A cancel request for no task, which the node removes, under the name that once made a stray file.
    files.push(`M 100644 inline "tasks/cancel/${octal(names[4]!)}.json"\ndata 2\n{}\n`);
    await git(['fast-import', '--quiet'], {
      cwd: grid.bare,
      input: `commit refs/heads/main\ncommitter t <t@t> 0 +0000\ndata 6\nnames\nfrom ${tip}\n${files.join('')}\n`,
    });

    const run = await exited(cliWorker(grid.remote, 'names-node'));
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /^::/m, 'no file name forges a workflow command in the log');
    const subjects = (await git(['log', '--format=%s', 'main'], { cwd: grid.bare })).split('\n');
    assert.equal(subjects.filter((s) => s.includes('reject')).length, 1, subjects.join('\n'));
    const listed = (await runGit(['ls-tree', '-r', '-z', '--name-only', 'main'], { cwd: grid.bare })).stdout;
    const paths: Buffer[] = [];
    for (let at = 0; at < listed.length; at = listed.indexOf(0, at) + 1)
      paths.push(listed.subarray(at, listed.indexOf(0, at)));
    const top = new Set(paths.map((p) => p.toString('latin1').split('/')[0]));
    assert.deepEqual([...top].sort(), ['dgrid.json', 'nodes', 'tasks'], 'nothing lands outside tasks/');
    assert.deepEqual(
      paths.map((p) => p.toString('latin1')).filter((p) => /^tasks\/(queue|cancel)\//.test(p)),
      ['tasks/queue/.gitkeep'],
    );
    for (const name of names) {
      const failed = paths.filter((p) => p.toString('latin1').startsWith('tasks/failed/'));
      const suffix = Buffer.concat([Buffer.from('/'), name, Buffer.from('.json')]);
      assert.equal(
        failed.filter((p) => p.subarray(-suffix.length).equals(suffix)).length,
        1,
        `${JSON.stringify(name.toString('latin1'))} is in failed/ by its own bytes`,
      );
    }
    assert.equal((await grid.results()).get('good')?.status, 'success');
    assert.deepEqual(await invariantViolations(grid.bare), []);
  },
);

test('a node file with wrong types is not carried forward, and what is not a file in nodes/ or tasks/ is skipped with one warning', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'one', script: 'true' }]);
  const tip = (await git(['rev-parse', 'main'], { cwd: grid.bare })).trim();
  const submodule = { mode: '160000', sha: tip };
  await pushDirectly(grid, [
    { path: 'nodes/n1.json', content: JSON.stringify({ node_id: 'n1', completed: '5', failed: -3, tasks: 'all' }) },
    { path: 'nodes/sub.json', existing: submodule },
    { path: 'tasks/in_progress/n1/sub.json', existing: submodule },
  ]);
  const warnings: string[] = [];
  const log = { ...silentLog, warn: (m: string) => warnings.push(m) };
  const report = await grid.worker({ nodeId: 'n1' }, new ProcessSandbox(), log).run();
  assert.equal(report.completed, 1);
  const node = await (await grid.snapshot()).node('n1');
  assert.ok(node, 'the node wrote a valid node file');
  assert.deepEqual([node.completed, node.failed, node.tasks], [1, 0, []]);
  for (const path of ['nodes/sub.json', 'tasks/in_progress/n1/sub.json']) {
    assert.deepEqual(
      warnings.filter((w) => w.startsWith(path)),
      [`${path} is a submodule, not a file: skipped; remove it from the grid`],
    );
  }
});

/** Queue files as a token holder may push them past the gate, one per task. */
const queued = (tasks: Task[]): Change[] =>
  tasks.map((task) => ({ path: queuePath(task.task_id), content: JSON.stringify(task) }));

/**
 * A sandbox that fails at the step of a task's life its script names, and does the rest for real: every
 * way a sandbox can fail under a task, through the interface the node uses.
 */
class FailingSandbox extends ProcessSandbox {
  override run(job: SandboxJob, signal: AbortSignal): Promise<Execution> {
    const step = /^fail-(\w+)$/.exec(job.script)?.[1];
    const fail = (what: string) => {
      throw new Error(`injected: ${what}`);
    };
    if (step === 'prepare') fail('could not prepare');
    if (step === 'start') return Promise.reject(new Error('injected: could not start'));
    const running = super.run({ ...job, script: step === 'wait' ? 'sleep 1' : 'echo ran' }, signal);
    if (step === 'wait') return Promise.race([running, sleep(100).then(() => fail('lost the run while waiting'))]);
    return running.then((run) => {
      if (step === 'collect') {
        return {
          ...run,
          get stdout(): Execution['stdout'] {
            return fail('the output could not be read');
          },
        };
      }
      if (step === 'cleanup') fail('could not clean up');
      if (step === 'commit') return { ...run, finishedAt: new Date(Number.NaN) };
      return run;
    });
  }
}

test(
  "no step of a task's life can end the node: each failure is that task's error result, and the node claims on",
  {
    timeout: 60_000,
  },
  async (t) => {
    const grid = await gridFor(t);
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    t.after(() => process.off('unhandledRejection', record));
    const reasons: Record<string, RegExp> = {
      prepare: /^the none sandbox failed: injected: could not prepare$/,
      start: /^the none sandbox failed: injected: could not start$/,
      wait: /^the none sandbox failed: injected: lost the run while waiting$/,
      collect: /^its result could not be recorded: injected: the output could not be read$/,
      cleanup: /^the none sandbox failed: injected: could not clean up$/,
      commit: /^its result could not be recorded: Invalid time value$/,
    };
    const steps = Object.keys(reasons);
    // The failing tasks go first, so the last claim proves the node still claims after all of them.
    await grid.submit([
      ...steps.map((step) => ({ task_id: `fail-${step}`, script: `fail-${step}`, priority: 'high' as const })),
      { task_id: 'after', script: 'echo fine', priority: 'low' },
    ]);
    const report = await grid.worker({ nodeId: 'survivor' }, new FailingSandbox()).run();
    assert.deepEqual(unhandled, []);
    assert.equal(report.failed, steps.length);
    assert.equal(report.completed, 1);
    const results = await grid.results();
    assert.equal(results.get('after')?.status, 'success');
    for (const step of steps) {
      const result = results.get(`fail-${step}`);
      assert.equal(result?.status, 'error', step);
      assert.equal(result?.attempt, 1, step);
      assert.match(result?.reason ?? '', reasons[step]!, step);
    }
    assert.deepEqual(await invariantViolations(grid.bare), []);
  },
);

test("sandbox none: a NUL byte in the script or an env value is the task's error, not the sandbox's", async () => {
  const sandbox = new ProcessSandbox();
  const job: SandboxJob = {
    taskId: 'nul',
    nodeId: 'n',
    script: 'true',
    image: 'none',
    timeoutSeconds: 10,
    env: {},
    cpus: 1,
    memoryMb: 64,
    pids: 64,
    tmpfsMb: 16,
    fileSizeMb: 8,
    outputCapBytes: 1024,
  };
  const script = await sandbox.run({ ...job, script: 'echo a\0b' }, new AbortController().signal);
  assert.equal(script.status, 'error');
  assert.match(script.reason ?? '', /^the script holds a NUL byte, which no process can take/);
  const env = await sandbox.run({ ...job, env: { X: 'a\0b' } }, new AbortController().signal);
  assert.equal(env.status, 'error');
  assert.match(env.reason ?? '', /^env X holds a NUL byte/);
});

test('a task whose script or env holds a NUL byte ends as an error result, once, and the node process lives on', async (t) => {
  const grid = await gridFor(t);
  await pushDirectly(
    grid,
    queued([
      { task_id: 'nul-script', script: 'echo a\0b', priority: 'high' },
      { task_id: 'nul-env', script: 'true', env: { X: 'a\0b' }, priority: 'high' },
      { task_id: 'after', script: 'echo fine' },
    ]),
  );
  const run = await exited(cliWorker(grid.remote, 'nul-node'));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).completed, 1);
  const results = await grid.results();
  assert.equal(results.get('after')?.status, 'success');
  for (const id of ['nul-script', 'nul-env']) {
    assert.equal(results.get(id)?.status, 'error', id);
    assert.match(results.get(id)?.reason ?? '', /NUL/, id);
  }
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('sandbox none, as a user without root: a task that leaves a read-only folder behind does not end the node', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to run the node as another user');
  const grid = await gridFor(t);
  await grid.submit([
    {
      task_id: 'locks-up',
      script: 'mkdir -p locked/inner && touch locked/inner/f && chmod a-w locked/inner locked && echo locked',
      priority: 'high',
    },
    { task_id: 'after', script: 'echo fine' },
  ]);
  // The node runs as nobody: it may walk into the test's folders, write the grid, and use a temp folder
  // of its own; git trusts the grid, which root owns.
  for (let dir = grid.dir; dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
  const home = join(grid.dir, 'nobody');
  await mkdir(home, { mode: 0o777 });
  await chmod(home, 0o777);
  await git(['-C', grid.bare, 'config', 'core.sharedRepository', 'world']);
  await chmodTree(grid.bare);
  // Global config, as git passes no config from the environment to the upload-pack of a local remote.
  await writeFile(join(home, '.gitconfig'), '[safe]\n\tdirectory = *\n');
  const env = { TMPDIR: home, HOME: home };
  const run = await exited(cliWorker(grid.remote, 'nobody-node', [], env, 65534));
  assert.equal(run.code, 0, run.stderr);
  const results = await grid.results();
  assert.equal(results.get('locks-up')?.status, 'success', results.get('locks-up')?.reason);
  assert.equal(results.get('locks-up')?.stdout, 'locked\n');
  assert.equal(results.get('after')?.status, 'success');
  assert.deepEqual(
    (await readdir(home)).filter((name) => name.startsWith('dgrid-task-')),
    [],
    'no scratch folder left',
  );
});

/** Makes every folder and file below `dir` readable and writable by anyone. */
async function chmodTree(dir: string): Promise<void> {
  await chmod(dir, 0o777);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(path);
    else await chmod(path, 0o666);
  }
}

test('fencing: a result is not written when the claim no longer holds the token', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'fenced', script: 'sleep 1; echo late' }]);
  const worker = grid.worker({ nodeId: 'sleepy', idleTimeoutSeconds: 0, maxTasks: 1 });
  const done = worker.run();
  // While it runs, another party (a reaper) takes the claim back and a second node finishes the task.
  const store = await GridStore.open({ remote: grid.remote, branch: 'main', dir: join(grid.dir, 'cache-thief') });
  let moved = false;
  for (let i = 0; i < 40 && !moved; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const tip = await store.fetch();
    const entries = await store.list(tip!, ['tasks/in_progress']);
    const claimFile = entries.find((e) => e.path.endsWith('/fenced.json'));
    if (!claimFile) continue;
    const claim = JSON.parse((await store.readOne(claimFile.sha)).toString()) as Claim;
    const { claim: _c, ...task } = claim;
    const commit = await store.commit(
      tip,
      [
        { path: claimFile.path, delete: true },
        {
          path: queuePath('fenced'),
          content: JSON.stringify({
            ...task,
            attempts: [
              {
                attempt: 1,
                node_id: 'sleepy',
                claim_token: claim.claim.token,
                claimed_at: claim.claim.claimed_at,
                ended_at: new Date().toISOString(),
                status: 'orphaned',
                reason: 'test',
              },
            ],
          }),
        },
      ],
      'reap\n',
      'test',
    );
    moved = (await store.push(commit)) === 'pushed';
  }
  assert.ok(moved, 'took the claim away');
  const [other] = await runAll([grid.worker({ nodeId: 'rescuer' })]);
  assert.equal(other!.completed, 1);
  const report = await done;
  assert.equal(report.fenced, 1);
  assert.equal(report.completed, 0);
  const result = (await grid.results()).get('fenced')!;
  assert.equal(result.node_id, 'rescuer');
  assert.equal(result.attempt, 2);
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

test('SIGTERM: a worker hands its running task back to the queue and goes offline', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'executions.log');
  await grid.submit([{ task_id: 'long', script: `echo started >> ${log}; sleep 30` }]);
  const child = cliWorker(grid.remote, 'stopper', ['--idle-timeout-seconds', '0']);
  const result = exited(child);
  for (let i = 0; i < 100 && (await executions(log)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  const { code, stdout } = await result;
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).returned, 1);
  const snapshot = await grid.snapshot();
  assert.deepEqual(
    snapshot.of('queue').map((f) => f.id),
    ['long'],
  );
  assert.equal(snapshot.of('in_progress').length, 0);
  const queued = (await snapshot.readJson(snapshot.of('queue'))).values().next().value as {
    attempts: { status: string }[];
  };
  assert.equal(queued.attempts[0]?.status, 'returned');
  assert.equal((await snapshot.node('stopper'))?.status, 'offline');
  assert.deepEqual(await invariantViolations(grid.bare), []);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); await pause(20)) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
  }
}

/**
 * Makes the grid's next push land and then hang for `seconds` before it returns, as a slow server or
 * network does: the ref moves at once, the pushing node hears of it late. Returns the marker that arms it.
 */
async function slowNextPush(grid: TestGrid, seconds: number): Promise<string> {
  const marker = join(grid.dir, 'slow-next-push');
  const hook = `#!/bin/sh\nif [ -e ${marker} ]; then rm -f ${marker}; sleep ${seconds}; fi\n`;
  await writeFile(join(grid.bare, 'hooks', 'post-receive'), hook, { mode: 0o755 });
  return marker;
}

/** A log that keeps every line, for tests that count what a node reported. */
function keptLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => undefined,
  };
}

test('SIGTERM while a claim push is in flight: the claim that lands after stop() goes back unstarted', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'executions.log');
  await grid.submit([{ task_id: 'late', script: `echo late >> ${log}`, max_attempts: 1 }]);
  const marker = await slowNextPush(grid, 2);
  await writeFile(marker, '');
  const worker = grid.worker({ nodeId: 'stopper', idleTimeoutSeconds: 0 });
  const done = worker.run();
  // The hook runs: the claim is at the tip, and the node still waits for its push to return.
  await until('the claim push landed', () => !existsSync(marker));
  worker.stop('SIGTERM received');
  const report = await done;
  assert.equal(report.returned, 1);
  const snapshot = await grid.snapshot();
  assert.equal(snapshot.of('in_progress').length, 0, 'no claim is left behind by a node that signed off');
  const [queued] = [...(await snapshot.readJson(snapshot.of('queue'))).values()] as QueuedTask[];
  assert.equal(queued?.attempts?.[0]?.status, 'returned', 'a hand-back uses no attempt');
  assert.equal((await snapshot.node('stopper'))?.status, 'offline');
  assert.deepEqual(await executions(log), []);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test('a claim push that returns after a reaper took the claim back: the node never starts it', async (t) => {
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1, node_timeout_seconds: 10, grace_seconds: 0 } });
  const log = join(grid.dir, 'executions.log');
  await grid.submit([{ task_id: 'paused', script: `echo ran >> ${log}`, max_attempts: 1 }]);
  const marker = await slowNextPush(grid, 5);
  await writeFile(marker, '');
  const done = grid.worker({ nodeId: 'slow', idleTimeoutSeconds: 2 }).run();
  await until('the claim push landed', () => !existsSync(marker));
  // The node's heartbeat, written in its claim commit, goes stale while its push hangs: a reaper ends the claim.
  await pause(2500);
  const reaped = await reap({ remote: grid.remote, branch: 'main', dryRun: false, nodeTimeoutSeconds: 2 }, silentLog);
  assert.deepEqual(
    reaped.actions.map((a) => [a.action, a.subject]),
    [
      ['fail', 'paused'],
      ['offline', 'slow'],
    ],
  );
  const report = await done;
  assert.deepEqual(await executions(log), [], 'the task never ran under a claim taken back');
  assert.equal(report.completed + report.failed + report.fenced, 0);
  assert.equal((await grid.results()).get('paused')?.status, 'error');
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

/**
 * A git on PATH whose next push from a cache holding the file `fail-next-push` lands and then reports an
 * error, as a connection broken after the server took the push does.
 */
async function pushesThatFailAfterLanding(dir: string): Promise<() => void> {
  const real = (await git(['--exec-path'])).trim() + '/git';
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  const script = [
    '#!/bin/sh',
    'if [ "$1" = push ] && [ -e fail-next-push ]; then',
    `  rm -f fail-next-push; "${real}" "$@" >/dev/null 2>&1`,
    '  echo "fatal: protocol error: bad band #3" >&2; exit 128',
    'fi',
    `exec "${real}" "$@"`,
  ];
  await writeFile(join(bin, 'git'), script.join('\n') + '\n', { mode: 0o755 });
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  return () => {
    process.env.PATH = path;
  };
}

test('a push that reported an error but landed: its claim starts, its result counts', async (t) => {
  const grid = await gridFor(t);
  const restore = await pushesThatFailAfterLanding(grid.dir);
  t.after(() => restore());
  const log = join(grid.dir, 'executions.log');
  const cache = join(grid.dir, 'cache-flaky');
  const worker = grid.worker({ nodeId: 'flaky', idleTimeoutSeconds: 3, cacheDir: cache });
  const done = worker.run();
  await until('the node registered', async () => (await grid.snapshot()).nodeEntries.has('flaky'));
  // The claim push lands but reports an error; the round after it has nothing else to commit.
  await writeFile(join(cache, 'fail-next-push'), '');
  await grid.submit([{ task_id: 'adopted', script: `sleep 1; echo adopted >> ${log}` }]);
  await until('the claim landed', async () => (await grid.snapshot()).of('in_progress').length === 1);
  // Then its result push lands and reports an error too.
  await writeFile(join(cache, 'fail-next-push'), '');
  const report = await done;
  assert.deepEqual(await executions(log), ['adopted']);
  assert.deepEqual([report.completed, report.fenced, report.returned], [1, 0, 0]);
  assert.equal((await grid.results()).get('adopted')?.status, 'success');
  const node = await (await grid.snapshot()).node('flaky');
  assert.deepEqual([node?.completed, node?.status], [1, 'offline']);
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test('two live processes with one node id: the second refuses with a clear error, the first keeps its claim', async (t) => {
  const grid = await gridFor(t);
  await grid.submit([{ task_id: 'twin-task', script: 'sleep 2' }]);
  const first = grid.worker({ nodeId: 'twin', idleTimeoutSeconds: 1 });
  const done = first.run();
  await until('the first claimed', async () => (await grid.snapshot()).of('in_progress').length === 1);
  // A second machine (a scaled compose service) with the same fixed id, and a cache of its own.
  const second = grid.worker({ nodeId: 'twin', cacheDir: join(grid.dir, 'cache-twin-elsewhere') });
  await assert.rejects(second.run(), (error: unknown) => {
    assert.ok(error instanceof UserError, String(error));
    assert.match(error.message, /node id "twin" is in use by another live process .*own node-id/);
    return true;
  });
  const report = await done;
  assert.deepEqual([report.completed, report.fenced], [1, 0]);
  const result = (await grid.results()).get('twin-task')!;
  assert.deepEqual([result.attempt, result.attempts ?? []], [1, []], 'no attempt was requeued as "restarted"');
  assert.deepEqual((await auditGrid(grid.bare)).violations, []);
});

test("a node id whose holder is silent by the reaper's rule is free, even when its heartbeat cannot be read as a time", async (t) => {
  const grid = await gridFor(t);
  // A leap second: the schema's date-time, but no time for Date.parse. The reaper counts such a node silent.
  const holder: NodeRecord = {
    node_id: 'leap',
    status: 'online',
    labels: [],
    slots: 1,
    tasks: [],
    started_at: '2026-12-31T00:00:00Z',
    last_heartbeat: '2026-12-31T23:59:60Z',
    completed: 0,
    failed: 0,
    version: 'test',
    incarnation: 'a-dead-process',
  };
  assert.ok(isSilent(holder, new Date(), await (await grid.snapshot()).policy()));
  await pushDirectly(grid, [{ path: nodePath('leap'), content: JSON.stringify(holder) }]);
  await grid.submit([{ task_id: 'after-leap', script: 'true' }]);
  const report = await grid.worker({ nodeId: 'leap' }).run();
  assert.equal(report.completed, 1);
  const node = await (await grid.snapshot()).node('leap');
  assert.notEqual(node?.incarnation, 'a-dead-process');
});

test('a node whose id another process took over while it was silent stops, and writes nothing more', async (t) => {
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1, node_timeout_seconds: 10 } });
  await grid.submit([{ task_id: 'overtaken', script: 'sleep 30' }]);
  const done = grid.worker({ nodeId: 'usurped', idleTimeoutSeconds: 0 }).run();
  await until('the task runs', async () => (await grid.snapshot()).of('in_progress').length === 1);
  // What a newer process with this id writes when it starts: its own incarnation in the node file.
  const snapshot = await grid.snapshot();
  const node = (await snapshot.node('usurped'))!;
  const usurper = { ...node, incarnation: 'the-newer-process', started_at: new Date().toISOString() };
  const tip = await grid.store.fetch();
  const commit = await grid.store.commit(
    tip,
    [{ path: 'nodes/usurped.json', content: JSON.stringify(usurper, null, 2) + '\n' }],
    'dgrid: usurped: heartbeat\n',
    'usurped',
  );
  assert.equal(await grid.store.push(commit), 'pushed');
  await assert.rejects(done, /node id "usurped" was taken over by another process \(incarnation the-newer-process/);
  assert.equal(await grid.store.fetch(), commit, 'the node wrote nothing after it saw the takeover');
});

test('a node killed -9 and started again on its own cache takes its id back at once', async (t) => {
  const grid = await gridFor(t);
  const log = join(grid.dir, 'executions.log');
  await grid.submit([{ task_id: 'crashed', script: `echo run >> ${log}; sleep 30` }]);
  const env = { TMPDIR: grid.dir };
  const killed = cliWorker(grid.remote, 'phoenix', ['--idle-timeout-seconds', '0'], env);
  const gone = exited(killed);
  await until('the task started', async () => (await executions(log)).length === 1);
  killed.kill('SIGKILL');
  await gone;
  await grid.submit([{ task_id: 'after', script: 'true' }]);
  const again = await exited(cliWorker(grid.remote, 'phoenix', ['--max-tasks', '1'], env));
  assert.equal(again.code, 0, again.stderr);
  const queued = (await (await grid.snapshot()).readJson((await grid.snapshot()).of('queue'))).values();
  const crashed = [...queued].find((t) => (t as QueuedTask).task_id === 'crashed') as QueuedTask | undefined;
  assert.equal(crashed?.attempts?.[0]?.reason, 'node phoenix restarted');
});

test('a chain of 10 tasks on one node: at most 2 pushes a step, no poll interval a step, no idle stop between', async (t) => {
  const grid = await gridFor(t);
  const chain = Array.from({ length: 10 }, (_, i) => ({
    task_id: `c${i}`,
    script: 'true',
    ...(i > 0 ? { depends_on: [`c${i - 1}`] } : {}),
  }));
  await grid.submit(chain);
  const started = Date.now();
  const worker = grid.worker({ nodeId: 'chain', pollIntervalSeconds: 20, idleTimeoutSeconds: 3 });
  const done = worker.run();
  let finished = false;
  void done.finally(() => (finished = true));
  const over = async () => finished || (await grid.results()).size === 10;
  await until('the chain is done, or the node stopped', over, 60_000);
  const seconds = (Date.now() - started) / 1000;
  worker.stop('test over');
  const report = await done;
  assert.equal(report.completed, 10, report.stopReason);
  // Registering rides with the first claim; going offline is one more push.
  assert.ok(report.pushes <= 2 * 10 + 1, `${report.pushes} pushes`);
  assert.ok(seconds < 20, `the chain took ${seconds.toFixed(1)} s: not even one poll interval of 20 s`);
});

test('a node cut off from its remote with a result pending backs off, then writes the result', async (t) => {
  const grid = await gridFor(t);
  const away = `${grid.bare}-away`;
  await grid.submit([{ task_id: 'pending', script: 'sleep 0.5' }]);
  const log = keptLog();
  const settings = { remote: grid.remote, branch: 'main', nodeId: 'cutoff', labels: [], slots: 1, maxTasks: 0 };
  const worker = new Worker(
    {
      ...settings,
      maxRuntimeMinutes: 0,
      idleTimeoutSeconds: 2,
      pollIntervalSeconds: 0.1,
      cacheDir: join(grid.dir, 'cache-cutoff'),
    },
    new ProcessSandbox(),
    log,
  );
  const done = worker.run();
  await until('the claim landed', async () => (await grid.snapshot()).of('in_progress').length === 1);
  await rename(grid.bare, away);
  await pause(4000);
  const failures = log.lines.filter((l) => l.includes('sync failed')).length;
  await rename(away, grid.bare);
  const report = await done;
  assert.ok(failures >= 2 && failures <= 8, `${failures} failed syncs in 4 s`);
  assert.equal(report.completed, 1);
  assert.equal((await grid.results()).get('pending')?.status, 'success');
});

test('a node whose cache is deleted or damaged under it builds it again and works on', async (t) => {
  for (const damage of ['deleted', 'HEAD garbled', 'objects lost'] as const) {
    const grid = await gridFor(t);
    await grid.submit([{ task_id: 'first', script: 'sleep 1' }]);
    const cache = join(grid.dir, 'cache-damaged');
    const worker = grid.worker({ nodeId: 'damaged', idleTimeoutSeconds: 0, cacheDir: cache });
    const done = worker.run();
    await until('the claim landed', async () => (await grid.snapshot()).of('in_progress').length === 1);
    if (damage === 'deleted') await rm(cache, { recursive: true, force: true });
    else if (damage === 'HEAD garbled') await writeFile(join(cache, 'HEAD'), 'garbage\n');
    else await rm(join(cache, 'objects'), { recursive: true, force: true });
    await grid.submit([{ task_id: 'second', script: 'true' }]);
    await until(`both results are written (${damage})`, async () => (await grid.results()).size === 2);
    worker.stop('test over');
    const report = await done;
    assert.equal(report.completed, 2, damage);
  }
});
