// The commit checker every reader of a guarded grid runs (a worker each round, a reaper each run, the dashboard
// and the audit over their history): it judges each new commit on the first-parent line by commit-rules.ts,
// after working out who made it (docs/security.md, "Who made a commit"), and keeps what readers need:
//   - the restorable record: each path a void commit changed, with what it held before, until a valid commit
//     changes it again. Readers see the grid with those paths set back (GridSnapshot's overlay); the reaper
//     commits them back, naming the void commits in Restores: trailers.
//   - the quarantined nodes: the author of a void commit, proven by its signature (or by its name on a grid
//     without signed commits), and every node whose file a reaper marked quarantined.
//   - the pinned keys: an admitted node's key from dgrid.json; on an open grid, the first key a node's file
//     carries in a commit signed with it, replaced only by a commit signed with the pinned key.
// It is memoized: each call reads only the commits since the last tip it checked, in one `git log` and one
// cat-file process. A grid that is not guarded costs nothing: no git process at all.
import { catFileBatch, git, runGit } from '../git/runner.js';
import { historyBatches, readHistory, type HistoryCommit, type HistoryOptions } from '../git/history.js';
import { signerOf, verifyCommit } from '../git/commit-signature.js';
import type { Signer } from '../git/ssh-signature.js';
import { NODES_DIR, POLICY_FILE, locate, locateNode, locateReplica, queuePath, queueShardPath } from './layout.js';
import { parsePolicy, readPolicy } from './policy.js';
import { jsonObject } from '../common/json-object.js';
import type { Policy } from './schemas.js';
import { judgeCommit, type Author, type PathChange, type Rec, type RuleContext } from './commit-rules.js';

const ZERO = /^0+$/;
/** What the checker reads of each commit: its blobs and who wrote it, with what message. */
const LOG_OPTIONS = (cwd: string): HistoryOptions => ({ cwd, timeoutMs: 30 * 60_000, blobs: true, details: true });
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The author name of a reaper's commits. */
export const REAPER_NAME = /^dgrid-reaper-[0-9a-f]+$/;
/** The author name of `dgrid init`, `submit` and `cancel`: a person's tool, never a node. */
const ADMIN_NAME = 'dgrid';

export interface VoidCommit {
  commit: string;
  author: Author;
  problems: string[];
}

/** Whether the policy asks readers to check commits: it admits nodes, or wants their commits signed. */
export function guarded(policy: Policy): boolean {
  return policy.nodes.signed_commits || policy.nodes.admitted.length > 0;
}

/** A commit of the first-parent line, as `git log --raw` gives it. */
interface LoggedCommit {
  sha: string;
  /** Its first parent; '' for a first commit, or one whose parents a shallow fetch cut off. */
  parent: string;
  authorName: string;
  authorEmail: string;
  time: number;
  body: string;
  changes: { path: string; oldSha: string | null; newSha: string | null }[];
}

interface Restorable {
  /** What the path held before the first void commit that changed it; null: nothing. */
  was: string | null;
  /** What it holds now, in git. */
  now: string | null;
}

export interface CheckOutcome {
  /** Commits judged by this call. */
  checked: number;
  /** Commits this call found void. */
  voided: VoidCommit[];
  /** The last tip is no ancestor the cache can reach (a shallow fetch, or never checked): checking began anew. */
  rebased: boolean;
}

/**
 * How many commits behind the tip a reader starting afresh (each reaper run, a worker's first round) checks. A
 * reaper runs more often than this many commits land, so a fresh reader sees every void commit a reaper has not
 * restored yet, and judges the restore as every other reader does.
 */
export const CHECKED_HISTORY = 200;

