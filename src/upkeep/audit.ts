// The audit: replays the grid branch commit by commit (first parent, from its first commit) and checks that
// its history obeys the contract. Git history is the grid's audit log; this reads it.
//
// It reads one `git log --raw` of the branch and the records it adds or changes (in batches of one
// cat-file process), never a whole tree: the cost grows with the changes, not with commits times tasks.
//
// The rules, each named in a violation:
//   one-place       After every commit, each task id is in exactly one lifecycle folder, once (invariant 1).
//   lost            A task leaves the lifecycle folders only by archiving (rule archive).
//   archive         A result removed from the grid went to the archive: the removing commit's `Archived-To:`
//                   trailer names a commit of <branch>-archive holding the same file at
//                   tasks/<state>/<year>/<day>/..., and the archive branch's tip still holds it.
//   claim           A record in in_progress/ is a claim whose token no claim of any task used before (its
//                   holder may rewrite it in place, the same claim and task, to record a new checkpoint).
//   attempt-order   A task's attempt numbers only grow: each claim's attempt is above every earlier attempt
//                   of the task, and a result of a claim has the claim's attempt.
//   fencing         A result that carries `claim` ends the claim the parent commit held: the same commit
//                   removes the task's in_progress record with that token.
//   unclaimed       A result without `claim` is a rejection of a queued task that never ran (an invalid file,
//                   a failed or missing dependency, a cancel while queued, attempts used up): the same commit
//                   removes the task from queue/, the result is in failed/ with status error, failure or
//                   cancelled and exit_code null, and its attempt counts the attempts used (the entries of
//                   its history that are not `returned`).
//   requeue         A queue record written in the commit that removes the task's claim ends that claim: its
//                   history is the claim's plus one attempt with the claim's token and attempt number.
//   history         Records dgrid writes keep the task's history as it was (claims, results, rejections).
//   completed-twice A claim token is ended once: by a result or by a requeue, never both or twice.
//   terminal-twice  A task has one terminal record, written once, and never comes back after it.
//   unreadable      A record dgrid writes (claim, result, requeue) is a JSON object.
//   schema          A record dgrid writes is valid by the schema of its folder: a claim by the claim's, a result
//                   by the result's, a requeued task by the queued task's.
//   claim-task      A claim carries the task it took from the queue unchanged (script, env, image, every field):
//                   it equals the queued record the same commit removes, plus `claim`.
//   status-folder   A result's status matches its folder: success in completed/, anything else in failed/.
//   sign-off        A node file written offline leaves no claim of that node in in_progress/: a node that
//                   signs off hands back what it never started, or the reaper later counts an attempt for it.
//   not-held        A node file lists as running only tasks the node holds a claim on after that commit: a
//                   task listed without one was started (or kept running) after its claim was taken back.
//   incarnation     Once a node file names a new incarnation of its node (a new process: `incarnation`, or
//                   `started_at` in older files), the one it replaced never writes it again: two live
//                   processes with one node id requeue each other's claims as "restarted".
//   counters        A node's own commit (authored by the node) raises the completed and failed counters of its
//                   node file by exactly the runs of its claims that commit ends: results, and retries of
//                   failed attempts. A result that landed although its push reported an error, left out of
//                   the counters, shows here.
//   cancel          A cancel request ends its task: no claim of the task comes after the request landed.
//   future-heartbeat A node's heartbeat is not dated more than lease.grace_seconds after a commit by someone
//                   else that landed after it (the server's order: that commit was built on the heartbeat).
//   quorum, reputation  The rules of quorum tasks and node reputations, in audit-quorum.ts. A quorum task
//                   stays queued beside its replica claims (one per node, one-place allows them); a replica's
//                   run (tasks/replicas/) ends its claim, and the final result ends the task.
//   fresh-reap      A claim is ended by someone other than its node (a reaper) only once the node is
//                   silent: not while its last heartbeat is younger than lease.heartbeat_seconds, by the
//                   ending commit's date nor by the server's order (from the last commit by someone else
//                   before the heartbeat to the first commit by someone else after the ending one).
//   push-share      A node keeps to its share of push_budget_per_minute: no minute in which the branch took
//                   more than the budget plus a tenth and the node pushed over one and a half times its share
//                   (push-share.ts) plus two. Nothing stops a node that ignores its share; this names it.
//   void            On a guarded grid (nodes.admitted or nodes.signed_commits), a commit breaks the rules of
//                   its author's kind or is not signed as they ask (protocol/commit-rules.ts, the same judge
//                   every worker, reaper and dashboard runs). The replay then reads past it as every reader
//                   does: without its changes, and the commits after it as they meant (commit-check.ts).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  DAY_FOLDER,
  POLICY_FILE,
  archiveBranch,
  archivedDayPath,
  locate,
  locateCancel,
  locateNode,
  locateReplica,
  nodePath,
  type Lifecycle,
  type Terminal,
} from '../protocol/layout.js';
import { catFileBatch, git, runGit } from '../git/runner.js';
import { posix } from 'node:path';
import { historyBatches, type HistoryCommit, type HistoryOptions } from '../git/history.js';
import { GridStore } from '../git/store.js';
import { UserError } from '../common/errors.js';
import { CommitChecker } from '../protocol/commit-check.js';
import { parsePolicy, readPolicy } from '../protocol/policy.js';
import { jsonObject } from '../common/json-object.js';
import { overShare, type SeenPush } from '../protocol/push-share.js';
import type { Policy, Replica, Result } from '../protocol/schemas.js';
import { QuorumAudit } from './audit-quorum.js';
import { CHECKPOINT_VERSION, RowWriter, readCheckpoint, staleCheckpoint } from './audit-checkpoint.js';
import { claimValidator, queuedTaskValidator, resultValidator, type Validator } from '../protocol/schema-validators.js';

export type AuditRule =
  | 'one-place'
  | 'lost'
  | 'archive'
  | 'claim'
  | 'attempt-order'
  | 'fencing'
  | 'unclaimed'
  | 'requeue'
  | 'history'
  | 'completed-twice'
  | 'terminal-twice'
  | 'unreadable'
  | 'schema'
  | 'claim-task'
  | 'status-folder'
  | 'sign-off'
  | 'not-held'
  | 'incarnation'
  | 'counters'
  | 'cancel'
  | 'future-heartbeat'
  | 'fresh-reap'
  | 'push-share'
  | 'quorum'
  | 'reputation'
  | 'void';

export interface AuditViolation {
  commit: string;
  task: string;
  rule: AuditRule;
  message: string;
}

export interface AuditFigures {
  commits: number;
  /** Task ids that ever appeared in a lifecycle folder. */
  tasks: number;
  claims: number;
  /** Terminal records written. */
  results: number;
  /** Attempts that ended back in the queue (retries, orphans, hand-backs). */
  requeues: number;
  /** Results moved to the archive branch. */
  archived: number;
}

