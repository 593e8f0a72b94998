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
import { skippedEntry, type GridSnapshot } from '../protocol/snapshot.js';
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
  silenceMs,
} from '../protocol/transitions.js';
import { iso } from '../common/time.js';
import type { Log } from '../common/log.js';
import type { Claim, NodeRecord } from '../protocol/schemas.js';
import { transact, type Plan } from '../protocol/transaction.js';
import { claimValidator } from '../protocol/schema-validators.js';

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
  action: 'requeue' | 'fail' | 'cancel' | 'offline' | 'remove-node' | 'archive' | 'distrust-heartbeat';
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
    });
    // A name of its own per run: two reapers making the same change in the same second would otherwise build
    // the very same commit, and both would count it as theirs.
    const author = `dgrid-reaper-${randomBytes(3).toString('hex')}`;
    const clock = await readServerClock(settings.remote, settings.token);
    if (!clock) log.warn(`could not read the clock of ${settings.remote}; judging leases by this machine's alone`);
    const swept = await transact(store, (snapshot) => planReap(snapshot, settings, clock, new Date(), log), {
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
): Promise<Plan<ReapAction[]>> {
  const policy = await snapshot.policy();
  const skew = clock && skewProblem(clock, policy, 'the reaper refuses to judge leases');
  if (skew) throw new UserError(skew);
  const nodeTimeout = settings.nodeTimeoutSeconds ?? policy.lease.node_timeout_seconds;
  if (nodeTimeout <= policy.lease.heartbeat_seconds) {
    throw new UserError(
      `node timeout ${nodeTimeout} s is not longer than this grid's heartbeat interval ` +
        `(lease.heartbeat_seconds ${policy.lease.heartbeat_seconds}), so healthy nodes would be declared dead: give a longer one`,
    );
  }
  for (const entry of snapshot.skipped) log.warn(skippedEntry(entry));
  const changes: Change[] = [];
  const actions: ReapAction[] = [];
  const nodes = new Map<string, NodeRecord>();
  for (const found of await snapshot.nodes()) {
    let node = found;
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

  for (const [file, value] of await snapshot.readJson(snapshot.of('in_progress'))) {
    // A duplicated id is for the audit to explain; moving it could overwrite the other copy.
    if (snapshot.byId.get(file.id)!.length > 1) continue;
    if (!claimValidator.is(value)) {
      log.warn(`${file.entry.path} is not a valid claim; left for a person to fix`);
      continue;
    }
    const why = orphanReason(value, nodes.get(value.claim.node_id), now, silent);
    if (!why) continue;
    const max = maxAttempts(value, policy);
    const cancel = snapshot.cancels.get(value.task_id);
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

  for (const node of nodes.values()) {
    if (!silent(node)) continue;
    const days = policy.retention.offline_node_days;
    if (silenceMs(node, now) > days * DAY_MS) {
      changes.push({ path: nodePath(node.node_id), delete: true });
      const reason = `no heartbeat since ${node.last_heartbeat}, over retention.offline_node_days (${days})`;
      actions.push({ action: 'remove-node', subject: node.node_id, reason });
    } else if (node.status !== 'offline') {
      // Its claims are requeued in this same commit, so it runs nothing any more.
      changes.push(nodeChange({ ...node, status: 'offline', tasks: [] }));
      const reason = `no heartbeat since ${node.last_heartbeat} (node timeout ${nodeTimeout} s + grace ${policy.lease.grace_seconds} s)`;
      actions.push({ action: 'offline', subject: node.node_id, reason });
    }
  }
  return { changes, message: commitMessage(actions), value: actions };
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
function commitMessage(actions: ReapAction[]): string {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
  const subject = [...counts].map(([action, n]) => `${action} ${n}`).join(', ');
  return `dgrid: reap: ${subject}\n\n${actions.map((a) => `${a.action} ${a.subject}: ${a.reason}`).join('\n')}\n`;
}
