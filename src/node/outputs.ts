// After a run: the output files the sandbox copied out go to the grid's output store, and the result lists
// each as {name, bytes, sha256, url}. The grid branch gets those few fields, never a file.
import { rm } from 'node:fs/promises';
import { errorMessage } from '../common/errors.js';
import type { Execution } from '../protocol/transitions.js';
import type { SandboxRun } from '../sandbox/sandbox.js';
import { storeFiles, type FileStore } from '../storage/file-store.js';

/** At most this many files left out are named in a result's reason; the rest are counted. */
const NAMED_SKIPS = 10;

/**
 * Stores a run's collected output files and removes their folder. A run whose files could not be stored
 * becomes an `error` (the files are gone with the container, so another attempt is the way to get them).
 */
export async function storeOutputs(run: SandboxRun, store: () => Promise<FileStore>): Promise<Execution> {
  // Untouched without files: the run goes on to be recorded as the sandbox gave it.
  if (!run.collected) return run;
  const { collected, ...execution } = run;
  try {
    const outputs = collected.files.length > 0 ? await storeFiles(await store(), collected.files) : [];
    const { skipped } = collected;
    if (skipped.length === 0) return { ...execution, outputs };
    const more = skipped.length > NAMED_SKIPS ? ` and ${skipped.length - NAMED_SKIPS} more` : '';
    const note = `output files left out: ${skipped.slice(0, NAMED_SKIPS).join('; ')}${more}`;
    return { ...execution, outputs, reason: execution.reason ? `${execution.reason}; ${note}` : note };
  } catch (error) {
    const reason = `its output files could not be stored: ${errorMessage(error)}`;
    return { ...execution, status: 'error', outputs: [], reason };
  } finally {
    await rm(collected.dir, { recursive: true, force: true });
  }
}