export interface AuditReport {
  branch: string;
  tip: string | null;
  ok: boolean;
  /** The first MAX_REPORTED violations; `violationCount` counts them all. */
  violations: AuditViolation[];
  violationCount: number;
  figures: AuditFigures;
  ms: number;
  /** The checkpoint's commit the replay resumed after; null when it replayed the whole history. */
  resumedFrom: string | null;
}

export interface AuditOptions {
  /**
   * A file of the auditor's where the audit keeps its state (audit-checkpoint.ts): read to replay only the
   * commits since, when git vouches for it, and written for the next run.
   */
  checkpoint?: string;
  /** Commits replayed at a time, each batch with the records it reads (2,000); fewer hold less at once. */
  historyBatch?: number;
}

/**
 * A checkpoint holds the state this many commits before the tip: the fresh-reap rule of a commit looks at
 * up to 100 commits after it, which a later tip may add to.
 */
const LOOK_AHEAD = 100;

const MAX_REPORTED = 1000;
const BLOB_BATCH = 5000;
const GIT_TIMEOUT_MS = 30 * 60_000;
/** What the replay reads of each commit: its blobs, and where an archiving commit put what it removed. */
const LOG_OPTIONS = (cwd: string): HistoryOptions => ({
  cwd,
  timeoutMs: GIT_TIMEOUT_MS,
  blobs: true,
  trailer: 'Archived-To',
});

export function formatViolation(v: AuditViolation): string {
  return `commit ${v.commit.slice(0, 12)}: task ${v.task}: ${v.rule}: ${v.message}`;
}

/**
 * Audits a grid branch: `source` is a local repository (bare or not) read in place, or a store opened
 * with depth 0, which fetches the branch and its archive with their full history first.
 */
export async function auditGrid(
  source: GridStore | string,
  branch = 'main',
  options: AuditOptions = {},
): Promise<AuditReport> {
  const started = performance.now();
  let dir: string;
  let tip: string | null;
  let archiveTip: string | null;
  if (typeof source === 'string') {
    dir = source;
    tip = await revParse(dir, `refs/heads/${branch}`);
    archiveTip = await revParse(dir, `refs/heads/${archiveBranch(branch)}`);
  } else {
    if (source.options.depth !== 0) throw new Error('auditGrid needs a store opened with depth 0: it reads history');
    dir = source.options.dir;
    branch = source.branch;
    tip = await source.fetch();
    const archive = await GridStore.open({ ...source.options, branch: archiveBranch(branch) });
    archiveTip = await archive.fetch();
  }
  if (tip === null) throw new UserError(`branch "${branch}" does not exist in the repository: nothing to audit`);
  // The same judge as every reader's: void commits are reported, and the replay reads past them.
  const checker = new CommitChecker(dir);
  checker.effects = new Map();
  const voided = await checker.checkHistory(tip);
  const replay = new Replay(dir, checker.effects);
  for (const v of voided) {
    const author = v.author.kind === 'node' ? `node ${v.author.node}` : `${v.author.kind} ${v.author.name}`;
    replay.violation(v.commit, author, 'void', `${author}: ${v.problems.join('; ')}`);
  }
  let resumedFrom: string | null = null;
  if (options.checkpoint) {
    const saved = await readCheckpoint(options.checkpoint);
    if (saved && !(await staleCheckpoint(dir, saved.header, branch, tip, archiveTip))) {
      replay.restore(saved.rows);
      resumedFrom = saved.header.commit;
    }
  }
  await replay.run(tip, resumedFrom, options.checkpoint, options.historyBatch ?? 2000);
  await replay.checkArchive(archiveTip, archiveBranch(branch));
  replay.finishCheckpoint(branch, archiveTip);
  return {
    resumedFrom,
    branch,
    tip,
    ok: replay.violationCount === 0,
    violations: replay.violations,
    violationCount: replay.violationCount,
    figures: replay.figures,
    ms: Math.round(performance.now() - started),
  };
}

async function revParse(dir: string, ref: string): Promise<string | null> {
  const out = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: dir });
  if (out.exitCode === 0) return out.stdout.toString('utf8').trim();
  if (out.stderr.trim()) throw new UserError(`${dir}: not a git repository (${out.stderr.trim().split('\n')[0]})`);
  return null;
}

/** One file change of a commit, from `git log --raw`. */
interface FileChange {
  path: string;
  oldSha: string;
  newSha: string;
  /** The new entry is a regular file, so its content can be read. */
  readable: boolean;
  deleted: boolean;
}

interface Commit {
  sha: string;
  /** Committer date (ms) and name: a node commits under its node id, a reaper as dgrid-reaper-<random>. */
  time: number;
  committer: string;
  /** Author name: the node (or reaper, or submitter) that built the commit's changes. */
  author: string;
  /** The archive commits named by its `Archived-To:` trailers. */
  archivedTo: string[];
  changes: FileChange[];
  /** Changes of node files, cancel requests and the policy. */
  others: FileChange[];
  /** Runs of quorum tasks recorded in tasks/replicas/. */
  replicas: FileChange[];
  /** The runs of each node's claims this commit ends, as the node counts them. */
  runs?: Map<string, { completed: number; failed: number }>;
}

/** A node's last heartbeat, with where it landed in the server's order. */
interface Beat {
  commit: string;
  committer: string;
  heartbeatMs: number;
  /** The date of the last commit by someone other than the node before it: a lower bound of when it landed. */
  landedAfterMs: number | undefined;
  /** Whether a later commit by someone else has been compared with it yet (future-heartbeat). */
  checked: boolean;
}

interface AttemptEntry {
  attempt: number;
  token: string;
  status: string;
}

/** What the rules need of a record, parsed once per blob. */
interface Summary {
  claim?: { token: string; attempt: number; node: string };
  attempt?: number;
  status?: string;
  exitCode?: number | null;
  history: AttemptEntry[];
  /** A digest of the task the record carries: the record without its `claim` and `checkpoint`. */
  task: string;
  /** The first schema problem of the record, for each folder it was written to. */
  schema: Map<Lifecycle, string>;
  /** A quorum task's: its quorum, and in its result every run. */
  quorum?: number;
  replicas?: Replica[];
  result?: Pick<Result, 'status' | 'exit_code' | 'stdout_sha256' | 'reason' | 'node_id'>;
}

interface TaskState {
  locations: Set<string>;
  /** The history of the last record dgrid wrote or accepted for the task. */
  history: AttemptEntry[];
  maxAttempt: number;
  /** The commit that wrote its terminal record, once it has one. */
  terminalAt?: string;
  inTwoPlaces: boolean;
  /** Its quorum, from its last queued record: above 1, replica claims may stand beside the queued record. */
  quorum: number;
}

interface ArchivedFile {
  commit: string;
  task: string;
  sha: string;
  /** Where the archive holds it. */
  target: string;
  archivedTo: string[];
}

