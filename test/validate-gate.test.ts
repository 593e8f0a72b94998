// The gate as the workflow runs it: on pull_request_target, a checkout of the base, the pull request's head
// fetched from GitHub's refs/pull/N/head as data, and the verdict posted as a commit status on that head; on
// merge_group, the group judged against the tip it lands on. GitHub is a bare repository holding those refs,
// and a fake REST API checked with GitHub's OpenAPI description (test/helpers/github-api.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { git } from '../src/git/runner.js';
import { FakeGitHub, reply, type Request } from './helpers/github-api.js';
import {
  GITHUB,
  gridCheckout,
  mergeGroupRef,
  runValidate,
  task,
  withPolicy,
  type Checkout,
  type MergeGroupEvent,
  type Work,
} from './helpers/pull-request.js';

const TOKEN = 'ghs_validateGateTOKEN0123456789abcdef';
const STATUSES = '/repos/{owner}/{repo}/statuses/{sha}';
const RUN_ENV = {
  GITHUB_REPOSITORY: 'octo/grid',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '42',
};

let checkout: Checkout;
let main: string;
/** GitHub's side: the grid repository with the refs GitHub keeps for pull requests and merge groups. */
let remote: string;

before(async () => {
  const grid = await gridCheckout();
  checkout = grid.checkout;
  main = grid.main;
  remote = join(checkout.root, 'github.git');
  await git(['init', '--quiet', '--bare', remote]);
  await git(['push', '--quiet', remote, `${main}:refs/heads/main`], { cwd: checkout.dir });
});

after(() => checkout.cleanup());

/** A pull request on GitHub: its head under refs/pull/N/head, as a fork's pull request has it. */
async function openPullRequest(number: number, base: string, build: (work: Work) => Promise<void>): Promise<string> {
  const head = await checkout.pullRequest(base, build);
  await git(['push', '--quiet', remote, `${head}:refs/pull/${number}/head`], { cwd: checkout.dir });
  return head;
}

/** What actions/checkout leaves for the gate: a full clone of the base, without the pull request's commits. */
async function baseCheckout(name: string, base: string): Promise<string> {
  const dir = join(checkout.root, name);
  await git(['push', '--quiet', remote, `+${base}:refs/heads/main`], { cwd: checkout.dir });
  await git(['clone', '--quiet', pathToFileURL(remote).href, dir]);
  await git(['checkout', '--quiet', '--detach', base], { cwd: dir });
  return dir;
}

function statusReply(request: Request): { status: number; body: unknown } {
  return {
    status: 201,
    body: reply(STATUSES, 'post', 201, { state: request.body?.state, context: request.body?.context }),
  };
}

async function gate(
  path: string,
  event: Parameters<typeof runValidate>[1],
  inputs: Record<string, string> = {},
  handle: (request: Request) => { status: number; body?: unknown } | undefined = statusReply,
) {
  const github = new FakeGitHub(handle);
  await github.start();
  try {
    const run = await runValidate({ path, token: TOKEN, ...inputs }, event, { ...RUN_ENV, GITHUB_API_URL: github.url });
    return { run, requests: github.requests };
  } finally {
    await github.close();
  }
}

test('pull_request_target: the head is fetched as data, never checked out, and the verdict is a commit status on it', async () => {
  const head = await openPullRequest(7, main, (w) => w.write('tasks/queue/fresh.json', task('fresh')));
  const path = await baseCheckout('gate-valid', main);
  assert.notEqual((await git(['cat-file', '-t', head], { cwd: path }).catch(() => 'missing')).trim(), 'commit');

  const { run, requests } = await gate(path, {
    name: 'pull_request_target',
    base: main,
    head,
    login: 'carol',
    number: 7,
  });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(run.outputs, {
    valid: 'true',
    checked: '1',
    invalid: '0',
    'task-ids': '["fresh"]',
    'status-context': 'dgrid/validate-task',
  });
  assert.deepEqual(
    requests.map((r) => [r.method, r.path, r.authorization, r.body]),
    [
      [
        'POST',
        `/repos/octo/grid/statuses/${head}`,
        `token ${TOKEN}`,
        {
          state: 'success',
          context: 'dgrid/validate-task',
          description: '1 file(s) checked: all valid',
          target_url: 'https://github.com/octo/grid/actions/runs/42',
        },
      ],
    ],
  );
  // The workspace is the base, untouched: the pull request's file is only in git objects.
  assert.equal((await git(['rev-parse', 'HEAD'], { cwd: path })).trim(), main);
  assert.equal(await git(['status', '--porcelain', '--ignored'], { cwd: path }), '');
  assert.equal((await git(['rev-parse', 'refs/dgrid/head'], { cwd: path })).trim(), head);
  assert.deepEqual(
    run.stdout.split('\n').filter((line) => line.includes(TOKEN)),
    [`::add-mask::${TOKEN}`],
  );
});

