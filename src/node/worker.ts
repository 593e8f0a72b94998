// The worker node: claims tasks by pushing a commit that moves them to its in_progress folder, runs them in
// the sandbox, and commits each result only while its claim still holds this node's token.
//
// Every push is one commit built on the tip it was computed from. A rejected push means somebody else
// moved the tip: the node re-reads the tip and rebuilds its changes from it, never rebases, so a claim
// counts only when the remote tip holds this node's token.
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, hostname, totalmem } from 'node:os';
import { readServerClock, skewProblem } from '../protocol/clock.js';
import { recordIncarnation, takeCache } from '../git/cache-owner.js';
import { GridStore } from '../git/store.js';
import { GitError } from '../git/runner.js';
import { GridSnapshot, skippedEntry, type TaskFile } from '../protocol/snapshot.js';
import { CHECKED_HISTORY, CommitChecker, guarded } from '../protocol/commit-check.js';
import { publicKeyOf, signingKeyFile } from '../git/commit-signature.js';
import { ContentionError, UserError, errorMessage } from '../common/errors.js';
import { isSilent, runWithoutOutput, silenceMs, type Execution } from '../protocol/transitions.js';
import { iso, sleep } from '../common/time.js';
import type { Log } from '../common/log.js';
import { effectiveImage, imageAllowed } from '../protocol/policy.js';
import type { Sandbox, SandboxJob } from '../sandbox/sandbox.js';
import type { FileStore } from '../storage/file-store.js';
import { openFileStore } from '../storage/index.js';
import { storeOutputs } from './outputs.js';
import { secretsFor } from './task-secrets.js';
import { redact } from '../common/redact.js';
import { PushBudget, effectiveBudget, prefetchFor } from './push-budget.js';
import { SHARE_WINDOW_MS, pollFloorMs, pushShare, turnsOf } from '../protocol/push-share.js';
import { PushPacer } from '../protocol/push-pacer.js';
import { ScanMemo, scanQueue, type DependencyState, type ForeignDependencies } from './scheduler.js';
import type { PoolMember, SlotPool } from './slot-pool.js';
import { QuorumRound, isQuorumTask } from './quorum-round.js';
import { isQuarantined } from '../protocol/reputation.js';
import { unshardedQueue } from '../protocol/queue-shards.js';
import { Submitters } from '../protocol/submitters.js';
import type { Claim, NodeRecord, Policy, Status } from '../protocol/schemas.js';
import { claimValidator, drainValidator } from '../protocol/schema-validators.js';
import { transact, type Plan } from '../protocol/transaction.js';
import { CircuitBreaker, nodeSideReason } from './circuit-breaker.js';
import { TaskState } from './task-state.js';
import {
  isHeartbeatDue,
  planRound,
  FreeResources,
  resourcesOf,
  roomToClaim,
  type FinishedClaim as Finished,
  type HeldClaim,
  type Holdings,
  type RoundPlan,
  type RoundSettings,
  type RoundSnapshot,
} from './round-plan.js';

export interface WorkerSettings {
  remote: string;
  token?: string;
  branch: string;
  nodeId: string;
  labels: string[];
  slots: number;
  /** 0: no limit. */
  maxTasks: number;
  /** 0: no limit. */
  maxRuntimeMinutes: number;
  /** 0: never stop for idleness. */
  idleTimeoutSeconds: number;
  pollIntervalSeconds: number;
  /** Image for tasks that name none; the policy's default otherwise. */
  image?: string;
  /** Where the bare cache repository lives. */
  cacheDir: string;
  /** What this node may commit to its tasks at once; the machine's own by default. */
  cpus?: number;
  memoryMb?: number;
  /** How long a finished result waits for others to finish, so that they share one push. */
  batchWindowMs?: number;
  /** This node's own limit on pushes per minute; the grid policy's applies too. */
  maxPushesPerMinute?: number;
  /**
   * Claims held beyond the slots, started as slots free up without waiting for a push: one push then
   * carries the results and claims of many short tasks. Long tasks gain nothing and may keep others waiting.
   */
  prefetch?: number;
  /** A stop signal drains the node (finish what runs, claim nothing more) instead of handing tasks back. */
  drainOnStop?: boolean;
  /**
   * An SSH private key, or the path of its file: every commit of this node is signed with it, and its node file
   * names its public key.
   */
  signingKey?: string;
  /** Secret values this node shares with the tasks that name them (task-secrets); never the runner's environment. */
  taskSecrets?: Record<string, string>;
}

/** How a worker serves one shard among several for its node (shard-node.ts). */
export interface ShardLink {
  /** The node's slots, shared with the workers of its other shards. */
  pool: SlotPool;
  /** Dependencies at home in the other shards. */
  elsewhere: ForeignDependencies;
  /** The first shard's policy as last read, which every shard's dgrid.json must equal; undefined for the first. */
  reference(): Policy | undefined;
}

export interface TaskOutcome {
  task_id: string;
  status: Status;
  exit_code: number | null;
  duration_ms: number;
  attempt: number;
}

export interface WorkerReport {
  nodeId: string;
  completed: number;
  failed: number;
  /** Claims handed back to the queue on stop. */
  returned: number;
  /** Results not written because the claim had moved on (the node had been declared dead). */
  fenced: number;
  pushes: number;
  rejectedPushes: number;
  stopReason: string;
  outcomes: TaskOutcome[];
}

/** What the metrics endpoint shows of a running node. */
export interface WorkerGauges {
  report: WorkerReport;
  running: number;
  slots: number;
  /** Seconds since the last successful push; a stuck node stops being healthy. */
  sinceLastPushSeconds: number;
  stopping: boolean;
  /** Why the circuit breaker keeps this node from claiming: its last runs failed for node-side reasons. */
  unhealthy?: string;
}

interface Running {
  claim: Claim;
  path: string;
  controller: AbortController;
  /** A cancel request stopped it: the result is `cancelled` and the request goes with it. */
  cancelled?: boolean;
}

/** A commit of this node; kept while a push that reported an error may have landed. */
interface Pushed {
  commit: string;
  plan: RoundPlan;
}

/** What a round read at the tip and planned from it. */
interface Round {
  tip: string;
  plan: RoundPlan;
}

/** The longest a Node.js timer waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_PUSH_ROUNDS = 20;
/** After a failed sync the node waits this long, doubling with each failure in a row up to the cap. */
const FIRST_FAILURE_BACKOFF_MS = 500;
const MAX_FAILURE_BACKOFF_MS = 30_000;
/** A node looks whether its cache needs tidying every so many rounds; the look costs one git process. */
const TIDY_EVERY_ROUNDS = 50;
/**
 * The most claims a node holds beyond its slots, as its prefetch setting or its turn asks: a third of the
 * folder limit, so that its in_progress folder stays well within it.
 */
const MAX_PREFETCH = 1000;