export class CommitChecker {
  tip: string | null = null;
  /** Void commits no reaper's commit has named in a Restores: trailer yet. */
  readonly voids = new Map<string, VoidCommit>();
  /** Quarantined nodes, each with the void commit (or reaper commit) that put it there. */
  readonly quarantined = new Map<string, string>();
  private readonly restorable = new Map<string, Restorable>();
  private readonly nodes = new Map<string, Record<string, unknown>>();
  private readonly keys = new Map<string, string>();
  private policy: Policy = parsePolicy(undefined);
  /** Keys parsed once: by node and key. */
  private readonly parsedKeys = new Map<string, Signer | undefined>();

  constructor(private readonly dir: string) {}

  /** Each path a void commit changed, with the blob readers see there instead (null: nothing). */
  get overlay(): Map<string, string | null> {
    return new Map([...this.restorable].map(([path, r]) => [path, r.was]));
  }

  /**
   * Checks every commit from the last tip checked (or from `base`, for a reader that starts afresh) to `tip`.
   * `policy` is the policy at `tip`: while neither it nor the policy checked so far is guarded, nothing is read.
   * Without a last tip, or when the cache cannot reach it (a shallow fetch), checking starts at `tip`, taking the
   * grid there as it is. Readers then obey the policy of the snapshot with `overlay` applied, not the tip's.
   */
  async check(tip: string, policy: Policy, base?: string): Promise<CheckOutcome> {
    const none = { checked: 0, voided: [], rebased: false };
    if (tip === this.tip) return none;
    // From a base, its policy counts too: a void commit may have turned the guard off at the tip.
    if (this.tip === null && base !== undefined) await this.start(base);
    if (!guarded(policy) && !guarded(this.policy) && this.restorable.size === 0) {
      // Nothing is checked, so nothing is known: once the grid is guarded, checking starts afresh.
      this.tip = null;
      this.policy = policy;
      return none;
    }
    // The commits since the last tip follow on from it, unless the cache cannot reach it (a shallow fetch).
    const commits = this.tip === null ? null : await this.log(`${this.tip}..${tip}`).catch(() => null);
    if (!commits || commits[0]?.parent !== this.tip) {
      await this.start(tip);
      return { ...none, rebased: true };
    }
    const voided = await this.judge(commits);
    this.tip = tip;
    return { checked: commits.length, voided, rebased: false };
  }

  /** Checks the whole first-parent history up to `tip`, from the grid's first commit (the audit). */
  async checkHistory(tip: string): Promise<VoidCommit[]> {
    // A grid that was never guarded has nothing to judge: only its policies are read to know that.
    const policies = await readHistory(tip, {
      cwd: this.dir,
      timeoutMs: 30 * 60_000,
      blobs: true,
      paths: [POLICY_FILE],
    });
    const versions = policies.flatMap((c) => c.changes.map((ch) => ch.newSha!)).filter((sha) => !ZERO.test(sha));
    const blobs = await catFileBatch(versions, { cwd: this.dir });
    if (![...blobs.values()].some((b) => guarded(readPolicy(b)))) {
      this.tip = tip;
      return [];
    }
    // In batches: a year of history is more than one read should hold. Judging is incremental, as check()'s.
    const voided: VoidCommit[] = [];
    let started = false;
    for await (const batch of historyBatches(tip, LOG_OPTIONS(this.dir))) {
      const commits = batch.map(logged);
      if (!started) {
        await this.start(commits.shift()!.sha);
        started = true;
      }
      voided.push(...(await this.judge(commits)));
    }
    this.tip = tip;
    return voided;
  }

  /**
   * What each judged commit did as readers see it, when set (the audit replays that): 'void', or the blob each
   * path it changed held before it (void commits undone), and the removals it implied.
   */
  effects: Map<string, 'void' | { before: Map<string, string | null>; implied: string[] }> | undefined;

