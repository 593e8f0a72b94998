// Where files that do not belong on the grid branch go: a task's output files, and (engineer `long`) its
// checkpoints. One small interface, three stores (git refs of their own, GitHub Actions artifacts, S3), and
// the one place that hashes a file and verifies a download: a store, or the node that wrote a result, may
// lie about a file's content; its sha256 in the result is what a reader trusts.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { UserError } from '../common/errors.js';

export type FileStoreKind = 'git' | 'artifact' | 's3';
export const FILE_STORE_KINDS: readonly FileStoreKind[] = ['git', 'artifact', 's3'];

/** A file on this machine, ready to store: its path, the name it is stored under, and its content's digest. */
export interface LocalFile {
  path: string;
  /** The file's name for people (for an output, its path under /out); a store may keep it beside the bytes. */
  name: string;
  bytes: number;
  sha256: string;
}

/** A file once stored: what a result lists in `outputs`, and all a reader needs to fetch and verify it. */
export interface StoredFile {
  name: string;
  bytes: number;
  sha256: string;
  /** Where the store keeps it; its scheme names the store (`git:`, `artifact:`, `s3:`). */
  url: string;
}

export interface FileStore {
  readonly kind: FileStoreKind;
  /**
   * Stores the files, all at once where the store can (git: one push). Content-addressed: the same bytes give
   * the same url, so storing a file twice costs nothing. Returns each file's url, in order.
   */
  put(files: readonly LocalFile[]): Promise<string[]>;
  /** Writes the bytes behind `url` to `dest`, unverified: call `fetchVerified`, which checks the digest. */
  get(url: string, dest: string): Promise<void>;
  /**
   * Deletes what was stored before `before` (retention), except files whose sha256 is in `keep` (still named
   * by a result on the grid branch). Returns how many files went.
   */
  prune(before: Date, keep: ReadonlySet<string>): Promise<number>;
}

/** The size and sha256 of a local file, read once as a stream (an output may be far larger than memory). */
export async function describeFile(path: string, name: string): Promise<LocalFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path, name, bytes, sha256: hash.digest('hex') };
}

/** Stores local files and says what a result lists for each. */
export async function storeFiles(store: FileStore, files: readonly LocalFile[]): Promise<StoredFile[]> {
  const urls = await store.put(files);
  return files.map((file, i) => ({ name: file.name, bytes: file.bytes, sha256: file.sha256, url: urls[i]! }));
}

/** A download whose bytes are not the ones the result names: the store or the node that wrote it lied. */
export class IntegrityError extends UserError {
  override name = 'IntegrityError';
}

/**
 * Fetches a stored file to `dest` and checks its size and sha256 against the result's; a file that does not
 * match never appears at `dest` (it is written beside it and renamed only once verified).
 */
export async function fetchVerified(store: FileStore, file: StoredFile, dest: string): Promise<void> {
  const part = `${dest}.part`;
  await rm(part, { force: true });
  try {
    await store.get(file.url, part);
    const got = await describeFile(part, file.name);
    if (got.sha256 !== file.sha256 || got.bytes !== file.bytes) {
      throw new IntegrityError(
        `output "${file.name}" from ${file.url} does not match its result: it has ${got.bytes} bytes with ` +
          `sha256 ${got.sha256}, the result names ${file.bytes} bytes with sha256 ${file.sha256}; ` +
          'the store or the node that ran the task altered it: do not use it',
      );
    }
    await rename(part, dest);
  } finally {
    await rm(part, { force: true });
  }
}
