// Output files in any S3-compatible service, through the official client. A file's key is its sha256
// under the policy's prefix, so storing one twice is a HEAD request. Credentials come from the node (the
// client's own chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or an instance role), never
// from the policy, which anyone can read.
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { UserError } from '../common/errors.js';
import type { FileStore, LocalFile } from './file-store.js';

/** A file stored again after this long is uploaded anew, which restarts its retention. */
const REFRESH_AFTER_MS = 86_400_000;

export interface S3FileStoreOptions {
  bucket: string;
  prefix: string;
  region: string;
  /** An S3-compatible service other than AWS; path-style addressing then, as most of them expect. */
  endpoint?: string;
  /** For tests: credentials given directly instead of the client's chain. */
  credentials?: S3ClientConfig['credentials'];
}

export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    this.client = new S3Client({
      region: options.region,
      // The client's default sends a streamed body aws-chunked with a trailing checksum, which S3-compatible
      // services other than AWS may store as it came, framing included. The sha256 is checked on the way back.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  private key(sha256: string): string {
    return `${this.options.prefix}${sha256}`;
  }

  private url(sha256: string): string {
    return `s3://${this.options.bucket}/${this.key(sha256)}`;
  }

  async put(files: readonly LocalFile[]): Promise<string[]> {
    const Bucket = this.options.bucket;
    for (const file of new Map(files.map((f) => [f.sha256, f])).values()) {
      const Key = this.key(file.sha256);
      // There already, and stored lately: retention (by the object's date) keeps it as long as this result.
      const there = await this.client.send(new HeadObjectCommand({ Bucket, Key })).then(
        (head) =>
          head.ContentLength === file.bytes &&
          head.LastModified !== undefined &&
          Date.now() - head.LastModified.getTime() < REFRESH_AFTER_MS,
        () => false,
      );
      if (there) continue;
      await this.client.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: createReadStream(file.path),
          ContentLength: file.bytes,
          ContentType: 'application/octet-stream',
          Metadata: { sha256: file.sha256 },
        }),
      );
    }
    return files.map((file) => this.url(file.sha256));
  }

  async get(url: string, dest: string): Promise<void> {
    const prefix = `s3://${this.options.bucket}/`;
    if (!url.startsWith(prefix)) throw new UserError(`"${url}" is not in this grid's bucket (${prefix}...)`);
    const object = await this.client
      .send(new GetObjectCommand({ Bucket: this.options.bucket, Key: url.slice(prefix.length) }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'NoSuchKey') {
          throw new UserError(`output ${url} is not in the bucket (pruned by retention, or never stored)`);
        }
        throw error;
      });
    await pipeline(object.Body as Readable, createWriteStream(dest, { mode: 0o600 }));
  }

  async prune(before: Date, keep: ReadonlySet<string>): Promise<number> {
    const Bucket = this.options.bucket;
    let removed = 0;
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket, Prefix: this.options.prefix, ContinuationToken }),
      );
      const old = (page.Contents ?? []).filter(
        (object) =>
          object.Key !== undefined &&
          object.LastModified !== undefined &&
          object.LastModified < before &&
          !keep.has(object.Key.slice(this.options.prefix.length)),
      );
      if (old.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket, Delete: { Objects: old.map((object) => ({ Key: object.Key! })) } }),
        );
        removed += old.length;
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return removed;
  }
}
