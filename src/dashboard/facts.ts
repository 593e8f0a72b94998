// Facts derived from the grid state that more than one part of the dashboard needs.
import { isSilent } from '../protocol/transitions.js';
import type { NodeRecord, Priority } from '../protocol/schemas.js';
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
