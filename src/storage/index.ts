import { UserError } from '../common/errors.js';
import type { Policy } from '../protocol/schemas.js';
import type { FileStore } from './file-store.js';
import { GitFileStore } from './git-store.js';

/** Where a node or the CLI reaches the grid: the git store keeps its own cache beside the grid's. */
export interface FileStoreContext {
  remote: string;
  token?: string;
  /** The grid's cache folder; the git store's cache is a folder beside it. */
  cacheDir: string;
}

/**
 * The store the grid's policy names (outputs.store), ready to put and get files. The S3 and artifact clients
 * are large and most grids use neither: each is loaded only by a process that uses it, so that every action
 * and CLI command does not pay for parsing them at start.
 */
export async function openFileStore(policy: Policy, context: FileStoreContext): Promise<FileStore> {
  const { outputs } = policy;
  switch (outputs.store) {
    case 'git':
      return GitFileStore.open({
        remote: context.remote,
        ...(context.token ? { token: context.token } : {}),
        dir: `${context.cacheDir}-outputs`,
      });
    case 's3': {
      if (!outputs.bucket) {
        throw new UserError('dgrid.json: outputs.store is "s3" but outputs.bucket is missing: name the bucket');
      }
      const { S3FileStore } = await import('./s3-store.js');
      return new S3FileStore({
        bucket: outputs.bucket,
        prefix: outputs.prefix,
        region: outputs.region,
        ...(outputs.endpoint ? { endpoint: outputs.endpoint } : {}),
      });
    }
    case 'artifact': {
      const { ArtifactFileStore } = await import('./artifact-store.js');
      return ArtifactFileStore.fromEnvironment(`${context.cacheDir}-artifacts`, policy.retention.days, context.token);
    }
  }
}