export class Worker {
  private readonly running = new Map<string, Running>();
  /** Claims held beyond the slots (prefetch), oldest first, each started when a slot frees up. */
  private readonly waiting: Running[] = [];
  private readonly finished: Finished[] = [];
  /** Tokens this process issued: a claim of ours that landed although the push reported an error is adopted. */
  private readonly issuedTokens = new Set<string>();
  private readonly report: WorkerReport;
  private readonly startedAt = new Date();
  private node: NodeRecord | undefined;
  private lastHeartbeat = 0;
  /** The tip of the last queue scan that left nothing for this node to claim; polling skips while it holds. */
  private exhaustedTip: string | null = null;
  private nextEligibleAt: Date | undefined;
  /** The tip of the last sync: while tasks run, a moved tip may carry a cancel request for one of them. */
  private seenTip: string | null = null;
  private readonly firstSeen = new Map<string, string>();
  private readonly scanMemo = new ScanMemo();
  /** The last snapshot read: the next is listed as the difference from it. */
  private lastSnapshot: GridSnapshot | undefined;
  private claimed = 0;
  private lastActivity = Date.now();
  private stopReason: string | undefined;
  private readonly stopSignal = new AbortController();
  private wake: () => void = () => undefined;
  private store!: GridStore;
  private budget: PushBudget | undefined;
  /** Nodes online at the last tip read, this one included: idle polling shares the grid's read budget. */
  private nodesOnline = 1;
  /** How long this node's tasks take, a moving average: with a binding budget it sizes the prefetch. */
  private taskMs: number | undefined;
  /** The server asked to wait (an HTTP 429 or 403 with Retry-After): no request before this time. */
  private retryAt = 0;
  private readonly pacer = new PushPacer();
  /** Entries of the grid that are not files, warned about once. */
  private readonly skippedSeen = new Set<string>();
  private files: { key: string; store: Promise<FileStore> } | undefined;
  /** The sandbox failed under a task and has not answered since. */
  private sandboxLost = false;
  /** How far the grid server's clock is ahead of this machine's, and when that was last read. */
  private clockOffsetMs = 0;
  private clockReadAt = -Infinity;
  /** Why this node stopped and must fail: its clock went off while it held claims. */
  private refusal: UserError | undefined;
  /** Who submitted the tasks this node may claim, read from the history in a cache beside its own. */
  private readonly submitters: Submitters;
  /** Unique to this process, in the node file: a second live process with this node id is told apart. */
  private readonly incarnation = randomUUID();
  /** Incarnations of this node that ran on this cache before, all dead: their node file may be taken over. */
  private pastIncarnations = new Set<string>();
  /** A push that reported an error or a rejection: it may have landed all the same, which the next tip tells. */
  private unconfirmed: Pushed | undefined;
  /** Syncs failed in a row: each waits longer before the next, so a lost remote is not hammered. */
  private failures = 0;
  /** Whether a sync ever succeeded: from then on, git failures are retried, however final they sound. */
  private synced = false;
  /** Dependencies that queued tasks this node could run wait for, as of its last queue scan. */
  private awaited: ReadonlySet<string> = new Set();
  /** A push completed a dependency of a queued task: the node looks at the queue again at once. */
  private unblocked = false;
  /** Who this node is and what it may take on, as its rounds are planned. */
  private readonly roundSettings: RoundSettings;
  /** Each running task's files, progress and checkpoints. */
  private readonly tasks: TaskState;
  /** Stops claiming after node-side failures in a row, for a pause. */
  private readonly breaker = new CircuitBreaker();
  /** Why this node drains: it finishes what it holds, claims nothing more, then signs off. */
  private draining: string | undefined;
  /** This worker as its node's slot pool sees it, when the node serves several shards. */
  private readonly member: PoolMember | undefined;
  /** The snapshot of the last round that read the tip, and when: other shards read dependencies from it. */
  private readForOthers: { snapshot: GridSnapshot; readAt: string } | undefined;
  private readonly foreignMemo = new ScanMemo();
  private policyWarned = false;
  /** The last scan awaited a dependency in another shard: it may complete without this shard's tip moving. */
  private awaitsElsewhere = false;
  /** Claims of this round held against the node's slot pool until their push is answered. */
  private reserved = 0;
  /** A worker of another shard read dependencies from this shard's last tip: the next round checks it is current. */
  private freshAsked = false;

  constructor(
    private readonly settings: WorkerSettings,
    private readonly sandbox: Sandbox,
    private readonly log: Log,
    private readonly link?: ShardLink,
  ) {
    if (link) {
      this.member = {
        running: () => this.running.size,
        waiting: () => this.waiting.length,
        claimable: 0,
        startWaiting: () => {
          if (this.policy) this.startWaiting(this.policy);
        },
        wake: () => this.wake(),
      };
      link.pool.join(this.member);
    }
    const { remote, branch, token } = settings;
    // Any value this node shares is redacted from every task's progress: a task named no secret has none of them.
    const shared = Object.values(settings.taskSecrets ?? {});
    this.tasks = new TaskState(log, (_, text) => redact(text, shared));
    this.submitters = new Submitters({ remote, branch, token, dir: `${settings.cacheDir}-history` });
    this.roundSettings = {
      nodeId: settings.nodeId,
      labels: settings.labels,
      slots: settings.slots,
      prefetch: settings.prefetch ?? 0,
      maxTasks: settings.maxTasks,
      cpus: settings.cpus ?? availableParallelism(),
      memoryMb: settings.memoryMb ?? Math.floor(totalmem() / 1024 / 1024),
      startedAt: this.startedAt,
      incarnation: this.incarnation,
    };
    this.report = {
      nodeId: settings.nodeId,
      completed: 0,
      failed: 0,
      returned: 0,
      fenced: 0,
      pushes: 0,
      rejectedPushes: 0,
      stopReason: '',
      outcomes: [],
    };
  }

  /** The grid policy as of the last sync. */
  currentPolicy(): Policy | undefined {
    return this.policy;
  }

  /** What the metrics endpoint shows; read at any time while the node runs. */
  gauges(): WorkerGauges {
    return {
      report: this.report,
      running: this.running.size,
      slots: this.settings.slots,
      sinceLastPushSeconds: (Date.now() - (this.lastHeartbeat || this.startedAt.getTime())) / 1000,
      stopping: this.stopReason !== undefined,
      ...(this.breaker.unhealthy() ? { unhealthy: this.breaker.unhealthy()!.reason } : {}),
    };
  }

  /** A stop signal (SIGINT, SIGTERM): with drain-on-stop the first one drains, and a second one stops. */
  signal(name: string): void {
    if (this.settings.drainOnStop && !this.draining) this.drain(`${name} received (drain-on-stop)`);
    else this.stop(`${name} received`);
  }

  /**
   * Finish what this node holds, claim nothing more, then sign off (status `draining` meanwhile): for an
   * upgrade, where a new version's nodes start beside it. A drain request in the grid asks for the same.
   */
  drain(reason: string): void {
    if (this.draining || this.stopReason) return;
    this.draining = reason;
    this.log.info(`draining: ${reason}`);
    this.wake();
  }

