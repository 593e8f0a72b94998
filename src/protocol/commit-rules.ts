// What a commit may change, by the kind of its author: the rules every reader of a guarded grid (a policy with
// nodes.admitted or nodes.signed_commits) holds each new commit to. A commit that breaks them is void: readers
// ignore its effects, the next reaper restores what it changed, and its author is quarantined. Pure functions
// over one commit's changes; commit-check.ts reads them from git, works out who the author is and keeps the
// state between commits. The rules (docs/protocol.md, "Who may change what"):
//
//   node N     claims a queued task into tasks/in_progress/N/; ends a claim it holds, by a result of that claim
//              or by putting the task back in the queue with the attempt in its history; refuses a queued task
//              (a result in failed/ without claim and exit code, or only removing it when the task already has
//              a result, named in a "Refused:" line); moves a queued task unchanged into its queue folder
//              (the sharded queue); writes its own node file (with the admitted key, when the
//              policy admits it); removes cancel requests it has acted on. Nothing else: no other node's
//              claims, no results of claims it does not hold, no policy, no file outside tasks/ and nodes/.
//              A quorum task (quorum-rules.ts): N claims a replica beside the queued record, ends it with a run in
//              tasks/replicas/<id>/N.json, and concludes the task as judge() gives for the runs it removes,
//              writing other nodes' files only as reputationUpdates() gives.
//   reaper     (author dgrid-reaper-*) ends an orphaned claim: its node is quarantined, has no node file, or is
//              silent for at least a heartbeat interval by the commit's date, or its lease has run out; the
//              claim goes back to the queue, or to failed/ with no exit code. Marks nodes offline or
//              quarantined, dates a heartbeat from the future to its own time, removes long-silent node files,
//              archives results (with an Archived-To trailer), removes cancel requests, and restores exactly
//              what void commits changed (the reader's own record of it).
//   person     (anyone else: a merged pull request, `dgrid submit`, a maintainer) adds new task files to the
//              queue and new cancel requests, and changes what lies outside tasks/ and nodes/ (dgrid.json, docs,
//              workflows). Never a claim, a result or a node file.
import { locate, locateCancel, locateNode, locateReplica, POLICY_FILE, type Lifecycle } from './layout.js';
import { quorumOf, maxResultsOf } from './quorum.js';
import { expectedConclusion, expectedReputations, sameRecord } from './quorum-rules.js';
import type { NodeRecord, Policy } from './schemas.js';

export type Author =
  { kind: 'node'; node: string } | { kind: 'reaper'; name: string } | { kind: 'person'; name: string };

/** A record as a reader sees it: a JSON object, 'unreadable', or undefined when the path holds nothing. */
export type Rec = Record<string, unknown> | 'unreadable' | undefined;

/** One path a commit changes, from what readers held before it (void commits undone) to what it holds after. */
export interface PathChange {
  path: string;
  before: Rec;
  after: Rec;
  /** The blob ids before and after the commit; null when the path holds nothing. */
  beforeSha: string | null;
  afterSha: string | null;
}

export interface CommitInfo {
  author: Author;
  /** The commit date, ms. */
  time: number;
  message: string;
  /** Archive commits named by Archived-To trailers. */
  archivedTo: string[];
}

/** What the rules need to know beyond the commit. */
export interface RuleContext {
  quarantined: ReadonlySet<string>;
  /** Node files as readers hold them before the commit. */
  nodes: ReadonlyMap<string, Record<string, unknown>>;
  heartbeatSeconds: number;
  /** The key each admitted node must carry; empty for an open grid. */
  admitted: ReadonlyMap<string, string>;
  /** What void commits changed and no valid commit changed since: each path's content before them (null: none). */
  restorable: ReadonlyMap<string, string | null>;
  /** Whether a task has a result, as a "Refused:" line names it (the reader checked the path). */
  hasResult(taskId: string): boolean;
  /** The queued record of a task before the commit, for a replica claim beside it (quorum tasks). */
  queued?(taskId: string): Rec;
  /** The replica runs (tasks/replicas/<id>/*) before the commit, of a task whose runs it removes. */
  runsBefore?(taskId: string): string[];
  /** The policy in force, for a quorum task's quorum and max_results. */
  policy?: Policy;
}