test('pull_request_target: a refused pull request gets a failing status; one that touches no task gets "no task files"', async () => {
  const bad = await openPullRequest(8, main, async (w) => {
    await w.write('tasks/queue/ok.json', task('ok'));
    await w.write('nodes/node-1.json', { node_id: 'node-1', status: 'offline' });
  });
  const code = await openPullRequest(9, main, (w) => w.write('src/feature.ts', 'export {};\n'));
  const path = await baseCheckout('gate-verdicts', main);

  const refused = await gate(path, { name: 'pull_request_target', base: main, head: bad, login: 'mallory', number: 8 });
  assert.equal(refused.run.exitCode, 1);
  assert.equal(refused.run.outputs.valid, 'false');
  assert.deepEqual(
    refused.requests.map((r) => [r.path, r.body?.state, r.body?.description]),
    [[`/repos/octo/grid/statuses/${bad}`, 'failure', '1 of 2 file(s) have problems']],
  );

  const none = await gate(
    path,
    { name: 'pull_request_target', base: main, head: code, login: 'carol', number: 9 },
    { 'status-context': 'grid/gate' },
  );
  assert.equal(none.run.exitCode, 0, none.run.stdout);
  assert.equal(none.run.outputs['status-context'], 'grid/gate');
  assert.deepEqual(
    none.requests.map((r) => [r.path, r.body?.state, r.body?.context, r.body?.description]),
    [[`/repos/octo/grid/statuses/${code}`, 'success', 'grid/gate', 'no task files']],
  );
});

test('a status the token may not write fails the step, saying which permission it needs', async () => {
  const head = await openPullRequest(10, main, (w) => w.write('tasks/queue/denied.json', task('denied')));
  const path = await baseCheckout('gate-denied', main);
  const { run } = await gate(
    path,
    { name: 'pull_request_target', base: main, head, login: 'carol', number: 10 },
    {},
    () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }),
  );
  assert.equal(run.exitCode, 1);
  assert.equal(run.outputs.valid, 'true');
  assert.match(
    run.stdout,
    /^::error::could not report the verdict as commit status "dgrid\/validate-task": Resource not accessible by integration.*statuses: write/m,
  );
});

test('a run that cannot judge reports an error status, so the pull request does not wait for one in vain', async () => {
  const head = await openPullRequest(14, main, (w) => w.write('tasks/queue/lost.json', task('lost')));
  const path = await baseCheckout('gate-error', main);
  const { run, requests } = await gate(
    path,
    { name: 'pull_request_target', base: main, head, login: 'carol', number: 14 },
    { policy: 'policies/none.json' },
  );
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /^::error::the policy file policies\/none\.json is not in commit/m);
  assert.deepEqual(
    requests.map((r) => [r.path, r.body?.state]),
    [[`/repos/octo/grid/statuses/${head}`, 'error']],
  );
  assert.match(String(requests[0]?.body?.description), /^not judged: the policy file policies\/none\.json/);
});

/** GitHub's merge queue: the base tip, then one merge commit per pull request, on a branch of its own. */
async function mergeGroup(
  base: string,
  heads: { number: number; login: string; head: string }[],
): Promise<MergeGroupEvent> {
  await checkout.reset(base);
  for (const { number, login, head } of heads) {
    await checkout.git(
      ['merge', '--quiet', '--no-ff', '-m', `Merge pull request #${number} from ${login}/patch-${number}`, head],
      GITHUB,
    );
  }
  const group: MergeGroupEvent = {
    name: 'merge_group',
    base,
    head: (await checkout.git(['rev-parse', 'HEAD'])).trim(),
    number: heads.at(-1)!.number,
  };
  await git(['push', '--quiet', remote, `${group.head}:${mergeGroupRef(group)}`], { cwd: checkout.dir });
  return group;
}

