// Fault scenarios: a cluster runs while faults of the chosen kinds hit it at random, then heals, drains
// and is checked. The mixed run is the short form inside `npm test`; each kind alone, and the long mixed
// run, are `npm run test:faults`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { check, problems, type Outcome } from './check.js';
import { TEST_IMAGE } from '../helpers/docker.js';
import { Cluster, FAULT_POLICY, NODE_TIMEOUT_SECONDS, type FaultKind } from './cluster.js';

export interface Scenario {
  name: string;
  /**
   * Injected at random during the window; clock-skew runs one node ahead throughout instead, by half of
   * grace: the most a node may be off before it refuses to run.
   */
  faults: FaultKind[];
  seconds: number;
  tasks: number;
  /** About how often a fault starts; a second in the short scenarios, to pack many into a few seconds. */
  faultEverySeconds?: number;
  /** Tasks run in containers of the test image, on the machine's Docker daemon. */
  docker?: boolean;
}

const ALL: FaultKind[] = [
  'kill-worker',
  'stale-locks',
  'kill-reaper',
  'stop-worker',
  'server-outage',
  'push-rejects',
  'clock-skew',
  'hostile-node',
];

/** Each fault alone, then all mixed: `npm run test:faults`. */
export const EACH: Scenario[] = [
  { name: 'kill -9: workers, reapers', faults: ['kill-worker', 'stale-locks', 'kill-reaper'], seconds: 10, tasks: 30 },
  { name: 'SIGSTOP, then SIGCONT', faults: ['stop-worker'], seconds: 8, tasks: 30 },
  { name: 'server down, pushes refused', faults: ['server-outage', 'push-rejects'], seconds: 10, tasks: 30 },
  { name: 'a hostile node beside honest ones', faults: ['hostile-node'], seconds: 12, tasks: 30 },
];

/** The short form inside `npm test`: every kind of fault at least once, in one run. */
export const MIXED: Scenario = { name: 'all mixed, a clock 5 s ahead', faults: ALL, seconds: 12, tasks: 40 };

/** The Docker variant: it restarts the machine's daemon, so it runs alone, after every other test. */
export const DOCKER: Scenario = {
  name: 'Docker daemon restarted, kill -9',
  faults: ['docker-restart', 'kill-worker'],
  seconds: 18,
  tasks: 16,
  docker: true,
};

export function longScenario(minutes: number): Scenario {
  // A fault every few seconds leaves the nodes time to work between them; the tasks are about what three
  // nodes of two slots drain in that time under those faults on a slow 2-core machine.
  return {
    name: `mixed for ${minutes} min`,
    faults: ALL,
    seconds: minutes * 60,
    tasks: minutes * 25,
    faultEverySeconds: 5,
  };
}

/** A node stopped, or cut off, this long is declared dead by the reapers: the node timeout plus grace, plus a reap. */
const LONG_SILENCE_MS = (NODE_TIMEOUT_SECONDS + FAULT_POLICY.lease.grace_seconds + 3) * 1000;
const DRAIN_BOUND_MS = 90_000;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (low: number, high: number) => low + Math.random() * (high - low);

export async function runScenario(scenario: Scenario, say: (line: string) => void = () => undefined): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-faults-'));
  const has = (kind: FaultKind) => scenario.faults.includes(kind);
  const cluster = await Cluster.create(dir, {
    workers: 3,
    slots: 2,
    skewSeconds: has('clock-skew') ? FAULT_POLICY.lease.grace_seconds / 2 : 0,
    reapEveryMs: 3000,
    pushDelayMs: 150,
    ...(scenario.docker ? { dockerImage: TEST_IMAGE } : {}),
    ...(has('hostile-node') ? { hostile: true } : {}),
  });
  let drainSeconds: number | null = null;
  try {
    const first = Math.ceil(scenario.tasks / 2);
    await cluster.submit(first);
    await cluster.startAll();
    await cluster.running();
    await inject(cluster, scenario, first);
    const healed = Date.now();
    while (Date.now() - healed < DRAIN_BOUND_MS) {
      if (await cluster.drained()) {
        drainSeconds = (Date.now() - healed) / 1000;
        break;
      }
      await sleep(250);
    }
  } finally {
    await cluster.shutdown();
  }
  const faults = cluster.faults.map((f) => ({ ...f, at: new Date(f.at), until: new Date(f.until) }));
  await writeFile(join(dir, 'faults.json'), JSON.stringify(faults, null, 2));
  const outcome = await check(cluster, scenario.name, drainSeconds);
  if (problems(outcome).length > 0) say(`kept ${dir} for a post-mortem: logs/, executions.log, grid.git`);
  else await rm(dir, { recursive: true, force: true });
  return outcome;
}

