// The README's "Your own grid", walked as a new user walks it: fork this repository, open the dashboard,
// compose a task in its submit form, open a pull request with it, pass the validate gate, merge, and watch
// a worker run it until the dashboard shows the output. GitHub is the one part played here: the fork is a
// bare repository holding this repository's grid files, the new-file page is where the form's link is
// caught, a pull request is a head under refs/pull/N/head with GitHub's example event pointed at it, and the
// REST API is a fake checked with GitHub's OpenAPI description. Every action runs as its built bundle, the
// way the runner runs it.
import assert from 'node:assert/strict';
import { access, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { git } from '../src/git/runner.js';
import { runAction } from './helpers/action.js';
import { FakeGitHub, reply } from './helpers/github-api.js';
import { browserSkip, launchBrowser, SCREENSHOTS, serve } from './helpers/browser.js';
import { GITHUB, runValidate, Work, type Author } from './helpers/pull-request.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What makes this repository a grid; a fork copies it with the rest. */
const GRID_FILES = ['dgrid.json', 'schemas', 'tasks', 'nodes', 'docs', '.github'];
const ALICE: Author = { name: 'Alice Liddell', email: 'alice@example.com' };
const MALLORY: Author = { name: 'Mallory', email: 'mallory@example.com' };
const GITHUB_ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'alice/dgrid' };

if (browserSkip) console.log(`# fork-and-go test skipped: ${browserSkip}`);