  /** Takes the grid at `commit` as it is: its node files, their keys and quarantines, and its policy. */
  private async start(commit: string): Promise<void> {
    this.tip = commit;
    this.restorable.clear();
    this.voids.clear();
    this.quarantined.clear();
    this.nodes.clear();
    this.keys.clear();
    const listing = await git(['ls-tree', '-z', '--full-tree', commit, '--', `${NODES_DIR}/`, POLICY_FILE], {
      cwd: this.dir,
    });
    const entries = listing
      .split('\0')
      .filter(Boolean)
      .map((line) => ({ sha: line.split(/\s/)[2]!, path: line.slice(line.indexOf('\t') + 1) }));
    const blobs = await catFileBatch(
      entries.map((e) => e.sha),
      { cwd: this.dir },
    );
    const policyEntry = entries.find((e) => e.path === POLICY_FILE);
    this.policy = readPolicy(policyEntry && blobs.get(policyEntry.sha));
    for (const entry of entries) {
      const node = locateNode(entry.path);
      const record = node === undefined ? undefined : jsonObject(blobs.get(entry.sha));
      if (node === undefined || typeof record !== 'object') continue;
      this.nodes.set(node, record);
      if (typeof record.public_key === 'string') this.keys.set(node, record.public_key);
      if (record.status === 'quarantined') this.quarantined.set(node, commit);
    }
  }

  private async log(range: string): Promise<LoggedCommit[]> {
    return (await readHistory(range, LOG_OPTIONS(this.dir))).map(logged);
  }

  private async judge(commits: LoggedCommit[]): Promise<VoidCommit[]> {
    if (commits.length === 0) return [];
    // Every record the rules read, and every commit object when signatures count: one process for all.
    const wanted = new Set<string>();
    for (const commit of commits) {
      for (const change of commit.changes) {
        if (!readable(change.path)) continue;
        if (change.oldSha) wanted.add(change.oldSha);
        if (change.newSha) wanted.add(change.newSha);
      }
    }
    for (const r of this.restorable.values()) if (r.was) wanted.add(r.was);
    // The policy may turn signed_commits on within the range.
    const signed = this.policy.nodes.signed_commits || commits.some(touchesPolicy);
    const objects = await catFileBatch([...wanted, ...(signed ? commits.map((c) => c.sha) : [])], { cwd: this.dir });
    const refusals = await this.refusedResults(commits);
    const queued = await this.queuedBeside(commits);
    const runs = await this.replicaRuns(commits);
    const voided: VoidCommit[] = [];
    for (const commit of commits) {
      const found = this.judgeOne(commit, objects, objects.get(commit.sha), refusals, queued, runs);
      if (found) voided.push(found);
    }
    return voided;
  }

  /** The results "Refused:" lines name, and whether the commit before holds them. */
  private async refusedResults(commits: LoggedCommit[]): Promise<Set<string>> {
    const asked: string[] = [];
    for (const commit of commits) {
      for (const [, id, where] of commit.body.matchAll(/^Refused: (\S+) already has a result, (\S+)$/gm)) {
        // In the archive branch: the archive's own audit answers for it.
        if (where!.includes(':')) continue;
        asked.push(`${commit.sha}^:${where}\t${id}`);
      }
    }
    const found = new Set<string>();
    if (asked.length === 0) return found;
    const out = await runGit(['cat-file', '--batch-check=%(objectname)'], {
      cwd: this.dir,
      input: asked.map((a) => a.split('\t')[0]).join('\n') + '\n',
    });
    out.stdout
      .toString('utf8')
      .split('\n')
      .forEach((line, index) => {
        const [object, id] = asked[index]?.split('\t') ?? [];
        if (object && !line.endsWith('missing')) found.add(`${object.split('^')[0]} ${id}`);
      });
    return found;
  }

