// What one sync round of a node does about quorum tasks. The worker loads a QuorumRound from the tip (the
// node files, and the claims and runs of the quorum tasks the round may touch); the planner (round-plan.ts)
// then asks it, without further reads, whether this node runs one more replica, accepts or concludes, and
// how its own finished replicas are recorded. The judging is quorum.ts's, the file changes replication.ts's.
import type { Change } from '../git/store.js';
import { claimNode, locateReplica } from '../protocol/layout.js';
import { maxResultsOf, quorumOf, quorumStep, runOf, type QuorumStep } from '../protocol/quorum.js';
import {
  claimReplica,
  concludeQuorum,
  judgeTip,
  nextReplicaAttempt,
  recordReplica,
  replicaLeftovers,
  returnReplica,
  reputationUpdates,
  type QuorumTip,
} from '../protocol/replication.js';
import { checkProbability, isQuarantined, reputationOf } from '../protocol/reputation.js';
import type { Claim, NodeRecord, Policy, QueuedTask, Replica, Result } from '../protocol/schemas.js';
import { claimValidator, queuedTaskValidator, resultValidator } from '../protocol/schema-validators.js';
import type { GridSnapshot, TaskFile } from '../protocol/snapshot.js';
import { nodeChange, rejectFile, type Execution } from '../protocol/transitions.js';

/** Whether a task is replicated: its quorum is above 1. */
export function isQuorumTask(task: QueuedTask, policy: Policy): boolean {
  return quorumOf(task, policy) > 1;
}

export type LoadedTip = QuorumTip & { claimAttempts: number[] };

export class QuorumRound {
  /** Node files at the tip: every decision of the round judges nodes as the tip does. */
  private readonly nodes: Map<string, NodeRecord>;
  /** The quorum tasks the round may touch, by task id, as the tip holds them. */
  private readonly tips = new Map<string, LoadedTip>();
  /** The final results this round writes, by path: their verdicts change reputations once the round is planned. */
  private readonly finals: { path: string; replicas: Replica[] }[] = [];
  private judged: Map<string, NodeRecord> | undefined;
  /** Per node, the tasks where its run waits beside another's (disputed()). */
  private pending: Map<string, string[]> | undefined;

  private constructor(
    private readonly snapshot: GridSnapshot,
    private readonly policy: Policy,
    private readonly nodeId: string,
    nodes: NodeRecord[],
  ) {
    this.nodes = new Map(nodes.map((n) => [n.node_id, n]));
  }

  /**
   * Reads what the round needs of the tip: the node files, and of each quorum task named (a queued one this
   * node may claim, by its record; one it holds a replica claim on, by that claim) its queue file, claims
   * and runs. A task no longer queued is left out: its claim is gone too, or it is an ordinary task.
   */
  static async load(
    snapshot: GridSnapshot,
    policy: Policy,
    nodeId: string,
    tasks: { queued?: QueuedTask; held?: Claim; id: string }[],
  ): Promise<QuorumRound> {
    const round = new QuorumRound(snapshot, policy, nodeId, await snapshot.nodes());
    for (const { id, queued, held } of tasks) {
      const file = snapshot.byId.get(id)?.find((f) => f.state === 'queue');
      if (!file || round.tips.has(id)) continue;
      round.tips.set(id, await round.tip(file, queued, held));
    }
    return round;
  }

  /** A quorum task the round loaded: queued at the tip, with its claims and runs. */
  tipOf(taskId: string): LoadedTip | undefined {
    return this.tips.get(taskId);
  }

  /** The claims and runs a queued quorum task leaves when it leaves the queue without a quorum (rejected). */
  leftovers(taskId: string): Change[] {
    const claims = (this.snapshot.byId.get(taskId) ?? []).filter((f) => f.state === 'in_progress');
    const runs = this.snapshot.replicas.get(taskId) ?? [];
    return [...claims.map((f) => f.entry.path), ...runs.map((e) => e.path)].map((path) => ({ path, delete: true }));
  }

