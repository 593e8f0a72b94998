// The rendered site in headless Chromium: counts, script safety with hostile input, accessibility (axe) in
// light and dark, a phone-sized viewport, the filter, the refresh and the submit form. Screenshots land in
// test-output/ for people to look at. Without Chromium the suite is skipped, unless CI=true.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderSite } from '../src/dashboard/render.js';
import { hostileGrid, sampleGrid } from './dashboard-fixtures.js';
import { browserSkip, launchBrowser, SCREENSHOTS, serve } from './helpers/browser.js';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = [
  'index.html',
  'nodes.html',
  'submit.html',
  'list/completed-1.html',
  'detail/fetch-prices.html',
  'detail/train-model-3.html',
];

if (browserSkip) console.log(`# dashboard browser tests skipped: ${browserSkip}`);

/** A grid on a GitHub Enterprise Server, as render-dashboard sees it there (GITHUB_SERVER_URL). */
const ENTERPRISE_GRID = 'https://ghe.example.com/octo/grid';

describe('dashboard in a browser', { skip: browserSkip }, () => {
  let root: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dgrid-dashboard-browser-'));
    const now = new Date();
    await renderSite(sampleGrid(now), join(root, 'sample'));
    await renderSite(hostileGrid(now), join(root, 'hostile'));
    await renderSite({ ...sampleGrid(now), repositoryUrl: ENTERPRISE_GRID }, join(root, 'enterprise'));
    await mkdir(SCREENSHOTS, { recursive: true });
    ({ server, base } = await serve(root));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** A page that records console errors, uncaught errors and dialogs into `problems`. */
  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${path}: uncaught ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`${path}: a ${dialog.type()} dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${base}/${path}`);
    return page;
  }

  function assertNoProblems(): void {
    assert.deepEqual(problems.splice(0), []);
  }

  it('shows the right counts', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'sample/index.html');
    const count = (key: string) => page.locator(`[data-count="${key}"]`).first().textContent();
    assert.equal(await count('queued'), '14');
    assert.equal(await count('queued_high'), '3');
    assert.equal(await count('in_progress'), '3');
    assert.equal(await count('completed'), '40');
    assert.equal(await count('failed'), '4');
    assert.equal(await count('nodes_online'), '2');
    assert.equal(await page.locator('#unrunnable-heading').isVisible(), true);
    assert.equal(await page.locator('svg[role="img"]').count(), 4);
    await context.close();
    assertNoProblems();
  });

  it('runs no script from hostile input, even without the content security policy', async () => {
    // bypassCSP: escaping alone has to hold; the page's CSP is a second line of defence.
    const context = await browser.newContext({ bypassCSP: true });
    // The detail pages that show hostile text, recognisable by an escaped tag.
    const details: string[] = [];
    for (const name of await readdir(join(root, 'hostile', 'detail'))) {
      if ((await readFile(join(root, 'hostile', 'detail', name), 'utf8')).includes('&lt;'))
        details.push(`detail/${name}`);
    }
    assert.ok(details.length >= 3);
    const page = await open(context, 'hostile/index.html');
    let shownEscaped = 0;
    for (const path of [
      'index.html',
      'nodes.html',
      'submit.html',
      'list/queued-1.html',
      'list/completed-1.html',
      ...details,
    ]) {
      await page.goto(`${base}/hostile/${path}`);
      await page.mouse.move(10, 10);
      await page.mouse.move(400, 300);
      const state = await page.evaluate(() => ({
        pwned: window.pwned,
        handlers: [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
        ),
        scripts: [...document.scripts].map((s) => s.src.replace(/^.*\/assets\//, 'assets/') || s.type),
        text: document.body.innerText,
      }));
      assert.equal(state.pwned, undefined, `${path} ran injected script`);
      // Bidirectional overrides and invisible characters are shown as escapes, never obeyed.
      assert.doesNotMatch(state.text, /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2028\u2029]/u, path);
      if (path.startsWith('detail/') && state.text.includes('window.pwned=7')) {
        assert.ok(state.text.includes('⟨U+202E⟩desrever⟨U+2066⟩ ⟨U+200B⟩hidden'), path);
        shownEscaped++;
      }
      assert.deepEqual(state.handlers, [], `${path} has event handler attributes`);
      for (const script of state.scripts)
        assert.match(script, /^(application\/json|assets\/dgrid(-task-validator)?\.js)$/);
    }
    assert.equal(shownEscaped, 1, 'the hostile task with a description has its detail page');
    await context.close();
    assertNoProblems();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const axe = await readFile(AXE_SOURCE, 'utf8');
      for (const path of PAGES) {
        const page = await open(context, `sample/${path}`);
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${path} in ${colorScheme} mode`);
        await page.close();
      }
      await context.close();
      assertNoProblems();
    });
  }

  it('fits a 360 px wide phone without scrolling sideways', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
      for (const path of PAGES) {
        const page = await open(context, `sample/${path}`);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `${path}: ${scrollWidth} px wide in a ${clientWidth} px viewport`);
        if (path === 'index.html' || path === 'submit.html') {
          const name = `dashboard-${path.replace('.html', '')}-phone${colorScheme === 'dark' ? '-dark' : ''}.png`;
          await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
        }
        await page.close();
      }
      await context.close();
    }
    assertNoProblems();
  });

  it('saves desktop screenshots', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      for (const path of ['index.html', 'detail/fetch-prices.html', 'nodes.html']) {
        const page = await open(context, `sample/${path}`);
        const name = `dashboard-${path.replace(/\.html$/, '').replace('/', '-')}-desktop${colorScheme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
        await page.close();
      }
      await context.close();
    }
    assertNoProblems();
  });

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, 'sample/index.html');
    assert.equal(await page.locator('[data-count="queued"]').textContent(), '14');
    assert.equal(await page.locator('#filter-box').isVisible(), false);
    assert.equal(await page.locator('tr[data-task-id]').first().isVisible(), true);
    await page.goto(`${base}/sample/submit.html`);
    assert.ok(await page.locator('#submit-needs-script').isVisible());
    assert.equal(await page.locator('#submit-form').isVisible(), false);
    await page.goto(`${base}/sample/list/completed-1.html`);
    assert.equal(await page.locator('tr[data-task-id]').count(), 40);
    await context.close();
    assertNoProblems();
  });

  it('can be used from the keyboard, starting with the skip link', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'sample/index.html');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    assert.ok(await page.locator('.skip-link').isVisible());
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    const outline = await page.evaluate(() => {
      const link = document.querySelector('main a')!;
      link.focus();
      return getComputedStyle(link).outlineStyle;
    });
    assert.notEqual(outline, 'none', 'focused links show an outline');
    await context.close();
    assertNoProblems();
  });

  it('filters the task tables by id', async () => {
    const context = await browser.newContext();
    const page = await open(context, 'sample/index.html');
    await page.fill('#task-filter', 'ANALYZE-1');
    const visible = await page
      .locator('tr[data-task-id]:visible')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id')));
    assert.deepEqual(visible.sort(), ['analyze-1', ...Array.from({ length: 10 }, (_, i) => `analyze-1${i}`)].sort());
    assert.match((await page.locator('#filter-status').textContent()) ?? '', /^11 of \d+ rows match$/);
    await page.fill('#task-filter', '');
    assert.equal(await page.locator('tr[data-task-id][hidden]').count(), 0);
    await context.close();
    assertNoProblems();
  });

  it('refreshes the counts from status.json every minute', async () => {
    const context = await browser.newContext();
    const status = JSON.parse(await readFile(join(root, 'sample', 'status.json'), 'utf8'));
    status.counts.queued = 99;
    status.counts.failed = 5;
    status.generated_at = new Date().toISOString();
    await context.route('**/status.json', (route) => route.fulfill({ json: status }));
    const page = await context.newPage();
    await page.clock.install();
    page.on('pageerror', (error) => problems.push(`uncaught ${error.message}`));
    await page.goto(`${base}/sample/index.html`);
    assert.equal(await page.locator('[data-count="queued"]').textContent(), '14');
    await page.clock.runFor(61_000);
    await page.locator('[data-count="queued"]', { hasText: '99' }).waitFor();
    assert.equal(await page.locator('[data-count="failed"]').textContent(), '5');
    assert.match((await page.locator('#refresh-note').textContent()) ?? '', /reload the page/);
    await context.close();
    assertNoProblems();
  });

  it('composes the task in the browser and opens GitHub with it', async () => {
    const context = await browser.newContext();
    let opened: string | undefined;
    await context.route('https://github.com/**', (route) => {
      opened = route.request().url();
      return route.fulfill({ contentType: 'text/plain', body: 'GitHub' });
    });
    const page = await open(context, 'sample/submit.html');
    await page.fill('#f-fork', 'alice/render-grid');
    await page.fill('#f-task_id', 'hello-42');
    await page.fill('#f-script', 'echo "hi there" && python3 -V');
    await page.fill('#f-timeout_seconds', '120');
    await page.selectOption('#f-priority', 'high');
    await page.selectOption('#f-image', 'ghcr.io/octo-org/renderer:2.1');
    await page.fill('#f-requires', 'linux, x64');
    await page.fill('#f-env', 'GREETING=hello world');
    await Promise.all([page.waitForURL(/github\.com/), page.click('button[type="submit"]')]);
    assert.ok(opened);
    const url = new URL(opened);
    assert.equal(url.origin + url.pathname, 'https://github.com/alice/render-grid/new/main');
    assert.equal(url.searchParams.get('filename'), 'tasks/queue/hello-42.json');
    assert.deepEqual(JSON.parse(url.searchParams.get('value')!), {
      task_id: 'hello-42',
      script: 'echo "hi there" && python3 -V',
      timeout_seconds: 120,
      priority: 'high',
      image: 'ghcr.io/octo-org/renderer:2.1',
      requires: ['linux', 'x64'],
      env: { GREETING: 'hello world' },
    });
    await context.close();
    assertNoProblems();
  });

  it("sends the submit form to the grid's own server, such as a GitHub Enterprise Server", async () => {
    const context = await browser.newContext();
    let opened: string | undefined;
    await context.route('https://ghe.example.com/**', (route) => {
      opened = route.request().url();
      return route.fulfill({ contentType: 'text/plain', body: 'GitHub Enterprise' });
    });
    const page = await open(context, 'enterprise/submit.html');
    const example = await page.locator('a', { hasText: 'Create the file on GitHub' }).getAttribute('href');
    assert.equal(new URL(example!).origin, 'https://ghe.example.com');
    await page.fill('#f-fork', 'alice/grid');
    await page.fill('#f-task_id', 'hello-ghe');
    await page.fill('#f-script', 'echo hi');
    await Promise.all([page.waitForURL(/ghe\.example\.com/), page.click('button[type="submit"]')]);
    assert.ok(opened);
    const url = new URL(opened);
    assert.equal(url.origin + url.pathname, 'https://ghe.example.com/alice/grid/new/main');
    assert.equal(url.searchParams.get('filename'), 'tasks/queue/hello-ghe.json');
    await context.close();
    assertNoProblems();
  });

  it('rejects an invalid task with a visible message and stays on the page', async () => {
    const context = await browser.newContext();
    let opened = false;
    await context.route('https://github.com/**', (route) => {
      opened = true;
      return route.fulfill({ body: '' });
    });
    const page = await open(context, 'sample/submit.html');
    await page.fill('#f-task_id', 'bad id!');
    await page.fill('#f-script', 'echo');
    await page.fill('#f-env', 'PATH=/tmp');
    await page.click('button[type="submit"]');
    const summary = page.locator('#submit-errors');
    await summary.waitFor({ state: 'visible' });
    const text = (await summary.textContent()) ?? '';
    assert.match(text, /Task id must start with a letter or digit/);
    assert.match(text, /"PATH" is not allowed/);
    assert.equal(await page.locator('#f-task_id').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('#f-task_id-error').isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'submit-errors');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-submit-errors-desktop.png'), fullPage: true });

    // The policy's limits are checked too, once the schema is satisfied.
    await page.fill('#f-task_id', 'ok-1');
    await page.fill('#f-env', '');
    await page.fill('#f-timeout_seconds', '7200');
    await page.click('button[type="submit"]');
    await page.locator('#submit-errors', { hasText: 'at most 3600 seconds' }).waitFor();
    assert.equal(opened, false);
    assert.equal(new URL(page.url()).pathname, '/sample/submit.html');
    await context.close();
    assertNoProblems();
  });
});

// The callbacks given to page.evaluate run in Chromium; the project compiles without DOM types, so these
// declare the little of the page they touch.
interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: string[] }>;
}
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  attributes: Iterable<{ name: string }>;
  focus(): void;
}
declare const document: {
  activeElement: PageElement | null;
  body: { innerText: string };
  documentElement: { scrollWidth: number; clientWidth: number };
  scripts: Iterable<{ src: string; type: string }>;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { pwned?: unknown; axe: { run(): Promise<{ violations: AxeViolation[] }> } };
declare function getComputedStyle(element: PageElement): { outlineStyle: string };
