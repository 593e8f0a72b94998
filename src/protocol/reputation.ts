// A node's reputation: the verdicts its quorum runs got, derived from the results (BOINC's adaptive
// replication). A node becomes trusted after `nodes.trust_after` valid runs in a row; a trusted node's runs
// are then checked at random, less often the longer its streak; an invalid run resets the streak, and the
// third quarantines the node for good. Pure functions: the node whose commit reaches an agreement applies them
// to the node files in that same commit, and the audit can replay them from the results.
import type { NodeRecord, Replica, Reputation, Verdict } from './schemas.js';

/** Invalid runs after which a node is quarantined: its claims are refused from then on. */
export const QUARANTINE_AFTER_INVALID = 3;
/** How likely a node just trusted is checked; it falls as trust_after / streak times this. */
export const FIRST_CHECK_PROBABILITY = 0.1;
/** However long its streak, a trusted node is still checked this often. */
export const MIN_CHECK_PROBABILITY = 0.02;

export const noReputation = (): Reputation => ({ valid: 0, invalid: 0, errors: 0, consecutive_valid: 0 });

export function reputationOf(node: Pick<NodeRecord, 'reputation'> | undefined): Reputation {
  return node?.reputation ?? noReputation();
}

/** One verdict applied: an invalid run resets the streak; an error (no result to judge) leaves it. */
export function applyVerdict(reputation: Reputation, verdict: Verdict): Reputation {
  switch (verdict) {
    case 'valid':
      return { ...reputation, valid: reputation.valid + 1, consecutive_valid: reputation.consecutive_valid + 1 };
    case 'invalid':
      return { ...reputation, invalid: reputation.invalid + 1, consecutive_valid: 0 };
    case 'error':
      return { ...reputation, errors: reputation.errors + 1 };
  }
}

/**
 * Whether a result's verdicts count toward reputation: only an agreement between nodes (two valid runs or
 * more) judges anyone. A trusted node's run accepted unchecked proves nothing, and runs that never agreed
 * (a task whose output differs from run to run) say nothing of who was honest: counting them would let a
 * submitter quarantine honest nodes with a script that prints the time.
 */
export function judgesNodes(replicas: readonly Replica[]): boolean {
  return replicas.filter((r) => r.verdict === 'valid').length >= 2;
}

/** The reputations after a final result's replicas, from those before; only the nodes the result judged. */
export function reputationsAfter(
  replicas: readonly Replica[],
  before: (nodeId: string) => Reputation,
): Map<string, Reputation> {
  const after = new Map<string, Reputation>();
  if (!judgesNodes(replicas)) return after;
  for (const replica of replicas) {
    const current = after.get(replica.node_id) ?? before(replica.node_id);
    // A quarantined node's runs count for nothing, also those recorded before it was quarantined.
    if (shouldQuarantine(current)) continue;
    after.set(replica.node_id, applyVerdict(current, replica.verdict));
  }
  return after;
}

/** The reputations a sequence of final results (in history order) gives, from none. */
export function deriveReputations(results: Iterable<{ replicas?: readonly Replica[] }>): Map<string, Reputation> {
  const reputations = new Map<string, Reputation>();
  for (const result of results) {
    const after = reputationsAfter(result.replicas ?? [], (id) => reputations.get(id) ?? noReputation());
    for (const [id, reputation] of after) reputations.set(id, reputation);
  }
  return reputations;
}

export function shouldQuarantine(reputation: Reputation): boolean {
  return reputation.invalid >= QUARANTINE_AFTER_INVALID;
}

/**
 * The one answer to "is this node quarantined?", for every reader: a quarantined node's claims and results
 * are refused, and it never leaves quarantine by its own writing (only a person removing its node file
 * and history judgement frees its id, see docs/security.md).
 */
export function isQuarantined(node: Pick<NodeRecord, 'status' | 'reputation'> | undefined): boolean {
  return node !== undefined && (node.status === 'quarantined' || shouldQuarantine(reputationOf(node)));
}

export function isTrusted(reputation: Reputation, trustAfter: number): boolean {
  return reputation.consecutive_valid >= trustAfter && !shouldQuarantine(reputation);
}

/**
 * How likely another node checks a run of this node: always (1) until it is trusted, then
 * FIRST_CHECK_PROBABILITY falling with its streak as trust_after / streak, never below MIN_CHECK_PROBABILITY.
 */
export function checkProbability(reputation: Reputation, trustAfter: number): number {
  if (!isTrusted(reputation, trustAfter)) return 1;
  const falling = (FIRST_CHECK_PROBABILITY * trustAfter) / reputation.consecutive_valid;
  return Math.max(MIN_CHECK_PROBABILITY, Math.min(FIRST_CHECK_PROBABILITY, falling));
}
