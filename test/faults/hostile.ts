// A hostile node: it holds a push token and its own signing key, joins like any node, and then commits what no
// node may. Each misdeed is a named function from the grid as the node sees it to the changes of one commit, so
// a new one is one more entry in MISDEEDS. Every commit carries the node's heartbeat, as an honest one would.
import { randomUUID } from 'node:crypto';
import { POLICY_FILE } from '../../src/protocol/layout.js';
import type { Change, GridStore } from '../../src/git/store.js';
import { GridSnapshot, type TaskFile } from '../../src/protocol/snapshot.js';
import type { Claim, NodeRecord, QueuedTask } from '../../src/protocol/schemas.js';
import { claimTask, finishClaim, nodeChange, serialize, type Execution } from '../../src/protocol/transitions.js';
import { emptyStream } from '../../src/protocol/transitions.js';
import { iso } from '../../src/common/time.js';
import { VERSION } from '../../src/protocol/version.js';

export interface HostileView {
  snapshot: GridSnapshot;
  nodeId: string;
  now: Date;
}

/** What a misdeed did: the commit's changes and which task (or file) it hit. */
export interface Deed {
  changes: Change[];
  target: string;
}

type Misdeed = (view: HostileView) => Promise<Deed | undefined>;

async function first<T>(
  snapshot: GridSnapshot,
  files: TaskFile[],
  pick: (value: T) => boolean,
): Promise<[TaskFile, T] | undefined> {
  for (const [file, value] of await snapshot.readJson(files)) if (value && pick(value as T)) return [file, value as T];
  return undefined;
}

export const MISDEEDS = {
  /** A successful result for a queued task it never claimed, under a claim it makes up. */
  async 'forge-result'({ snapshot, nodeId, now }: HostileView): Promise<Deed | undefined> {
    const found = await first<QueuedTask>(snapshot, snapshot.of('queue'), () => true);
    if (!found) return undefined;
    const [file, task] = found;
    const { claim } = claimTask(file, task, nodeId, now, await snapshot.policy());
    const text = 'forged\n';
    const run: Execution = {
      status: 'success',
      exitCode: 0,
      stdout: { ...emptyStream(), text, bytes: text.length },
      stderr: emptyStream(),
      startedAt: now,
      finishedAt: now,
    };
    const { changes } = finishClaim(file.entry.path, claim, run);
    return { changes: [{ path: file.entry.path, delete: true }, changes[1]!], target: file.id };
  },

  /** Another node's claim, rewritten in place to name this node under a new token. */
  async 'rewrite-claim'({ snapshot, nodeId }: HostileView): Promise<Deed | undefined> {
    const found = await first<Claim>(snapshot, snapshot.of('in_progress'), (c) => c.claim?.node_id !== nodeId);
    if (!found) return undefined;
    const [file, claim] = found;
    const rewritten: Claim = { ...claim, claim: { ...claim.claim, node_id: nodeId, token: randomUUID() } };
    return { changes: [{ path: file.entry.path, content: serialize(rewritten) }], target: file.id };
  },

  /** A queued task, gone. */
  async 'delete-queued'({ snapshot }: HostileView): Promise<Deed | undefined> {
    const file = snapshot.of('queue').at(-1);
    return file && { changes: [{ path: file.entry.path, delete: true }], target: file.id };
  },

  /** The policy, rewritten to stop asking for signed commits. */
  async 'edit-policy'({ snapshot }: HostileView): Promise<Deed | undefined> {
    const policy = await snapshot.policy();
    const edited = { ...policy, nodes: { ...policy.nodes, signed_commits: false }, max_timeout_seconds: 86_400 };
    return { changes: [{ path: POLICY_FILE, content: serialize(edited) }], target: POLICY_FILE };
  },
} satisfies Record<string, Misdeed>;

export type MisdeedName = keyof typeof MISDEEDS;

/** A misdeed that landed: the commit and what it hit. */
export interface Committed {
  misdeed: MisdeedName;
  commit: string;
  target: string;
}

export class HostileNode {
  private readonly startedAt = new Date();
  /**
   * Every misdeed commit it pushed: a push that reported an error (a server outage mid-push) may still have
   * landed, unrecorded as a fault, and the checker finds those in the history.
   */
  readonly attempted: string[] = [];

  /** `store` signs with the node's key; `publicKey` is its public half, named in its node file. */
  constructor(
    readonly nodeId: string,
    private readonly store: GridStore,
    private readonly publicKey: string,
  ) {}

  /** Joins as an honest node would: its node file, with its key, in a commit signed by it. */
  async join(): Promise<string> {
    const tip = await this.store.fetch();
    const commit = await this.store.commit(
      tip,
      [nodeChange(this.record(new Date()))],
      `dgrid: ${this.nodeId}: heartbeat\n`,
      this.nodeId,
    );
    if ((await this.store.push(commit)) !== 'pushed') throw new Error('the hostile node lost a race to join');
    return commit;
  }

  /** Commits one misdeed on the tip; undefined when the grid holds nothing it could hit (or it lost the race). */
  async commit(misdeed: MisdeedName): Promise<Committed | undefined> {
    const tip = await this.store.fetch();
    const snapshot = await GridSnapshot.load(this.store, tip, { states: ['queue', 'in_progress'] });
    const now = new Date();
    const deed = await MISDEEDS[misdeed]({ snapshot, nodeId: this.nodeId, now });
    if (!deed) return undefined;
    const changes = [...deed.changes, nodeChange(this.record(now))];
    const commit = await this.store.commit(tip, changes, `dgrid: ${this.nodeId}: finish 1\n`, this.nodeId);
    this.attempted.push(commit);
    if ((await this.store.push(commit)) !== 'pushed') return undefined;
    return { misdeed, commit, target: deed.target };
  }

  private record(now: Date): NodeRecord {
    return {
      node_id: this.nodeId,
      labels: [],
      slots: 1,
      version: VERSION,
      started_at: iso(this.startedAt),
      last_heartbeat: iso(now),
      status: 'online',
      tasks: [],
      completed: 0,
      failed: 0,
      public_key: this.publicKey,
    };
  }
}
