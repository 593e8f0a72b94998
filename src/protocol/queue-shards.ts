// Submitters add tasks flat, tasks/queue/<id>.json (the original D-GRID's layout, the only one the gate
// accepts); dgrid keeps them at tasks/queue/<xx>/<id>.json (layout.ts). A node moves the flat files it sees
// into their folders in a commit it makes anyway, so the flat part of the queue holds only what arrived
// since, and no round pays for rewriting a queue of thousands of entries. A move keeps the blob: the audit
// sees the task leave one queue path for another, unchanged.
import type { Change } from '../git/store.js';
import { queuePath, queueShardPath } from './layout.js';
import { TASK_ID_PATTERN } from './schemas.js';
import type { GridSnapshot } from './snapshot.js';

const TASK_ID = new RegExp(TASK_ID_PATTERN);

/** A flat queue file and where it goes. */
export interface ShardMove {
  from: string;
  to: Change;
}

/**
 * The flat queue files of a snapshot that may move into their folders: only a file named by a valid task
 * id, and only when no other file of the grid has its id, so a move never lands on another record.
 */
export function unshardedQueue(snapshot: GridSnapshot): ShardMove[] {
  const moves: ShardMove[] = [];
  for (const { entry, id } of snapshot.of('queue')) {
    if (entry.type !== 'blob' || entry.path !== queuePath(id) || !TASK_ID.test(id)) continue;
    if (snapshot.byId.get(id)?.length !== 1) continue;
    moves.push({ from: entry.path, to: { path: queueShardPath(id), existing: entry } });
  }
  return moves;
}

/** The changes that make the moves, leaving out the files a commit changes already (a claim takes the file from where it is). */
export function shardMoves(moves: readonly ShardMove[], touched: ReadonlySet<string>): Change[] {
  return moves.filter((m) => !touched.has(m.from)).flatMap((m) => [{ path: m.from, delete: true as const }, m.to]);
}