  /** The queue file of a task, its replica claims and its finished runs at the tip. */
  private async tip(queueFile: TaskFile, known?: QueuedTask, fallback?: Claim): Promise<LoadedTip> {
    const task = known ?? (await this.queued(queueFile)) ?? withoutClaim(fallback!);
    const id = task.task_id;
    const claimFiles = (this.snapshot.byId.get(id) ?? []).filter((f) => f.state === 'in_progress');
    const claims = await this.snapshot.readJson(claimFiles);
    const runEntries = this.snapshot.replicas.get(id) ?? [];
    const blobs = await this.snapshot.store.read(runEntries.map((e) => e.sha));
    const runs: QuorumTip['runs'] = [];
    for (const entry of runEntries) {
      let value: unknown;
      try {
        value = JSON.parse(blobs.get(entry.sha)?.toString('utf8') ?? '');
      } catch {
        continue; // not a run: it stays out of the vote, and goes with the others at the conclusion
      }
      if (resultValidator.is(value) && value.task_id === id && entry.path.endsWith(`/${value.node_id}.json`)) {
        runs.push({ path: entry.path, result: value });
      }
    }
    runs.sort((a, b) => a.result.attempt - b.result.attempt);
    return {
      queueFile,
      task,
      claims: claimFiles.map((f) => ({ path: f.entry.path, nodeId: claimNode(f.entry.path) ?? '' })),
      runs,
      claimAttempts: [...claims.values()].filter((c) => claimValidator.is(c)).map((c) => (c as Claim).claim.attempt),
    };
  }

  /** The queue record of a task this node holds a replica claim on; the scan checked it when it was claimed. */
  private async queued(file: TaskFile): Promise<QueuedTask | undefined> {
    const value = (await this.snapshot.readJson([file])).get(file);
    return queuedTaskValidator.is(value) ? value : undefined;
  }

  /** A quarantined node's runs and claims count for nothing (reputation.ts isQuarantined). */
  private counts(nodeId: string): boolean {
    return !isQuarantined(this.nodes.get(nodeId));
  }

  /**
   * Who a node is for the rule "one replica per node": its public key where its node file has one, so
   * that one key under many node ids still runs one replica.
   */
  private identity(nodeId: string): string {
    const key = (this.nodes.get(nodeId) as { public_key?: unknown } | undefined)?.public_key;
    return typeof key === 'string' && key !== '' ? `key ${key}` : `node ${nodeId}`;
  }

  /** What this node does about a queued quorum task now. */
  step(tip: QuorumTip, roll: () => number = Math.random): QuorumStep {
    const runs = tip.runs.filter((r) => this.counts(r.result.node_id)).map((r) => runOf(r.result));
    const identified = runs.map((r) => ({ ...r, node_id: this.identity(r.node_id) }));
    const claimedBy = tip.claims.filter((c) => this.counts(c.nodeId)).map((c) => this.identity(c.nodeId));
    const trustAfter = this.policy.nodes.trust_after;
    const byIdentity = new Map(
      [...tip.runs.map((r) => r.result.node_id), ...tip.claims.map((c) => c.nodeId)].map((id) => [
        this.identity(id),
        id,
      ]),
    );
    return quorumStep(
      {
        quorum: quorumOf(tip.task, this.policy),
        maxResults: maxResultsOf(tip.task, this.policy),
        runs: identified,
        claimedBy,
        checkProbability: (who) => {
          const id = byIdentity.get(who) ?? '';
          return this.disputed(id, tip.task.task_id)
            ? 1
            : checkProbability(reputationOf(this.nodes.get(id)), trustAfter);
        },
      },
      this.identity(this.nodeId),
      roll,
    );
  }

  /**
   * Whether a node has a run awaiting judgement beside another node's run of a task other than `taskId`: a
   * disagreement, or an agreement not yet complete. A node's streak of valid runs counts the judgements made
   * so far, and a run it lied on stays unjudged while its task waits for more replicas: until those are in,
   * its streak says nothing, and its lone runs are checked. Without this, a node lying on every other run
   * was trusted after its streak of valid judgements while its lies still waited for theirs.
   */
  private disputed(nodeId: string, taskId: string): boolean {
    if (!this.pending) {
      this.pending = new Map();
      for (const [id, runs] of this.snapshot.replicas) {
        if (runs.length < 2) continue;
        for (const run of runs) {
          const node = locateReplica(run.path)!.nodeId;
          const tasks = this.pending.get(node);
          if (tasks) tasks.push(id);
          else this.pending.set(node, [id]);
        }
      }
    }
    return (this.pending.get(nodeId) ?? []).some((id) => id !== taskId);
  }

  /** A replica claim for this node. */
  claim(tip: LoadedTip, now: Date): { claim: Claim; path: string; changes: Change[] } {
    const attempt = nextReplicaAttempt(tip, tip.claimAttempts);
    return claimReplica(tip.queueFile, tip.task, this.nodeId, now, this.policy, attempt);
  }

