// Quorum: a task with `quorum` N runs on N different nodes, and becomes a result once N of their runs agree
// (BOINC's min_quorum). Pure functions over what the tip holds; the worker and the reaper apply them.
//
// Two runs agree when their digests match: the exit code plus the sha256 of stdout and of each output file.
// A run that produced nothing to compare (an error, a timeout) has no digest and votes for nothing.
import { createHash } from 'node:crypto';
import type { Policy, QueuedTask, Replica, Result, Verdict } from './schemas.js';

/** The agreeing results a task needs; 1 is an ordinary task. */
export function quorumOf(task: Pick<QueuedTask, 'quorum'>, policy: Policy): number {
  return task.quorum ?? policy.default_quorum;
}

/** The runs a quorum task may use before it fails for lack of agreement. */
export function maxResultsOf(task: Pick<QueuedTask, 'quorum' | 'max_results'>, policy: Policy): number {
  const quorum = quorumOf(task, policy);
  return Math.max(quorum, task.max_results ?? quorum + 2);
}

/** An output file as the result lists it (engineer outputs' `outputs: [{name, bytes, sha256, url}]`). */
interface OutputFile {
  name: string;
  sha256: string;
}

/** What agreement compares of a run; null when the run has nothing to compare (error, timeout, cancelled). */
export function runDigest(result: Pick<Result, 'status' | 'exit_code' | 'stdout_sha256'>): string | null {
  if (result.status !== 'success' && result.status !== 'failure') return null;
  const outputs = outputFiles(result)
    .map((o) => `output ${JSON.stringify(o.name)} ${o.sha256}\n`)
    .sort();
  const text = `exit ${result.exit_code}\nstdout ${result.stdout_sha256}\n${outputs.join('')}`;
  return createHash('sha256').update(text).digest('hex');
}

function outputFiles(result: object): OutputFile[] {
  const outputs = (result as { outputs?: unknown }).outputs;
  if (!Array.isArray(outputs)) return [];
  return outputs.filter(
    (o): o is OutputFile =>
      typeof o === 'object' && o !== null && typeof o.name === 'string' && typeof o.sha256 === 'string',
  );
}

/** One finished run of a quorum task, as the judge sees it. */
export interface Run {
  node_id: string;
  attempt: number;
  exit_code: number | null;
  digest: string | null;
}

export function runOf(result: Result): Run {
  return { node_id: result.node_id, attempt: result.attempt, exit_code: result.exit_code, digest: runDigest(result) };
}

export type Judgement =
  /** `quorum` runs agree: the first of them (`winner`, an index into the runs) becomes the result. */
  | { state: 'agreed'; digest: string; winner: number; verdicts: Verdict[] }
  /** Agreement can no longer be reached within max_results: the task fails as `error`. */
  | { state: 'no-agreement'; verdicts: Verdict[]; reason: string }
  /** Undecided: `wanted` more runs may start now beside those running. */
  | { state: 'pending'; wanted: number };

/**
 * Judges the finished runs of a task, with `running` more under way. Agreement is the first digest that
 * `quorum` runs share; the runs that agree are valid, the others that produced a digest invalid, and the
 * rest error. Undecided, as many more runs may start as could still complete the largest group, within
 * max_results counting those running.
 */
export function judge(runs: readonly Run[], running: number, quorum: number, maxResults: number): Judgement {
  const groups = new Map<string, number[]>();
  runs.forEach((run, index) => {
    if (run.digest === null) return;
    const group = groups.get(run.digest);
    if (group) group.push(index);
    else groups.set(run.digest, [index]);
  });
  for (const [digest, members] of groups) {
    if (members.length < quorum) continue;
    const verdicts = runs.map((run): Verdict =>
      run.digest === null ? 'error' : run.digest === digest ? 'valid' : 'invalid',
    );
    return { state: 'agreed', digest, winner: members[0]!, verdicts };
  }
  const largest = Math.max(0, ...[...groups.values()].map((g) => g.length));
  const left = maxResults - runs.length;
  if (largest + left < quorum) {
    const digests = groups.size;
    return {
      state: 'no-agreement',
      verdicts: runs.map((run): Verdict => (run.digest === null ? 'error' : 'invalid')),
      reason:
        `no agreement: ${runs.length} runs of at most ${maxResults} (max_results), ${digests} different ` +
        `result(s), at most ${largest} agreeing where ${quorum} (quorum) must`,
    };
  }
  return { state: 'pending', wanted: Math.max(0, Math.min(quorum - largest, left) - running) };
}

/** The replicas a final result lists: every run with its verdict. */
export function replicasOf(runs: readonly Run[], verdicts: readonly Verdict[]): Replica[] {
  return runs.map((run, index) => ({
    node_id: run.node_id,
    attempt: run.attempt,
    exit_code: run.exit_code,
    digest: run.digest,
    verdict: verdicts[index]!,
  }));
}

/** What a node may do about a quorum task it sees in the queue. */
export type QuorumStep =
  /** Run one more replica. */
  | { step: 'claim' }
  /** Accept the lone run of a trusted node unchecked: it becomes the result with no further run. */
  | { step: 'accept' }
  /** Agreement was reached, or can no longer be: write the final result from the runs. */
  | { step: 'conclude'; judgement: Exclude<Judgement, { state: 'pending' }> }
  /** Nothing for this node: it ran or runs a replica already, or enough replicas run. */
  | { step: 'wait' };

export interface QuorumView {
  quorum: number;
  maxResults: number;
  /** The finished runs (replica results at the tip). */
  runs: readonly Run[];
  /** The nodes holding a replica claim at the tip. */
  claimedBy: readonly string[];
  /** How likely a run of this node is checked by another (reputation.ts); 1 for a node not trusted. */
  checkProbability: (nodeId: string) => number;
}

/**
 * Adaptive replication (BOINC's): a task first goes to one node. When that node is trusted, its lone
 * run is checked by a second only at random (with `checkProbability`), and otherwise accepted; a run of a
 * node not trusted is always replicated. The roll is another node's, never the runner's own, so a node
 * cannot choose which of its results go unchecked. `roll` is uniform in [0, 1).
 */
export function quorumStep(view: QuorumView, nodeId: string, roll: () => number): QuorumStep {
  const { runs, claimedBy, quorum, maxResults } = view;
  const judgement = judge(runs, claimedBy.length, quorum, maxResults);
  if (judgement.state !== 'pending') return { step: 'conclude', judgement };
  // One replica per node: a node that ran or runs one adds no independent evidence.
  if (claimedBy.includes(nodeId) || runs.some((r) => r.node_id === nodeId)) return { step: 'wait' };
  if (quorum > 1 && runs.length + claimedBy.length === 1) {
    const first = runs[0]?.node_id ?? claimedBy[0]!;
    const p = view.checkProbability(first);
    if (p < 1) {
      // A trusted node's lone claim runs alone; once it ran, another node decides whether to check it.
      if (runs.length === 0) return { step: 'wait' };
      if (runs[0]!.digest !== null) return roll() < p ? { step: 'claim' } : { step: 'accept' };
    }
  }
  return judgement.wanted > 0 ? { step: 'claim' } : { step: 'wait' };
}