/** Why a commit is void; empty when it keeps the rules. */
export function judgeCommit(commit: CommitInfo, changes: readonly PathChange[], ctx: RuleContext): string[] {
  const { author } = commit;
  const problems: string[] = [];
  if (author.kind === 'node' && ctx.quarantined.has(author.node)) {
    problems.push(`node ${author.node} is quarantined: every commit it makes is void`);
  }
  const byTask = new Map<string, { removed: Placed[]; written: Placed[] }>();
  for (const change of changes) {
    if (author.kind === 'reaper' && restores(change, ctx)) continue;
    const replica = locateReplica(change.path);
    const located = replica ? { state: 'replicas' as const, id: replica.taskId } : locate(change.path);
    if (located) {
      const group = byTask.get(located.id) ?? { removed: [], written: [] };
      if (change.before !== undefined && change.after === undefined) group.removed.push({ ...located, change });
      if (change.after !== undefined) group.written.push({ ...located, change });
      byTask.set(located.id, group);
      continue;
    }
    const problem = otherPath(commit, change, ctx);
    if (problem) problems.push(problem);
  }
  const concluded: { path: string; replicas: unknown }[] = [];
  for (const [id, group] of byTask) {
    const quorum = author.kind === 'node' ? quorumChange(author.node, group.removed, group.written, ctx) : undefined;
    if (quorum?.concludes) concluded.push(quorum.concludes);
    const problem = quorum ? quorum.problem : taskChange(commit, id, group.removed, group.written, ctx);
    if (problem) problems.push(`task ${id}: ${problem}`);
  }
  // Other nodes' files change only as the verdicts of the quorum tasks this commit concludes say.
  const verdicts = author.kind === 'node' ? expectedReputations(concluded, ctx.nodes as Map<string, NodeRecord>) : [];
  const judged = new Map(verdicts);
  for (const change of changes) {
    const nodeId = locateNode(change.path);
    if (author.kind !== 'node' || nodeId === undefined || nodeId === author.node) continue;
    const expected = judged.get(nodeId);
    const problem = `node ${author.node} changes ${change.path}`;
    if (!expected) problems.push(`${problem}: a node writes only its own node file`);
    else if (!sameRecord(change.after, expected)) {
      problems.push(`${problem}: not the reputation the verdicts of the tasks it concludes give`);
    }
  }
  return problems;
}

/**
 * The changes of a quorum task (docs/protocol.md, "Quorum tasks"): a replica claim beside the queued record, a
 * replica run ending the node's own claim, and the conclusion the pure functions of quorum.ts give for the
 * runs the commit removes. Undefined when the change is none of these (the ordinary rules judge it).
 */
