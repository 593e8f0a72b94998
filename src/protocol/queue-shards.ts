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

/**
 * The moves of flat queue files to their folders, leaving out those `touched` (paths the commit already
 * changes: a claim or a rejection takes the file from where it is). Only a file named by a valid task id
 * moves, and only when no other file of the grid has its id: a move never lands on another record.
 */
export function shardMoves(snapshot: GridSnapshot, touched: ReadonlySet<string>): Change[] {
  const moves: Change[] = [];
  for (const file of snapshot.of('queue')) {
    const { entry, id } = file;
    if (entry.type !== 'blob' || entry.path !== queuePath(id) || !TASK_ID.test(id)) continue;
    if (touched.has(entry.path) || snapshot.byId.get(id)?.length !== 1) continue;
    moves.push({ path: entry.path, delete: true }, { path: queueShardPath(id), existing: entry });
  }
  return moves;
}
