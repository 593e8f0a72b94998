// Facts derived from the grid state that more than one part of the dashboard needs.
import { isSilent } from '../protocol/transitions.js';
import type { NodeRecord, Policy, Priority, QueuedTask, Result } from '../protocol/schemas.js';
import { quorumOf } from '../protocol/quorum.js';
import { isTrusted, reputationOf } from '../protocol/reputation.js';
import type { DashboardInput } from './model.js';

export const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low'];

export function priorityOf(task: { priority?: Priority | undefined }): Priority {
  return task.priority ?? 'normal';
}

/**
 * What a node looks like from outside: a node that says it is online but is silent by the reaper's rule
 * (no heartbeat for longer than node timeout + grace) is "unresponsive": the reaper will mark it offline
 * and requeue its tasks.
 */
export type Liveness = 'online' | 'unresponsive' | 'draining' | 'offline' | 'quarantined';

export function liveness(node: NodeRecord, input: Pick<DashboardInput, 'policy' | 'generatedAt'>): Liveness {
  if (node.status !== 'online') return node.status;
  return isSilent(node, input.generatedAt, input.policy) ? 'unresponsive' : 'online';
}

export function onlineNodes(input: Pick<DashboardInput, 'nodes' | 'policy' | 'generatedAt'>): NodeRecord[] {
  return input.nodes.filter((node) => liveness(node, input) === 'online');
}

/**
 * How a quorum task's runs agreed, in words for the task list and page; undefined for an ordinary task.
 * A result lists its runs; a queued or running task says what it waits for.
 */
export function agreement(record: Partial<Result> & Pick<QueuedTask, 'quorum'>, policy: Policy): string | undefined {
  const quorum = quorumOf(record, policy);
  const replicas = record.replicas;
  if (!replicas) return quorum > 1 ? `quorum ${quorum}` : undefined;
  const valid = replicas.filter((r) => r.verdict === 'valid').length;
  if (valid === 0) return `no agreement in ${replicas.length} runs`;
  if (valid === 1 && replicas.length === 1 && quorum > 1) return 'trusted node, not checked';
  return `${valid} of ${replicas.length} runs agree`;
}

/** A node's reputation in words for the Nodes page: its verdicts, its streak, and whether it is trusted. */
export function reputationText(node: NodeRecord, policy: Policy): string {
  const r = reputationOf(node);
  if (r.valid + r.invalid + r.errors === 0) return '–';
  const trusted = isTrusted(r, policy.nodes.trust_after) ? ', trusted' : '';
  return `${r.valid} valid, ${r.invalid} invalid, ${r.errors} errors; streak ${r.consecutive_valid}${trusted}`;
}
