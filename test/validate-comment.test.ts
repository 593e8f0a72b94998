// The pull request comment of validate-task, against a fake GitHub API checked with GitHub's OpenAPI
// description (test/helpers/github-api.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub, fake, spec, type Handler } from './helpers/github-api.js';
import { gridCheckout, runValidate, task, type Checkout } from './helpers/pull-request.js';

const TOKEN = 'ghs_validateCommentTOKEN0123456789';
const MARKER = '<!-- dgrid validate-task -->';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';

function comment(id: number, body: string, user: { login: string; type: string }): unknown {
  const schema = spec.paths[COMMENTS]!.get!.responses['200']!.content!['application/json']!.schema.items!;
  return fake(schema, { id, body, user });
}

let checkout: Checkout;
let base: string;
let invalidHead: string;
let validHead: string;

before(async () => {
  const grid = await gridCheckout();
  checkout = grid.checkout;
  base = grid.main;
  invalidHead = await checkout.pullRequest(base, (w) => w.write('tasks/queue/bad.json', task('bad', { priority: 9 })));
  validHead = await checkout.pullRequest(base, (w) => w.write('tasks/queue/good.json', task('good')));
});

after(() => checkout.cleanup());

async function withGitHub(handle: Handler, head: string) {
  const github = new FakeGitHub(handle);
  await github.start();
  try {
    const run = await runValidate(
      { path: checkout.dir, token: TOKEN, comment: 'true' },
      { base, head, login: 'carol', number: 7 },
      { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'octo/grid' },
    );
    return { run, requests: github.requests };
  } finally {
    await github.close();
  }
}

test('an invalid pull request updates the earlier dgrid comment, not one a person posted with the marker', async () => {
  const existing = [
    comment(41, `${MARKER}\nI am not the bot`, { login: 'mallory', type: 'User' }),
    comment(42, `${MARKER}\nold report`, { login: 'github-actions[bot]', type: 'Bot' }),
  ];
  const { run, requests } = await withGitHub((request) => {
    if (request.method === 'GET' && request.route === COMMENTS) return { status: 200, body: existing };
    if (request.method === 'PATCH' && request.route === COMMENT) {
      return {
        status: 200,
        body: comment(42, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
      };
    }
  }, invalidHead);
  assert.equal(run.exitCode, 1, run.stdout);
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path}`),
    ['GET /repos/octo/grid/issues/7/comments', 'PATCH /repos/octo/grid/issues/comments/42'],
  );
  assert.ok(requests.every((r) => r.authorization === `token ${TOKEN}`));
  const body = String(requests[1]!.body?.body);
  assert.ok(body.startsWith(`${MARKER}\n<h2>dgrid validate-task</h2>`), body);
  assert.match(body, /<code>tasks\/queue\/bad\.json<\/code>.*field &quot;priority&quot; must be of type string/);
  assert.doesNotMatch(run.stdout, /::warning/);
  assert.deepEqual(
    run.stdout.split('\n').filter((line) => line.includes(TOKEN)),
    [`::add-mask::${TOKEN}`],
  );
});

test('an invalid pull request without a dgrid comment gets one', async () => {
  const { run, requests } = await withGitHub((request) => {
    if (request.method === 'GET' && request.route === COMMENTS) return { status: 200, body: [] };
    if (request.method === 'POST' && request.route === COMMENTS) {
      return {
        status: 201,
        body: comment(43, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
      };
    }
  }, invalidHead);
  assert.equal(run.exitCode, 1);
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path}`),
    ['GET /repos/octo/grid/issues/7/comments', 'POST /repos/octo/grid/issues/7/comments'],
  );
  assert.match(String(requests[1]!.body?.body), /❌ 1 of 1 file\(s\) have problems/);
});

test('a valid pull request posts nothing new, but corrects an earlier dgrid comment', async () => {
  const quiet = await withGitHub(() => ({ status: 200, body: [] }), validHead);
  assert.equal(quiet.run.exitCode, 0, quiet.run.stdout);
  assert.deepEqual(
    quiet.requests.map((r) => r.method),
    ['GET'],
  );

  const earlier = [comment(44, `${MARKER}\nold failure`, { login: 'github-actions[bot]', type: 'Bot' })];
  const corrected = await withGitHub((request) => {
    if (request.method === 'GET') return { status: 200, body: earlier };
    return {
      status: 200,
      body: comment(44, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
    };
  }, validHead);
  assert.equal(corrected.run.exitCode, 0);
  assert.match(String(corrected.requests[1]?.body?.body), /✅ 1 file\(s\) checked: every task is valid/);
});

test('a comment the token may not write is a warning; the verdict stands', async () => {
  const { run } = await withGitHub((request) => {
    if (request.method === 'GET') return { status: 200, body: [] };
    return { status: 403, body: { message: 'Resource not accessible by integration' } };
  }, invalidHead);
  assert.equal(run.exitCode, 1);
  assert.equal(run.outputs.valid, 'false');
  assert.match(run.stdout, /^::warning::could not comment on pull request #7: Resource not accessible by integration/m);
});