  /**
   * The queued record beside each claim a commit writes without taking the task from the queue (a replica
   * claim of a quorum task), as the commit's parent holds it, by `<commit> <task id>`.
   */
  private async queuedBeside(commits: LoggedCommit[]): Promise<Map<string, Buffer>> {
    const asked: { name: string; key: string }[] = [];
    for (const commit of commits) {
      if (!commit.parent) continue;
      const queueIds = new Set(
        commit.changes.filter((c) => locate(c.path)?.state === 'queue').map((c) => locate(c.path)!.id),
      );
      for (const change of commit.changes) {
        const located = locate(change.path);
        if (located?.state !== 'in_progress' || change.oldSha || !change.newSha || queueIds.has(located.id)) continue;
        for (const path of [queuePath(located.id), queueShardPath(located.id)]) {
          asked.push({ name: `${commit.sha}^:${path}`, key: `${commit.sha} ${located.id}` });
        }
      }
    }
    const found = new Map<string, Buffer>();
    if (asked.length === 0) return found;
    const out = await runGit(['cat-file', '--batch'], {
      cwd: this.dir,
      input: asked.map((a) => a.name).join('\n') + '\n',
    });
    let offset = 0;
    for (const { key } of asked) {
      const newline = out.stdout.indexOf(0x0a, offset);
      const header = out.stdout.subarray(offset, newline).toString('utf8').split(' ');
      if (header.at(-1) === 'missing' || header[1] !== 'blob') {
        offset = newline + 1;
        continue;
      }
      const size = Number(header[2]);
      found.set(key, out.stdout.subarray(newline + 1, newline + 1 + size));
      offset = newline + 1 + size + 1;
    }
    return found;
  }

  /** The replica runs the parent holds of each task whose runs a commit removes, by `<commit> <task id>`. */
  private async replicaRuns(commits: LoggedCommit[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const commit of commits) {
      const ids = new Set(commit.changes.filter((c) => !c.newSha).map((c) => locateReplica(c.path)?.taskId));
      for (const id of ids) {
        if (id === undefined || !commit.parent) continue;
        const out = await git(['ls-tree', '-r', '--name-only', commit.parent, '--', `tasks/replicas/${id}/`], {
          cwd: this.dir,
        });
        found.set(
          `${commit.sha} ${id}`,
          out.split('\n').filter((line) => line !== ''),
        );
      }
    }
    return found;
  }

  private judgeOne(
    commit: LoggedCommit,
    blobs: Map<string, Buffer>,
    object: Buffer | undefined,
    refusals: Set<string>,
    queued: Map<string, Buffer>,
    runs: Map<string, string[]>,
  ): VoidCommit | undefined {
    const read = (sha: string | null | undefined): Rec =>
      sha ? (jsonObject(blobs.get(sha)) ?? 'unreadable') : undefined;
    const changes: PathChange[] = [];
    const seen = new Set(commit.changes.map((c) => c.path));
    const writtenIds = new Set<string>();
    for (const change of commit.changes) {
      const restorable = this.restorable.get(change.path);
      const beforeSha = restorable ? restorable.was : change.oldSha;
      const afterSha = change.newSha;
      if (!readable(change.path)) {
        // A file the rules do not read: only whether it is there counts.
        const [before, after] = [beforeSha ? {} : undefined, afterSha ? {} : undefined];
        changes.push({ path: change.path, before, after, beforeSha, afterSha });
        continue;
      }
      changes.push({ path: change.path, before: read(beforeSha), after: read(afterSha), beforeSha, afterSha });
      const id = change.newSha ? locate(change.path)?.id : undefined;
      if (id !== undefined) writtenIds.add(id);
    }
    // A writer that saw a record a void commit removed, and moved it on, asked git to remove a path git no
    // longer had: the removal it meant is implied by the record it wrote.
    const implied: string[] = [];
    for (const [path, r] of this.restorable) {
      const id = locate(path)?.id;
      if (seen.has(path) || r.now !== null || r.was === null || id === undefined || !writtenIds.has(id)) continue;
      changes.push({ path, before: read(r.was), after: undefined, beforeSha: r.was, afterSha: null });
      implied.push(path);
    }
    // While the policy in force does not guard the grid, commits are taken as they are.
    const { author, problems } = guarded(this.policy)
      ? this.identify(commit, object, changes)
      : { author: { kind: 'person' as const, name: commit.authorName }, problems: [] };
    // Who made a commit that is not what it says is unknown: nobody is quarantined for it.
    const proven = problems.length === 0;
    if (proven && guarded(this.policy)) {
      problems.push(
        ...judgeCommit(
          { author, time: commit.time, message: commit.body, archivedTo: trailers(commit.body, 'Archived-To') },
          changes,
          this.context(commit, refusals, queued, runs),
        ),
      );
    }
    if (problems.length > 0) {
      this.effects?.set(commit.sha, 'void');
      return this.voided(commit, author, problems, proven);
    }
    this.effects?.set(commit.sha, { before: new Map(changes.map((c) => [c.path, c.beforeSha])), implied });
    this.accept(commit, author, changes, implied);
    const policy = commit.changes.find((c) => c.path === POLICY_FILE);
    if (policy) this.policy = readPolicy(policy.newSha ? blobs.get(policy.newSha) : undefined);
    return undefined;
  }

