// The reaper: hands the claims of dead nodes back to the queue, marks silent nodes offline, and moves old
// results to the archive branch. It runs on a schedule (reap-orphans) or by hand (dgrid reap). Any number
// may run at once, beside working nodes: each change is one commit computed from the tip and pushed
// without force, and a rejected push recomputes it from the new tip, so an orphan is requeued once.
//
// The orphan rule. A node is silent when its last heartbeat is older than node-timeout + grace (isSilent in
// transitions.ts, the dashboard's rule too). A claim is orphaned when
//   - its node is silent (whatever the lease says: a dead node finishes nothing), or
//   - its lease has expired (lease_until = claimed_at + timeout + grace) and its node, though alive, no
//     longer lists the task in `tasks`, or
//   - its lease has expired and its node has no readable node file.
// So a long task of a healthy node is never reaped: the node's heartbeat, which lists the tasks it runs,
// keeps the lease alive. A node that was reaped and wakes up cannot replace the newer attempt's result:
// nodes write a result only while the claim at the tip holds their token (fencing).
//
// Clock skew. Heartbeats, claimed_at and lease_until are written by the nodes' clocks and read by the
// reaper's. The policy's lease.grace_seconds is the bound on how far apart those clocks may be: it is in
// every lease and is added to the node timeout, so a node whose clock is up to grace_seconds behind is not
// declared dead early. Each reaper and node checks its clock against the grid server's and refuses to act
// when it is off by more than half of grace (clock.ts). A heartbeat dated beyond now + grace comes from a
// clock that did not check (an older dgrid, a clock that jumped): the reaper rewrites it to its own now, so
// that the node's silence counts from a time the reaper vouches for, and a dead node's future date cannot
// keep its claims. See docs/clock-skew.md.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveResults } from './archive.js';
import { pruneOutputs } from './output-retention.js';
import { readServerClock, skewProblem, type ClockReading } from '../protocol/clock.js';
import { UserError } from '../common/errors.js';
import { GridStore, type Change } from '../git/store.js';
import { GridSnapshot, skippedEntry, type TaskFile } from '../protocol/snapshot.js';
import { quorumOf } from '../protocol/quorum.js';
import { returnReplica } from '../protocol/replication.js';
import { isQuarantined } from '../protocol/reputation.js';
import { CHECKED_HISTORY, CommitChecker, guarded } from '../protocol/commit-check.js';
import { nodePath } from '../protocol/layout.js';
import {
  attemptsUsed,
  cancelledRun,
  exhaustClaim,
  finishClaim,
  heartbeatFromFuture,
  isSilent,
  maxAttempts,
  nodeChange,
  requeueClaim,
  runWithoutOutput,
  serialize,
  silenceMs,
} from '../protocol/transitions.js';
import { iso } from '../common/time.js';
import type { Log } from '../common/log.js';
import type { Claim, NodeRecord, Policy, QueuedTask } from '../protocol/schemas.js';
import { transact, type Plan } from '../protocol/transaction.js';
import { claimValidator, queuedTaskValidator } from '../protocol/schema-validators.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReapSettings {
  remote: string;
  token?: string;
  branch: string;
  /** Replaces the policy's lease.node_timeout_seconds. */
  nodeTimeoutSeconds?: number;
  /** Work out the plan, push nothing. */
  dryRun: boolean;
}

export interface ReapAction {
  action:
    | 'requeue'
    | 'fail'
    | 'cancel'
    | 'offline'
    | 'remove-node'
    | 'archive'
    | 'distrust-heartbeat'
    | 'restore'
    | 'quarantine';
  /** The task id, node id or day folder acted on. */
  subject: string;
  reason: string;
}

export interface ReapReport {
  dryRun: boolean;
  requeued: number;
  failed: number;
  nodesOffline: number;
  /** What was done (or, in a dry run, would be done), and why. */
  actions: ReapAction[];
  /** Commits pushed, to the grid branch and its archive. */
  commits: string[];
  rejectedPushes: number;
}

