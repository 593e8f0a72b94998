// A task's checkpoints: at each heartbeat the node packs the task's checkpoint folder and, when it changed,
// stores it in the grid's repository at a ref named after its digest (never the grid branch) and records
// {sha256, bytes, ref} in the claim. A retried attempt, on any node, restores it before the task starts,
// only when its bytes hash to the digest the grid records: a checkpoint another node pushed under the same
// task cannot slip in.
import type { GridStore } from '../git/store.js';
import type { Checkpoint } from '../protocol/schemas.js';
import { packCheckpoint, sha256, unpackCheckpoint } from '../sandbox/checkpoint-archive.js';
import { iso } from '../common/time.js';

export function checkpointRef(digest: string): string {
  return `refs/dgrid/checkpoints/${digest}`;
}

export type Saved = { checkpoint: Checkpoint } | { unchanged: true } | { refused: string };

/** Packs and stores the folder's checkpoint unless it is empty, too large, or what `last` recorded already. */
export async function saveCheckpoint(
  put: (ref: string, archive: Buffer) => Promise<void>,
  dir: string,
  maxBytes: number,
  owner: { nodeId: string; attempt: number },
  last: Checkpoint | undefined,
  now: Date,
): Promise<Saved> {
  if (maxBytes <= 0) return { unchanged: true };
  const packed = await packCheckpoint(dir, maxBytes);
  if ('empty' in packed) return { unchanged: true };
  if ('tooLarge' in packed) return { refused: `its checkpoint holds ${packed.tooLarge} (limits.checkpoint_mb)` };
  if (packed.sha256 === last?.sha256) return { unchanged: true };
  const ref = checkpointRef(packed.sha256);
  await put(ref, packed.archive);
  return {
    checkpoint: {
      sha256: packed.sha256,
      bytes: packed.archive.length,
      ref,
      node_id: owner.nodeId,
      attempt: owner.attempt,
      at: iso(now),
    },
  };
}

/**
 * Restores a recorded checkpoint into the (empty) folder; returns why not when it is gone or its bytes are
 * not the ones the grid records. The task then starts from nothing, which is always safe.
 */
export async function restoreCheckpoint(
  store: GridStore,
  checkpoint: Checkpoint,
  dir: string,
): Promise<string | undefined> {
  if (!checkpoint.ref.startsWith('refs/dgrid/checkpoints/')) return `its ref ${checkpoint.ref} is not a checkpoint's`;
  const archive = await store.fetchFileRef(checkpoint.ref);
  if (!archive) return `${checkpoint.ref} is gone from the grid's repository`;
  const digest = sha256(archive);
  if (digest !== checkpoint.sha256 || archive.length !== checkpoint.bytes) {
    return (
      `${checkpoint.ref} holds ${archive.length} bytes with sha256 ${digest}, not the ${checkpoint.bytes} bytes ` +
      `with sha256 ${checkpoint.sha256} the grid records: it was altered, and is not restored`
    );
  }
  await unpackCheckpoint(archive, dir);
  return undefined;
}
