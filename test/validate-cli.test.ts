// `dgrid validate` and `dgrid sign`, run as a user runs them, on a real grid checkout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gridCheckout, task, withPolicy, type Checkout } from './helpers/pull-request.js';

const cli = new URL('../src/cli/index.js', import.meta.url).pathname;

let checkout: Checkout;
let main: string;

before(async () => {
  ({ checkout, main } = await gridCheckout());
});

after(() => checkout.cleanup());

function dgrid(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: checkout.dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('dgrid validate FILE prints each problem at its place and exits 1', async () => {
  await checkout.reset(main);
  await checkout.write('drafts/good.json', task('good'));
  await checkout.write('drafts/bad.json', '{\n  "task_id": "bad",\n  "script": "x",\n  "script": "y"\n}\n');
  await checkout.write('drafts/done-1.json', task('done-1'));
  const bad = dgrid('validate', 'drafts/good.json', 'drafts/bad.json');
  assert.equal(bad.status, 1);
  assert.equal(
    bad.stdout,
    'drafts/bad.json:4:3: duplicate key "script" (first at line 3, column 3): keep only one\n' +
      '1 of 2 file(s) have problems\n',
  );
  const taken = dgrid('validate', 'drafts/done-1.json');
  assert.match(
    taken.stdout,
    /^drafts\/done-1\.json:2:3: task id "done-1" is already used by tasks\/completed\/2024-01-01\/ab\/done-1\.json/,
  );
  const good = dgrid('validate', 'drafts/good.json');
  assert.equal(good.status, 0);
  assert.equal(good.stdout, '1 file(s) checked: all valid\n');
});

test('dgrid validate --base checks a pull request, with quotas for --author, and --json for scripts', async () => {
  const perSubmitter = await withPolicy(checkout, main, { quotas: { queued_per_submitter: 3 } });
  const head = await checkout.pullRequest(perSubmitter, async (w) => {
    await w.write('tasks/queue/a3.json', task('a3'));
    await w.write('tasks/queue/a4.json', task('a4'));
  });
  const run = dgrid('validate', '--base', perSubmitter, '--head', head, '--author', 'alice', '--json');
  assert.equal(run.status, 1);
  assert.deepEqual(JSON.parse(run.stdout), {
    valid: false,
    checked: 2,
    invalid: 0,
    task_ids: ['a3', 'a4'],
    files: [
      { path: 'tasks/queue/a3.json', taskId: 'a3', problems: [] },
      { path: 'tasks/queue/a4.json', taskId: 'a4', problems: [] },
    ],
    problems: [
      'alice would have 4 tasks queued; this grid allows at most 3 per submitter (quotas.queued_per_submitter): ' +
        'submit fewer tasks, or wait until some of yours have run',
    ],
  });
  assert.equal(dgrid('validate', '--base', perSubmitter, '--head', head, '--author', 'carol').status, 0);
});

test('dgrid validate --base says what is wrong with the submission as a whole: a merge that conflicts, a quota', async () => {
  // From before q-bob-1 was queued, a file of the same name with other content.
  const before = (await checkout.git(['rev-parse', `${main}~2`])).trim();
  const clash = await checkout.pullRequest(before, (w) =>
    w.write('tasks/queue/q-bob-1.json', task('q-bob-1', { script: 'x' })),
  );
  const conflict = dgrid('validate', '--base', main, '--head', clash, '--author', 'mallory');
  assert.equal(conflict.status, 1);
  assert.match(
    conflict.stdout,
    /^the submission as a whole is not accepted: merging the pull request into the base branch at \w+ conflicts in tasks\/queue\/q-bob-1\.json: [^\n]+\n$/,
  );

  const perSubmitter = await withPolicy(checkout, main, { quotas: { queued_per_submitter: 3 } });
  const head = await checkout.pullRequest(perSubmitter, async (w) => {
    await w.write('tasks/queue/a3.json', task('a3'));
    await w.write('tasks/queue/a4.json', { task_id: 'a4' });
  });
  const quota = dgrid('validate', '--base', perSubmitter, '--head', head, '--author', 'alice');
  assert.equal(quota.status, 1);
  assert.match(
    quota.stdout,
    /\n1 of 2 file\(s\) have problems, and the submission as a whole is not accepted: alice would have 4 tasks queued; /,
  );
});

test('dgrid validate with no files checks the whole queue at HEAD', async () => {
  await checkout.reset(main);
  const run = dgrid('validate');
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^tasks\/queue\/q-bob-1\.json:5:5: depends_on names "new-x"/m);
  assert.match(run.stdout, /1 of 4 file\(s\) have problems\n$/);
});

test('dgrid validate never prints control characters or workflow commands from a file', async () => {
  await checkout.reset(main);
  await checkout.write('drafts/evil.json', '{"task_id": "evil", "script": "x", "\\u001b[2J\\n::error::forged": 1}');
  const run = dgrid('validate', 'drafts/evil.json');
  assert.equal(run.status, 1);
  assert.match(run.stdout, /unknown field "\\u001b\[2J\\n:\u200b:error:\u200b:forged"/);
  assert.ok(!run.stdout.includes('\u001b'), 'an escape character reached the terminal');
  assert.doesNotMatch(run.stdout, /^::/m);
});

test('dgrid validate explains a folder that is not a checkout', () => {
  const run = dgrid('validate', '--path', '/nonexistent/grid');
  assert.equal(run.status, 1);
  assert.equal(
    run.stderr,
    'dgrid: /nonexistent/grid is not a git checkout: give the top folder of a clone of the grid repository\n',
  );
});

test('dgrid sign signs task files that a grid requiring signatures accepts', async () => {
  const key = join(checkout.root, 'signer');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'signer@example.com', '-f', key]);
  const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
  const signedBase = await withPolicy(checkout, main, {
    signatures: { required: true, trusted_signers: [`signer@example.com ${publicKey}`] },
  });
  await checkout.reset(signedBase);
  await checkout.write('drafts/s1.json', task('s1'));
  await checkout.write('drafts/s2.json', task('s2'));
  assert.match(dgrid('validate', 'drafts/s1.json').stdout, /this grid accepts signed tasks only/);

  const sign = dgrid('sign', '--key', key, 'drafts/s1.json', 'drafts/s2.json');
  assert.equal(sign.status, 0, sign.stderr);
  assert.equal(sign.stdout, 'signed drafts/s1.json\nsigned drafts/s2.json\n');
  assert.equal(dgrid('validate', 'drafts/s1.json', 'drafts/s2.json').status, 0);

  const missingKey = dgrid('sign', 'drafts/s1.json');
  assert.equal(missingKey.status, 1);
  assert.equal(missingKey.stderr, 'dgrid: give the signing key with --key, e.g. --key ~/.ssh/id_ed25519\n');
});

test('dgrid help COMMAND shows the options of that command, as COMMAND --help does', () => {
  const help = dgrid('help', 'validate');
  assert.equal(help.status, 0, help.stderr);
  assert.equal(help.stdout, dgrid('validate', '--help').stdout);
  assert.match(help.stdout, /^Usage: dgrid validate /);

  const unknown = dgrid('help', 'frobnicate');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /^dgrid: unknown command "frobnicate"/);
});