export async function reap(settings: ReapSettings, log: Log): Promise<ReapReport> {
  // A cache of its own per run: concurrent reapers on one machine must not share a repository, and
  // archiving keeps the tip small, so a fresh shallow fetch is cheap.
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-reap-'));
  try {
    const store = await GridStore.open({
      remote: settings.remote,
      branch: settings.branch,
      dir,
      ...(settings.token ? { token: settings.token } : {}),
      // A run of its own, not a loop: it waits out a rate limit rather than fail and wait for the next schedule.
      waitOutRateLimits: true,
    });
    // A name of its own per run: two reapers making the same change in the same second would otherwise build
    // the very same commit, and both would count it as theirs.
    const author = `dgrid-reaper-${randomBytes(3).toString('hex')}`;
    const clock = await readServerClock(settings.remote, settings.token);
    if (!clock) log.warn(`could not read the clock of ${settings.remote}; judging leases by this machine's alone`);
    // The history it checks starts where the first round's deepened fetch ends.
    const checker: CommitChecker & { base?: string } = new CommitChecker(dir);
    const swept = await transact(store, (snapshot) => planReap(snapshot, settings, clock, new Date(), log, checker), {
      author,
      states: ['queue', 'in_progress'],
      dryRun: settings.dryRun,
    });
    const archived = await archiveResults(store, { author, dryRun: settings.dryRun, now: new Date() });
    if (!settings.dryRun) {
      const { remote, token } = settings;
      await pruneOutputs(store, { remote, cacheDir: dir, ...(token ? { token } : {}) }, new Date(), log);
    }
    const actions: ReapAction[] = [
      ...(swept.value ?? []),
      ...archived.days.map((d) => ({ action: 'archive' as const, subject: d.path, reason: d.reason })),
    ];
    const count = (action: ReapAction['action']) => actions.filter((a) => a.action === action).length;
    return {
      dryRun: settings.dryRun,
      requeued: count('requeue'),
      failed: count('fail') + count('cancel'),
      nodesOffline: count('offline'),
      actions,
      commits: [swept.commit, ...archived.commits].filter((c): c is string => c !== null),
      rejectedPushes: swept.rejectedPushes + archived.rejectedPushes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function planReap(
  snapshot: GridSnapshot,
  settings: ReapSettings,
  clock: ClockReading | undefined,
  now: Date,
  log: Log,
  checker: CommitChecker & { base?: string },
): Promise<Plan<ReapAction[]>> {
  const trust = await checkCommits(snapshot, await snapshot.policy(), checker, log);
  const seen = trust?.snapshot ?? snapshot;
  const policy = await seen.policy();
  const skew = clock && skewProblem(clock, policy, 'the reaper refuses to judge leases');
  if (skew) throw new UserError(skew);
  const nodeTimeout = settings.nodeTimeoutSeconds ?? policy.lease.node_timeout_seconds;
  if (nodeTimeout <= policy.lease.heartbeat_seconds) {
    throw new UserError(
      `node timeout ${nodeTimeout} s is not longer than this grid's heartbeat interval ` +
        `(lease.heartbeat_seconds ${policy.lease.heartbeat_seconds}), so healthy nodes would be declared dead: give a longer one`,
    );
  }
  for (const entry of seen.skipped) log.warn(skippedEntry(entry));
  const changes: Change[] = trust?.changes ?? [];
  const actions: ReapAction[] = trust?.actions ?? [];
  const nodes = new Map<string, NodeRecord>();
  for (const found of await seen.nodes()) {
    let node = found;
    if (checker.quarantined.has(node.node_id)) {
      nodes.set(node.node_id, node);
      if (node.status === 'quarantined') continue;
      const reason = `authored void commit ${checker.quarantined.get(node.node_id)!.slice(0, 12)}`;
      changes.push(nodeChange({ ...node, status: 'quarantined', tasks: [] }));
      actions.push({ action: 'quarantine', subject: node.node_id, reason });
      continue;
    }
    if (heartbeatFromFuture(node, now, policy)) {
      const reason = `heartbeat dated ${node.last_heartbeat}, beyond this reaper's ${iso(now)} + grace ${policy.lease.grace_seconds} s: its clock is wrong; counted from now`;
      log.warn(`node ${node.node_id}: ${reason}`);
      node = { ...node, last_heartbeat: iso(now) };
      changes.push(nodeChange(node));
      actions.push({ action: 'distrust-heartbeat', subject: node.node_id, reason });
    }
    nodes.set(node.node_id, node);
  }
  const silent = (node: NodeRecord) => isSilent(node, now, policy, nodeTimeout);

  /** The queue records of quorum tasks as this reap leaves them: each orphaned replica adds an attempt. */
  const requeued = new Map<string, QueuedTask>();
  for (const [file, value] of await seen.readJson(seen.of('in_progress'))) {
    const queued = await replicaHome(seen, file, policy);
    // A duplicated id is for the audit to explain; moving it could overwrite the other copy.
    if (!queued && seen.byId.get(file.id)!.length > 1) continue;
    if (!claimValidator.is(value)) {
      log.warn(`${file.entry.path} is not a valid claim; left for a person to fix`);
      continue;
    }
    const holder = nodes.get(value.claim.node_id);
    const why =
      checker.quarantined.has(value.claim.node_id) || isQuarantined(holder)
        ? `node ${value.claim.node_id} is quarantined`
        : orphanReason(value, holder, now, silent);
    if (!why) continue;
    if (queued) {
      // A replica: the task stays queued for another node; the attempt joins its history.
      const before = requeued.get(file.id) ?? queued.task;
      const back = returnReplica(queued.file, before, file.entry.path, value, 'orphaned', why, now);
      requeued.set(file.id, back.task);
      changes.push(back.changes[0]!);
      actions.push({
        action: 'requeue',
        subject: value.task_id,
        reason: `replica of attempt ${value.claim.attempt}: ${why}`,
      });
      continue;
    }
    const max = maxAttempts(value, policy);
    const cancel = seen.cancels.get(value.task_id);
    if (cancel) {
      // A cancel ends its task: an orphan of a cancelled task does not go back to the queue.
      const run = cancelledRun(runWithoutOutput('error', `orphaned: ${why}`, new Date(value.claim.claimed_at), now));
      changes.push(...finishClaim(file.entry.path, value, run).changes, { path: cancel.path, delete: true });
      actions.push({ action: 'cancel', subject: value.task_id, reason: run.reason! });
    } else if (attemptsUsed(value) + 1 >= max) {
      const reason = `all ${max} attempt(s) are used up; the last was orphaned: ${why}`;
      changes.push(...exhaustClaim(file.entry.path, value, reason, now));
      actions.push({ action: 'fail', subject: value.task_id, reason });
    } else {
      changes.push(...requeueClaim(file.entry.path, value, 'orphaned', why, now).changes);
      actions.push({ action: 'requeue', subject: value.task_id, reason: why });
    }
  }

  for (const [id, task] of requeued) {
    const home = seen.byId.get(id)!.find((f) => f.state === 'queue')!;
    changes.push({ path: home.entry.path, content: serialize(task) });
  }

  for (const node of nodes.values()) {
    if (!silent(node) || checker.quarantined.has(node.node_id)) continue;
    // A drain request for a dead node asked nothing of the process that runs under its id next.
    const drain = seen.drains.get(node.node_id);
    if (drain) changes.push({ path: drain.path, delete: true });
    const days = policy.retention.offline_node_days;
    // A quarantined node's file stays: removing it would free its id, and its quarantine with it.
    if (silenceMs(node, now) > days * DAY_MS && !isQuarantined(node)) {
      changes.push({ path: nodePath(node.node_id), delete: true });
      const reason = `no heartbeat since ${node.last_heartbeat}, over retention.offline_node_days (${days})`;
      actions.push({ action: 'remove-node', subject: node.node_id, reason });
    } else if (node.status !== 'offline' && !isQuarantined(node)) {
      // Its claims are requeued in this same commit, so it runs nothing any more.
      changes.push(nodeChange({ ...node, status: 'offline', tasks: [] }));
      const reason = `no heartbeat since ${node.last_heartbeat} (node timeout ${nodeTimeout} s + grace ${policy.lease.grace_seconds} s)`;
      actions.push({ action: 'offline', subject: node.node_id, reason });
    }
  }
  return { changes: lastPerPath(changes), message: commitMessage(actions, checker), value: actions };
}

/**
 * On a guarded grid: checks the commits of the recent history (commit-check.ts), and plans putting back what
 * void commits changed. Returns the snapshot as readers see it (void commits undone), with those changes.
 */
async function checkCommits(
  snapshot: GridSnapshot,
  policy: Policy,
  checker: CommitChecker & { base?: string },
  log: Log,
): Promise<{ snapshot: GridSnapshot; changes: Change[]; actions: ReapAction[] } | undefined> {
  if (snapshot.tip === null) return undefined;
  // The policy at the tip may be a void commit's: whether the grid is guarded is the checked history's to say.
  // Once a run: a lost race rebuilds on a newer tip, which the history fetched then still reaches.
  const base = (checker.base ??= (await snapshot.store.deepen(CHECKED_HISTORY)) ?? undefined);
  const outcome = await checker.check(snapshot.tip, policy, base);
  if (!guarded(policy) && checker.tip === null) return undefined;
  for (const v of outcome.voided) {
    log.warn(`commit ${v.commit.slice(0, 12)} is void: ${v.problems.join('; ')}`);
  }
  const overlay = checker.overlay;
  const changes: Change[] = [...overlay].map(([path, sha]) =>
    sha === null ? { path, delete: true as const } : { path, existing: { mode: '100644', sha } },
  );
  const actions: ReapAction[] = [...checker.voids.values()].map((v) => ({
    action: 'restore' as const,
    subject: v.commit,
    reason: `void: ${v.problems.join('; ')}`,
  }));
  const seen = await GridSnapshot.load(snapshot.store, snapshot.tip, { states: ['queue', 'in_progress'], overlay });
  return { snapshot: seen, changes, actions };
}

/** One change per path, the last one planned: a quarantined node's file is restored, then marked. */
function lastPerPath(changes: Change[]): Change[] {
  return [...new Map(changes.map((c) => [c.path, c])).values()];
}

/** Why a claim is orphaned under the rule at the top of this file; undefined while it is alive. */
function orphanReason(
  claim: Claim,
  node: NodeRecord | undefined,
  now: Date,
  silent: (node: NodeRecord) => boolean,
): string | undefined {
  const { node_id: nodeId, lease_until: leaseUntil } = claim.claim;
  if (node && silent(node)) return `node ${nodeId} is silent since ${node.last_heartbeat}`;
  if (now.getTime() <= Date.parse(leaseUntil)) return undefined;
  if (!node) return `lease expired at ${leaseUntil} and node ${nodeId} has no readable node file`;
  if (!node.tasks.includes(claim.task_id)) return `lease expired at ${leaseUntil} and node ${nodeId} no longer runs it`;
  return undefined;
}

/** The history is the audit log: the subject counts, the body says what happened to whom and why. */
/**
 * The queue record a replica claim belongs to: a quorum task stays queued while its replicas run. Undefined
 * for an ordinary claim.
 */
async function replicaHome(
  snapshot: GridSnapshot,
  claim: TaskFile,
  policy: Policy,
): Promise<{ file: TaskFile; task: QueuedTask } | undefined> {
  const same = snapshot.byId.get(claim.id)!;
  const homes = same.filter((f) => f.state === 'queue');
  if (homes.length !== 1 || same.some((f) => f.state !== 'queue' && f.state !== 'in_progress')) return undefined;
  const task = (await snapshot.readJson(homes)).get(homes[0]!);
  if (!queuedTaskValidator.is(task) || quorumOf(task, policy) <= 1) return undefined;
  return { file: homes[0]!, task };
}

function commitMessage(actions: ReapAction[], checker: CommitChecker): string {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
  const subject = [...counts].map(([action, n]) => `${action} ${n}`).join(', ');
  const restores = [...checker.voids.keys()].map((sha) => `Restores: ${sha}`);
  const trailers = restores.length > 0 ? `\n${restores.join('\n')}\n` : '';
  return `dgrid: reap: ${subject}\n\n${actions.map((a) => `${a.action} ${a.subject}: ${a.reason}`).join('\n')}\n${trailers}`;
}