  /** Who made a commit (docs/security.md): a node by its key or its name, a reaper, or a person. */
  private identify(
    commit: LoggedCommit,
    object: Buffer | undefined,
    changes: PathChange[],
  ): { author: Author; problems: string[] } {
    const name = commit.authorName;
    const claimsNode =
      commit.authorEmail === `${name}@dgrid` && NODE_ID.test(name) && name !== ADMIN_NAME && !REAPER_NAME.test(name);
    const { admitted, signed_commits: signed } = this.policy.nodes;
    const admittedKeys = new Map(admitted.map((a) => [a.node_id, a.public_key]));
    const fallback: Author = REAPER_NAME.test(name)
      ? { kind: 'reaper', name }
      : claimsNode
        ? { kind: 'node', node: name }
        : { kind: 'person', name };
    if (!signed) {
      if (claimsNode && admitted.length > 0 && !admittedKeys.has(name)) {
        return { author: fallback, problems: [`node ${name} is not admitted by dgrid.json (nodes.admitted)`] };
      }
      return { author: fallback, problems: [] };
    }
    if (object) {
      const signers = this.signers(admittedKeys);
      const verdict = signers.length > 0 ? verifyCommit(object, signers) : undefined;
      // A node's key makes a commit the node's, whatever name it carries.
      if (verdict?.ok) return { author: { kind: 'node', node: verdict.principal }, problems: [] };
      if (!claimsNode) return { author: fallback, problems: [] };
      const pinned = admittedKeys.get(name) ?? this.keys.get(name);
      if (pinned === undefined && admitted.length === 0) {
        // A node seen for the first time: its key is the one its node file names, and the commit proves it holds it.
        const key = changes.find((c) => c.path === `${NODES_DIR}/${name}.json`);
        const offered = typeof key?.after === 'object' ? key.after.public_key : undefined;
        if (typeof offered === 'string' && safeVerify(object, name, offered)) {
          return { author: fallback, problems: [] };
        }
        return { author: fallback, problems: [`node ${name}'s commit is not signed with the key its node file names`] };
      }
      if (pinned === undefined) return { author: fallback, problems: [`node ${name} is not admitted by dgrid.json`] };
      return { author: fallback, problems: [`not signed with node ${name}'s key (nodes.signed_commits)`] };
    }
    return { author: fallback, problems: claimsNode ? ['the commit object could not be read'] : [] };
  }

  private signers(admitted: Map<string, string>): Signer[] {
    const keys = admitted.size > 0 ? admitted : this.keys;
    const signers: Signer[] = [];
    for (const [node, key] of keys) {
      const known = `${node} ${key}`;
      if (!this.parsedKeys.has(known)) this.parsedKeys.set(known, safeSigner(node, key));
      const signer = this.parsedKeys.get(known);
      if (signer) signers.push(signer);
    }
    return signers;
  }