/**
 * The order in which a run's first faults go through its kinds, so that even a short run has each: the
 * brief spell of refused pushes before the outage, which holds the server past the node timeout.
 */
const FIRST: FaultKind[] = [
  'stop-worker',
  'push-rejects',
  'kill-worker',
  'kill-reaper',
  'server-outage',
  'docker-restart',
  'hostile-node',
];

/**
 * The fault window: submits the rest of the tasks little by little, and about every `faultEverySeconds`
 * starts a fault, on a node no other fault holds (one outage or spell of refusals at a time): each of the
 * scenario's kinds in turn first, then kinds at random. The first stop and the first outage outlast the node
 * timeout, so that the reapers must act on them; the first kill leaves stale files. Resolves once every
 * fault has healed.
 */
async function inject(cluster: Cluster, scenario: Scenario, submitted: number): Promise<void> {
  const kinds: FaultKind[] = scenario.faults.filter((k) => k !== 'clock-skew' && k !== 'stale-locks');
  const firsts = FIRST.filter((k) => kinds.includes(k));
  const staleLocks = scenario.faults.includes('stale-locks');
  const busy = new Set<string>();
  const running: Promise<void>[] = [];
  let kills = 0;
  let stops = 0;
  let outages = 0;
  /** Starts a fault of `kind` unless what it needs is held by another; whether it started. */
  const tryStart = (kind: FaultKind): boolean => {
    const free = cluster.nodes.filter((n) => !busy.has(n));
    const node = free.length > 0 ? pick(free) : undefined;
    const holds =
      kind === 'server-outage' || kind === 'push-rejects'
        ? 'server'
        : kind === 'kill-reaper' || kind === 'docker-restart' || kind === 'hostile-node'
          ? kind
          : node;
    if (holds === undefined || busy.has(holds)) return false;
    const fault = (): Promise<void> => {
      switch (kind) {
        case 'kill-worker':
          return cluster.killWorker(node!, staleLocks && (kills++ === 0 || Math.random() < 0.5));
        case 'stop-worker':
          return cluster.stopWorker(node!, stops++ === 0 ? LONG_SILENCE_MS : between(1000, 3000));
        case 'kill-reaper':
          return cluster.killReaper();
        case 'server-outage':
          return cluster.outage(outages++ === 0 ? LONG_SILENCE_MS : between(1000, 4000));
        case 'push-rejects':
          return cluster.rejectPushes(Math.round(between(20, 60)), between(2000, 5000));
        case 'docker-restart':
          return cluster.restartDocker();
        case 'hostile-node':
          return cluster.misbehave();
        default:
          throw new Error(`${kind} is not injected at a moment`);
      }
    };
    busy.add(holds);
    running.push(fault().finally(() => busy.delete(holds)));
    return true;
  };
  let submitting = Promise.resolve();
  const end = Date.now() + scenario.seconds * 1000;
  // A submission moves the tip under every node's round: they come as often as faults, not every second.
  const every = scenario.faultEverySeconds ?? 1;
  const perBatch = Math.ceil(((scenario.tasks - submitted) * every) / scenario.seconds);
  for (let tick = 0; Date.now() < end; tick++) {
    const batch = tick % every === 0 ? Math.min(perBatch, scenario.tasks - submitted) : 0;
    if (batch > 0) {
      submitting = submitting.then(() => cluster.submit(batch));
      submitted += batch;
    }
    await sleep(between(700, 1300));
    if (Math.random() * every >= 1) continue;
    const next = firsts.findIndex(tryStart);
    if (next >= 0) firsts.splice(next, 1);
    else if (firsts.length === 0) tryStart(pick(kinds));
  }
  await Promise.all([submitting, ...running]);
}
