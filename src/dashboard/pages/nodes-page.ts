// nodes.html: every node.
import { liveness, type Liveness } from '../facts.js';
import { formatCount, plural } from '../format.js';
import type { Site } from '../site.js';

export function nodesPage(site: Site): string {
  const counts = new Map<Liveness, number>();
  for (const node of site.input.nodes)
    counts.set(liveness(node, site.input), (counts.get(liveness(node, site.input)) ?? 0) + 1);
  const parts = [...counts].map(([state, n]) => `${formatCount(n)} ${state}`);
  return site.page('@nodes', '', 'nodes', 'Nodes', {
    crumbs: [],
    nodesSummary: `${plural(site.input.nodes.length, 'node')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`,
    nodeRows: site.nodeRows(),
  });
}