  /** Claim nothing more, stop running tasks and hand them back, mark the node offline, then return. */
  stop(reason: string): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.log.info(`stopping: ${reason}`);
    for (const task of this.running.values()) task.controller.abort();
    // Claims that never started run nowhere now: the last commit hands them back.
    this.waiting.length = 0;
    this.stopSignal.abort();
    this.wake();
  }

  async run(): Promise<WorkerReport> {
    const s = this.settings;
    await this.takeCache();
    const keyFile = s.signingKey ? await signingKeyFile(s.signingKey, `${s.cacheDir}-key`) : undefined;
    this.store = await GridStore.open({
      remote: s.remote,
      branch: s.branch,
      dir: s.cacheDir,
      token: s.token,
      partial: true,
      ...(keyFile ? { signingKey: keyFile } : {}),
    });
    if (keyFile) this.roundSettings.publicKey = await publicKeyOf(keyFile);
    await this.repairCache();
    this.checker = new CommitChecker(s.cacheDir);
    const orphans = await this.sandbox.removeOrphans(s.nodeId);
    if (orphans > 0) this.log.info(`removed ${orphans} container(s) left by an earlier run of ${s.nodeId}`);
    if (this.sandbox.kind === 'none') {
      this.log.warn(
        'sandbox "none": tasks run as plain processes on this machine, without isolation. Use it only for trusted grids.',
      );
    }
    // Idleness counts from here: a slow start (a busy machine, a cold cache) is not idle time.
    this.lastActivity = Date.now();
    let idleRounds = 0;
    this.stopAtMaxRuntime();
    try {
      for (let round = 1; !this.stopReason; round++) {
        if (round % TIDY_EVERY_ROUNDS === 0) await this.tryTidy();
        const busy = await this.trySync();
        // Polling backs off while nothing moves for this node, also while its tasks run: a task that ends
        // wakes the node at once, so only a cancel request waits for the next look.
        idleRounds = busy ? 0 : idleRounds + 1;
        // A shard left tasks it could claim only because the node's slots went to other shards: not idle.
        if (busy || this.holding() || (this.member?.claimable ?? 0) > 0) {
          this.lastActivity = Date.now();
          this.link?.pool.touch();
        }
        if (this.doneWithQuota()) break;
        if (this.draining && !this.holding() && this.finished.length === 0) this.stop(`drained: ${this.draining}`);
        this.checkIdle();
        // A result that completes a dependency makes its dependents claimable: one more look at once, not a
        // poll interval per step.
        if (this.unblocked && this.claimRoom() > 0 && !this.stopReason) {
          this.unblocked = false;
          continue;
        }
        await this.pause(idleRounds);
      }
    } finally {
      clearTimeout(this.runtimeTimer);
    }
    await this.shutdown();
    if (this.refusal) throw this.refusal;
    this.report.stopReason = this.stopReason ?? 'max-tasks reached';
    return this.report;
  }

  /** A cache that cannot be tidied still works; it only grows. */
  private async tryTidy(): Promise<void> {
    try {
      const tidied = await this.store.tidy();
      if (tidied > 0) this.log.debug(`tidied the cache: ${tidied} loose objects packed or dropped`);
    } catch (error) {
      this.log.warn(`could not tidy the cache: ${errorMessage(error)}`);
    }
  }

  /** Takes the cache for this process and records this incarnation in it. */
  private async takeCache(): Promise<void> {
    const leftovers = await takeCache(this.settings.cacheDir);
    if (leftovers.length > 0) this.log.info(`removed what a killed git left in the cache: ${leftovers.join(', ')}`);
    for (const past of await recordIncarnation(this.settings.cacheDir, this.incarnation))
      this.pastIncarnations.add(past);
  }

  /** A cache deleted or damaged under the node would fail every later command: it is built again. */
  private async repairCache(): Promise<void> {
    if (!(await this.store.rebuildIfBroken())) return;
    this.log.warn(`the cache ${this.settings.cacheDir} was missing or damaged; built it again`);
    await this.takeCache();
  }

  /**
   * Stops the node when max-runtime-minutes is reached, wherever it is: a round may wait long for its push
   * turn (a minute or more under a tight budget), and the runner ends the job at its timeout regardless.
   */
  private stopAtMaxRuntime(): void {
    const stopsAt = this.stopsAt();
    if (stopsAt === undefined) return;
    const left = stopsAt - Date.now();
    // A timer waits 24.8 days at most: a longer run sets another when that one ends.
    this.runtimeTimer =
      left > MAX_TIMER_MS
        ? setTimeout(() => this.stopAtMaxRuntime(), MAX_TIMER_MS)
        : setTimeout(() => this.stop(`max-runtime-minutes (${this.settings.maxRuntimeMinutes}) reached`), left);
  }

  /** When max-runtime-minutes stops this node (ms); undefined when it runs on. */
  private stopsAt(): number | undefined {
    const minutes = this.settings.maxRuntimeMinutes;
    return minutes > 0 ? this.startedAt.getTime() + minutes * 60_000 : undefined;
  }

  /** Idleness is judged right after a round that looked at the queue, never after a nap alone. */
  private checkIdle(): void {
    const s = this.settings;
    if (
      s.idleTimeoutSeconds > 0 &&
      !this.holding() &&
      this.finished.length === 0 &&
      !this.unblocked &&
      Date.now() - Math.max(this.lastActivity, this.link?.pool.lastActivity ?? 0) >= s.idleTimeoutSeconds * 1000
    ) {
      this.stop(`idle for ${s.idleTimeoutSeconds} s`);
    }
  }

  private doneWithQuota(): boolean {
    const max = this.settings.maxTasks;
    const claimed = this.link?.pool.claimed ?? this.claimed;
    return max > 0 && claimed >= max && !this.holding() && this.finished.length === 0;
  }

  /** Whether any claim of this node runs or waits here. */
  private holding(): boolean {
    return this.running.size > 0 || this.waiting.length > 0;
  }

  /** Whether this node would claim now: it has room, and its circuit breaker lets it. */
  private wantsClaims(): boolean {
    return this.claimRoom() > 0 && this.breaker.allowsClaims(new Date());
  }

  /** How many more claims this node takes now (round-plan.ts). */
  private claimRoom(): number {
    if (this.draining) return 0;
    if (this.link) return this.poolRoom(this.link.pool);
    return roomToClaim(this.planned(), this.running.size, this.waiting.length, this.claimed);
  }

  /** A node serving several shards shares its slots and max-tasks over them; each shard holds its own prefetch. */
  private poolRoom(pool: SlotPool): number {
    return pool.room(this.member!, this.prefetch(), this.reserved);
  }

  /** The round settings with this round's prefetch. */
  private planned(): RoundSettings {
    return { ...this.roundSettings, prefetch: this.prefetch() };
  }

  /** Claims held beyond the slots: the setting, or with a binding budget enough to stay busy until the next turn. */
  private prefetch(): number {
    const configured = this.settings.prefetch ?? 0;
    const perMinute = this.budget?.rate ?? 0;
    const stopsAt = this.stopsAt();
    return prefetchFor({
      slots: this.settings.slots,
      perMinute,
      turnMs: this.pacer.turn,
      taskMs: this.taskMs,
      configured,
      max: MAX_PREFETCH,
      ...(stopsAt !== undefined ? { untilStopMs: stopsAt - Date.now() } : {}),
    });
  }

  /** Waits for a finished task, the stop signal, or the poll interval (backing off while idle). */
  private async pause(idleRounds: number): Promise<void> {
    if (this.stopReason) return;
    if (this.failures > 0) {
      // With full jitter, so that nodes cut off together do not come back together.
      const ceiling = Math.min(MAX_FAILURE_BACKOFF_MS, FIRST_FAILURE_BACKOFF_MS * 2 ** (this.failures - 1));
      await this.nap(Math.max(ceiling / 2 + (Math.random() * ceiling) / 2, this.retryAt - Date.now()));
      return;
    }
    if (this.finished.length === 0) {
      const base = this.settings.pollIntervalSeconds * 1000;
      const backoff = base * Math.min(8, 2 ** Math.max(0, idleRounds - 1));
      const untilEligible = this.nextEligibleAt ? Math.max(0, this.nextEligibleAt.getTime() - Date.now()) : Infinity;
      // The round that judges idleness comes when the idle timeout ends, not up to a backed-off poll later
      // (past an idle node's heartbeat, which would cost a push for a node about to sign off).
      const idleMs = this.settings.idleTimeoutSeconds * 1000;
      const idleLeft = this.lastActivity + idleMs - Date.now();
      const untilIdle = idleMs > 0 && idleLeft > 0 ? idleLeft : Infinity;
      // However many nodes poll, together they stay within the grid's read budget.
      const floor = pollFloorMs(this.nodesOnline, this.policy?.read_budget_per_second ?? 0);
      // A busy node's heartbeat comes on time however far polling backed off: it carries the tasks' progress
      // and checkpoints, and a checkpoint late by a backed-off poll is that much more work lost to a crash.
      const heartbeatMs = (this.policy?.lease.heartbeat_seconds ?? 60) * 1000;
      const untilHeartbeat = this.holding() ? Math.max(0, this.lastHeartbeat + heartbeatMs - Date.now()) : Infinity;
      const polled = Math.max(backoff * (0.75 + Math.random() * 0.5), floor);
      await this.nap(Math.min(polled, untilEligible, untilIdle, untilHeartbeat));
      if (this.finished.length === 0 || this.stopReason) return;
    }
    // A result is ready. Let those about to be ready join it in a single push: wait for the window to close
    // or for every running task to finish, whichever comes first.
    const closes = Date.now() + (this.settings.batchWindowMs ?? 0);
    while (this.running.size > 0 && Date.now() < closes && !this.stopReason) await this.nap(closes - Date.now());
  }

  /** Sleeps until the delay passes, a task finishes, or (unless stopping already) the node is told to stop. */
  private async nap(ms: number): Promise<void> {
    // Woken early, the nap ends its timer too: a timer left behind would hold a listener on the stop signal.
    const woken = new AbortController();
    this.wake = () => woken.abort();
    await sleep(ms, this.stopReason ? woken.signal : AbortSignal.any([woken.signal, this.stopSignal.signal]));
    this.wake = () => undefined;
  }

  /** Whether a heartbeat is due now (round-plan.ts). */
  private heartbeatDue(policy: Policy | undefined): boolean {
    return isHeartbeatDue(this.lastHeartbeat, this.holding() || this.finished.length > 0, policy, new Date());
  }

  /** Whether this node's heartbeat is overdue while it holds claims: one more late round brings the reaper nearer. */
  private leaseAtRisk(policy: Policy): boolean {
    const busy = this.holding() || this.finished.length > 0;
    return busy && Date.now() - this.lastHeartbeat >= policy.lease.heartbeat_seconds * 1000;
  }

  private policy: Policy | undefined;
  private runtimeTimer: NodeJS.Timeout | undefined;
  /** Judges the commits of others (and its own) on a guarded grid; made with the store. */
  private checker!: CommitChecker;

  /** One sync round, unless nothing could have changed; returns whether it moved any task. */
  private async trySync(): Promise<boolean> {
    const sandboxAnswers = await this.sandboxAnswers();
    const wantsClaims = sandboxAnswers && this.wantsClaims();
    const mustWrite = this.finished.length > 0 || this.node === undefined || this.heartbeatDue(this.policy);
    if (!mustWrite && !(await this.freshForOthers())) {
      const timeToCheck = wantsClaims && this.nextEligibleAt !== undefined && this.nextEligibleAt <= new Date();
      if (!timeToCheck) {
        // The cheap check: read the remote tip without fetching, and skip while nothing new can be there.
        const quietTip = wantsClaims ? this.exhaustedTip : this.holding() ? this.seenTip : undefined;
        if (quietTip === undefined) return false;
        if (quietTip !== null && (await this.store.remoteTip().catch(() => null)) === quietTip) return false;
      }
    }
    try {
      const busy = await this.sync(sandboxAnswers).finally(() => this.releaseReserved());
      this.failures = 0;
      this.synced = true;
      return busy;
    } catch (error) {
      // A remote that worked and now says it is gone (moved, a host's outage) may come back: only a node that
      // never synced stops on git's word that the remote is wrong.
      // A shard's host may be down when the node starts: the node serves the other shards meanwhile.
      const remoteLost =
        (this.synced || this.link !== undefined) && error instanceof UserError && error.cause instanceof GitError;
      if (error instanceof UserError && !remoteLost) throw error;
      this.failures++;
      // A shard that cannot be read keeps no slots from the others.
      if (this.member) this.member.claimable = 0;
      if (error instanceof GitError && error.retryAfterMs !== undefined) {
        this.retryAt = Date.now() + error.retryAfterMs;
        this.log.warn(`the grid server asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s: ${errorMessage(error)}`);
        return false;
      }
      this.log.warn(`sync failed (${this.failures} in a row), will retry: ${errorMessage(error)}`);
      await this.repairCache().catch((e: unknown) => this.log.warn(`could not rebuild the cache: ${errorMessage(e)}`));
      return false;
    }
  }

  private reserve(claims: number): void {
    if (!this.link) return;
    this.link.pool.pending += claims;
    this.reserved += claims;
  }

  private releaseReserved(): void {
    if (!this.link) return;
    this.link.pool.pending -= this.reserved;
    this.reserved = 0;
  }

  /**
   * Whether another shard's worker asked for this shard's tip (its tasks wait for dependencies here) and the
   * tip moved since the last read, so this round must fetch. An unmoved tip counts as read now.
   */
  private async freshForOthers(): Promise<boolean> {
    if (!this.freshAsked) return false;
    this.freshAsked = false;
    const tip = await this.store.remoteTip().catch(() => undefined);
    if (tip === undefined) return false;
    if (this.readForOthers && tip === this.readForOthers.snapshot.tip) {
      this.readForOthers.readAt = iso(new Date());
      return false;
    }
    return true;
  }

  /**
   * In a sharded grid every shard's dgrid.json must equal the first shard's: a shard whose policy differs
   * (being edited one shard at a time, or wrong) gets no new claims until they agree; results still land.
   */
  private samePolicy(policy: Policy): boolean {
    const reference = this.link?.reference();
    if (!reference || JSON.stringify(reference) === JSON.stringify(policy)) {
      this.policyWarned = false;
      return true;
    }
    if (!this.policyWarned) {
      this.log.warn(
        `dgrid.json of ${this.settings.remote} differs from the first shard's; claiming nothing here until they agree: ` +
          'give every shard the same dgrid.json',
      );
      this.policyWarned = true;
    }
    return false;
  }

  /** After the sandbox failed under a task, whether it works again: until then the node claims nothing. */
  private async sandboxAnswers(): Promise<boolean> {
    if (!this.sandboxLost) return true;
    if (await this.sandbox.unavailable()) return false;
    this.log.info('the sandbox answers again; claiming');
    this.sandboxLost = false;
    return true;
  }

  /**
   * Builds one commit from the current tip (results, claims, heartbeat) and pushes it through transact(),
   * which rebuilds it from the new tip after a lost race.
   */
  private async sync(mayClaim: boolean, final = false): Promise<boolean> {
    // The last commit of a stopping node does not wait: the runner kills it a few seconds after SIGTERM. A
    // hold gives other nodes their turns, but never so long that this node's heartbeat runs late.
    if (!final) {
      const heartbeatMs = (this.policy?.lease.heartbeat_seconds ?? 60) * 1000;
      await sleep(Math.min(this.pacer.untilTurn(), heartbeatMs / 2), this.stopSignal.signal);
    }
    const build = (snapshot: GridSnapshot) => this.round(snapshot, mayClaim, final);
    const outcome = await transact(this.store, build, {
      author: this.settings.nodeId,
      states: ['queue', 'in_progress'],
      ...(this.lastSnapshot ? { since: this.lastSnapshot } : {}),
      maxRounds: MAX_PUSH_ROUNDS,
      pacer: this.pacer,
      hooks: {
        beforeRound: async () => {
          if (!final && this.budget) await sleep(this.budget.wait(), this.stopSignal.signal);
        },
        beforePush: (commit, { plan }) => {
          for (const c of plan.claims) this.issuedTokens.add(c.claim.claim.token);
          // Until the tip says otherwise, a push that failed or lost may have landed (a retry after a timeout).
          this.unconfirmed = { commit, plan };
        },
        // Within its turn a node that lost its race tries again at once: the turn is short, and its own.
        urgent: () => this.leaseAtRisk(this.policy!) || (this.budget?.inTurn() ?? false),
        rejected: (round, wait) => {
          this.report.rejectedPushes++;
          this.log.debug(`push rejected (round ${round}); rebuilding on the new tip in ${Math.round(wait)} ms`);
        },
      },
    }).catch((error: unknown) => {
      if (!(error instanceof ContentionError)) throw error;
      this.log.warn(`gave up after ${MAX_PUSH_ROUNDS} rejected pushes in a row; will try again`);
      return undefined;
    });
    if (!outcome?.value) return false;
    const { tip, plan } = outcome.value;
    if (outcome.commit === null) {
      this.seenTip = tip;
      this.exhaustedTip = plan.exhausted && !this.awaitsElsewhere ? tip : null;
      this.settle([], plan.fenced);
      // Claims of a push that reported an error but landed: they start now, not at the next commit.
      this.waiting.push(...plan.adopted.map(toRun));
      this.startWaiting(this.policy!);
      return plan.adopted.length > 0;
    }
    if (outcome.rejectedPushes > 0 || this.pacer.hold > 0) {
      this.log.debug(
        `pushed after ${outcome.rejectedPushes} lost race(s); holding off ${Math.round(this.pacer.hold)} ms`,
      );
    }
    this.unconfirmed = undefined;
    this.budget?.spend();
    this.settle([], plan.fenced);
    this.landed({ commit: outcome.commit, plan });
    this.startWaiting(this.policy!);
    return plan.claims.length > 0 || plan.concluded.length > 0 || plan.rejected > 0;
  }

  /**
   * One round of a sync: checks what only this process can (its clock, its incarnation, its image), reads
   * what the planner needs from the tip, plans, and acts on what the plan found at the tip.
   */
  private async round(read: GridSnapshot, mayClaim: boolean, final: boolean): Promise<Plan<Round>> {
    const s = this.settings;
    const tip = read.tip!;
    // The next round's snapshot is listed as the difference from this one (as listed, void commits and all).
    this.lastSnapshot = read;
    const snapshot = await this.checkCommits(read, tip, await read.policy());
    const policy = await snapshot.policy();
    this.policy = policy;
    this.readForOthers = { snapshot, readAt: iso(new Date()) };
    for (const entry of snapshot.skipped) {
      if (this.skippedSeen.has(entry.path)) continue;
      this.skippedSeen.add(entry.path);
      this.log.warn(skippedEntry(entry));
    }
    await this.checkClock(policy);
    // A node's first push waits a random part of a period: nodes that start together register spread over
    // one, not in a burst. Its plan is made after the wait; the tip may have moved, and a lost race reads
    // it again.
    if ((await this.takeShare(snapshot, policy, tip)) && !final)
      await sleep(this.budget!.wait(), this.stopSignal.signal);
    if (s.image && !imageAllowed(s.image, policy)) {
      throw new UserError(
        `image "${s.image}" is not in this grid's allowed_images (${policy.allowed_images.join(', ')})`,
      );
    }
    const atTip = await snapshot.node(s.nodeId).catch(() => undefined);
    this.checkIncarnation(atTip, policy);
    if (this.unconfirmed) this.confirm(this.unconfirmed, tip, atTip, policy);
    if (isQuarantined(atTip)) {
      throw new UserError(
        `node ${s.nodeId} is quarantined: ${atTip!.reputation?.invalid ?? 'several'} of its quorum runs were ` +
          'outvoted by other nodes, so the grid refuses its claims. A maintainer decides whether it may return ' +
          '(docs/security.md, "Quorum and reputation").',
      );
    }
    const claims = await this.myClaims(snapshot);
    const cancels = new Map([...snapshot.cancels].map(([id, entry]) => [id, entry.path]));
    const live = new Set(snapshot.byId.keys());
    const unsharded = unshardedQueue(snapshot);
    const view: RoundSnapshot = { tip, policy, claims, cancels, live, node: atTip, unsharded };
    const drainRequest = snapshot.drains.get(s.nodeId);
    if (drainRequest) {
      view.drain = drainRequest.path;
      const request = await snapshot.store
        .readOne(drainRequest.sha)
        .then((blob) => JSON.parse(blob.toString('utf8')) as unknown)
        .catch(() => undefined);
      const target = drainValidator.is(request) ? request.incarnation : undefined;
      view.drainSpent = target !== undefined && target !== this.incarnation;
      if (view.drainSpent)
        this.log.info(`${drainRequest.path} asked an earlier process of this node to drain; removing it`);
      else if (!final) this.drain(`requested in ${drainRequest.path}`);
    }
    // Whether to claim is judged now, after the waits for the node's turn: a node that held all the claims
    // it wanted when the sync began has run many of them by then.
    const wantsClaims = mayClaim && this.wantsClaims();
    if (wantsClaims && !final && !this.stopReason && !this.draining && this.samePolicy(policy)) {
      view.queue = await this.scan(snapshot, view);
    }
    const quorumTasks = [
      ...[...claims.values()]
        .filter((c) => isQuorumTask(c.claim, policy))
        .map((c) => ({ id: c.claim.task_id, held: c.claim })),
      ...(view.queue?.scan.claimable ?? [])
        .filter((c) => isQuorumTask(c.task, policy))
        .map((c) => ({ id: c.task.task_id, queued: c.task })),
    ];
    // Reputations count wherever quorum tasks run; the node files are read anyway, so the round always has them.
    view.quorum = await QuorumRound.load(snapshot, policy, s.nodeId, quorumTasks);
    // A round rebuilt after a lost race plans its claims afresh: the last one's no longer hold room.
    this.releaseReserved();
    const held = await this.longTaskHoldings(this.holdings(final), claims, policy);
    const plan = planRound(view, held, this.planned(), new Date());
    if (this.link) {
      // What is left for this node to claim here (a freed slot wakes the fullest queue first); and the claims
      // on their way count against the node's slots and max-tasks at once, so no other shard takes that room.
      if (view.queue) this.member!.claimable = view.queue.scan.claimable.length - plan.claims.length;
      this.reserve(plan.claims.length);
    }
    this.observe(plan);
    return { changes: plan.changes, message: plan.message, value: { tip, plan } };
  }

  /**
   * On a guarded grid (commit-check.ts): judges the commits that landed since the last round, and gives the grid
   * as every reader sees it, what void commits changed set back. A quarantined node stops: its claims are refused.
   */
  private async checkCommits(snapshot: GridSnapshot, tip: string, policy: Policy): Promise<GridSnapshot> {
    const id = this.settings.nodeId;
    if (policy.nodes.signed_commits && !this.settings.signingKey) {
      throw new UserError(
        `this grid's policy wants every node commit signed (nodes.signed_commits in dgrid.json): give node ${id} ` +
          'its SSH key with input "signing-key" (--signing-key), made with "dgrid node-key"',
      );
    }
    // A first check starts where a reaper's does, so that this node judges a restore of a void commit that
    // landed before it started as the reaper that made it does, not as a change of a result.
    const base =
      this.checker.tip === null && guarded(policy)
        ? ((await this.store.deepen(CHECKED_HISTORY)) ?? undefined)
        : undefined;
    const outcome = await this.checker.check(tip, policy, base);
    for (const v of outcome.voided) {
      this.log.warn(`commit ${v.commit.slice(0, 12)} is void, its changes ignored: ${v.problems.join('; ')}`);
    }
    const by = this.checker.quarantined.get(id);
    if (by !== undefined) {
      for (const task of this.running.values()) task.controller.abort();
      this.waiting.length = 0;
      const why = this.checker.voids.get(by)?.problems.join('; ') ?? 'its node file says so';
      throw new UserError(`node ${id} is quarantined by commit ${by.slice(0, 12)} (${why}); it stops`);
    }
    const overlay = this.checker.overlay;
    if (overlay.size === 0) return snapshot;
    return GridSnapshot.load(this.store, tip, { states: ['queue', 'in_progress'], overlay });
  }

  /** The queue scan of a round, and what the node keeps of it. */
  private async scan(snapshot: GridSnapshot, view: RoundSnapshot): Promise<RoundSnapshot['queue']> {
    // The room this round's claims may fill, counting the waiting claims this round drops or cancels.
    const kept = this.waiting.filter(
      (w) =>
        view.claims.get(w.claim.task_id)?.claim.claim.token === w.claim.claim.token &&
        !view.cancels.has(w.claim.task_id),
    );
    const room = roomToClaim(this.planned(), this.running.size, kept.length, this.claimed);
    // Without knowing who submitted what, the quota cannot be held: claim nothing, but commit the rest.
    const submitters = await this.submitters.forQuota(snapshot, view.policy, room).catch((error) => {
      this.log.warn(`could not read who submitted the queued tasks; claiming nothing now: ${errorMessage(error)}`);
      return null;
    });
    const s = this.settings;
    const node = {
      nodeId: s.nodeId,
      labels: s.labels,
      secrets: Object.keys(s.taskSecrets ?? {}),
      firstSeen: this.firstSeen,
      submitters,
      memo: this.scanMemo,
      ...(this.link ? { elsewhere: this.link.elsewhere } : {}),
    };
    const scan = await scanQueue(snapshot, node, new Date(), view.policy);
    // A dependency in another shard may complete without this shard's tip moving: keep looking.
    this.awaitsElsewhere = [...scan.awaited].some((id) => this.link?.elsewhere.foreign(id));
    this.forgetGone(snapshot);
    this.nextEligibleAt = scan.nextEligibleAt;
    this.awaited = scan.awaited;
    return { scan, submittersRead: submitters !== null };
  }

  /** What the node holds, as the planner sees it. */
  private holdings(final: boolean): Holdings {
    const held = (r: Running): HeldClaim => ({ claim: r.claim, path: r.path });
    return {
      running: [...this.running.values()].map((r) => ({
        ...held(r),
        cancelled: r.cancelled === true,
        aborted: r.controller.signal.aborted,
      })),
      waiting: this.waiting.map(held),
      finished: [...this.finished],
      issued: this.issuedTokens,
      awaited: this.awaited,
      claimed: this.claimed,
      ...(this.link ? { room: this.poolRoom(this.link.pool) } : {}),
      node: this.node,
      lastHeartbeat: this.lastHeartbeat,
      clockOffsetMs: this.clockOffsetMs,
      stopReason: this.stopReason,
      final,
    };
  }

  /**
   * What long tasks add to the holdings: the circuit breaker, each running task's latest progress, and at a
   * heartbeat the checkpoints that changed, stored before the round's commit names them.
   */
  private async longTaskHoldings(held: Holdings, claims: Map<string, HeldClaim>, policy: Policy): Promise<Holdings> {
    const now = new Date();
    const unhealthy = this.breaker.unhealthy();
    const running = held.final ? [] : held.running.filter((r) => !r.aborted).map((r) => r.claim.task_id);
    const out: Holdings = {
      ...held,
      ...(this.draining ? { draining: this.draining } : {}),
      progress: await this.tasks.progress(running, now),
      ...(unhealthy
        ? {
            unhealthy: {
              reason: unhealthy.reason.slice(0, 512),
              since: iso(unhealthy.since),
              retry_at: iso(unhealthy.retryAt),
            },
          }
        : {}),
    };
    const busy = held.running.length > 0 || held.waiting.length > 0 || held.finished.length > 0;
    if (held.final || !isHeartbeatDue(held.lastHeartbeat, busy, policy, now)) return out;
    const ending = new Set(held.finished.map((f) => f.claim.task_id));
    const atTip = running
      .filter((id) => !ending.has(id))
      .map((id) => claims.get(id))
      .filter(
        (h): h is HeldClaim => h?.claim.claim.token === this.running.get(h?.claim.task_id ?? '')?.claim.claim.token,
      );
    return { ...out, checkpoints: await this.tasks.checkpoints(atTip, this.store, policy, now) };
  }

  /** What a round found at the tip about this node's claims holds whether its push lands or not. */
  private observe(plan: RoundPlan): void {
    for (const taskId of plan.dropped) {
      this.log.warn(`${taskId}: the claim was taken back while this node was silent; not starting it`);
      this.waiting.splice(
        this.waiting.findIndex((w) => w.claim.task_id === taskId),
        1,
      );
    }
    for (const taskId of plan.stopped) {
      this.log.warn(`${taskId}: the claim was taken back while this node was silent; stopping it`);
      this.running.get(taskId)!.controller.abort();
    }
    for (const warning of plan.warnings) this.log.warn(warning);
    for (const { done, run, cancelled, returned } of plan.concluded) {
      Object.assign(done, { run, cancelled });
      if (returned === undefined) delete done.returned;
    }
    for (const done of plan.cancelledWaiting) {
      this.log.info(`${done.claim.task_id}: cancel requested before it started`);
      this.waiting.splice(
        this.waiting.findIndex((w) => w.claim.task_id === done.claim.task_id),
        1,
      );
      this.finished.push(done);
    }
    for (const taskId of plan.cancelledRunning) {
      this.log.info(`${taskId}: cancel requested; stopping it`);
      const running = this.running.get(taskId)!;
      running.cancelled = true;
      running.controller.abort();
    }
  }

  /** What a commit of this node means once it is at the tip. */
  private landed({ commit, plan }: Pushed): void {
    this.report.pushes++;
    this.report.returned += plan.handedBack;
    this.seenTip = commit;
    // The scan saw the queue before this commit's results and rejections changed what can run next.
    const exhausted = plan.exhausted && !this.awaitsElsewhere;
    this.exhaustedTip = exhausted && plan.concluded.length === 0 && plan.rejected === 0 ? commit : null;
    // From the time written in the commit, which is what a reaper reads, not from when a slow push returned:
    // a node whose push took longer than a heartbeat confirms its claims at the tip before starting them.
    this.lastHeartbeat = Date.parse(plan.node!.last_heartbeat);
    this.node = plan.node;
    this.settle(
      plan.concluded.map((c) => c.done),
      [],
    );
    if (!this.stopReason) this.waiting.push(...[...plan.claims, ...plan.adopted].map(toRun));
    this.claimed += plan.claims.length;
    if (this.link) this.link.pool.claimed += plan.claims.length;
    this.unblocked ||= plan.unblocks;
  }

  /**
   * Whether a push that reported an error or a rejection landed after all: the tip is that commit, or holds
   * the node file it wrote (this incarnation, that heartbeat; a reaper marking the node offline keeps both).
   */
  private confirm(p: Pushed, tip: string, atTip: NodeRecord | undefined, policy: Policy): void {
    this.unconfirmed = undefined;
    const ours = atTip?.incarnation === this.incarnation && atTip.last_heartbeat === p.plan.node!.last_heartbeat;
    if (tip !== p.commit && !ours) return;
    this.log.info(`a push that reported a failure had landed (${p.commit.slice(0, 12)})`);
    this.landed(p);
    this.startWaiting(policy);
  }

  /**
   * Two live processes with one node id would each requeue the other's claims as "restarted". A node
   * refuses to start while another incarnation of its id is alive, and stops when one took its id over.
   */
  private checkIncarnation(atTip: NodeRecord | undefined, policy: Policy): void {
    const other = atTip?.incarnation;
    if (!atTip || other === undefined || other === this.incarnation) return;
    const id = this.settings.nodeId;
    if (this.node !== undefined) {
      // It started while this one was silent so long that it looked dead: it owns the claims now.
      for (const task of this.running.values()) task.controller.abort();
      this.waiting.length = 0;
      throw new UserError(
        `node id "${id}" was taken over by another process (incarnation ${other}, started ${atTip.started_at}) ` +
          'while this one was silent; this one stops. Give each worker its own node-id.',
      );
    }
    // The id is free once its holder is silent by the rule the reaper uses to declare it dead.
    const now = new Date();
    if (this.pastIncarnations.has(other) || atTip.status === 'offline' || isSilent(atTip, now, policy)) return;
    throw new UserError(
      `node id "${id}" is in use by another live process (incarnation ${other}, started ${atTip.started_at}, ` +
        `last heartbeat ${Math.round(silenceMs(atTip, now) / 1000)} s ago): give each worker its own node-id, or ` +
        `leave node-id out for a unique one. If that process is dead, the id is free once its heartbeat is ` +
        `${policy.lease.node_timeout_seconds + policy.lease.grace_seconds} s old (node timeout + grace).`,
    );
  }

  /**
   * Sets this node's push rate to its share of the branch's budget, from the nodes online at the tip and the
   * pushes of the last minute in the history this node fetched (push-share.ts); its own limit applies too.
   * Returns whether the budget was made just now.
   */
  private async takeShare(snapshot: GridSnapshot, policy: Policy, tip: string): Promise<boolean> {
    const now = new Date();
    const nodes = (await snapshot.nodes()).filter((n) => n.status !== 'offline' && !isSilent(n, now, policy));
    this.nodesOnline = nodes.length + (nodes.some((n) => n.node_id === this.settings.nodeId) ? 0 : 1);
    const budget = policy.push_budget_per_minute;
    const pushes = budget > 0 ? await this.store.recentPushes(tip, now.getTime() - SHARE_WINDOW_MS) : [];
    const share = pushShare({
      budgetPerMinute: budget,
      nodeId: this.settings.nodeId,
      nodes,
      pushes,
      now: now.getTime(),
    });
    const rate = effectiveBudget(share.perMinute, this.settings.maxPushesPerMinute);
    // Turns among the busy nodes (their files at the tip show tasks running), while this node's file shows
    // it busy too, as the others see it; and only where the grid's budget sets the rate: a node's own lower
    // limit keeps no place in the train.
    const busy = nodes.filter((n) => n.tasks.length > 0);
    const counted = busy.some((n) => n.node_id === this.settings.nodeId);
    const turns = rate === share.perMinute && counted ? turnsOf(this.settings.nodeId, busy, budget) : undefined;
    const made = this.budget === undefined;
    // On the grid server's clock, which every node reads: turns kept on skewed clocks would overlap.
    this.budget ??= new PushBudget(rate, () => Date.now() + this.clockOffsetMs, Math.random());
    this.budget.setRate(rate, turns);
    return made;
  }

  /**
   * Reads the grid server's clock once per heartbeat interval, and refuses to go on while this machine's
   * is off by more than skew allows (clock.ts): its heartbeats and leases would be judged wrong.
   */
  private async checkClock(policy: Policy): Promise<void> {
    if (this.refusal || Date.now() - this.clockReadAt < policy.lease.heartbeat_seconds * 1000) return;
    const reading = await readServerClock(this.settings.remote, this.settings.token);
    this.clockReadAt = Date.now();
    if (!reading) return;
    const problem = skewProblem(reading, policy, `node ${this.settings.nodeId} refuses to run`);
    if (!problem) {
      this.clockOffsetMs = reading.offsetMs;
      return;
    }
    if (!this.holding() && this.finished.length === 0) throw new UserError(problem);
    // Its clock went off while it held claims: it hands them back (and commits what finished) first, so
    // that no task runs on unwatched, then fails.
    this.refusal ??= new UserError(problem);
    this.stop(problem);
  }

  /**
   * Where tasks of this worker's shard stand, for a worker of another shard whose tasks depend on them: from
   * the last tip this worker read, so the look costs no fetch. Until this shard was read after `since`, a
   * task it does not hold may still arrive, so it counts as waiting, not missing.
   */
  async dependencyStates(since: ReadonlyMap<string, string>): Promise<Map<string, DependencyState | undefined>> {
    const states = new Map<string, DependencyState | undefined>();
    this.freshAsked = true;
    this.wake();
    const last = this.readForOthers;
    if (!last) {
      for (const id of since.keys()) states.set(id, 'waiting');
      return states;
    }
    const outcomes = await this.foreignMemo.outcomes(last.snapshot, since.keys());
    for (const [id, seen] of since) {
      const outcome = outcomes.get(id);
      if (outcome) states.set(id, outcome.state);
      else if (last.snapshot.byId.has(id) || last.readAt < seen) states.set(id, 'waiting');
      else states.set(id, undefined);
    }
    return states;
  }

  /** First-seen times are only needed while a task waits in the queue. */
  private forgetGone(snapshot: GridSnapshot): void {
    if (this.firstSeen.size <= 2 * snapshot.of('queue').length + 100) return;
    const queued = new Set(snapshot.of('queue').map((f) => f.id));
    for (const id of this.firstSeen.keys()) if (!queued.has(id)) this.firstSeen.delete(id);
  }

  /** Claims at the tip in this node's folder, by task id. */
  private async myClaims(snapshot: GridSnapshot): Promise<Map<string, HeldClaim>> {
    const prefix = `tasks/in_progress/${this.settings.nodeId}/`;
    const files = snapshot.of('in_progress').filter((f: TaskFile) => f.entry.path.startsWith(prefix));
    const parsed = await snapshot.readJson(files);
    const mine = new Map<string, HeldClaim>();
    for (const [file, value] of parsed) {
      if (claimValidator.is(value) && value.claim.node_id === this.settings.nodeId) {
        mine.set(value.task_id, { claim: value, path: file.entry.path });
      }
    }
    return mine;
  }

  private settle(committed: Finished[], fenced: Finished[]): void {
    for (const done of fenced) {
      this.report.fenced++;
      this.log.warn(`result of ${done.claim.task_id} not written: the claim no longer holds this node's token`);
    }
    for (const done of committed) {
      if (done.returned) this.report.returned++;
      else {
        if (done.run.status === 'success') this.report.completed++;
        else this.report.failed++;
        this.report.outcomes.push({
          task_id: done.claim.task_id,
          status: done.run.status,
          exit_code: done.run.exitCode,
          duration_ms: done.run.finishedAt.getTime() - done.run.startedAt.getTime(),
          attempt: done.claim.claim.attempt,
        });
        this.log.info(
          `${done.claim.task_id}: ${done.run.status}${done.run.exitCode === null ? '' : ` (exit ${done.run.exitCode})`}`,
        );
      }
    }
    const gone = new Set([...committed, ...fenced]);
    const keep = this.finished.filter((f) => !gone.has(f));
    this.finished.length = 0;
    this.finished.push(...keep);
  }

  /**
   * Starts waiting claims while slots are free. Not while a heartbeat is due: a node silent that long (a
   * pause, an outage) may have been declared dead and its claims taken back, so the next sync confirms
   * them first, and starts them once its heartbeat lands.
   */
  private startWaiting(policy: Policy): void {
    if (this.heartbeatDue(policy)) return;
    const running = () => this.link?.pool.running() ?? this.running.size;
    // A prefetched claim starts once it fits beside what runs (round-plan.ts held it against the node's
    // total only); one that does not fit yet leaves its place to a smaller one behind it.
    const free = new FreeResources(this.roundSettings.cpus, this.roundSettings.memoryMb);
    for (const { claim } of this.running.values()) free.take(resourcesOf(claim, policy));
    for (let i = 0; i < this.waiting.length && running() < this.settings.slots && !this.stopReason;) {
      const need = resourcesOf(this.waiting[i]!.claim, policy);
      if (!free.fits(need)) {
        i++;
        continue;
      }
      free.take(need);
      this.start(this.waiting.splice(i, 1)[0]!, policy);
    }
  }

  private start(entry: Running, policy: Policy): void {
    const { claim } = entry;
    this.running.set(claim.task_id, entry);
    this.log.info(`${claim.task_id}: claimed (attempt ${claim.claim.attempt})`);
    void this.execute(claim, policy, entry.controller.signal).then((run) => {
      this.running.delete(claim.task_id);
      const ms = run.finishedAt.getTime() - run.startedAt.getTime();
      this.taskMs = this.taskMs === undefined ? ms : 0.7 * this.taskMs + 0.3 * ms;
      const cancelled = entry.cancelled === true;
      if (cancelled) run.reason = 'cancelled on request';
      if (run.sandboxLost) {
        this.log.warn(
          `${claim.task_id}: ${run.sandboxLost}; handing it back, claiming nothing until the sandbox answers`,
        );
        this.sandboxLost = true;
      }
      this.breaker.record(nodeSideReason(run), new Date());
      if (this.breaker.unhealthy() && !this.breaker.allowsClaims(new Date())) {
        this.log.warn(`unhealthy, claiming nothing until ${iso(this.breaker.unhealthy()!.retryAt)}: ${run.reason}`);
      }
      const stopped = run.status === 'cancelled' && !cancelled;
      const returned =
        run.sandboxLost ?? (stopped ? `node ${this.settings.nodeId} stopped: ${this.stopReason}` : undefined);
      this.finished.push({ claim, path: entry.path, run, cancelled, ...(returned ? { returned } : {}) });
      this.startWaiting(policy);
      this.wake();
      // The slot it freed is the node's: a claim waiting in another shard may start in it.
      this.link?.pool.released();
    });
  }

  /**
   * Runs a task in the sandbox. Whatever fails while preparing, running or cleaning up becomes the task's
   * `error` result: a task the sandbox cannot cope with ends there, not in the node.
   */
  private async execute(claim: Claim, policy: Policy, signal: AbortSignal): Promise<Execution> {
    const startedAt = new Date();
    const job = sandboxJob(claim, this.settings, policy);
    try {
      job.files = await this.tasks.prepare(claim, this.store);
      const run = await this.sandbox.run(job, signal);
      return await storeOutputs(run, () => this.fileStore(policy));
    } catch (error) {
      const reason = `the ${this.sandbox.kind} sandbox failed: ${errorMessage(error)}`;
      return runWithoutOutput('error', reason, startedAt, new Date());
    } finally {
      this.tasks.forget(claim.task_id);
      if (job.files) {
        await this.sandbox
          .removeFiles(job.files, job)
          .catch((error: unknown) => this.log.warn(`${claim.task_id}: its files stay behind: ${errorMessage(error)}`));
      }
    }
  }

  /** The grid's output store, opened once for the policy's choice of it. */
  private fileStore(policy: Policy): Promise<FileStore> {
    const key = JSON.stringify(policy.outputs);
    if (this.files?.key !== key) {
      const { remote, token, cacheDir } = this.settings;
      this.files = { key, store: openFileStore(policy, { remote, cacheDir, ...(token ? { token } : {}) }) };
    }
    return this.files.store;
  }

  /** Lets running tasks end (stopped if we are stopping), then commits results, hand-backs and the offline node. */
  private async shutdown(): Promise<void> {
    while (this.running.size > 0) await this.nap(1000);
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await this.sync(false, true);
        if (this.finished.length === 0) return;
      } catch (error) {
        if (error instanceof UserError) throw error;
        this.log.warn(`final sync failed (attempt ${attempt}): ${errorMessage(error)}`);
        await this.repairCache().catch((e: unknown) =>
          this.log.warn(`could not rebuild the cache: ${errorMessage(e)}`),
        );
        // A server that limits rates is not asked again before its Retry-After (within the backoff's cap).
        const asked = error instanceof GitError ? (error.retryAfterMs ?? 0) : 0;
        await sleep(Math.max(500 * attempt, Math.min(asked, MAX_FAILURE_BACKOFF_MS)));
      }
    }
    this.log.error(`could not write ${this.finished.length} result(s); the reaper will requeue those tasks`);
  }
}

