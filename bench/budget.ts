// Throughput under the branch's push budget: 16 nodes x 4 slots of 0.2 s tasks (timed, not run) share one
// budget. Counted on the remote (a post-receive hook notes each push): pushes a minute of the whole grid once
// every node claims for a turn, sign-offs aside; and from the results, how busy the slots were then.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initGrid, submitTasks } from '../src/admin/grid-admin.js';
import { GridStore } from '../src/git/store.js';
import { UserError } from '../src/common/errors.js';
import { GridSnapshot } from '../src/protocol/snapshot.js';
import type { WorkerSettings } from '../src/node/worker.js';

const NODES = 16;
const SLOTS = 4;
const TASK_SECONDS = 0.2;
/** The queue is kept at about this depth, below the folder limit (quotas.max_queued at most 3,000). */
const QUEUE = 2800;
/** How often the submitter looks whether the queue needs topping up (64 slots run 320 tasks a second); its pushes count against the budget. */
const TOP_UP_MS = 1000;
/** Each node in a process of its own, its tasks timed rather than run (budget-node.ts). */
const NODE = new URL('./budget-node.js', import.meta.url).pathname;

export interface BudgetRun {
  /** The policy's push_budget_per_minute; undefined for the policy's default. */
  budget: number | undefined;
  /** Pushes a minute of the whole grid in the steady window: once every node has claimed for a turn. */
  pushesPerMinute: number;
  /** Of the slots' time in the steady window, the part spent running tasks. */
  busy: number;
  steadySeconds: number;
  /** The same from the last node's registration on, with its first turn's claims, one task a slot. */
  ramp: { pushesPerMinute: number; busy: number };
  tasks: number;
}

const overQuota = (error: unknown) => {
  if (!(error instanceof UserError && error.message.includes('quotas.max_queued'))) throw error;
};

export async function budgetRun(root: string, budget: number | undefined, seconds: number): Promise<BudgetRun> {
  const dir = join(root, `budget-${budget ?? 'default'}`);
  await mkdir(dir, { recursive: true });
  const bare = join(dir, 'grid.git');
  const url = pathToFileURL(bare).href;
  await initGrid({
    repository: bare,
    branch: 'main',
    // One submitter feeds the whole grid: it may have all its tasks queued and running.
    policyText: JSON.stringify({
      ...(budget === undefined ? {} : { push_budget_per_minute: budget }),
      quotas: { max_queued: 3000, queued_per_submitter: 100_000 },
    }),
    cacheDir: join(dir, 'init'),
  });
  const store = await GridStore.open({ remote: url, branch: 'main', dir: join(dir, 'admin') });
  let submitted = 0;
  const batch = (count: number) =>
    Array.from({ length: count }, () => ({
      task_id: `b${String(submitted++).padStart(7, '0')}`,
      script: `sleep ${TASK_SECONDS}`,
    }));
  await submitTasks(store, batch(QUEUE));
  const landed = join(bare, 'landed');
  await writeFile(landed, '');
  await writeFile(
    join(bare, 'hooks', 'post-receive'),
    `#!/bin/sh\nwhile read old new ref; do echo "$(date +%s%3N) $(git log -1 --format=%an:%s $new)"; done >> ${landed}\n`,
    { mode: 0o755 },
  );
  const children = Array.from({ length: NODES }, (_, i) => {
    const settings: WorkerSettings = {
      remote: url,
      branch: 'main',
      nodeId: `n${i}`,
      labels: [],
      slots: SLOTS,
      maxTasks: 0,
      maxRuntimeMinutes: seconds / 60,
      idleTimeoutSeconds: seconds,
      // The CLI's default: a node waiting for its turn waits on its share of the budget, not on polling.
      pollIntervalSeconds: 15,
      cacheDir: join(dir, `cache-n${i}`),
      cpus: 64,
    };
    return spawn(process.execPath, [NODE, JSON.stringify({ settings, taskMs: TASK_SECONDS * 1000 })], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, TMPDIR: dir },
    });
  });
  // The queue never runs dry: a submitter tops it up while the nodes run.
  let running = true;
  const feeding = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, TOP_UP_MS));
      const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['queue'] });
      const room = QUEUE - snapshot.of('queue').length;
      // Stopping nodes put their waiting claims back meanwhile: a batch that no longer fits waits for the next look.
      if (running && room > QUEUE / 4) await submitTasks(store, batch(room)).catch(overQuota);
    }
  })();
  await Promise.all(children.map((child) => new Promise((resolve) => child.on('close', resolve))));
  running = false;
  await feeding;
  const pushes = (await readFile(landed, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ at: Number(line.slice(0, line.indexOf(' '))), what: line.slice(line.indexOf(' ') + 1) }));
  // Each node's n-th push: before its first, nodes cannot know of each other; at its first (its registration)
  // it knows nothing of its tasks' length, so it claims a task per slot, and only from its second on does it
  // claim for a turn. The steady window runs from the last node's second push to the first sign-off (a
  // stopping node pushes at once, and its slots run nothing more); the ramp from the last node's first.
  const nth = (n: number) =>
    Math.max(
      ...Array.from({ length: NODES }, (_, i) => pushes.filter((p) => p.what.startsWith(`n${i}:`))[n]?.at ?? Infinity),
    );
  const signOff = pushes.find((p) => p.what.endsWith('go offline'))?.at ?? Infinity;
  const windowFrom = (start: number) => {
    const window = pushes.filter((p) => p.at >= start && p.at < signOff);
    const from = window[0]?.at ?? 0;
    const to = window.at(-1)?.at ?? 0;
    return { from, to, pushesPerMinute: window.length > 1 ? ((window.length - 1) * 60_000) / (to - from) : 0 };
  };
  const steady = windowFrom(nth(1));
  const ramp = windowFrom(nth(0));
  // The slots' busy time within a window, from the results' own start and finish.
  const snapshot = await GridSnapshot.load(store, await store.fetch(), { states: ['completed', 'failed'] });
  const runs = [...(await snapshot.readJson([...snapshot.of('completed'), ...snapshot.of('failed')])).values()].map(
    (value) => value as { started_at: string; finished_at: string },
  );
  const busyIn = ({ from, to }: { from: number; to: number }) => {
    let busyMs = 0;
    for (const run of runs) {
      const start = Math.max(from, Date.parse(run.started_at));
      const finish = Math.min(to, Date.parse(run.finished_at));
      if (finish > start) busyMs += finish - start;
    }
    return to > from ? busyMs / (NODES * SLOTS * (to - from)) : 0;
  };
  return {
    budget,
    pushesPerMinute: steady.pushesPerMinute,
    busy: busyIn(steady),
    steadySeconds: (steady.to - steady.from) / 1000,
    ramp: { pushesPerMinute: ramp.pushesPerMinute, busy: busyIn(ramp) },
    tasks: snapshot.of('completed').length,
  };
}
