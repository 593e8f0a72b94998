// A real S3-compatible server for the tests: s3rver (an npm package, installed by `npm ci` in .ci/run),
// on a free local port, storing in a temporary folder; stopped and removed through t.after.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { S3FileStore } from '../../src/storage/s3-store.js';

interface S3rver {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rver;

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A running server with one bucket, and its endpoint. */
export async function s3ServerFor(
  t: TestContext,
  bucket = 'dgrid-outputs',
): Promise<{ endpoint: string; bucket: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  t.after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { endpoint: `http://127.0.0.1:${port}`, bucket };
}

export function s3StoreAt(server: { endpoint: string; bucket: string }, prefix = 'dgrid/outputs/'): S3FileStore {
  return new S3FileStore({ ...server, prefix, region: 'us-east-1', credentials: S3_CREDENTIALS });
}
