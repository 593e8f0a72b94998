import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { GitFileStore, OUTPUT_REF_PREFIX } from '../src/storage/git-store.js';
import { IntegrityError, describeFile, fetchVerified, storeFiles } from '../src/storage/file-store.js';
import { s3ServerFor, s3StoreAt } from './helpers/s3.js';
import { openFileStore } from '../src/storage/index.js';
import { parsePolicy } from '../src/protocol/policy.js';
import { artifactServiceFor } from './helpers/artifact-service.js';

async function scratch(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function bareRepo(dir: string): Promise<string> {
  const bare = join(dir, 'grid.git');
  await git(['init', '--quiet', '--bare', bare]);
  return bare;
}

test('git store: files go to refs of their own, come back verified, and are stored once', async (t) => {
  const dir = await scratch(t);
  const bare = await bareRepo(dir);
  const store = await GitFileStore.open({ remote: pathToFileURL(bare).href, dir: join(dir, 'out-cache') });
  await writeFile(join(dir, 'a.txt'), 'hello\n');
  await writeFile(join(dir, 'b.bin'), Buffer.alloc(70_000, 7));
  const files = [await describeFile(join(dir, 'a.txt'), 'a.txt'), await describeFile(join(dir, 'b.bin'), 'sub/b.bin')];
  const stored = await storeFiles(store, files);
  assert.deepEqual(
    stored.map((f) => [f.name, f.bytes]),
    [
      ['a.txt', 6],
      ['sub/b.bin', 70_000],
    ],
  );
  assert.match(stored[0]!.url, /^git:refs\/dgrid\/outputs\/[0-9a-f]{40}$/);
  // Nothing on any branch: the files live under refs/dgrid/outputs/ alone.
  const refs = (await git(['for-each-ref', '--format=%(refname)'], { cwd: bare })).trim().split('\n');
  assert.deepEqual(refs.sort(), stored.map((f) => f.url.slice('git:'.length)).sort());

  // Another machine, with a cache of its own, fetches and verifies.
  const reader = await GitFileStore.open({ remote: pathToFileURL(bare).href, dir: join(dir, 'reader-cache') });
  await fetchVerified(reader, stored[1]!, join(dir, 'b.copy'));
  assert.deepEqual(await readFile(join(dir, 'b.copy')), Buffer.alloc(70_000, 7));

  // The same bytes again (another task): the same url, and no new ref.
  const again = await storeFiles(store, [await describeFile(join(dir, 'a.txt'), 'other-name.txt')]);
  assert.equal(again[0]!.url, stored[0]!.url);
  assert.equal((await git(['for-each-ref'], { cwd: bare })).trim().split('\n').length, 2);
});

test('a download that does not match the result is refused and never lands at its destination', async (t) => {
  const dir = await scratch(t);
  const bare = await bareRepo(dir);
  const store = await GitFileStore.open({ remote: pathToFileURL(bare).href, dir: join(dir, 'cache') });
  await writeFile(join(dir, 'real'), 'the real output\n');
  const [stored] = await storeFiles(store, [await describeFile(join(dir, 'real'), 'real')]);
  // A lying node: the result claims another digest (or size) for the stored file.
  const lie = { ...stored!, sha256: 'f'.repeat(64) };
  await assert.rejects(fetchVerified(store, lie, join(dir, 'got')), IntegrityError);
  await assert.rejects(access(join(dir, 'got')));
  await assert.rejects(fetchVerified(store, { ...stored!, bytes: 3 }, join(dir, 'got')), IntegrityError);
  await assert.rejects(access(join(dir, 'got.part')));
});

test('a ref a node filled with other content gets a fast-forward that holds the file', async (t) => {
  const dir = await scratch(t);
  const bare = await bareRepo(dir);
  const remote = pathToFileURL(bare).href;
  const honest = await GitFileStore.open({ remote, dir: join(dir, 'honest') });
  await writeFile(join(dir, 'want'), 'wanted bytes\n');
  const file = await describeFile(join(dir, 'want'), 'want');
  const blob = (await git(['hash-object', join(dir, 'want')])).trim();
  // A hostile node got there first: the ref named by this content's blob id holds something else.
  const work = join(dir, 'hostile');
  await git(['init', '--quiet', work]);
  await writeFile(join(work, file.sha256), 'poison\n');
  await git(['add', '.'], { cwd: work });
  await git(['-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-m', 'poison'], { cwd: work });
  await git(['push', '--quiet', remote, `HEAD:${OUTPUT_REF_PREFIX}${blob}`], { cwd: work });

  const [stored] = await storeFiles(honest, [file]);
  await fetchVerified(honest, stored!, join(dir, 'got'));
  assert.equal(await readFile(join(dir, 'got'), 'utf8'), 'wanted bytes\n');
  const tip = (await git(['rev-parse', `${OUTPUT_REF_PREFIX}${blob}:${file.sha256}`], { cwd: bare })).trim();
  assert.equal(tip, blob);
});

test('git store prune deletes refs older than retention, except those a result still names', async (t) => {
  const dir = await scratch(t);
  const bare = await bareRepo(dir);
  const store = await GitFileStore.open({ remote: pathToFileURL(bare).href, dir: join(dir, 'cache') });
  await writeFile(join(dir, 'one'), '1\n');
  await writeFile(join(dir, 'two'), '2\n');
  const [one, two] = await storeFiles(store, [
    await describeFile(join(dir, 'one'), 'one'),
    await describeFile(join(dir, 'two'), 'two'),
  ]);
  assert.equal(await store.prune(new Date(Date.now() - 86_400_000), new Set()), 0, 'nothing is old yet');
  assert.equal(await store.prune(new Date(Date.now() + 60_000), new Set([two!.sha256])), 1);
  const refs = (await git(['for-each-ref', '--format=%(refname)'], { cwd: bare })).trim();
  assert.equal(refs, two!.url.slice('git:'.length));
  // Though this machine's cache still holds its bytes, a pruned file is gone for every reader.
  await assert.rejects(fetchVerified(store, one!, join(dir, 'got')), /not in the grid repository/);

  // A file stored 40 days ago and written again by a new task today is stored anew: retention keeps it.
  const ref = two!.url.slice('git:'.length);
  const tree = (await git(['rev-parse', `${ref}^{tree}`], { cwd: bare })).trim();
  const old = (
    await git(['commit-tree', tree, '-m', 'old'], {
      cwd: bare,
      env: { ...IDENTITY, GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z', GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z' },
    })
  ).trim();
  await git(['update-ref', ref, old], { cwd: bare });
  await storeFiles(store, [await describeFile(join(dir, 'two'), 'two-again')]);
  assert.equal((await git(['rev-parse', `${ref}^`], { cwd: bare })).trim(), old, 'a fast-forward on the old commit');
  assert.equal(await store.prune(new Date(Date.now() - 3_600_000), new Set()), 0);
});

const IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

test('s3 store: a real S3-compatible server keeps each file once under its sha256, verified on the way back', async (t) => {
  const dir = await scratch(t);
  const server = await s3ServerFor(t);
  const store = s3StoreAt(server);
  await writeFile(join(dir, 'big'), Buffer.alloc(3 * 1024 * 1024, 1));
  await writeFile(join(dir, 'small'), 'small\n');
  const files = [await describeFile(join(dir, 'big'), 'big.bin'), await describeFile(join(dir, 'small'), 'small')];
  const stored = await storeFiles(store, files);
  assert.equal(stored[0]!.url, `s3://${server.bucket}/dgrid/outputs/${files[0]!.sha256}`);
  await fetchVerified(store, stored[0]!, join(dir, 'big.copy'));
  assert.deepEqual(await readFile(join(dir, 'big.copy')), Buffer.alloc(3 * 1024 * 1024, 1));
  await assert.rejects(fetchVerified(store, { ...stored[1]!, sha256: '0'.repeat(64) }, join(dir, 'x')), IntegrityError);

  // A node elsewhere, with the same policy, finds the same object: no second upload.
  const again = await storeFiles(s3StoreAt(server), [files[1]!]);
  assert.equal(again[0]!.url, stored[1]!.url);

  assert.equal(await store.prune(new Date(Date.now() - 3_600_000), new Set()), 0);
  assert.equal(await store.prune(new Date(Date.now() + 60_000), new Set([files[0]!.sha256])), 1);
  await assert.rejects(fetchVerified(store, stored[1]!, join(dir, 'gone')), /not in the bucket/);
  await fetchVerified(store, stored[0]!, join(dir, 'kept'));
});

test('artifact store: each file one unzipped artifact of the job, downloaded through the REST redirect, verified', async (t) => {
  const dir = await scratch(t);
  const service = await artifactServiceFor(t, 'read-token');
  for (const [key, value] of Object.entries(service.env)) {
    const before = process.env[key];
    process.env[key] = value;
    t.after(() => (before === undefined ? delete process.env[key] : (process.env[key] = before)));
  }
  // Imported once the environment is set: @actions/github reads GITHUB_API_URL as it loads.
  const { ArtifactFileStore } = await import('../src/storage/artifact-store.js');
  const store = ArtifactFileStore.fromEnvironment(join(dir, 'scratch'), 7, 'read-token');
  await writeFile(join(dir, 'report'), 'the report\n');
  await writeFile(join(dir, 'same'), 'the report\n');
  await writeFile(join(dir, 'data'), Buffer.alloc(200_000, 3));
  const files = [
    await describeFile(join(dir, 'report'), 'report.txt'),
    await describeFile(join(dir, 'same'), 'copy.txt'),
    await describeFile(join(dir, 'data'), 'data.bin'),
  ];
  const stored = await storeFiles(store, files);
  assert.match(stored[0]!.url, /^artifact:owner\/grid\/4242\/\d+$/);
  assert.equal(stored[1]!.url, stored[0]!.url, 'the same bytes are one artifact');
  assert.equal(service.artifacts.length, 2);
  assert.deepEqual(service.artifacts[1]!.content, Buffer.alloc(200_000, 3), 'uploaded as it is, not zipped');

  // A later run of the same job stores the same bytes again: found by name, not uploaded twice.
  await storeFiles(ArtifactFileStore.fromEnvironment(join(dir, 'scratch2'), 7, 'read-token'), [files[2]!]);
  assert.equal(service.artifacts.length, 2);

  // A reader elsewhere (the CLI): the REST API redirects to the blob.
  await fetchVerified(store, stored[2]!, join(dir, 'data.copy'));
  assert.deepEqual(await readFile(join(dir, 'data.copy')), Buffer.alloc(200_000, 3));
  assert.ok(service.calls.some((c) => /^GET \/repos\/owner\/grid\/actions\/artifacts\/\d+\/zip$/.test(c)));
  // A node that lied about the digest: refused.
  await assert.rejects(fetchVerified(store, { ...stored[0]!, sha256: 'a'.repeat(64) }, join(dir, 'x')), IntegrityError);
  // Outside a job, a node cannot store artifacts at all, and says what to use instead.
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  await assert.rejects(storeFiles(store, [files[0]!]), /works only in a node that runs as a GitHub Actions job/);
});

test("the policy's outputs section picks the store; s3 takes the node's credentials from its environment", async (t) => {
  const dir = await scratch(t);
  const server = await s3ServerFor(t);
  const context = { remote: pathToFileURL(await bareRepo(dir)).href, cacheDir: join(dir, 'cache') };
  assert.equal((await openFileStore(parsePolicy(undefined), context)).kind, 'git');
  await assert.rejects(
    openFileStore(parsePolicy('{"outputs": {"store": "s3"}}'), context),
    /outputs\.store is "s3" but outputs\.bucket is missing/,
  );
  for (const [key, value] of Object.entries({ AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' })) {
    const before = process.env[key];
    process.env[key] = value;
    t.after(() => (before === undefined ? delete process.env[key] : (process.env[key] = before)));
  }
  const policy = parsePolicy(
    JSON.stringify({ outputs: { store: 's3', bucket: server.bucket, endpoint: server.endpoint } }),
  );
  const store = await openFileStore(policy, context);
  await writeFile(join(dir, 'f'), 'through the policy\n');
  const [stored] = await storeFiles(store, [await describeFile(join(dir, 'f'), 'f')]);
  assert.match(stored!.url, new RegExp(`^s3://${server.bucket}/dgrid/outputs/[0-9a-f]{64}$`));
  await fetchVerified(store, stored!, join(dir, 'f.copy'));
});