interface Written {
  id: string;
  state: Lifecycle;
  change: FileChange;
}

class Replay {
  readonly violations: AuditViolation[] = [];
  violationCount = 0;
  readonly figures: AuditFigures = { commits: 0, tasks: 0, claims: 0, results: 0, requeues: 0, archived: 0 };
  private readonly tasks = new Map<string, TaskState>();
  private readonly summaries = new Map<string, Summary | undefined>();
  /** Every claim token ever written, by task id. */
  private readonly tokens = new Map<string, string>();
  /** How each ended token ended. */
  private readonly ended = new Map<string, string>();
  private readonly archived: ArchivedFile[] = [];
  private readonly nodeSummaries = new Map<string, NodeSummary | undefined>();
  /** The claims in in_progress/ by node, then by task, each with its path. */
  private readonly held = new Map<string, Map<string, string>>();
  /** The node each in_progress path's claim names. */
  private readonly claimNode = new Map<string, string>();
  /** Each node's incarnation now, and those it replaced. */
  private readonly incarnations = new Map<string, { current: string; replaced: Set<string> }>();
  /** The lease settings of the policy as of the commit being replayed. */
  private lease = parsePolicy(undefined).lease;
  private readonly policies = new Map<string, Policy>();
  /** The policy as of the commit being replayed, for the quorum rules and the push budget. */
  private policy = parsePolicy(undefined);
  private readonly quorum = new QuorumAudit();
  /** Tasks with a cancel request, and the commit it landed in. */
  private readonly cancelledAt = new Map<string, string>();
  private readonly beats = new Map<string, Beat>();
  /** Nodes that wrote their own node file: with reapers, the machines that check their clocks. */
  private readonly nodeIds = new Set<string>();
  /** The last clocked commit, and the last one by another committer than it: the latest by anyone else. */
  private last: { committer: string; time: number } | undefined;
  private lastOfOther: { committer: string; time: number } | undefined;
  private commits: Commit[] = [];
  private index = 0;

  constructor(
    private readonly dir: string,
    private readonly effects: CommitChecker['effects'],
  ) {}

  violation(commit: string, task: string, rule: AuditRule, message: string): void {
    this.violationCount++;
    if (this.violations.length < MAX_REPORTED) this.violations.push({ commit, task, rule, message });
  }

  /**
   * Replays the commits after `from` (the whole history when null), writing a checkpoint on the way. In
   * batches of commits, each with the records it reads: a year of a busy grid is more than one read holds.
   */
  async run(tip: string, from: string | null, checkpoint: string | undefined, batchSize: number): Promise<void> {
    const range = from === null ? tip : `${from}..${tip}`;
    const saveAt = checkpoint ? (await this.countReplayed(range)) - 1 - LOOK_AHEAD : -1;
    const pushes: Array<SeenPush & { sha: string }> = [];
    const budgets: number[] = [];
    const batches = this.batches(range, batchSize);
    // Commits read but not replayed yet: a batch's last commits look up to LOOK_AHEAD commits further.
    const ahead: Commit[] = [];
    let readAll = false;
    let offset = 0;
    for (;;) {
      while (!readAll && ahead.length < batchSize + LOOK_AHEAD) {
        const next = await batches.next();
        if (next.done) readAll = true;
        else ahead.push(...next.value);
      }
      if (ahead.length === 0) break;
      const commits = ahead.splice(0, batchSize);
      // Records are read per batch: those a batch moves or ends were written earlier and are read again.
      this.summaries.clear();
      this.nodeSummaries.clear();
      await this.readRecords(commits);
      this.commits = [...commits, ...ahead.slice(0, LOOK_AHEAD)];
      for (const [index, commit] of commits.entries()) {
        this.index = index;
        this.heartbeatsBefore(commit);
        this.apply(commit);
        this.othersOf(commit);
        pushes.push({ at: commit.time, author: commit.author, sha: commit.sha });
        budgets.push(this.policy.push_budget_per_minute);
        this.figures.commits++;
        if (offset + index === saveAt) this.capture(checkpoint!, commit.sha);
      }
      offset += commits.length;
    }
    // Over the commits replayed here: after a checkpoint, a minute across it is seen from its end only.
    this.pushShares(pushes, budgets);
    this.figures.tasks = this.tasks.size;
  }

  /** How many commits of `range` the replay meets: void ones are passed over. */
  private async countReplayed(range: string): Promise<number> {
    const shas = (await git(['rev-list', '--first-parent', range], { cwd: this.dir, timeoutMs: GIT_TIMEOUT_MS }))
      .split('\n')
      .filter(Boolean);
    return shas.filter((sha) => this.effects?.get(sha) !== 'void').length;
  }

  /** The range's commits as readers see them, in batches. */
  private async *batches(range: string, size: number): AsyncGenerator<Commit[]> {
    for await (const batch of historyBatches(range, LOG_OPTIONS(this.dir), size)) {
      yield this.asReadersSee(batch.map(toCommit));
    }
  }

  private captured: { writer: RowWriter; commit: string; archived: number } | undefined;
  /** Archived results whose check failed: a checkpoint keeps those, the others stay held while the archive grows. */
  private readonly failing = new Set<ArchivedFile>();

  /** Writes the state after the commit being replayed (all but the archive check, which comes at the end). */
  private capture(path: string, commit: string): void {
    const writer = new RowWriter(path);
    const f = this.figures;
    writer.row(['f', { ...f, tasks: this.tasks.size }, this.violationCount, this.lease, this.last, this.lastOfOther]);
    for (const v of this.violations) writer.row(['v', v]);
    for (const [id, t] of this.tasks) {
      const history = t.history.map((a) => [a.attempt, a.token, a.status]);
      writer.row(['t', id, [...t.locations], history, t.maxAttempt, t.terminalAt ?? null, t.inTwoPlaces, t.quorum]);
    }
    for (const [token, id] of this.tokens) writer.row(['k', token, id, this.ended.get(token) ?? null]);
    for (const [node, claims] of this.held) for (const [task, at] of claims) writer.row(['h', node, task, at]);
    for (const [at, node] of this.claimNode) writer.row(['c', at, node]);
    for (const [node, i] of this.incarnations) writer.row(['i', node, i.current, [...i.replaced]]);
    for (const [task, at] of this.cancelledAt) writer.row(['x', task, at]);
    for (const [node, beat] of this.beats) writer.row(['b', node, beat]);
    for (const node of this.nodeIds) writer.row(['n', node]);
    writer.row(['p', this.policy]);
    for (const [node, reputation] of this.quorum.entries()) writer.row(['r', node, reputation]);
    this.captured = { writer, commit, archived: this.archived.length };
  }

  /** Ends the checkpoint with the archived results checked so far that failed their check. */
  finishCheckpoint(branch: string, archiveTip: string | null): void {
    if (!this.captured) return;
    const { writer, commit, archived } = this.captured;
    for (const a of this.archived.slice(0, archived)) if (this.failing.has(a)) writer.row(['a', a]);
    writer.finish({ version: CHECKPOINT_VERSION, branch, commit, archiveTip });
  }