test('merge_group: three pull requests each within queued_per_submitter, landing together, exceed it', async () => {
  // alice has two tasks queued; she may have three.
  const base = await withPolicy(checkout, main, { quotas: { queued_per_submitter: 3 } });
  const heads = [];
  for (const number of [11, 12, 13]) {
    const head = await checkout.pullRequest(base, (w) => w.write(`tasks/queue/a-${number}.json`, task(`a-${number}`)));
    await git(['push', '--quiet', remote, `${head}:refs/pull/${number}/head`], { cwd: checkout.dir });
    heads.push({ number, login: 'alice', head });
  }
  const path = await baseCheckout('gate-group', base);
  for (const { number, head } of heads) {
    const alone = await gate(path, { name: 'pull_request_target', base, head, login: 'alice', number });
    assert.equal(alone.run.exitCode, 0, alone.run.stdout);
  }

  const group = await mergeGroup(base, heads);
  const { run, requests } = await gate(path, group);
  assert.equal(run.exitCode, 1, run.stdout);
  assert.deepEqual(run.outputs, {
    valid: 'false',
    checked: '3',
    invalid: '0',
    'task-ids': '["a-11","a-12","a-13"]',
    'status-context': 'dgrid/validate-task',
  });
  assert.match(
    run.stdout,
    /^::error title=dgrid validate-task::alice would have 5 tasks queued; this grid allows at most 3 per submitter/m,
  );
  assert.deepEqual(
    requests.map((r) => [r.path, r.body?.state]),
    [[`/repos/octo/grid/statuses/${group.head}`, 'failure']],
  );
});

test("merge_group: a maintainer's code change lands beside a submission; each is judged for what it is", async () => {
  const base = await withPolicy(checkout, main, { quotas: { queued_per_submitter: 3 } });
  const task21 = await checkout.pullRequest(base, (w) => w.write('tasks/queue/a-21.json', task('a-21')));
  const code = await checkout.pullRequest(base, (w) => w.write('src/feature.ts', 'export {};\n'));
  const smuggler = await checkout.pullRequest(base, async (w) => {
    await w.write('tasks/queue/m-23.json', task('m-23'));
    await w.write('README.md', '# Pwned\n');
  });
  const path = await baseCheckout('gate-group-mixed', base);
  const fine = await gate(
    path,
    await mergeGroup(base, [
      { number: 21, login: 'alice', head: task21 },
      { number: 22, login: 'carol', head: code },
    ]),
  );
  assert.equal(fine.run.exitCode, 0, fine.run.stdout);
  assert.equal(fine.run.outputs['task-ids'], '["a-21"]');

  const smuggled = await gate(
    path,
    await mergeGroup(base, [
      { number: 22, login: 'carol', head: code },
      { number: 23, login: 'mallory', head: smuggler },
    ]),
  );
  assert.equal(smuggled.run.exitCode, 1);
  assert.match(
    smuggled.run.stdout,
    /::error title=dgrid validate-task,file=README\.md::changing README\.md is not allowed/,
  );
});

test('the workflow: the base branch judges every pull request, with the least it needs', async () => {
  const workflow = parse(await readFile(new URL('../../.github/workflows/validate.yml', import.meta.url), 'utf8')) as {
    on: Record<string, { paths?: string[]; types?: string[] } | null>;
    permissions: Record<string, string>;
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: Record<
      string,
      { permissions: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
    >;
  };
  assert.deepEqual(Object.keys(workflow.on).sort(), ['merge_group', 'pull_request_target']);
  for (const trigger of Object.values(workflow.on)) assert.equal(trigger?.paths, undefined, 'no paths filter');
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  assert.match(workflow.concurrency.group, /github\.event\.pull_request\.number/);
  assert.equal(workflow.concurrency['cancel-in-progress'], true);
  const [job, ...others] = Object.values(workflow.jobs);
  assert.equal(others.length, 0);
  assert.deepEqual(job!.permissions, { contents: 'read', statuses: 'write' });
  const [checkoutStep, gateStep, ...rest] = job!.steps;
  assert.equal(rest.length, 0, 'nothing else runs in the job');
  assert.match(checkoutStep!.uses!, /^actions\/checkout@[0-9a-f]{40}$/, 'pinned by commit');
  assert.equal(
    checkoutStep!.with?.ref,
    '${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}',
  );
  assert.equal(checkoutStep!.with?.['persist-credentials'], false);
  assert.equal(checkoutStep!.with?.['fetch-depth'], 0);
  assert.equal(gateStep!.uses, './validate-task');
  assert.equal(gateStep!.with?.['status-context'], 'dgrid/validate-task');
});
