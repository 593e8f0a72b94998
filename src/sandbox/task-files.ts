// The files a sandbox gives a task beside its scratch space: the progress file it appends lines to, and the
// checkpoint folder it keeps its state in. They live on the node's disk, in a private folder per task, so
// that the node reads progress and packs checkpoints while the task runs, and restores a checkpoint before.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TaskFiles {
  /** The private folder (0700, the node's) that holds the two below. */
  root: string;
  /** The progress file; $DGRID_PROGRESS in the task. */
  progress: string;
  /** The checkpoint folder; /checkpoint (and $DGRID_CHECKPOINT) in the task. */
  checkpoint: string;
}

/** Where a task sees its files in a container. */
export const CONTAINER_PROGRESS = '/dgrid/progress';
export const CONTAINER_CHECKPOINT = '/checkpoint';

/** Makes a task's files; the task runs as another user than the node, so they are writable by all (inside 0700). */
export async function createTaskFiles(parent = tmpdir()): Promise<TaskFiles> {
  const root = await mkdtemp(join(parent, 'dgrid-files-'));
  const files = { root, progress: join(root, 'progress'), checkpoint: join(root, 'checkpoint') };
  await writeFile(files.progress, '');
  await chmod(files.progress, 0o666);
  await mkdir(files.checkpoint);
  await chmod(files.checkpoint, 0o777);
  return files;
}

/** Removes a task's files; false when some stayed (folders the task made, which only its user may empty). */
export async function removeTaskFiles(files: TaskFiles): Promise<boolean> {
  try {
    await rm(files.root, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
