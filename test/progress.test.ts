import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, truncate, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanMessage, parseProgress, readProgress } from '../src/node/progress.js';
import { MAX_PROGRESS_MESSAGE } from '../src/protocol/schemas.js';
import { DockerSandbox } from '../src/sandbox/docker.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import { gridFor } from './helpers/grid.js';
import { TEST_IMAGE, dockerOrSkip } from './helpers/docker.js';
import { setTimeout as sleep } from 'node:timers/promises';

const AT = new Date('2026-01-01T00:00:00Z');

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-progress-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('the last well-formed line is the progress: PERCENT [MESSAGE], with an optional %', () => {
  assert.deepEqual(parseProgress('10 one\n20% two\nnoise\n', AT), {
    percent: 20,
    message: 'two',
    at: '2026-01-01T00:00:00.000Z',
  });
  assert.deepEqual(parseProgress('55.5\n', AT), { percent: 55.5, message: '', at: '2026-01-01T00:00:00.000Z' });
  assert.equal(parseProgress('101 too much\nnope\n', AT), undefined);
  assert.equal(parseProgress('', AT), undefined);
});

test('a progress message loses ANSI escapes and control characters and is cut to its limit', () => {
  assert.equal(cleanMessage('\u001b[31mred\u001b[0m \u001b]0;title\u0007ok\u0000\u202e!'), 'red ok!');
  assert.equal(cleanMessage('a\tb\r\nc'), 'a b c');
  const long = cleanMessage('x'.repeat(10_000));
  assert.equal([...long].length, MAX_PROGRESS_MESSAGE);
  assert.ok(long.endsWith('…'));
});

test('a progress message is redacted before it is cut', () => {
  const secret = 's3cr3t-value';
  const progress = parseProgress(`50 token ${secret} used\n`, AT, (text) => text.replaceAll(secret, '***'));
  assert.equal(progress?.message, 'token *** used');
});

test('a node reads only the tail of a huge progress file, and whole lines only', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'progress');
  await writeFile(file, '');
  // A sparse gigabyte: the node must not read it whole.
  await truncate(file, 1024 ** 3);
  await appendFile(file, '\n40 forty\n50 half');
  assert.deepEqual(await readProgress(file, AT), { percent: 40, message: 'forty', at: '2026-01-01T00:00:00.000Z' });
});

test('a progress file that is a symbolic link is not followed', async (t) => {
  const dir = await tempDir(t);
  const target = join(dir, 'elsewhere');
  await writeFile(target, '99 read through a link\n');
  await symlink(target, join(dir, 'progress'));
  assert.equal(await readProgress(join(dir, 'progress'), AT), undefined);
  assert.equal(await readProgress(join(dir, 'missing'), AT), undefined);
});

test('a task in Docker reports progress through $DGRID_PROGRESS, and its heartbeat carries the latest, cleaned', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const grid = await gridFor(t, {
    default_image: TEST_IMAGE,
    allowed_images: [TEST_IMAGE],
    lease: { heartbeat_seconds: 1 },
  });
  // A hostile task: a line full of escapes, a huge message, then the line that counts, and a partial one.
  const script = [
    'printf "10 \\033[31mred\\033[0m\\n" >> "$DGRID_PROGRESS"',
    'head -c 100000 /dev/zero | tr "\\0" x >> "$DGRID_PROGRESS"',
    'printf "\\n42 step 4 of 10 \\033]0;title\\007done\\n43 not yet" >> "$DGRID_PROGRESS"',
    'sleep 6',
  ].join('; ');
  await grid.submit([{ task_id: 'long', script, timeout_seconds: 30 }]);
  const worker = grid.worker({ nodeId: 'p1', pollIntervalSeconds: 0.2 }, new DockerSandbox());
  const done = worker.run();
  let seen: unknown;
  for (let i = 0; i < 100 && seen === undefined; i++) {
    await sleep(200);
    const node = await (await grid.snapshot()).node('p1');
    seen = node?.progress?.long;
  }
  const report = await done;
  assert.equal(report.completed, 1);
  assert.ok(seen, 'the node file showed the task progress while it ran');
  const { percent, message } = seen as { percent: number; message: string };
  assert.deepEqual({ percent, message }, { percent: 42, message: 'step 4 of 10 done' });
  const after = await (await grid.snapshot()).node('p1');
  assert.equal(after?.progress, undefined, 'an offline node shows no progress');
});

test('a progress message never carries a secret the node gave the task: it is redacted before the heartbeat', async (t) => {
  const secret = 'tok-progress-5ecret';
  const grid = await gridFor(t, { lease: { heartbeat_seconds: 1 }, secrets: ['API_TOKEN'] });
  const script = 'echo "50 using $API_TOKEN" >> "$DGRID_PROGRESS"; sleep 4';
  await grid.submit([{ task_id: 'leaky', script, secrets: ['API_TOKEN'], timeout_seconds: 30 }]);
  const worker = grid.worker(
    { nodeId: 'p2', pollIntervalSeconds: 0.2, taskSecrets: { API_TOKEN: secret } },
    new ProcessSandbox(),
  );
  const done = worker.run();
  let seen: { message: string } | undefined;
  for (let i = 0; i < 100 && seen === undefined; i++) {
    await sleep(200);
    seen = (await (await grid.snapshot()).node('p2'))?.progress?.leaky;
  }
  assert.equal((await done).completed, 1);
  assert.ok(seen, 'the node file showed the task progress while it ran');
  assert.equal(seen.message, 'using ***');
});
