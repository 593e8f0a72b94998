// What the commit rules (commit-rules.ts) expect of a commit that concludes a quorum task, recomputed with the
// pure functions of quorum.ts and replication.ts from the records the commit removes: a reader never takes the
// concluding node's word for the verdicts, the result or the reputations they give.
import { judge, replicasOf, runDigest, runOf, type Run } from './quorum.js';
import { reputationUpdates } from './replication.js';
import type { NodeRecord, Replica, Result } from './schemas.js';

/** Two records hold the same JSON, whatever the order of their keys. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export interface Conclusion {
  /** The replica runs the commit removes (of nodes not quarantined). */
  runs: Record<string, unknown>[];
  /** The concluding node's own replica claim the commit removes, if any: its run is in the result. */
  own: { node: string; token: unknown } | undefined;
  result: Record<string, unknown> | undefined;
  state: 'completed' | 'failed';
  quorum: number;
  maxResults: number;
  concluder: string;
}

/** Why a concluding commit is not what judge() gives for its runs; empty when it is. */
export function expectedConclusion(c: Conclusion): string {
  const { result } = c;
  if (!result || !Array.isArray(result.replicas)) return 'the result of a quorum task lists its replicas';
  const runs: Run[] = c.runs.map((r) => runOf(r as unknown as Result));
  if (c.own) {
    const token = (result.claim as { token?: unknown } | undefined)?.token;
    const listed = (result.replicas as Replica[]).find((r) => r.node_id === c.own!.node);
    if (token === c.own.token) runs.push(runOf(result as unknown as Result));
    else if (listed)
      runs.push({
        node_id: listed.node_id,
        attempt: listed.attempt,
        exit_code: listed.exit_code,
        digest: listed.digest,
      });
    else return `the result does not list the run of ${c.own.node}'s claim it ends`;
  }
  runs.sort((a, b) => a.attempt - b.attempt);
  // A trusted node's lone run, accepted by another node (quorumStep's 'accept').
  const accepted = !c.own && runs.length === 1 && runs[0]!.node_id !== c.concluder && runs[0]!.digest !== null;
  const judgement = accepted
    ? { state: 'agreed' as const, digest: runs[0]!.digest!, winner: 0, verdicts: ['valid' as const] }
    : judge(runs, 0, c.quorum, c.maxResults);
  if (judgement.state === 'pending') return `its ${runs.length} run(s) do not conclude the task yet`;
  if (!sameRecord(result.replicas, replicasOf(runs, judgement.verdicts))) {
    return 'its replicas are not the verdicts judge() gives for the runs';
  }
  const success = result.status === 'success';
  if (c.state !== (success ? 'completed' : 'failed'))
    return `a result of status ${String(result.status)} in ${c.state}/`;
  if (judgement.state === 'agreed') {
    return runDigest(result as unknown as Result) === judgement.digest ? '' : 'its result is not the agreed run';
  }
  return result.status === 'error' && result.exit_code === null ? '' : 'a task without agreement fails as error';
}

/** The node files the concluded results change, their verdicts applied in the order of their paths. */
export function expectedReputations(
  concluded: readonly { path: string; replicas: unknown }[],
  before: ReadonlyMap<string, NodeRecord>,
): Map<string, NodeRecord> {
  const nodes = new Map(before);
  const judged = new Map<string, NodeRecord>();
  for (const final of [...concluded].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const [id, node] of reputationUpdates(final.replicas as Replica[], nodes)) {
      nodes.set(id, node);
      judged.set(id, node);
    }
  }
  return judged;
}