  /** The state of a checkpoint, as capture wrote it. */
  restore(rows: unknown[][]): void {
    for (const row of rows) {
      // Rows are what capture wrote, field by field: their kinds are its.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const [kind, a, b, c, d, e, g, q] = row as [string, ...any[]];
      if (kind === 'f') {
        Object.assign(this.figures, a);
        this.violationCount = b;
        this.lease = c;
        this.last = d ?? undefined;
        this.lastOfOther = e ?? undefined;
      } else if (kind === 'v') this.violations.push(a);
      else if (kind === 't') {
        const history = (c as [number, string, string][]).map(([attempt, token, status]) => ({
          attempt,
          token,
          status,
        }));
        const task: TaskState = { locations: new Set(b), history, maxAttempt: d, inTwoPlaces: g, quorum: q ?? 1 };
        if (e !== null) task.terminalAt = e;
        this.tasks.set(a, task);
      } else if (kind === 'k') {
        this.tokens.set(a, b);
        if (c !== null) this.ended.set(a, c);
      } else if (kind === 'h') {
        const claims = this.held.get(a) ?? new Map<string, string>();
        this.held.set(a, claims.set(b, c));
      } else if (kind === 'c') this.claimNode.set(a, b);
      else if (kind === 'i') this.incarnations.set(a, { current: b, replaced: new Set(c) });
      else if (kind === 'x') this.cancelledAt.set(a, b);
      else if (kind === 'b') this.beats.set(a, b);
      else if (kind === 'n') this.nodeIds.add(a);
      else if (kind === 'a') this.archived.push(a);
      else if (kind === 'p') this.policy = a;
      else if (kind === 'r') this.quorum.restore(a, b);
    }
  }

  /** The history without void commits, each later commit changing what it meant to (commit-check.ts). */
  private asReadersSee(commits: Commit[]): Commit[] {
    const effects = this.effects;
    if (!effects || effects.size === 0) return commits;
    const none = '0'.repeat(40);
    return commits.flatMap((commit) => {
      const effect = effects.get(commit.sha);
      if (effect === 'void') return [];
      if (!effect) return [commit];
      for (const change of [...commit.changes, ...commit.others]) {
        const before = effect.before.get(change.path);
        if (before !== undefined) change.oldSha = before ?? none;
      }
      // What a restoring commit puts back is, for readers, where it already was.
      const unchanged = (change: { oldSha: string; newSha: string }) => change.oldSha === change.newSha;
      commit.changes = commit.changes.filter((c) => !unchanged(c));
      commit.others = commit.others.filter((c) => !unchanged(c));
      for (const path of effect.implied) {
        const removed = { path, oldSha: effect.before.get(path) ?? none, newSha: none, readable: false, deleted: true };
        if (locate(path)) commit.changes.push(removed);
        else commit.others.push(removed);
      }
      return [commit];
    });
  }

  /** Reads every record the history writes, in batches of one cat-file process. */
  private async readRecords(commits: Commit[]): Promise<void> {
    // Each blob with the folders it is written to, so that it is checked by the schema of each.
    const needed = new Map<string, Set<Lifecycle>>();
    const nodes = new Set<string>();
    const policies = new Set<string>();
    const written = new Set<string>();
    for (const commit of commits) {
      for (const change of commit.changes) {
        if (change.deleted || !change.readable) continue;
        written.add(change.newSha);
        const states = needed.get(change.newSha) ?? new Set<Lifecycle>();
        states.add(locate(change.path)!.state);
        needed.set(change.newSha, states);
      }
      for (const change of commit.replicas) {
        if (!change.deleted && change.readable && !needed.has(change.newSha)) needed.set(change.newSha, new Set());
      }
      for (const change of commit.others) {
        if (change.deleted || !change.readable) continue;
        if (change.path === POLICY_FILE) policies.add(change.newSha);
        else if (locateNode(change.path) !== undefined) nodes.add(change.newSha);
      }
    }
    // A replay that resumes from a checkpoint meets records written before it, as the ones its commits end
    // or rewrite: read those too (in a whole replay, every one was written in the range).
    for (const commit of commits) {
      for (const change of [...commit.changes, ...commit.others]) {
        if (/^0+$/.test(change.oldSha) || written.has(change.oldSha) || nodes.has(change.oldSha)) continue;
        if (locateNode(change.path) !== undefined) nodes.add(change.oldSha);
        else if (locate(change.path)) needed.set(change.oldSha, new Set([locate(change.path)!.state]));
      }
    }
    const shas = [...new Set([...needed.keys(), ...nodes, ...policies])];
    for (let i = 0; i < shas.length; i += BLOB_BATCH) {
      const blobs = await catFileBatch(shas.slice(i, i + BLOB_BATCH), { cwd: this.dir, timeoutMs: GIT_TIMEOUT_MS });
      for (const [sha, blob] of blobs) {
        const states = needed.get(sha);
        if (states) this.summaries.set(sha, summarize(blob, states));
        if (nodes.has(sha)) this.nodeSummaries.set(sha, summarizeNode(blob));
        if (policies.has(sha)) this.policies.set(sha, readPolicy(blob));
      }
    }
  }

  private task(id: string): TaskState {
    let state = this.tasks.get(id);
    if (!state) {
      state = { locations: new Set(), history: [], maxAttempt: 0, inTwoPlaces: false, quorum: 1 };
      this.tasks.set(id, state);
    }
    return state;
  }

  private apply(commit: Commit): void {
    const removed = new Map<string, Map<Lifecycle, FileChange[]>>();
    const written: Written[] = [];
    const touched = new Set<string>();
    for (const change of commit.changes) {
      const located = locate(change.path)!;
      const task = this.task(located.id);
      touched.add(located.id);
      if (change.deleted) {
        task.locations.delete(change.path);
        const byState = removed.get(located.id) ?? new Map<Lifecycle, FileChange[]>();
        byState.set(located.state, [...(byState.get(located.state) ?? []), change]);
        removed.set(located.id, byState);
      } else {
        task.locations.add(change.path);
        written.push({ id: located.id, state: located.state, change });
      }
    }
    for (const w of written) {
      const gone = removed.get(w.id);
      if (w.state === 'queue') this.queued(commit, w, gone?.get('in_progress'));
      else if (w.state === 'in_progress') this.claimed(commit, w, gone?.get('queue'));
      else this.finished(commit, w, gone);
    }
    this.recordedRuns(commit, removed);
    this.quorum.settle();
    for (const id of touched) this.placed(commit, id, removed.get(id));
    this.trackClaims(commit);
  }