  /** Concludes a task whose agreement was reached, accepted or is out of reach. */
  conclude(tip: QuorumTip, step: Exclude<QuorumStep, { step: 'claim' | 'wait' }>, now: Date): Change[] {
    const runs = tip.runs.filter((r) => this.counts(r.result.node_id)).map((r) => r.result);
    const judgement =
      step.step === 'conclude'
        ? step.judgement
        : { state: 'agreed' as const, digest: runOf(runs[0]!).digest!, winner: 0, verdicts: ['valid' as const] };
    return this.finalChanges(tip, runs, judgement, now);
  }

  /**
   * Records this node's finished replica: its run goes beside the others, and when it completes the
   * agreement (or puts it out of reach) the same commit writes the final result.
   */
  finish(tip: QuorumTip, claimPath: string, claim: Claim, run: Execution, now: Date): Change[] {
    const recorded = recordReplica(claimPath, claim, run);
    const others = tip.runs.filter((r) => r.result.node_id !== this.nodeId && this.counts(r.result.node_id));
    const runs = [...others.map((r) => r.result), recorded.result].sort((a, b) => a.attempt - b.attempt);
    const running = tip.claims.filter((c) => c.path !== claimPath && this.counts(c.nodeId)).length;
    const judgement = judgeTip(
      tip,
      runs,
      running,
      quorumOf(tip.task, this.policy),
      maxResultsOf(tip.task, this.policy),
    );
    if (!judgement) return recorded.changes;
    const rest = { ...tip, claims: tip.claims.filter((c) => c.path !== claimPath) };
    return [{ path: claimPath, delete: true }, ...this.finalChanges(rest, runs, judgement, now)];
  }

  /** A cancelled quorum task: failed as `cancelled`, its claims and runs gone with its queue file. */
  cancel(tip: QuorumTip, reason: string, now: Date): Change[] {
    return [...rejectFile(tip.queueFile, reason, this.nodeId, now, tip.task, 'cancelled'), ...replicaLeftovers(tip)];
  }

  /**
   * Ends this node's replica claim: a cancel ends the whole task, a hand-back returns the attempt to the
   * queue record's history (the task stays queued for another node), and a run is recorded (finish).
   */
  end(
    tip: QuorumTip,
    claimPath: string,
    claim: Claim,
    run: Execution,
    how: { cancelled: boolean; returned?: string | undefined },
    now: Date,
  ): Change[] {
    if (how.cancelled) return this.cancel(tip, run.reason ?? 'cancelled on request', now);
    if (how.returned !== undefined) return this.handBack(tip, claimPath, claim, 'returned', how.returned, now);
    return this.finish(tip, claimPath, claim, run, now);
  }

  /** A replica claim that never ran to a result: its attempt joins the queued record's history. */
  handBack(
    tip: QuorumTip,
    claimPath: string,
    claim: Claim,
    status: 'returned' | 'orphaned',
    reason: string,
    now: Date,
  ): Change[] {
    return returnReplica(tip.queueFile, tip.task, claimPath, claim, status, reason, now).changes;
  }

  private finalChanges(
    tip: QuorumTip,
    runs: readonly Result[],
    judgement: Parameters<typeof concludeQuorum>[2],
    now: Date,
  ): Change[] {
    const { result, changes } = concludeQuorum(tip, runs, judgement, this.nodeId, now, this.nodeId);
    this.finals.push({ path: changes.at(-1)!.path, replicas: result.replicas ?? [] });
    return changes;
  }

  /**
   * The node files this round's results change, its verdicts applied in the order of their paths: the order
   * in which the audit replays the records of one commit, as streaks depend on order.
   */
  private reputations(): Map<string, NodeRecord> {
    if (this.judged) return this.judged;
    const nodes = new Map(this.nodes);
    const judged = new Map<string, NodeRecord>();
    for (const final of [...this.finals].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      for (const [id, node] of reputationUpdates(final.replicas, nodes)) {
        nodes.set(id, node);
        judged.set(id, node);
      }
    }
    this.judged = judged;
    return judged;
  }

  /** This node's file as the round leaves it: its reputation and status are others' to change, never its own. */
  own(): NodeRecord | undefined {
    return this.reputations().get(this.nodeId) ?? this.nodes.get(this.nodeId);
  }

  /** The node files of other nodes this round's results judged. */
  nodeChanges(): Change[] {
    return [...this.reputations()].filter(([id]) => id !== this.nodeId).map(([, node]) => nodeChange(node));
  }

  /** Whether a node is quarantined at the tip. */
  quarantined(nodeId: string): boolean {
    return isQuarantined(this.nodes.get(nodeId));
  }
}

function withoutClaim(claim: Claim): QueuedTask {
  const { claim: _claim, ...task } = claim;
  return task;
}
