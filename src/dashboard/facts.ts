// Facts derived from the grid state that more than one part of the dashboard needs.
import { isSilent } from '../core/lifecycle.js';
import type { NodeRecord, Priority, QueuedTask } from '../core/schemas.js';
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
export type Liveness = 'online' | 'unresponsive' | 'draining' | 'offline';

export function liveness(node: NodeRecord, input: Pick<DashboardInput, 'policy' | 'generatedAt'>): Liveness {
  if (node.status !== 'online') return node.status;
  return isSilent(node, input.generatedAt, input.policy) ? 'unresponsive' : 'online';
}

export function onlineNodes(input: Pick<DashboardInput, 'nodes' | 'policy' | 'generatedAt'>): NodeRecord[] {
  return input.nodes.filter((node) => liveness(node, input) === 'online');
}

export interface Unrunnable {
  task: QueuedTask;
  /** Required labels that no online node carries at all (empty when each exists, just never together). */
  missing: string[];
}

/** Queued tasks whose required labels no single online node carries: nobody can claim them now. */
export function unrunnableTasks(
  input: Pick<DashboardInput, 'queued' | 'nodes' | 'policy' | 'generatedAt'>,
): Unrunnable[] {
  const labelSets = onlineNodes(input).map((node) => new Set(node.labels));
  const known = new Set(labelSets.flatMap((labels) => [...labels]));
  const result: Unrunnable[] = [];
  for (const task of input.queued) {
    const requires = task.requires ?? [];
    if (requires.length === 0) continue;
    if (labelSets.some((labels) => requires.every((label) => labels.has(label)))) continue;
    result.push({ task, missing: requires.filter((label) => !known.has(label)) });
  }
  return result;
}
