import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { escapeHtml, scriptJson } from '../src/dashboard/escape.js';
import { detailPath, renderSite } from '../src/dashboard/render.js';
import { summarize, summaryMarkdown } from '../src/dashboard/summary.js';
import { TEMPLATES } from '../src/dashboard/templates.js';
import { HOSTILE, hostileGrid, queued, result, sampleGrid } from './dashboard-fixtures.js';

const scratch: string[] = [];
async function render(input = sampleGrid()) {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-dashboard-'));
  scratch.push(dir);
  const summary = await renderSite(input, dir);
  return { dir, summary, read: (path: string) => readFile(join(dir, path), 'utf8') };
}
after(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('summarize', () => {
  it('counts tasks by state and priority, and nodes that are really online', () => {
    const summary = summarize(sampleGrid());
    assert.deepEqual(summary.counts, {
      queued: 14,
      queuedByPriority: { high: 3, normal: 8, low: 3 },
      inProgress: 3,
      completed: 40,
      failed: 4,
      // runner-linux-1 and -2; not the draining, the offline, nor the one whose heartbeat stopped.
      nodesOnline: 2,
    });
    assert.ok(summary.recommendedWorkers >= 1 && summary.recommendedWorkers <= 20);
    assert.match(summary.recommendationReason, /^14 queued and 3 running; /);
  });
});

describe('renderSite', () => {
  let site: Awaited<ReturnType<typeof render>>;
  before(async () => {
    site = await render();
  });

  it('writes the pages, the assets and status.json', async () => {
    const written = await files(site.dir);
    for (const path of [
      'index.html',
      'nodes.html',
      'submit.html',
      'status.json',
      '.nojekyll',
      'assets/dgrid.css',
      'assets/dgrid.js',
      'assets/dgrid-task-validator.js',
      'list/queued-1.html',
      'list/running-1.html',
      'list/completed-1.html',
      'list/failed-1.html',
      'detail/fetch-prices.html',
      'detail/train-model-3.html',
      'detail/merge-frames.html',
    ]) {
      assert.ok(written.includes(path), `${path} is written`);
    }
  });

  it('returns the summary and writes the same counts to status.json with snake_case names', async () => {
    const status = JSON.parse(await site.read('status.json'));
    assert.deepEqual(status.counts, {
      queued: 14,
      queued_by_priority: { high: 3, normal: 8, low: 3 },
      in_progress: 3,
      completed: 40,
      failed: 4,
      nodes_online: 2,
      nodes_total: 5,
    });
    assert.equal(status.recommended_workers, site.summary.recommendedWorkers);
    assert.equal(status.recommendation_reason, site.summary.recommendationReason);
    assert.equal(status.generated_at, '2025-06-01T12:00:00.000Z');
    assert.deepEqual(
      status.nodes.map((n: { node_id: string; status: string }) => `${n.node_id}:${n.status}`),
      [
        'runner-linux-1:online',
        'runner-linux-2:online',
        'gpu-box:draining',
        'mac-mini:offline',
        'runner-stale:unresponsive',
      ],
    );
    assert.equal(status.nodes[0].slots_in_use, 2);
    assert.equal(status.running[0].task_id, 'train-model-3');
    assert.equal(status.recent_failed[0].task_id, 'flaky-test-12');
    assert.deepEqual(status.unrunnable, [
      { task_id: 'train-large-model', requires: ['gpu', 'cuda-12'], missing_labels: ['gpu', 'cuda-12'] },
      { task_id: 'bench-arm', requires: ['macos', 'arm64'], missing_labels: ['macos', 'arm64'] },
    ]);
    const keys = JSON.stringify(status).match(/"[^"]+":/g) ?? [];
    for (const key of keys) assert.match(key, /^"[a-z0-9_]+":$/, `${key} is snake_case`);
  });

  it('shows the headline counts and flags tasks nobody can run', async () => {
    const html = await site.read('index.html');
    const count = (key: string) => new RegExp(`data-count="${key}">([^<]*)<`).exec(html)?.[1];
    assert.deepEqual(
      [
        'queued',
        'queued_high',
        'queued_normal',
        'queued_low',
        'in_progress',
        'completed',
        'failed',
        'nodes_online',
      ].map(count),
      ['14', '3', '8', '3', '3', '40', '4', '2'],
    );
    const flagged = [...html.matchAll(/data-task-id="([^"]+)"><th scope="row">.*?no node can run it/g)].map(
      (m) => m[1],
    );
    assert.deepEqual([...new Set(flagged)], ['train-large-model', 'bench-arm']);
    assert.match(html, /<svg [^>]*id="chart-throughput"/);
    assert.match(html, /<svg [^>]*id="chart-deps"/);
  });

  it('links tasks to detail pages with the full record and attempts', async () => {
    const html = await site.read('index.html');
    assert.match(html, /<a class="task-id" href="detail\/bench-arm\.html">bench-arm<\/a>/);
    const detail = await site.read('detail/bench-arm.html');
    assert.match(detail, /<td class="mono">runner-stale<\/td>/);
    assert.match(detail, /node stopped sending heartbeats/);
    assert.match(detail, /&quot;claim_token&quot;: &quot;token-lost-0123456789&quot;/);
    assert.match(
      detail,
      /href="https:\/\/github\.com\/octo-org\/render-grid\/blob\/main\/tasks\/queue\/bench-arm\.json"/,
    );
  });

  it('links a queued task to its file where a node moved it, in its folder of the queue', async () => {
    const grid = sampleGrid();
    grid.queuedPaths = { 'bench-arm': 'tasks/queue/5e/bench-arm.json' };
    const moved = await render(grid);
    assert.match(
      await moved.read('detail/bench-arm.html'),
      /href="https:\/\/github\.com\/octo-org\/render-grid\/blob\/main\/tasks\/queue\/5e\/bench-arm\.json"/,
    );
  });

  it('paginates long lists and links tasks without a detail page to their file', async () => {
    const grid = sampleGrid();
    const { result } = await import('./dashboard-fixtures.js');
    grid.completed = Array.from({ length: 1234 }, (_, i) =>
      result(grid.generatedAt, `bulk-${i}`, 'success', { finishedAgoMs: i * 1000 }),
    );
    const big = await render(grid);
    const written = await files(big.dir);
    assert.deepEqual(written.filter((f) => f.startsWith('list/completed-')).sort(), [
      'list/completed-1.html',
      'list/completed-2.html',
      'list/completed-3.html',
    ]);
    const page = await big.read('list/completed-3.html');
    assert.equal((page.match(/<tr data-task-id=/g) ?? []).length, 234);
    assert.match(
      page,
      /href="https:\/\/github\.com\/octo-org\/render-grid\/blob\/main\/tasks\/completed\/2025-06-01\/[0-9a-f]{2}\/bulk-1233\.json"/,
    );
    assert.match(page, /<a href="completed-2\.html" rel="prev">/);
    const index = await big.read('index.html');
    assert.equal((index.match(/<tr data-task-id="bulk-/g) ?? []).length, 50);
    assert.ok(written.filter((f) => f.startsWith('detail/bulk-')).length === 50);
  });

  it('renders an empty grid with friendly placeholders', async () => {
    const grid = sampleGrid();
    Object.assign(grid, { queued: [], running: [], completed: [], failed: [], nodes: [], history: [] });
    delete grid.repositoryUrl;
    const empty = await render(grid);
    assert.equal(empty.summary.recommendedWorkers, 0);
    const html = await empty.read('index.html');
    for (const text of [
      'Nothing is waiting.',
      'Nothing is running.',
      'No task has failed.',
      'No worker node has joined',
      'No history yet',
    ]) {
      assert.ok(html.includes(text), text);
    }
    assert.doesNotMatch(html, /NaN|undefined|Infinity/);
    assert.ok((await files(empty.dir)).includes('list/completed-1.html'));
  });

  it('removes its stale pages but leaves other files alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dgrid-dashboard-'));
    scratch.push(dir);
    await mkdir(join(dir, 'detail'));
    await writeFile(join(dir, 'detail', 'gone.html'), 'old');
    await writeFile(join(dir, 'detail', 'notes.txt'), 'mine');
    await writeFile(join(dir, 'CNAME'), 'grid.example.com');
    await renderSite(sampleGrid(), dir);
    const written = await files(dir);
    assert.ok(!written.includes('detail/gone.html'));
    assert.ok(written.includes('detail/notes.txt'));
    assert.ok(written.includes('CNAME'));
  });

  it('renders into a docs/ folder that holds the guides without touching them, and still drops its stale pages', async () => {
    // docs/ is the default output folder, and this repository keeps its guides there.
    const docs = join(await mkdtemp(join(tmpdir(), 'dgrid-dashboard-')), 'docs');
    scratch.push(dirname(docs));
    await cp(fileURLToPath(new URL('../../docs', import.meta.url)), docs, { recursive: true });
    await mkdir(join(docs, 'images'));
    await writeFile(join(docs, 'images', 'layout.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await mkdir(join(docs, 'detail'));
    await writeFile(join(docs, 'detail', 'README.md'), '# Notes kept beside the task pages\n');
    await writeFile(join(docs, 'CNAME'), 'grid.example.com\n');
    const guides = new Map<string, Buffer>();
    for (const path of await files(docs)) guides.set(path, await readFile(join(docs, path)));
    assert.ok(guides.has('protocol.md') && guides.has('security.md'), [...guides.keys()].join(', '));

    const grid = sampleGrid();
    await renderSite(grid, docs);
    const [dropped] = grid.completed.splice(0, 1);
    assert.ok(dropped);
    const gone = detailPath(dropped.task_id);
    assert.ok((await files(docs)).includes(gone));
    await renderSite(grid, docs);

    for (const [path, bytes] of guides) assert.deepEqual(await readFile(join(docs, path)), bytes, path);
    const left = await files(docs);
    assert.ok(!left.includes(gone), `${gone} of the first render is still there`);
    const site = await mkdtemp(join(tmpdir(), 'dgrid-dashboard-'));
    scratch.push(site);
    await renderSite(grid, site);
    assert.deepEqual(left.sort(), [...guides.keys(), ...(await files(site))].sort());
  });
});

describe('hostile input', () => {
  let site: Awaited<ReturnType<typeof render>>;
  let pages: Array<[string, string]>;
  before(async () => {
    site = await render(hostileGrid());
    pages = await Promise.all(
      (await files(site.dir))
        .filter((f) => f.endsWith('.html'))
        .map(async (f): Promise<[string, string]> => [f, await site.read(f)]),
    );
  });

  it('never reaches a page as markup', () => {
    for (const [path, html] of pages) {
      for (const raw of [
        '<script>window.pwned',
        '<img src=x',
        '<svg onload',
        '<b onmouseover',
        '<a href="javascript:',
        '<!-- ',
      ]) {
        assert.ok(!html.includes(raw), `${path} contains ${raw}`);
      }
      // The only scripts are the site's own: the config block and the two asset files.
      for (const tag of html.match(/<script[^>]*>/g) ?? []) {
        assert.match(
          tag,
          /^<script (id="dgrid-config" type="application\/json"|src="(\.\.\/)?assets\/dgrid(-task-validator)?\.js" defer)>$/,
        );
      }
      assert.doesNotMatch(html, /href="javascript:/i, path);
    }
  });

  it('is shown as text', async () => {
    const index = await site.read('index.html');
    assert.ok(index.includes(escapeHtml(HOSTILE.taskId)));
    assert.ok(index.includes(escapeHtml(HOSTILE.nodeId)));
    assert.ok(index.includes(`<title>Overview · ${escapeHtml(HOSTILE.title)}</title>`));
    const detail = pages.find(([path]) => path === detailPath(HOSTILE.resultId))?.[1];
    assert.ok(detail, 'the result with an id no file could have still gets a detail page');
    assert.match(detailPath(HOSTILE.resultId), /^detail\/-[0-9a-f]{24}\.html$/);
    assert.ok(detail.includes(escapeHtml(HOSTILE.output)));
  });

  it('keeps the inline config a data block that parses back to the same values', async () => {
    const index = await site.read('index.html');
    const block = /<script id="dgrid-config" type="application\/json">([^]*?)<\/script>/.exec(index)![1]!;
    assert.doesNotMatch(block, /[<>&\u2028\u2029]/);
    assert.equal(JSON.parse(block).branch, HOSTILE.branch);
  });

  it('keeps an unsafe repository URL out of links', async () => {
    const status = JSON.parse(await site.read('status.json'));
    assert.equal(status.repository_url, null);
    assert.equal(status.title, HOSTILE.title);
  });
});

describe('scriptJson', () => {
  it('escapes what could end or bend a script block and round-trips', () => {
    const value = { s: '</script><script>alert(1)</script><!-- & \u2028\u2029 -->' };
    const out = scriptJson(value).html;
    assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(out), value);
  });
});

describe('templates', () => {
  it('use the raw tag only for their own includes and the layout body', () => {
    for (const [name, source] of Object.entries(TEMPLATES)) {
      for (const raw of source.match(/<%~[^%]*%>/g) ?? []) {
        assert.match(raw, /^<%~ (include\('@[a-z-]+'(, .*)?\)|it\.body) %>$/, `${name}: ${raw}`);
      }
    }
  });
});

describe('summaryMarkdown', () => {
  it('has the counts and a nodes table', () => {
    const grid = sampleGrid();
    const md = summaryMarkdown(summarize(grid), grid);
    assert.match(md, /^## Render farm\n/);
    assert.match(md, /\| 14 \(high 3, normal 8, low 3\) \| 3 \| 40 \| 4 \| 2 of 5 \| \d+ \|/);
    assert.match(md, /\| `runner-linux-1` \| online \| 20 s ago \| `linux` `x64` \| 2 \/ 2 \| 31 \| 4 \|/);
    assert.match(md, /\| `runner-stale` \| unresponsive \| 30 min ago \|/);
  });

  it('keeps hostile names inside their cells', () => {
    const grid = hostileGrid();
    grid.nodes.push({ ...grid.nodes[0]!, node_id: 'a|b`c' });
    const md = summaryMarkdown(summarize(grid), grid);
    assert.ok(!md.includes('<b onmouseover'));
    assert.match(md, /^## Grid &lt;b onmouseover="alert\\\(3\\\)"&gt;bold&lt;\/b&gt;$/m);
    const row = md.split('\n').find((line) => line.includes('a¦b'));
    assert.equal(row?.split('|').length, 9, 'seven cells, no extra pipe');
    assert.ok(row?.includes("`a¦b'c`"));
  });
});

describe('invisible and bidirectional characters', () => {
  // Each class a reviewer cannot see: bidi embeddings, overrides and isolates, zero-width characters and
  // direction marks, line and paragraph separators, C0 and C1 controls, and other format characters.
  const classes = [
    ...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u200E\u200F\u2028\u2029',
    '\u0000',
    '\u0007',
    '\u001B',
    '\u007F',
    '\u0085',
    '\u009B',
    '\u00AD',
    '\u061C',
    '\u2060',
    '\uFEFF',
    '\u{E0001}',
  ];
  const hidden = classes.join('');
  const trojan = `echo "user is admin \u202E \u2066// not admin\u2069 \u2066"; rm -rf /tmp/x`;

  it('are shown as escapes such as ⟨U+202E⟩ in descriptions, scripts, outputs and reasons, never as themselves', async () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const grid = sampleGrid(now);
    grid.queued.unshift(queued('trojan', { description: `look ${hidden} here`, script: trojan }));
    grid.failed.unshift(
      result(now, 'sneaky', 'failure', {
        finishedAgoMs: 1000,
        stdout: `out ${hidden}\n`,
        stderr: `err\u202Eevil\n`,
        reason: `why ${hidden}`,
      }),
    );
    const site = await render(grid);
    const pages = (await files(site.dir)).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = await site.read(page);
      for (const c of classes) assert.ok(!html.includes(c), `${page} holds U+${c.codePointAt(0)!.toString(16)}`);
    }
    const shown = classes.map((c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`).join('');
    const trojanPage = await site.read(detailPath('trojan'));
    assert.ok(trojanPage.includes(`look ${shown} here`));
    assert.ok(trojanPage.includes('echo &quot;user is admin ⟨U+202E⟩ ⟨U+2066⟩// not admin⟨U+2069⟩ ⟨U+2066⟩&quot;'));
    const sneaky = await site.read(detailPath('sneaky'));
    assert.ok(sneaky.includes(`out ${shown}`));
    assert.ok(sneaky.includes('err⟨U+202E⟩evil'));
    assert.ok(sneaky.includes(`why ${shown}`));
    // Tabs and line breaks keep their place: outputs and scripts are read line by line.
    assert.equal(escapeHtml('a\tb\r\nc'), 'a\tb\r\nc');
  });
});

describe('progress', () => {
  it('shows a bar on a running task from its node heartbeat, its message escaped', async () => {
    const grid = sampleGrid();
    const runner = grid.nodes.find((n) => n.node_id === 'runner-linux-1')!;
    runner.progress = {
      'train-model-3': { percent: 42, message: 'epoch 4 of 10 <script>alert(1)</script>', at: '2025-06-01T11:59:50Z' },
    };
    const { read } = await render(grid);
    const page = await read('list/running-1.html');
    assert.match(
      page,
      /<progress max="100" value="42" aria-label="42%">42%<\/progress> <span class="num">42%<\/span> epoch 4 of 10 &lt;script&gt;/,
    );
    assert.ok(!page.includes('<script>alert'));
  });
});

describe('output files', () => {
  it('lists each with its size and sha256, links an artifact, and gives the command that fetches the others', async () => {
    const grid = sampleGrid();
    const sha = 'ab'.repeat(32);
    grid.completed.push(
      result(grid.generatedAt, 'with-outputs', 'success', {
        outputs: [
          { name: 'model.bin', bytes: 104857600, sha256: sha, url: 'git:refs/dgrid/outputs/' + 'c'.repeat(40) },
          { name: 'my report<b>.txt', bytes: 1, sha256: sha, url: 'artifact:owner/grid/4242/17' },
        ],
      }),
    );
    const site = await render(grid);
    const page = await site.read(detailPath('with-outputs'));
    assert.match(page, /<h2 id="outputs-heading">Output files<\/h2>/);
    assert.ok(page.includes('104,857,600 bytes') || page.includes('104857600 bytes'), 'the size');
    assert.ok(page.includes(sha));
    assert.ok(page.includes('dgrid output with-outputs model.bin'));
    assert.ok(page.includes('href="https://github.com/owner/grid/actions/runs/4242/artifacts/17"'));
    // A name is the task's own text: escaped, and quoted in the command.
    assert.ok(page.includes('my report&lt;b&gt;.txt'));
    assert.ok(!page.includes('<b>.txt'));
    assert.ok(page.includes('dgrid output with-outputs &#39;my report&lt;b&gt;.txt&#39;'));
    // A task without output files has no such section.
    assert.doesNotMatch(await site.read(detailPath(grid.completed[0]!.task_id)), /outputs-heading/);
  });
});