  /** Which node holds which claim after the commit, from the claims' own records. */
  private trackClaims(commit: Commit): void {
    for (const change of commit.changes) {
      const located = locate(change.path)!;
      if (located.state !== 'in_progress') continue;
      const before = this.claimNode.get(change.path);
      if (before !== undefined) {
        this.held.get(before)?.delete(located.id);
        this.claimNode.delete(change.path);
      }
      const node = change.deleted ? undefined : this.summaries.get(change.newSha)?.claim?.node;
      if (node === undefined) continue;
      this.claimNode.set(change.path, node);
      const claims = this.held.get(node) ?? new Map<string, string>();
      claims.set(located.id, change.path);
      this.held.set(node, claims);
    }
  }

  private nodeWritten(commit: Commit, change: FileChange): void {
    if (change.deleted) return;
    const node = this.nodeSummaries.get(change.newSha);
    const id = locateNode(change.path)!;
    if (!node) return;
    const where = nodePath(id);
    const before = /^0+$/.test(change.oldSha) ? undefined : this.nodeSummaries.get(change.oldSha);
    if (commit.author === id && before?.counters && node.counters) {
      const runs = commit.runs?.get(id) ?? { completed: 0, failed: 0 };
      const completed = node.counters.completed - before.counters.completed;
      const failed = node.counters.failed - before.counters.failed;
      if (completed !== runs.completed || failed !== runs.failed) {
        this.violation(
          commit.sha,
          where,
          'counters',
          `${id} counted ${completed} completed and ${failed} failed run(s), but this commit ends ` +
            `${runs.completed} and ${runs.failed} of its claims`,
        );
      }
    }
    const judged = this.quorum.nodeFile(id, node.reputation, node.status);
    if (judged) this.violation(commit.sha, where, 'reputation', judged);
    const held = this.held.get(id) ?? new Map<string, string>();
    if (node.status === 'offline') {
      for (const [task, path] of held) {
        this.violation(commit.sha, task, 'sign-off', `node ${id} went offline while its claim ${path} stays`);
      }
    } else {
      for (const task of node.tasks.filter((t) => !held.has(t))) {
        this.violation(commit.sha, task, 'not-held', `${where} lists it as running, but ${id} holds no claim on it`);
      }
    }
    if (node.incarnation === undefined) return;
    const known = this.incarnations.get(id);
    if (!known) {
      this.incarnations.set(id, { current: node.incarnation, replaced: new Set() });
    } else if (known.current !== node.incarnation) {
      if (known.replaced.has(node.incarnation)) {
        this.violation(
          commit.sha,
          where,
          'incarnation',
          `written by incarnation ${node.incarnation} of ${id} after ${known.current} replaced it: two processes ran as ${id}`,
        );
      }
      known.replaced.add(known.current);
      known.current = node.incarnation;
    }
  }