function quorumChange(
  node: string,
  removed: Placed[],
  written: Placed[],
  ctx: RuleContext,
): { problem: string; concludes?: { path: string; replicas: unknown } } | undefined {
  const what = `node ${node} ${describe(removed, written)}`;
  const [to] = written;
  // A replica claim: the queued record stays, and the claim is of that very task.
  if (removed.length === 0 && written.length === 1 && to!.state === 'in_progress' && to!.change.before === undefined) {
    const queued = ctx.queued?.(to!.id);
    if (queued === undefined) return undefined;
    const claim = claimOf(to!.change.after);
    if (claim?.node !== node || folderNode(to!.change.path) !== node) {
      return { problem: `${what}: a node writes claims only in its own folder, naming itself` };
    }
    const { claim: _claim, ...task } = obj(to!.change.after) ?? {};
    return { problem: sameRecord(task, queued) ? '' : `${what}: a replica claim carries the queued task unchanged` };
  }
  // A replica run: it ends the node's own claim, as a result of that claim in tasks/replicas/<id>/<node>.json.
  if (to?.state === 'replicas') {
    const from = removed[0];
    const held = claimOf(from?.change.before);
    const ends =
      removed.length === 1 &&
      written.length === 1 &&
      from!.state === 'in_progress' &&
      folderNode(from!.change.path) === node &&
      held?.node === node &&
      locateReplica(to.change.path)?.nodeId === node &&
      claimOf(to.change.after)?.token === held.token;
    return { problem: ends ? '' : `${what}: a replica run ends a replica claim the node holds, as its result` };
  }
  const queue = removed.find((r) => r.state === 'queue');
  const result = written[0];
  const quorumTask = removed.some((r) => r.state === 'replicas') || (removed.length > 2 && queue !== undefined);
  if (!quorumTask || !queue || written.length !== 1 || (result!.state !== 'completed' && result!.state !== 'failed')) {
    return removed.some((r) => r.state === 'replicas')
      ? { problem: `${what}: replica runs leave only with the result that concludes their task` }
      : undefined;
  }
  // A refusal (a cancel) of the whole task, as the ordinary rules allow of any queued task: its claims and runs go.
  const refusal = obj(result!.change.after);
  if (result!.state === 'failed' && refusal?.claim === undefined && refusal?.exit_code === null && !refusal.replicas) {
    return { problem: '' };
  }
  // The conclusion judges every run the task has: none may stay behind.
  const left = (ctx.runsBefore?.(queue.id) ?? []).filter((path) => !removed.some((r) => r.change.path === path));
  if (left.length > 0) return { problem: `${what}: concludes without judging ${left.join(', ')}` };
  // The conclusion, recomputed from what the commit removes: the queued record, the runs, the claims.
  const task = obj(queue.change.before);
  const own = removed.find((r) => r.state === 'in_progress' && folderNode(r.change.path) === node);
  const runs = removed.filter((r) => r.state === 'replicas').map((r) => obj(r.change.before));
  if (!task || runs.some((r) => r === undefined)) return { problem: `${what}: an unreadable record of a quorum task` };
  const counts = (id: unknown) =>
    typeof id === 'string' && !ctx.quarantined.has(id) && ctx.nodes.get(id)?.status !== 'quarantined';
  const policy = ctx.policy ?? ({ default_quorum: 1 } as Policy);
  const problem = expectedConclusion({
    runs: runs.filter((r) => counts(r!.node_id)) as Record<string, unknown>[],
    own: own ? { node, token: claimOf(own.change.before)?.token } : undefined,
    result: obj(result!.change.after),
    state: result!.state,
    quorum: quorumOf(task, policy),
    maxResults: maxResultsOf(task, policy),
    concluder: node,
  });
  if (problem) return { problem: `${what}: ${problem}` };
  const strays = removed.filter(
    (r) => r.state === 'in_progress' && r !== own && claimOf(r.change.before) === undefined,
  );
  if (strays.length > 0) return { problem: `${what}: removes a record that is no claim` };
  return { problem: '', concludes: { path: result!.change.path, replicas: obj(result!.change.after)?.replicas } };
}

interface Placed {
  state: Lifecycle | 'replicas';
  id: string;
  change: PathChange;
}

const who = (author: Author) => (author.kind === 'node' ? `node ${author.node}` : `${author.kind} ${author.name}`);

/** A change of a restorable path to exactly what it held before the void commits. */
function restores(change: PathChange, ctx: RuleContext): boolean {
  return ctx.restorable.has(change.path) && ctx.restorable.get(change.path) === change.afterSha;
}

function obj(rec: unknown): Record<string, unknown> | undefined {
  return typeof rec === 'object' && rec !== null && !Array.isArray(rec) ? (rec as Record<string, unknown>) : undefined;
}

function claimOf(rec: Rec): { node?: unknown; token?: unknown; lease?: unknown } | undefined {
  const claim = obj(obj(rec)?.claim);
  return claim && { node: claim.node_id, token: claim.token, lease: claim.lease_until };
}