  private context(
    commit: LoggedCommit,
    refusals: Set<string>,
    queued: Map<string, Buffer>,
    runs: Map<string, string[]>,
  ): RuleContext {
    return {
      quarantined: new Set(this.quarantined.keys()),
      nodes: this.nodes,
      heartbeatSeconds: this.policy.lease.heartbeat_seconds,
      admitted: new Map(this.policy.nodes.admitted.map((a) => [a.node_id, a.public_key])),
      restorable: this.overlay,
      hasResult: (id) => refusals.has(`${commit.sha} ${id}`),
      queued: (id) => {
        const blob = queued.get(`${commit.sha} ${id}`);
        return blob ? (jsonObject(blob) ?? 'unreadable') : undefined;
      },
      runsBefore: (id) => runs.get(`${commit.sha} ${id}`) ?? [],
      policy: this.policy,
    };
  }

  private voided(commit: LoggedCommit, author: Author, problems: string[], proven: boolean): VoidCommit {
    const found: VoidCommit = { commit: commit.sha, author, problems };
    this.voids.set(commit.sha, found);
    if (proven && author.kind === 'node' && !this.quarantined.has(author.node)) {
      this.quarantined.set(author.node, commit.sha);
    }
    for (const change of commit.changes) {
      const known = this.restorable.get(change.path);
      if (known) known.now = change.newSha;
      else this.restorable.set(change.path, { was: change.oldSha, now: change.newSha });
    }
    return found;
  }

  private accept(commit: LoggedCommit, author: Author, changes: PathChange[], implied: string[]): void {
    for (const path of [...commit.changes.map((c) => c.path), ...implied]) this.restorable.delete(path);
    // A void commit stays on the list until a reaper's restoring commit names it, even when valid commits
    // have since moved on every path it changed: the history says who put things right.
    if (author.kind === 'reaper') for (const sha of trailers(commit.body, 'Restores')) this.voids.delete(sha);
    for (const change of changes) {
      const node = locateNode(change.path);
      if (node !== undefined) {
        if (typeof change.after === 'object') {
          this.nodes.set(node, change.after);
          if (change.after.status === 'quarantined' && !this.quarantined.has(node))
            this.quarantined.set(node, commit.sha);
          // The key a node's own commit names is pinned: first seen, or replaced by a commit the old key signed.
          const key = change.after.public_key;
          if (author.kind === 'node' && author.node === node && typeof key === 'string') this.keys.set(node, key);
        } else this.nodes.delete(node);
      }
    }
  }
}

/** The signer of a node's key; undefined when the key does not parse (it verifies nothing, the schema says why). */
function safeSigner(node: string, key: string): Signer | undefined {
  try {
    return signerOf(node, key, `${NODES_DIR}/${node}.json`);
  } catch {
    return undefined;
  }
}

function safeVerify(object: Buffer, node: string, key: string): boolean {
  const signer = safeSigner(node, key);
  return signer !== undefined && verifyCommit(object, [signer]).ok;
}

/** The files whose content the rules read. */
function logged(c: HistoryCommit): LoggedCommit {
  const none = (sha: string | undefined) => (sha === undefined || ZERO.test(sha) ? null : sha);
  return {
    sha: c.sha,
    parent: c.parent ?? '',
    authorName: c.author,
    authorEmail: c.authorEmail ?? '',
    time: c.time,
    body: c.body ?? '',
    changes: c.changes.map((ch) => ({ path: ch.path, oldSha: none(ch.oldSha), newSha: none(ch.newSha) })),
  };
}

function readable(path: string): boolean {
  return (
    locate(path) !== undefined ||
    locateReplica(path) !== undefined ||
    locateNode(path) !== undefined ||
    path === POLICY_FILE
  );
}

function touchesPolicy(commit: LoggedCommit): boolean {
  return commit.changes.some((c) => c.path === POLICY_FILE);
}

function trailers(body: string, key: string): string[] {
  return [...body.matchAll(new RegExp(`^${key}: (\\S+)$`, 'gm'))].map((m) => m[1]!);
}