  /** A submission, an edit of a queued task, or a requeue when the same commit removes the task's claim. */
  private queued(commit: Commit, w: Written, claims: FileChange[] | undefined): void {
    const task = this.task(w.id);
    const record = this.summaries.get(w.change.newSha);
    if (record) task.quorum = record.quorum ?? this.policy.default_quorum;
    if (!claims) {
      if (task.terminalAt) this.terminalAgain(commit, w.id, task, 'queue');
      if (record) task.history = record.history;
      return;
    }
    if (!record) return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a JSON record`);
    this.checkSchema(commit, w, record);
    // Replicas of a quorum task handed back in one commit each add an attempt to the history it keeps.
    if (claims.length > 1 && task.quorum > 1) return this.requeuedReplicas(commit, w, record, claims);
    const claim = this.summaries.get(claims[0]!.oldSha)?.claim;
    const last = record.history.at(-1);
    if (!claim) return; // the removed claim was itself unreadable, reported when it was written
    if (last && ['failure', 'timeout'].includes(last.status)) countRun(commit, claim.node, 'failed');
    if (!last || last.token !== claim.token || last.attempt !== claim.attempt) {
      this.violation(
        commit.sha,
        w.id,
        'requeue',
        `requeued without an attempt for the claim it ends (token ${claim.token}, attempt ${claim.attempt})`,
      );
    } else {
      this.end(commit, w.id, claim.token, `requeued (${last.status})`);
      this.figures.requeues++;
    }
    this.endedBy(commit, w.id, claim.node);
    this.sameHistory(commit, w.id, task, record.history.slice(0, -1));
    task.history = record.history;
  }

  private requeuedReplicas(commit: Commit, w: Written, record: Summary, claims: FileChange[]): void {
    const task = this.task(w.id);
    const added = record.history.slice(-claims.length);
    for (const change of claims) {
      const claim = this.summaries.get(change.oldSha)?.claim;
      if (!claim) continue;
      const entry = added.find((a) => a.token === claim.token && a.attempt === claim.attempt);
      if (!entry) {
        this.violation(commit.sha, w.id, 'requeue', `replica claim ${claim.token} ended without an attempt for it`);
        continue;
      }
      if (['failure', 'timeout'].includes(entry.status)) countRun(commit, claim.node, 'failed');
      this.end(commit, w.id, claim.token, `requeued (${entry.status})`);
      this.figures.requeues++;
      this.endedBy(commit, w.id, claim.node);
    }
    this.sameHistory(commit, w.id, task, record.history.slice(0, -claims.length));
    task.history = record.history;
  }

  /** Runs of quorum tasks recorded in tasks/replicas/: each ends its node's claim, removed in the same commit. */
  private recordedRuns(commit: Commit, removed: Map<string, Map<Lifecycle, FileChange[]>>): void {
    for (const change of commit.replicas) {
      if (change.deleted) continue;
      const { taskId, nodeId } = locateReplica(change.path)!;
      const claims = removed.get(taskId)?.get('in_progress') ?? [];
      const claim = claims.map((c) => this.summaries.get(c.oldSha)?.claim).find((c) => c?.node === nodeId);
      if (!claim) {
        this.violation(
          commit.sha,
          taskId,
          'quorum',
          `${change.path} records a run, but no claim of ${nodeId} ends here`,
        );
        continue;
      }
      const status = this.summaries.get(change.newSha)?.status;
      countRun(commit, nodeId, status === 'success' ? 'completed' : 'failed');
      this.end(commit, taskId, claim.token, 'recorded as a replica');
      this.endedBy(commit, taskId, nodeId);
    }
  }

  /**
   * A quorum task's result: judged by the quorum rule; the claims it ends are runs of their nodes, each
   * counted as its replica entry says (fenced claims that never ran to a result are not).
   */
  private quorumResult(commit: Commit, w: Written, record: Summary, claims: FileChange[] | undefined): void {
    const task = this.task(w.id);
    const replicas = record.replicas!;
    for (const problem of this.quorum.result(
      { ...record.result!, replicas },
      task.quorum,
      this.policy.nodes.trust_after,
      commit.author,
    )) {
      this.violation(commit.sha, w.id, 'quorum', problem);
    }
    for (const change of claims ?? []) {
      const claim = this.summaries.get(change.oldSha)?.claim;
      const run = claim && replicas.find((r) => r.node_id === claim.node && r.attempt === claim.attempt);
      if (!claim || !run) continue;
      countRun(commit, claim.node, run.exit_code === 0 && run.digest !== null ? 'completed' : 'failed');
      this.end(commit, w.id, claim.token, 'finished');
    }
  }

  private claimed(commit: Commit, w: Written, queued: FileChange[] | undefined): void {
    const task = this.task(w.id);
    const record = this.summaries.get(w.change.newSha);
    if (!record?.claim) return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a claim`);
    this.checkSchema(commit, w, record);
    const before = this.summaries.get(w.change.oldSha)?.claim;
    if (before?.token === record.claim.token && before.attempt === record.claim.attempt && !queued) {
      // Its holder recorded a new checkpoint in the claim, in place: the same claim, not another one.
      if (this.summaries.get(w.change.oldSha)!.task !== record.task) {
        this.violation(commit.sha, w.id, 'claim-task', `${w.change.path} was rewritten with another task in it`);
      }
      return;
    }
    const taken = queued && this.summaries.get(queued[0]!.oldSha);
    if (taken && taken.task !== record.task) {
      this.violation(
        commit.sha,
        w.id,
        'claim-task',
        `the claim's task differs from the queued task ${queued[0]!.path} it took (script, env, image or another field)`,
      );
    }
    const { token, attempt } = record.claim;
    this.figures.claims++;
    const owner = this.tokens.get(token);
    if (owner !== undefined) {
      this.violation(commit.sha, w.id, 'claim', `claim token ${token} was already used by a claim of ${owner}`);
    }
    this.tokens.set(token, w.id);
    if (attempt <= task.maxAttempt) {
      this.violation(
        commit.sha,
        w.id,
        'attempt-order',
        `claimed as attempt ${attempt} after attempt ${task.maxAttempt}`,
      );
    }
    task.maxAttempt = Math.max(task.maxAttempt, attempt);
    const cancelled = this.cancelledAt.get(w.id);
    if (cancelled) {
      this.violation(
        commit.sha,
        w.id,
        'cancel',
        `claimed again (attempt ${attempt}) after the cancel request of commit ${cancelled.slice(0, 12)}: a cancel ends its task`,
      );
    }
    if (task.terminalAt) this.terminalAgain(commit, w.id, task, 'in_progress');
    this.sameHistory(commit, w.id, task, record.history);
    task.history = record.history;
  }

  private finished(commit: Commit, w: Written, gone: Map<Lifecycle, FileChange[]> | undefined): void {
    const task = this.task(w.id);
    this.figures.results++;
    if (task.terminalAt) this.terminalAgain(commit, w.id, task, w.state);
    task.terminalAt = commit.sha;
    const record = this.summaries.get(w.change.newSha);
    if (!record || record.status === undefined || record.attempt === undefined) {
      return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a result`);
    }
    this.checkSchema(commit, w, record);
    if ((record.status === 'success') !== (w.state === 'completed')) {
      this.violation(commit.sha, w.id, 'status-folder', `status ${record.status} in ${w.state}/`);
    }
    if (record.replicas && task.quorum > 1) this.quorumResult(commit, w, record, gone?.get('in_progress'));
    else if (record.claim) this.finishedClaim(commit, w, record, gone?.get('in_progress'));
    else this.rejected(commit, w, record, gone?.has('queue') ?? false);
    this.sameHistory(commit, w.id, task, record.history);
    task.history = record.history;
  }

  private finishedClaim(commit: Commit, w: Written, record: Summary, claims: FileChange[] | undefined): void {
    const { token, attempt } = record.claim!;
    if (this.tokens.get(token) !== w.id) {
      this.violation(commit.sha, w.id, 'fencing', `result of claim token ${token}, which no claim of this task held`);
    } else if (!claims?.some((c) => this.summaries.get(c.oldSha)?.claim?.token === token)) {
      this.violation(
        commit.sha,
        w.id,
        'fencing',
        `result of claim token ${token}, but this commit does not end an in_progress record holding it`,
      );
    }
    if (record.attempt !== attempt) {
      this.violation(commit.sha, w.id, 'attempt-order', `result says attempt ${record.attempt}, its claim ${attempt}`);
    }
    countRun(commit, record.claim!.node, record.status === 'success' ? 'completed' : 'failed');
    this.end(commit, w.id, token, 'finished');
    this.endedBy(commit, w.id, record.claim!.node);
  }

  private rejected(commit: Commit, w: Written, record: Summary, fromQueue: boolean): void {
    const used = record.history.filter((a) => a.status !== 'returned' && a.status !== 'node_error').length;
    const problems = [
      !fromQueue && 'this commit does not remove it from queue/',
      w.state !== 'failed' && `it is in ${w.state}/, not failed/`,
      !['error', 'failure', 'cancelled'].includes(record.status!) && `its status is ${record.status}`,
      record.exitCode !== null && `its exit code is ${record.exitCode}`,
      record.attempt !== used && `its attempt is ${record.attempt}, but ${used} attempt(s) were used`,
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0) {
      this.violation(commit.sha, w.id, 'unclaimed', `result without a claim, but ${problems.join('; ')}`);
    }
  }

  private checkSchema(commit: Commit, w: Written, record: Summary): void {
    const problem = record.schema.get(w.state);
    if (problem) this.violation(commit.sha, w.id, 'schema', `${w.change.path}: ${problem}`);
  }

  /** Heartbeats that landed before this commit by someone else are not dated beyond it by more than grace. */
  private heartbeatsBefore(commit: Commit): void {
    if (!this.clocked(commit)) return;
    for (const [nodeId, beat] of this.beats) {
      if (beat.checked || beat.committer === commit.committer) continue;
      beat.checked = true;
      // Commit dates count whole seconds.
      const aheadMs = beat.heartbeatMs - (commit.time + 999);
      if (aheadMs <= this.lease.grace_seconds * 1000) continue;
      this.violation(
        beat.commit,
        nodeId,
        'future-heartbeat',
        `node ${nodeId}'s heartbeat ${new Date(beat.heartbeatMs).toISOString()} is dated ${Math.round(aheadMs / 1000)} s ` +
          `after commit ${commit.sha.slice(0, 12)} by ${commit.committer}, which landed after it: its clock was ahead by more than lease.grace_seconds (${this.lease.grace_seconds})`,
      );
    }
  }

  /** Node files, cancel requests and the policy, after the commit's task records. */
  private othersOf(commit: Commit): void {
    for (const change of commit.others) {
      const cancelled = locateCancel(change.path);
      const nodeId = locateNode(change.path);
      if (cancelled !== undefined) {
        if (!change.deleted && !this.cancelledAt.has(cancelled)) this.cancelledAt.set(cancelled, commit.sha);
      } else if (nodeId !== undefined) {
        this.nodeWritten(commit, change);
        this.heartbeat(commit, nodeId, change);
      } else if (!change.deleted) {
        this.policy = this.policies.get(change.newSha) ?? this.policy;
        this.lease = this.policy.lease;
      }
    }
    if (!this.clocked(commit)) return;
    if (this.last?.committer !== commit.committer) this.lastOfOther = this.last;
    this.last = { committer: commit.committer, time: commit.time };
  }

  /** Nodes that pushed above their share of the branch's budget while it was over it. */
  private pushShares(pushes: Array<SeenPush & { sha: string }>, budgets: number[]): void {
    for (const found of overShare(pushes, this.nodeIds, (i) => budgets[i]!)) {
      this.violation(
        pushes[found.index]!.sha,
        nodePath(found.nodeId),
        'push-share',
        `${found.nodeId} pushed ${found.pushes} times in the minute to here, above its share of ${found.share.toFixed(1)}, ` +
          `while the branch took ${found.total} pushes, over its push_budget_per_minute`,
      );
    }
  }

  /** A node file's heartbeat, and where in the server's order it landed. */
  private heartbeat(commit: Commit, nodeId: string, change: FileChange): void {
    const heartbeat = change.deleted ? undefined : this.nodeSummaries.get(change.newSha)?.heartbeat;
    const heartbeatMs = Date.parse(heartbeat ?? '');
    if (commit.committer === nodeId) this.nodeIds.add(nodeId);
    if (Number.isNaN(heartbeatMs)) {
      this.beats.delete(nodeId);
      return;
    }
    const before = this.last?.committer !== nodeId ? this.last : this.lastOfOther;
    const landedAfterMs = commit.committer === nodeId ? before?.time : commit.time;
    this.beats.set(nodeId, {
      commit: commit.sha,
      committer: commit.committer,
      heartbeatMs,
      landedAfterMs,
      checked: false,
    });
  }

  /**
   * Whether a commit's date comes from a clock that checks itself against the server's: a node's or a
   * reaper's. A submitter's laptop may be off by any amount, and is no witness of the order's times.
   */
  private clocked(commit: Commit): boolean {
    return commit.committer.startsWith('dgrid-reaper-') || this.nodeIds.has(commit.committer);
  }

  /** A claim ended by someone other than its node: only once the node's heartbeat is at least one interval old. */
  private endedBy(commit: Commit, id: string, nodeId: string): void {
    if (commit.committer === nodeId) return;
    const beat = this.beats.get(nodeId);
    if (!beat) return;
    let untilMs = commit.time;
    for (let i = this.index + 1; i < this.commits.length && i <= this.index + 100; i++) {
      if (this.commits[i]!.committer === commit.committer || !this.clocked(this.commits[i]!)) continue;
      untilMs = Math.max(untilMs, this.commits[i]!.time);
      break;
    }
    const byDate = commit.time - beat.heartbeatMs;
    const byOrder = beat.landedAfterMs === undefined ? Infinity : untilMs + 999 - beat.landedAfterMs;
    const silentMs = Math.min(byDate, byOrder);
    const intervalMs = this.lease.heartbeat_seconds * 1000;
    if (silentMs >= intervalMs) return;
    this.violation(
      commit.sha,
      id,
      'fresh-reap',
      `its claim was ended by ${commit.committer} while node ${nodeId} was ${Math.max(0, Math.round(silentMs / 1000))} s silent ` +
        `(heartbeat ${new Date(beat.heartbeatMs).toISOString()} of commit ${beat.commit.slice(0, 12)}), under one heartbeat interval (${this.lease.heartbeat_seconds} s)`,
    );
  }

  private end(commit: Commit, id: string, token: string, how: string): void {
    const before = this.ended.get(token);
    if (before)
      this.violation(commit.sha, id, 'completed-twice', `claim token ${token} ${how}, but it was already ${before}`);
    else this.ended.set(token, how);
  }

  private terminalAgain(commit: Commit, id: string, task: TaskState, state: Lifecycle): void {
    this.violation(
      commit.sha,
      id,
      'terminal-twice',
      `written to ${state}/ after its terminal record of commit ${task.terminalAt!.slice(0, 12)}`,
    );
  }

  private sameHistory(commit: Commit, id: string, task: TaskState, history: AttemptEntry[]): void {
    const was = task.history.map((a) => a.token).join(',');
    if (history.map((a) => a.token).join(',') !== was) {
      this.violation(
        commit.sha,
        id,
        'history',
        `its history of ${history.length} attempt(s) differs from the one before`,
      );
    }
  }

  /** Invariant 1 after the commit, and whether a task that left every folder went to the archive. */
  private placed(commit: Commit, id: string, gone: Map<Lifecycle, FileChange[]> | undefined): void {
    const task = this.task(id);
    if (task.locations.size > 1 && !replicaLayout(task)) {
      if (!task.inTwoPlaces) {
        this.violation(commit.sha, id, 'one-place', `in ${[...task.locations].sort().join(' and ')}`);
      }
      task.inTwoPlaces = true;
      return;
    }
    task.inTwoPlaces = false;
    if (task.locations.size >= 1 || !gone) return;
    const results = [...(gone.get('completed') ?? []), ...(gone.get('failed') ?? [])];
    // A task queued again after its result is refused by removing it: the queued copy was the breach,
    // reported as terminal-twice when it came.
    const refusedCopy = task.terminalAt !== undefined && gone.size === 1 && gone.has('queue');
    if (refusedCopy) return;
    if (commit.archivedTo.length === 0 || results.length === 0) {
      const from = [...gone.values()].flat().map((c) => c.path);
      this.violation(commit.sha, id, 'lost', `removed from ${from.join(', ')} and written nowhere`);
      return;
    }
    for (const change of results) {
      const [, state, day, ...rest] = change.path.split('/');
      if (!DAY_FOLDER.test(day ?? '')) {
        this.violation(commit.sha, id, 'archive', `archived from ${change.path}, which is not in a day folder`);
        continue;
      }
      const target = `${archivedDayPath(state as Terminal, day!)}/${rest.join('/')}`;
      this.archived.push({ commit: commit.sha, task: id, sha: change.oldSha, target, archivedTo: commit.archivedTo });
      this.figures.archived++;
    }
  }

  /** Each archived result is in the commit its trailer names, and still at the archive branch's tip. */
  async checkArchive(archiveTip: string | null, branch: string): Promise<void> {
    if (this.archived.length === 0) return;
    if (archiveTip === null) {
      for (const a of this.archived) {
        this.failing.add(a);
        this.violation(a.commit, a.task, 'archive', `archived, but ${branch} does not exist`);
      }
      return;
    }
    // Each archive commit is read only where the results named it went (a day's folders), not whole: a year
    // of archiving names hundreds of commits, and the archive holds a million results.
    const folders = (files: readonly ArchivedFile[]) => [...new Set(files.map((a) => posix.dirname(a.target)))];
    const atTip = await this.blobsAt(archiveTip, folders(this.archived));
    const byCommit = new Map<string, ArchivedFile[]>();
    for (const a of this.archived) {
      for (const sha of a.archivedTo) {
        const files = byCommit.get(sha);
        if (files) files.push(a);
        else byCommit.set(sha, [a]);
      }
    }
    const named = new Map<string, Map<string, string> | null>();
    for (const [sha, files] of byCommit) {
      const reachable = await runGit(['merge-base', '--is-ancestor', sha, archiveTip], { cwd: this.dir });
      named.set(sha, reachable.exitCode === 0 ? await this.blobsAt(sha, folders(files)) : null);
    }
    for (const a of this.archived) {
      const holders = a.archivedTo.filter((sha) => named.get(sha)?.get(a.target) === a.sha);
      if (holders.length > 0 && atTip.get(a.target) === a.sha) continue;
      this.failing.add(a);
      if (holders.length === 0) {
        this.violation(
          a.commit,
          a.task,
          'archive',
          `Archived-To ${a.archivedTo.join(', ')}: no such commit of ${branch} holds ${a.target} as it was removed`,
        );
      } else if (atTip.get(a.target) !== a.sha) {
        this.violation(a.commit, a.task, 'archive', `${branch} no longer holds ${a.target} at its tip`);
      }
    }
  }

  /** The blob at each file under `paths` (files or folders) in `commit`. */
  private async blobsAt(commit: string, paths: string[]): Promise<Map<string, string>> {
    // Past a few thousand paths, the command line would be too long: the archive's results are listed whole.
    const named = paths.length > 2000 ? ['tasks/'] : paths;
    const out = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...named], {
      cwd: this.dir,
      timeoutMs: GIT_TIMEOUT_MS,
    });
    const blobs = new Map<string, string>();
    for (const record of out.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab > 0) blobs.set(record.slice(tab + 1), record.slice(0, tab).split(' ')[2]!);
    }
    return blobs;
  }
}

