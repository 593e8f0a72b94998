// Renders the static status site of a grid.
//
// Weight at scale (20,000 tasks, 500 nodes): index.html inlines only counts, charts and the most recent
// INDEX_ROWS tasks of each state and nodes; only those tasks get a detail page (detail/<task_id>.html) with
// their full record and attempts. Every task is still listed on paginated, script-free pages
// (list/<state>-<n>.html, PAGE_ROWS rows each, newest first), linking to the task's file in the repository
// when its URL is known. nodes.html lists every node. Older tasks beyond MAX_PAGES pages are left to the
// repository itself.
//
// The renderer owns these names in the output folder: index.html, nodes.html, submit.html, status.json,
// history*.json (where each shard's history was read to, so the next render reads only what came since),
// .nojekyll, assets/dgrid*, detail/*.html and list/*.html; stale pages from an earlier render in detail/ and
// list/ are removed, and nothing else is touched (the folder may be a grid checkout's docs/).
//
// Each page is built in its own file under pages/, from the Site they share (site.ts) and their template in
// templates/.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLIENT_SCRIPT, STYLESHEET } from './assets.generated.js';
import { keptHistoryFile, type DashboardInput, type DashboardSummary } from './model.js';
import { detailPages } from './pages/detail-pages.js';
import { indexPage } from './pages/index-page.js';
import { listPages } from './pages/list-pages.js';
import { nodesPage } from './pages/nodes-page.js';
import { statusJson } from './pages/status-json.js';
import { submitPage } from './pages/submit-page.js';
import { Site } from './site.js';
import { summarize } from './summary.js';
import { taskValidatorScript } from './task-validator.js';

export { detailPath } from './site.js';

export async function renderSite(input: DashboardInput, outputDir: string): Promise<DashboardSummary> {
  const summary = summarize(input);
  const site = new Site(input);
  const files = new Map<string, string>();

  files.set('index.html', indexPage(site, summary));
  files.set('nodes.html', nodesPage(site));
  files.set('submit.html', submitPage(site));
  for (const [path, html] of listPages(site)) files.set(path, html);
  for (const [path, html] of detailPages(site)) files.set(path, html);
  files.set('status.json', `${JSON.stringify(statusJson(site, summary), null, 2)}\n`);
  for (const [shard, kept] of (input.kept ?? []).entries()) {
    if (kept) files.set(keptHistoryFile(shard), `${JSON.stringify(kept)}\n`);
  }
  // Colours are custom properties with a light and a dark set (prefers-color-scheme); text colours on tinted
  // backgrounds were picked for WCAG AA contrast in both.
  files.set('assets/dgrid.css', STYLESHEET);
  // Everything the script does is an enhancement: without it the pages show the same data as of the render. It
  // is plain ES2017 so it runs in any current browser without a build step, and it only ever writes text
  // (textContent), never markup, so data cannot become code.
  files.set('assets/dgrid.js', CLIENT_SCRIPT);
  files.set('assets/dgrid-task-validator.js', taskValidatorScript());
  // GitHub Pages would otherwise run the folder through Jekyll, which is slow and hides some names.
  files.set('.nojekyll', '');

  for (const dir of ['assets', 'detail', 'list']) await mkdir(join(outputDir, dir), { recursive: true });
  for (const dir of ['detail', 'list']) {
    for (const name of await readdir(join(outputDir, dir))) {
      if (name.endsWith('.html') && !files.has(`${dir}/${name}`)) await rm(join(outputDir, dir, name));
    }
  }
  await Promise.all([...files].map(([path, content]) => writeFile(join(outputDir, path), content)));
  return summary;
}