/** The claim token of the last attempt of a queued record's history. */
function lastToken(rec: Rec): unknown {
  const attempts = obj(rec)?.attempts;
  return Array.isArray(attempts) ? obj(attempts.at(-1))?.claim_token : undefined;
}

/** The node whose folder of in_progress/ a path is in. */
function folderNode(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 4 ? parts[2] : undefined;
}

function describe(removed: Placed[], written: Placed[]): string {
  const parts = [
    ...removed.map((p) => `removes ${p.change.path}`),
    ...written.map((p) => `${p.change.before === undefined ? 'writes' : 'rewrites'} ${p.change.path}`),
  ];
  return parts.join(', ');
}

function taskChange(commit: CommitInfo, id: string, removed: Placed[], written: Placed[], ctx: RuleContext): string {
  const { author } = commit;
  const what = describe(removed, written);
  if (author.kind === 'person') {
    const allowed = removed.length === 0 && written.every((w) => w.state === 'queue' && w.change.before === undefined);
    return allowed ? '' : `${who(author)} ${what}: a submission only adds new files to tasks/queue/`;
  }
  if (author.kind === 'reaper') return reaperTask(commit, id, removed, written, ctx, what);
  const node = author.node;
  const [from, to] = [removed[0], written[0]];
  if (removed.length > 1 || written.length > 1) return `node ${node} ${what}: one record of a task moves at a time`;
  if (to?.state === 'in_progress') {
    const claim = claimOf(to.change.after);
    const mine = claim?.node === node && folderNode(to.change.path) === node;
    if (!mine) return `node ${node} ${what}: a node writes claims only in its own folder, naming itself`;
    if (from?.state === 'queue') return '';
    // The same claim kept in place (its lease moved on): only the holder may.
    const before = claimOf(to.change.before);
    if (!from && before?.node === node && before.token === claim.token) return '';
    return `node ${node} ${what}: a claim takes a queued task`;
  }
  if (from?.state === 'in_progress') {
    const held = claimOf(from.change.before);
    if (held?.node !== node || folderNode(from.change.path) !== node) {
      return `node ${node} ${what}: that claim is held by ${String(held?.node ?? 'nobody')}, not by ${node}`;
    }
    if (!to) return `node ${node} ${what}: a claim ends with a result or back in the queue`;
    if (to.state === 'queue' && lastToken(to.change.after) === held.token) return '';
    if ((to.state === 'completed' || to.state === 'failed') && claimOf(to.change.after)?.token === held.token)
      return '';
    return `node ${node} ${what}: the record it writes does not end the claim it removes (token ${String(held.token)})`;
  }
  if (from?.state === 'queue' && !to && ctx.hasResult(id)) return '';
  // A queued task moved, unchanged, into its folder of the sharded queue.
  if (from?.state === 'queue' && to?.state === 'queue' && from.change.beforeSha === to.change.afterSha) return '';
  if (from?.state === 'queue' && to?.state === 'failed') {
    const result = obj(to.change.after);
    if (result && result.claim === undefined && result.exit_code === null) return '';
  }
  if (to && (to.state === 'completed' || to.state === 'failed')) {
    return `node ${node} ${what}: a result of a claim ${node} does not hold`;
  }
  return `node ${node} ${what}: not a change a node makes (claim, result, requeue or refusal of a queued task)`;
}

function reaperTask(
  commit: CommitInfo,
  id: string,
  removed: Placed[],
  written: Placed[],
  ctx: RuleContext,
  what: string,
): string {
  const name = who(commit.author);
  if (written.length === 0 && removed.every((r) => r.state === 'completed' || r.state === 'failed')) {
    return commit.archivedTo.length > 0 ? '' : `${name} ${what}: results leave the grid only to the archive`;
  }
  const [from, to] = [removed[0], written[0]];
  if (removed.length !== 1 || written.length !== 1 || from?.state !== 'in_progress') {
    return `${name} ${what}: a reaper only ends orphaned claims and archives results`;
  }
  const claim = claimOf(from.change.before);
  const ends =
    (to?.state === 'queue' && lastToken(to.change.after) === claim?.token) ||
    (to?.state === 'failed' && obj(to.change.after)?.exit_code === null);
  if (!ends) return `${name} ${what}: an orphaned claim goes back to the queue, or to failed/ without an exit code`;
  const orphaned = orphanedBy(commit.time, claim, ctx);
  return orphaned ? '' : `${name} ${what}: the claim of node ${String(claim?.node)} is not orphaned`;
}

