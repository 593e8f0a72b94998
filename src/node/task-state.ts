// What a node keeps of each task it runs beyond the claim: the task's files (progress file, checkpoint
// folder), the checkpoint it restored or last stored, and what rides on its heartbeats: the latest progress
// in the node file, and each changed checkpoint recorded in the claim (so no extra push to the grid branch).
import type { GridStore } from '../git/store.js';
import { errorMessage } from '../common/errors.js';
import type { Log } from '../common/log.js';
import { printable } from '../common/printable.js';
import type { Checkpoint, Claim, Policy, Progress } from '../protocol/schemas.js';
import { createTaskFiles, type TaskFiles } from '../sandbox/task-files.js';
import { restoreCheckpoint, saveCheckpoint } from './checkpoints.js';
import { readProgress } from './progress.js';

interface Kept {
  files: TaskFiles;
  /** Why its checkpoint was last refused: warned about once per reason. */
  refused?: string;
}

export class TaskState {
  private readonly kept = new Map<string, Kept>();
  /** Checkpoint refs this node pushed: a push that lost its race to the grid branch stores nothing again. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly log: Log,
    /** Removes secret values from a task's text before it reaches the grid or a log. */
    private readonly redact: (taskId: string, text: string) => string = (_, text) => text,
  ) {}

  /**
   * Makes the task's files and restores the checkpoint its claim records, verified against the digest the
   * grid holds; a checkpoint that cannot be restored is left out with a warning, and the task starts afresh.
   */
  async prepare(claim: Claim, store: GridStore): Promise<TaskFiles> {
    const files = await createTaskFiles();
    this.kept.set(claim.task_id, { files });
    if (claim.checkpoint) {
      const problem = await restoreCheckpoint(store, claim.checkpoint, files.checkpoint).catch(
        (error: unknown) => `it could not be restored: ${errorMessage(error)}`,
      );
      if (problem) this.log.warn(printable(`${claim.task_id}: starting without its checkpoint: ${problem}`));
      else this.log.info(`${claim.task_id}: restored its checkpoint of attempt ${claim.checkpoint.attempt}`);
    }
    return files;
  }

  forget(taskId: string): void {
    this.kept.delete(taskId);
  }

  /** The latest progress of each task, as the node file carries it. */
  async progress(taskIds: readonly string[], now: Date): Promise<Record<string, Progress>> {
    const out: Record<string, Progress> = {};
    for (const id of taskIds) {
      const kept = this.kept.get(id);
      if (!kept) continue;
      const progress = await readProgress(kept.files.progress, now, (text) => this.redact(id, text));
      if (progress) out[id] = progress;
    }
    return out;
  }

  /**
   * Stores each running task's checkpoint that differs from what its claim at the tip records, and returns the
   * new ones by task id, for the round to record in the claims. `held` are claims at the tip of tasks still
   * running here, each still this node's (the caller checked the token).
   */
  async checkpoints(
    held: ReadonlyArray<{ claim: Claim; path: string }>,
    store: GridStore,
    policy: Policy,
    now: Date,
  ): Promise<Map<string, Checkpoint>> {
    const stored = new Map<string, Checkpoint>();
    for (const { claim } of held) {
      const kept = this.kept.get(claim.task_id);
      if (!kept) continue;
      const owner = { nodeId: claim.claim.node_id, attempt: claim.claim.attempt };
      const maxBytes = policy.limits.checkpoint_mb * 1024 * 1024;
      const put = async (ref: string, archive: Buffer) => {
        if (this.stored.has(ref)) return;
        await store.pushFileRef(ref, archive);
        this.stored.add(ref);
      };
      const saved = await saveCheckpoint(put, kept.files.checkpoint, maxBytes, owner, claim.checkpoint, now).catch(
        (error: unknown) => ({ refused: `it could not be stored: ${errorMessage(error)}` }),
      );
      if ('refused' in saved) {
        if (saved.refused !== kept.refused) this.log.warn(`${claim.task_id}: checkpoint not stored: ${saved.refused}`);
        kept.refused = saved.refused;
        continue;
      }
      if ('checkpoint' in saved) stored.set(claim.task_id, saved.checkpoint);
    }
    return stored;
  }
}