export function sandboxJob(
  claim: Claim,
  settings: Pick<WorkerSettings, 'nodeId' | 'image' | 'taskSecrets'>,
  policy: Policy,
): SandboxJob {
  return {
    taskId: claim.task_id,
    nodeId: settings.nodeId,
    script: claim.script,
    image: effectiveImage(claim, policy, settings.image),
    timeoutSeconds: claim.timeout_seconds ?? policy.default_timeout_seconds,
    env: claim.env ?? {},
    ...resourcesOf(claim, policy),
    pids: policy.limits.pids,
    tmpfsMb: policy.limits.tmpfs_mb,
    fileSizeMb: policy.limits.file_size_mb,
    outputCapBytes: policy.output_cap_bytes,
    secrets: secretsFor(claim, settings.taskSecrets ?? {}),
    ...(claim.outputs
      ? { outputs: { patterns: claim.outputs, maxMb: policy.outputs.max_mb, maxFiles: policy.outputs.max_files } }
      : {}),
  };
}

/** A claim that lands is held here, to be started when a slot frees up. */
function toRun(held: HeldClaim): Running {
  return { claim: held.claim, path: held.path, controller: new AbortController() };
}

/** A node id unique to this run: the runner or host name plus a random suffix. */
export function defaultNodeId(): string {
  const base = (process.env.RUNNER_NAME || hostname()).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return `${base.slice(0, 48) || 'node'}-${randomBytes(3).toString('hex')}`;
}