const SCHEMAS: Record<Lifecycle, Validator<unknown>> = {
  queue: queuedTaskValidator,
  in_progress: claimValidator,
  completed: resultValidator,
  failed: resultValidator,
};

/** The record with its keys sorted at every depth, so that equal records have equal digests. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A quorum task's place: its queued record, and beside it one replica claim per node. */
function replicaLayout(task: TaskState): boolean {
  if (task.quorum <= 1) return false;
  const paths = [...task.locations];
  const claims = paths.filter((p) => p.startsWith('tasks/in_progress/'));
  const nodes = new Set(claims.map((p) => p.split('/')[2]));
  return (
    paths.length - claims.length === 1 &&
    paths.some((p) => p.startsWith('tasks/queue/')) &&
    nodes.size === claims.length
  );
}

function countRun(commit: Commit, node: string, counter: 'completed' | 'failed'): void {
  commit.runs ??= new Map();
  const runs = commit.runs.get(node) ?? { completed: 0, failed: 0 };
  runs[counter]++;
  commit.runs.set(node, runs);
}

/** What the node rules read of a node file. */
interface NodeSummary {
  status: string;
  counters?: { completed: number; failed: number };
  /** The process that wrote it: its incarnation, or its start time in files older than incarnations. */
  incarnation?: string;
  tasks: string[];
  heartbeat?: string;
  reputation?: unknown;
}

