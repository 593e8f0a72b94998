// The audit's rules for quorum tasks (audit.ts replays the history and calls these):
//   quorum      A quorum task's result lists its runs in `replicas`, and is either an agreement (at least
//               `quorum` valid runs on different nodes, all of one digest, the result's own) or a trusted
//               node's lone run accepted by another node (the node trusted by the reputations the history
//               gives at that commit), or a failure "no agreement" with no valid run.
//   reputation  A node file's `reputation` is the one the results so far give its node: a node cannot raise
//               its own, nor leave quarantine by writing its file.
import { runDigest } from '../protocol/quorum.js';
import { isTrusted, noReputation, reputationsAfter, shouldQuarantine } from '../protocol/reputation.js';
import type { Replica, Reputation, Result } from '../protocol/schemas.js';

export class QuorumAudit {
  private readonly reputations = new Map<string, Reputation>();
  /** The verdicts of the commit being replayed: they count from the next commit on (settle). */
  private readonly pending: Replica[][] = [];

  /**
   * The problems of a quorum task's result, judged by the reputations as of the commit's parent, which is
   * what the node that wrote it saw. Its verdicts count once the commit is replayed (settle).
   */
  result(
    record: Pick<Result, 'status' | 'exit_code' | 'stdout_sha256' | 'reason' | 'node_id'> & { replicas: Replica[] },
    quorum: number,
    trustAfter: number,
    committer: string,
  ): string[] {
    const problems: string[] = [];
    const { replicas } = record;
    const valid = replicas.filter((r) => r.verdict === 'valid');
    const digests = new Set(valid.map((r) => r.digest));
    const nodes = new Set(valid.map((r) => r.node_id));
    if (valid.length === 0) {
      if (record.status !== 'error' || !(record.reason ?? '').startsWith('no agreement')) {
        problems.push(`no run of ${replicas.length} is valid, but the result is not a failure "no agreement"`);
      }
    } else if (digests.size > 1 || runDigest(record) !== valid[0]!.digest) {
      problems.push('its valid runs differ in digest, or from the result it is');
    } else if (nodes.size !== valid.length) {
      problems.push('two of its valid runs are by one node');
    } else if (valid.length < quorum) {
      const lone = valid.length === 1 && replicas.length === 1 ? valid[0]! : undefined;
      const trusted = lone && isTrusted(this.reputationOf(lone.node_id), trustAfter);
      if (!lone || !trusted || committer === lone.node_id) {
        problems.push(
          `${valid.length} agreeing run(s) where its quorum is ${quorum}` +
            (lone ? `, accepted alone although node ${lone.node_id} was not trusted or accepted it itself` : ''),
        );
      }
    }
    this.pending.push(replicas);
    return problems;
  }

  /** The verdicts of the commit's results, in the order of their paths, as the writing node applies them. */
  settle(): void {
    for (const replicas of this.pending.splice(0)) {
      for (const [id, reputation] of reputationsAfter(replicas, (id) => this.reputationOf(id))) {
        this.reputations.set(id, reputation);
      }
    }
  }

  /** A problem with the reputation a node file states, or undefined when it is the history's. */
  nodeFile(nodeId: string, stated: unknown, status: string): string | undefined {
    const derived = this.reputationOf(nodeId);
    const same = stated === undefined ? sameAs(noReputation(), derived) : sameAs(stated, derived);
    if (!same) {
      return `${nodeId}'s file states reputation ${JSON.stringify(stated ?? null)}, but its results give ${JSON.stringify(derived)}`;
    }
    if (shouldQuarantine(derived) && status !== 'quarantined') {
      return `${nodeId} had ${derived.invalid} invalid runs, but its file says ${status}, not quarantined`;
    }
    return undefined;
  }

  /** The reputations so far, for an audit checkpoint. */
  entries(): IterableIterator<[string, Reputation]> {
    return this.reputations.entries();
  }

  /** A reputation from an audit checkpoint. */
  restore(nodeId: string, reputation: Reputation): void {
    this.reputations.set(nodeId, reputation);
  }

  private reputationOf(nodeId: string): Reputation {
    return this.reputations.get(nodeId) ?? noReputation();
  }
}

function sameAs(stated: unknown, derived: Reputation): boolean {
  if (typeof stated !== 'object' || stated === null) return false;
  const s = stated as Record<string, unknown>;
  return (Object.keys(derived) as (keyof Reputation)[]).every((k) => s[k] === derived[k]);
}