/** The reaper's orphan rule, read leniently: any reaper setting (a shorter node timeout) stays within it. */
function orphanedBy(time: number, claim: ReturnType<typeof claimOf>, ctx: RuleContext): boolean {
  const node = typeof claim?.node === 'string' ? claim.node : undefined;
  if (node === undefined || ctx.quarantined.has(node)) return true;
  const lease = Date.parse(String(claim?.lease));
  if (!Number.isNaN(lease) && lease < time) return true;
  const record = ctx.nodes.get(node);
  if (!record || record.status === 'offline' || record.status === 'quarantined') return true;
  const heartbeat = Date.parse(String(record.last_heartbeat));
  // Commit dates count whole seconds.
  return Number.isNaN(heartbeat) || time + 999 - heartbeat >= ctx.heartbeatSeconds * 1000;
}

/** Node files, cancel requests, the policy and every other file. */
function otherPath(commit: CommitInfo, change: PathChange, ctx: RuleContext): string {
  const { author } = commit;
  const nodeId = locateNode(change.path);
  const cancelled = locateCancel(change.path);
  const inGrid = nodeId !== undefined || change.path.startsWith('tasks/') || change.path.startsWith('nodes/');
  const verb = change.after === undefined ? 'removes' : change.before === undefined ? 'writes' : 'changes';
  const what = `${who(author)} ${verb} ${change.path}`;
  if (author.kind === 'person') {
    if (cancelled !== undefined) return change.before === undefined ? '' : `${what}: a cancel request is only added`;
    return inGrid ? `${what}: only nodes and reapers write there` : '';
  }
  if (cancelled !== undefined) return change.after === undefined ? '' : `${what}: only a submission asks to cancel`;
  if (nodeId === undefined) {
    const where = change.path === POLICY_FILE ? 'the policy is the maintainers’' : 'only tasks/ and nodes/ are';
    return `${what}: ${where} to change`;
  }
  if (author.kind === 'reaper') return reaperNode(what, nodeId, change);
  // Other nodes' files: judged against the verdicts of the quorum tasks the commit concludes (judgeCommit).
  if (nodeId !== author.node) return '';
  const record = obj(change.after);
  if (!record || record.node_id !== nodeId) return `${what}: not a node record of ${nodeId}`;
  const key = ctx.admitted.get(nodeId);
  if (key !== undefined && record.public_key !== undefined && record.public_key !== key) {
    return `${what}: its public_key is not the one dgrid.json admits for ${nodeId}`;
  }
  if (record.status === 'quarantined' || obj(change.before)?.status === 'quarantined') {
    return `${what}: only a reaper changes a quarantine`;
  }
  return '';
}

/** A reaper marks a node offline or quarantined, moves its heartbeat to its own time, or removes it. */
function reaperNode(what: string, nodeId: string, change: PathChange): string {
  if (change.after === undefined) return '';
  const [before, after] = [obj(change.before), obj(change.after)];
  if (!before || !after) return `${what}: a reaper changes only node files that exist`;
  const rest = (r: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([k]) => !['status', 'tasks', 'last_heartbeat'].includes(k))
        .sort(),
    );
  const status = after.status === before.status || after.status === 'offline' || after.status === 'quarantined';
  return rest(before) === rest(after) && status && after.node_id === nodeId
    ? ''
    : `${what}: a reaper changes only a node's status, running tasks and heartbeat`;
}