function summarizeNode(blob: Buffer): NodeSummary | undefined {
  const value = jsonObject(blob);
  if (!value) return undefined;
  const incarnation = [value.incarnation, value.started_at].find((v): v is string => typeof v === 'string');
  const counters =
    typeof value.completed === 'number' && typeof value.failed === 'number'
      ? { counters: { completed: value.completed, failed: value.failed } }
      : {};
  return {
    status: String(value.status),
    ...counters,
    ...(incarnation === undefined ? {} : { incarnation }),
    tasks: Array.isArray(value.tasks) ? value.tasks.filter((t): t is string => typeof t === 'string') : [],
    ...(typeof value.last_heartbeat === 'string' ? { heartbeat: value.last_heartbeat } : {}),
    ...(value.reputation === undefined ? {} : { reputation: value.reputation }),
  };
}

/** The fields the rules read; undefined when the blob is not a JSON object. */
function summarize(blob: Buffer, states: ReadonlySet<Lifecycle>): Summary | undefined {
  const value = jsonObject(blob);
  if (!value) return undefined;
  const claim = isObject(value.claim) ? value.claim : undefined;
  const history = Array.isArray(value.attempts) ? value.attempts.filter(isObject) : [];
  // A checkpoint is the running attempt's, recorded as it goes: it is not part of what was submitted.
  const { claim: _claim, checkpoint: _checkpoint, ...task } = value;
  const digest = createHash('sha1').update(canonical(task)).digest('hex');
  const schema = new Map<Lifecycle, string>();
  for (const state of states) {
    // A copy: validation fills in defaults, and the record must stay as it was written.
    const [problem] = SCHEMAS[state].problems(structuredClone(value));
    if (problem) schema.set(state, `${problem.pointer || '/'}: ${problem.message}`);
  }
  return {
    task: digest,
    schema,
    ...(claim && typeof claim.token === 'string'
      ? { claim: { token: claim.token, attempt: Number(claim.attempt), node: String(claim.node_id) } }
      : {}),
    ...(typeof value.attempt === 'number' ? { attempt: value.attempt } : {}),
    ...(typeof value.quorum === 'number' ? { quorum: value.quorum } : {}),
    ...(Array.isArray(value.replicas) ? { replicas: value.replicas.filter(isObject) as unknown as Replica[] } : {}),
    result: value as unknown as NonNullable<Summary['result']>,
    ...(typeof value.status === 'string' ? { status: value.status } : {}),
    ...(value.exit_code === null || typeof value.exit_code === 'number' ? { exitCode: value.exit_code } : {}),
    history: history.map((a) => ({
      attempt: Number(a.attempt),
      token: String(a.claim_token),
      status: String(a.status),
    })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A commit of the history with its changes sorted as the replay reads them; others are not the grid's. */
function toCommit({ sha, time, committer, author, trailers, changes }: HistoryCommit): Commit {
  const commit: Commit = { sha, time, committer, author, archivedTo: trailers, changes: [], others: [], replicas: [] };
  for (const { path, status, oldSha, newSha, regularFile } of changes) {
    const change = { path, oldSha: oldSha!, newSha: newSha!, readable: regularFile!, deleted: status === 'D' };
    if (locate(path)) commit.changes.push(change);
    else if (locateReplica(path) !== undefined) commit.replicas.push(change);
    else if (locateNode(path) !== undefined || locateCancel(path) !== undefined || path === POLICY_FILE)
      commit.others.push(change);
  }
  return commit;
}