test(
  'a new user forks the grid, submits a task from the dashboard by pull request and sees it run',
  {
    skip: browserSkip,
  },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-fork-'));
    const browser = await launchBrowser();
    t.after(async () => {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    });

    // 1. Fork.
    const upstream = new Work(join(dir, 'upstream'));
    await git(['init', '--quiet', '--initial-branch=main', upstream.dir]);
    for (const path of GRID_FILES) await cp(join(ROOT, path), join(upstream.dir, path), { recursive: true });
    await upstream.git(['add', '--all']);
    await upstream.git(['commit', '--quiet', '-m', 'dgrid, as forked']);
    const fork = join(dir, 'alice-dgrid.git');
    await git(['clone', '--quiet', '--bare', upstream.dir, fork]);

    /** The dashboard workflow: a full checkout of the fork, rendered by the built action. */
    const render = async (name: string) => {
      const checkout = join(dir, `pages-${name}`);
      await git(['clone', '--quiet', fork, checkout]);
      const site = join(dir, `site-${name}`);
      const run = await runAction('render-dashboard', { path: checkout, 'output-dir': site }, GITHUB_ENV);
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      return { site, outputs: run.outputs };
    };

    // 2. The dashboard of the fresh fork: the sample task of the original D-GRID waits in the queue.
    const before = await render('before');
    assert.equal(before.outputs.queued, '1');
    assert.equal(before.outputs.completed, '0');

    // 3. The submit form composes the task and sends the user to GitHub's new-file page in the fork.
    const { server, base } = await serve(before.site);
    t.after(() => server.close());
    const context = await browser.newContext();
    let newFilePage: URL | undefined;
    await context.route('https://github.com/**', (route) => {
      newFilePage = new URL(route.request().url());
      return route.fulfill({ contentType: 'text/plain', body: 'GitHub' });
    });
    const page = await context.newPage();
    await page.goto(`${base}/submit.html`);
    assert.equal(await page.inputValue('#f-fork'), 'alice/dgrid');
    await page.fill('#f-task_id', 'hello-fork');
    await page.fill('#f-script', 'echo "hello from a fork"');
    await Promise.all([page.waitForURL(/github\.com/), page.click('button[type="submit"]')]);
    assert.ok(newFilePage, 'the form did not open GitHub');
    assert.equal(newFilePage.origin + newFilePage.pathname, 'https://github.com/alice/dgrid/new/main');
    const filename = newFilePage.searchParams.get('filename')!;
    const value = newFilePage.searchParams.get('value')!;
    assert.equal(filename, 'tasks/queue/hello-fork.json');

    // 4. On GitHub: commit the prefilled file to a branch and open a pull request. The gate runs as
    // validate.yml has it: pull_request_target, a checkout of the base, the base's action, the head fetched
    // from refs/pull/N/head as data, the verdict a commit status on the head.
    const pr = new Work(join(dir, 'pull-request'));
    await git(['clone', '--quiet', fork, pr.dir]);
    const baseSha = (await pr.git(['rev-parse', 'HEAD'])).trim();
    await pr.git(['checkout', '--quiet', '-b', 'alice-patch-1']);
    await pr.write(filename, value);
    await pr.git(['add', filename]);
    await pr.git(['commit', '--quiet', '-m', 'Create hello-fork.json'], ALICE);
    const head = (await pr.git(['rev-parse', 'HEAD'])).trim();
    await pr.git(['push', '--quiet', 'origin', `${head}:refs/pull/2/head`]);
    const api = new FakeGitHub((request) => ({
      status: 201,
      body: reply('/repos/{owner}/{repo}/statuses/{sha}', 'post', 201, { state: request.body?.state }),
    }));
    await api.start();
    t.after(() => api.close());
    const gateEnv = { ...GITHUB_ENV, GITHUB_API_URL: api.url };
    /** What actions/checkout leaves the gate: the base, cloned afresh. */
    const baseCheckout = async (name: string) => {
      const path = join(dir, name);
      await git(['clone', '--quiet', pathToFileURL(fork).href, path]);
      return path;
    };
    const gate = await runValidate(
      { path: await baseCheckout('gate-2'), token: 'ghs_forkAndGo' },
      { name: 'pull_request_target', base: baseSha, head, login: 'alice', number: 2 },
      gateEnv,
    );
    assert.equal(gate.exitCode, 0, gate.stdout + gate.stderr);
    assert.deepEqual(
      gate.annotations.filter((a) => a.command !== 'add-mask'),
      [],
    );
    assert.equal(gate.outputs.valid, 'true');
    assert.deepEqual(JSON.parse(gate.outputs['task-ids']!), ['hello-fork']);
    assert.deepEqual(
      api.requests.map((r) => [r.path, r.body?.state, r.body?.context]),
      [[`/repos/alice/dgrid/statuses/${head}`, 'success', 'dgrid/validate-task']],
    );

    // 4b. Mallory's pull request brings a task, a gate of her own that passes everything, and a workflow
    // that would run it: the base's gate judges it, and nothing of hers runs.
    const marker = join(dir, 'mallory-ran');
    const hostile = new Work(join(dir, 'hostile'));
    await git(['clone', '--quiet', fork, hostile.dir]);
    await hostile.write('tasks/queue/mallory.json', JSON.stringify({ task_id: 'mallory', script: 'echo hi' }));
    await hostile.write(
      'dist/validate-task/index.js',
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\n`,
    );
    await hostile.write(
      '.github/workflows/validate.yml',
      'on: pull_request_target\njobs:\n  validate:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v5\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n' +
        '      - uses: ./validate-task\n',
    );
    await hostile.git(['add', '--all']);
    await hostile.git(['commit', '--quiet', '-m', 'Faster validation'], MALLORY);
    const hostileHead = (await hostile.git(['rev-parse', 'HEAD'])).trim();
    await hostile.git(['push', '--quiet', 'origin', `${hostileHead}:refs/pull/3/head`]);
    const hostilePath = await baseCheckout('gate-3');
    const refused = await runValidate(
      { path: hostilePath, token: 'ghs_forkAndGo' },
      { name: 'pull_request_target', base: baseSha, head: hostileHead, login: 'mallory', number: 3 },
      gateEnv,
    );
    assert.equal(refused.exitCode, 1, refused.stdout);
    assert.deepEqual(
      refused.annotations.filter((a) => a.properties.file).map((a) => [a.properties.file, a.message.split(':')[0]]),
      [
        ['.github/workflows/validate.yml', 'changing .github/workflows/validate.yml is not allowed'],
        ['dist/validate-task/index.js', 'adding dist/validate-task/index.js is not allowed'],
      ],
    );
    assert.deepEqual(api.requests.at(-1)?.body?.state, 'failure');
    assert.equal(api.requests.at(-1)?.path, `/repos/alice/dgrid/statuses/${hostileHead}`);
    await assert.rejects(access(marker), "the pull request's own gate never ran");
    await assert.rejects(access(join(hostilePath, 'dist/validate-task/index.js')), 'nor reached the workspace');
    assert.equal((await git(['rev-parse', 'HEAD'], { cwd: hostilePath })).trim(), baseSha);

    // 5. Merged.
    await pr.git(['checkout', '--quiet', 'main']);
    await pr.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #2 from alice/alice-patch-1', head], GITHUB);
    await pr.git(['push', '--quiet', 'origin', 'main']);

    // 6. A worker round. Plain processes: the fork's policy allows only registry images, which this machine
    // cannot pull; the Docker sandbox has its own tests.
    const worker = await runAction('run-worker', {
      repository: pathToFileURL(fork).href,
      'node-id': 'alice-runner',
      sandbox: 'none',
      'idle-timeout-seconds': '1',
      'poll-interval-seconds': '1',
    });
    assert.equal(worker.exitCode, 0, worker.stdout + worker.stderr);
    assert.deepEqual(worker.outputs, { completed: '2', failed: '0', 'node-id': 'alice-runner' });

    // 7. The next dashboard shows the task done, its output on its page.
    const after = await render('after');
    assert.equal(after.outputs.queued, '0');
    assert.equal(after.outputs.completed, '2');
    const status = JSON.parse(await readFile(join(after.site, 'status.json'), 'utf8'));
    assert.equal(status.counts.completed, 2);
    const done = await serve(after.site);
    t.after(() => done.server.close());
    await page.goto(`${done.base}/index.html`);
    assert.equal(await page.locator('[data-count="completed"]').first().textContent(), '2');
    await page.goto(`${done.base}/detail/hello-fork.html`);
    const detail = await page.locator('main').textContent();
    assert.match(detail ?? '', /hello from a fork/);
    assert.match(detail ?? '', /alice-runner/);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'fork-and-go-task.png'), fullPage: true });
    await context.close();
  },
);
