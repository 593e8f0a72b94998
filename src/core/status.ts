import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GridStore } from './git/store.js';
import { GridSnapshot } from './grid.js';
import { LIFECYCLE, type Lifecycle } from './layout.js';
import type { NodeRecord } from './schemas.js';

/** A private cache repository per remote, branch and purpose, so concurrent tools never share an index. */
export function cacheDir(remote: string, branch: string, purpose: string): string {
  const key = createHash('sha1').update(`${remote}\0${branch}`).digest('hex').slice(0, 12);
  return join(tmpdir(), 'dgrid-cache', `${key}-${purpose}`);
}

export interface GridStatus {
  tip: string | null;
  counts: Record<Lifecycle, number>;
  nodes: NodeRecord[];
}

export async function readStatus(store: GridStore): Promise<GridStatus> {
  const tip = await store.fetch();
  const snapshot = await GridSnapshot.load(store, tip);
  const counts = Object.fromEntries(LIFECYCLE.map((state) => [state, snapshot.of(state).length])) as Record<
    Lifecycle,
    number
  >;
  return { tip, counts, nodes: await snapshot.nodes() };
}
