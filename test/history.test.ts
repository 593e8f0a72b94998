import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { historyBatches, readHistory } from '../src/git/history.js';
import { GitError, git, gitStream } from '../src/git/runner.js';

const COMMITS = 3000;

/** A branch of `COMMITS` commits, each adding a file, whose messages hold what looks like a commit header. */
async function longHistory(dir: string): Promise<void> {
  await git(['init', '--quiet', '--bare', dir]);
  const lines: string[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const message = `commit ${i}\n\x01${'f'.repeat(40)} 0\n`;
    lines.push(
      'commit refs/heads/main',
      `committer n${i % 7} <n@example.com> ${1_700_000_000 + i} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `M 100644 inline tasks/queue/${String(i).padStart(5, '0')}-${'x'.repeat(60)}.json`,
      'data 3',
      `{}\n`,
    );
  }
  await git(['fast-import', '--quiet'], { cwd: dir, input: lines.join('\n') + '\n' });
}

test('history comes in batches as git writes it, the same commits as read whole, messages and all', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-history-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await longHistory(dir);
  const options = { cwd: dir, timeoutMs: 60_000, blobs: true, details: true };
  const whole = await readHistory('main', options);
  assert.equal(whole.length, COMMITS);
  const sizes: number[] = [];
  const batched = [];
  for await (const batch of historyBatches('main', options, 500)) {
    sizes.push(batch.length);
    batched.push(...batch);
  }
  assert.ok(sizes.length >= 3, `read in ${sizes.length} batches`);
  assert.ok(
    sizes.slice(0, -1).every((n) => n >= 500),
    'each batch but the last holds at least the size asked',
  );
  assert.deepEqual(batched, whole);
  for (const [i, commit] of whole.entries()) {
    // A \x01 after a newline inside a message is the message's, not a commit of its own.
    assert.equal(commit.body, `commit ${i}\n\x01${'f'.repeat(40)} 0\n`);
    assert.equal(commit.changes.length, 1);
    assert.equal(commit.author, `n${i % 7}`);
  }
  assert.equal(whole[1]!.parent, whole[0]!.sha);
});

test('history of a revision git does not know fails with git error, batches or not', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-history-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await git(['init', '--quiet', '--bare', dir]);
  await assert.rejects(readHistory('main', { cwd: dir, timeoutMs: 10_000 }), GitError);
});

test('a stream read more slowly than its timeout still ends whole: the timeout counts only the waits for git', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-stream-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await git(['init', '--quiet', '--bare', dir]);
  const content = Buffer.alloc(2 * 1024 * 1024, 'x');
  const blob = (await git(['hash-object', '-w', '--stdin'], { cwd: dir, input: content })).trim();
  let read = 0;
  const started = Date.now();
  for await (const chunk of gitStream(['cat-file', 'blob', blob], { cwd: dir, timeoutMs: 1500 })) {
    read += chunk.length;
    await new Promise((resolve) => setTimeout(resolve, 100)); // a reader that does work with each chunk
  }
  assert.equal(read, content.length);
  assert.ok(Date.now() - started > 1500, 'the reader took longer than the timeout, as the test means it to');
});

test('a stream whose git says nothing for longer than the timeout fails as timed out', async () => {
  const silent = gitStream(['-c', 'alias.silent=!sleep 2', 'silent'], { timeoutMs: 300 });
  await assert.rejects(
    async () => {
      for await (const chunk of silent) assert.fail(`unexpected output ${chunk.length}`);
    },
    (error: unknown) => error instanceof GitError && error.failure === 'timeout',
  );
});
