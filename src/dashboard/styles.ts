// The stylesheet, shipped as assets/dgrid.css. Colours are custom properties with a light and a dark set
// (prefers-color-scheme); text colours on tinted backgrounds were picked for WCAG AA contrast in both.
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #f6f7f9;
  --surface: #ffffff;
  --surface-2: #f0f2f5;
  --text: #1c2128;
  --muted: #57606a;
  --border: #d5dae0;
  --accent: #0a5fc2;
  --focus: #0a5fc2;
  --ok: #1a7f37;
  --ok-text: #116329;
  --bad: #cf222e;
  --bad-text: #a40e26;
  --warn: #bf8700;
  --warn-text: #7d4e00;
  --info: #8250df;
  --info-text: #6639ba;
  --neutral-text: #57606a;
  --shadow: 0 1px 2px rgb(27 31 36 / 6%), 0 1px 8px rgb(27 31 36 / 4%);
  --radius: 10px;
  --mono: ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --surface: #161b22;
    --surface-2: #1c222b;
    --text: #e6edf3;
    --muted: #9ea7b3;
    --border: #30363d;
    --accent: #6cb6ff;
    --focus: #6cb6ff;
    --ok: #3fb950;
    --ok-text: #56d364;
    --bad: #f85149;
    --bad-text: #ff8182;
    --warn: #d29922;
    --warn-text: #e3b341;
    --info: #a371f7;
    --info-text: #c297ff;
    --neutral-text: #9ea7b3;
    --shadow: none;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
}
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
main:focus { outline: none; }
code, pre, .mono, .task-id { font-family: var(--mono); font-size: 0.875em; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; }
h3 { font-size: 1rem; }
p { margin: 0 0 0.75rem; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
.skip-link {
  position: absolute; left: 0.5rem; top: -3rem; z-index: 10; padding: 0.5rem 1rem;
  background: var(--surface); color: var(--accent); border: 2px solid var(--focus); border-radius: 6px;
}
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.25rem 1rem; padding-top: 0.6rem; padding-bottom: 0.6rem; }
.brand { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 650; color: var(--text); text-decoration: none; overflow-wrap: anywhere; }
.brand-mark { width: 1.1rem; height: 1.1rem; border-radius: 4px; flex: none; background: linear-gradient(135deg, var(--accent), var(--info)); }
.nav { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.nav a { display: block; padding: 0.35rem 0.7rem; border-radius: 6px; color: var(--muted); text-decoration: none; }
.nav a:hover { color: var(--text); background: var(--surface-2); }
.nav a[aria-current='page'] { color: var(--text); background: var(--surface-2); font-weight: 600; }
main.wrap { display: block; padding-top: 1.5rem; padding-bottom: 2.5rem; }
.page-head { margin-bottom: 1.25rem; }
.lede { color: var(--muted); }
.notice:empty { display: none; }
.notice { padding: 0.6rem 0.9rem; border-radius: 8px; background: var(--surface); border: 1px solid var(--border); border-left: 4px solid var(--accent); }
section { margin: 0 0 2rem; }
.section-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; margin-bottom: 0.6rem; }
.section-head h2 { margin: 0; }
.section-head .count { color: var(--muted); font-weight: 400; font-size: 0.95rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.card {
  display: flex; flex-direction: column; gap: 0.15rem; padding: 0.9rem 1rem; min-width: 0;
  background: var(--surface); border: 1px solid var(--border); border-top: 4px solid var(--border);
  border-radius: var(--radius); box-shadow: var(--shadow);
}
.card-label { color: var(--muted); font-size: 0.85rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.card-value { font-size: 1.9rem; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.card-detail { color: var(--muted); font-size: 0.85rem; }
.card-queued { border-top-color: var(--accent); }
.card-running { border-top-color: var(--info); }
.card-completed { border-top-color: var(--ok); }
.card-failed { border-top-color: var(--bad); }
.card-nodes { border-top-color: var(--warn); }
.card-workers { grid-column: 1 / -1; border-top-color: var(--accent); }
.card-workers .card-detail { font-size: 0.9rem; color: var(--text); }
.panel { padding: 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.panel-warn { border-left: 4px solid var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0.75rem; }
figure { margin: 0; }
.chart-card { padding: 0.75rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); min-width: 0; }
.chart-card figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg.chart { display: block; width: 100%; height: auto; color: var(--text); }
.graph-wrap svg.chart { width: auto; max-width: none; }
svg .fill-ok { fill: var(--ok); }
svg .fill-bad { fill: var(--bad); }
svg .fill-accent { fill: var(--accent); }
svg .fill-info { fill: var(--info); }
svg .line-ok { stroke: var(--ok); }
svg .line-accent { stroke: var(--accent); }
svg .line-info { stroke: var(--info); }
svg .grid, svg .edge { stroke: var(--muted); }
svg .arrow { fill: var(--muted); }
svg .muted { fill: var(--muted); }
svg .dep rect { fill: var(--surface); stroke: var(--border); stroke-width: 1.5; }
svg .dep-completed rect { stroke: var(--ok); }
svg .dep-failed rect { stroke: var(--bad); }
svg .dep-running rect { stroke: var(--info); }
svg .dep-queued rect { stroke: var(--muted); }
svg .dep-unknown rect { stroke: var(--warn); }
.scroll, .table-wrap, .graph-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.graph-wrap { padding: 0.5rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
table { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 0.9rem; }
caption { text-align: left; padding: 0.6rem 0.75rem; color: var(--muted); }
th, td { padding: 0.5rem 0.75rem; text-align: left; vertical-align: baseline; border-bottom: 1px solid var(--border); }
thead th { position: sticky; top: 0; background: var(--surface-2); font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; white-space: nowrap; }
tbody tr:last-child > * { border-bottom: 0; }
tbody tr:hover { background: var(--surface-2); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* Cells keep to one line and a table scrolls sideways on a phone (with the task column pinned there)
   rather than squeezing every column into a tower of broken words. */
td { white-space: nowrap; }
tbody th[scope='row'] { min-width: min(11rem, 42vw); max-width: 20rem; overflow-wrap: anywhere; }
.task-id { font-weight: 600; }
.version { font-weight: 400; font-size: 0.8rem; color: var(--muted); }
td.excerpt { font-family: var(--mono); font-size: 0.8rem; color: var(--muted); white-space: normal; overflow-wrap: anywhere; min-width: 16rem; max-width: 36rem; }
td.wrap { white-space: normal; overflow-wrap: anywhere; min-width: 12rem; }
.empty { padding: 1rem; color: var(--muted); }
.more { font-size: 0.95rem; }
.badge {
  display: inline-block; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600;
  line-height: 1.5; white-space: nowrap; border: 1px solid currentColor;
}
.tone-ok { color: var(--ok-text); background: color-mix(in srgb, var(--ok) 12%, transparent); }
.tone-bad { color: var(--bad-text); background: color-mix(in srgb, var(--bad) 12%, transparent); }
.tone-warn { color: var(--warn-text); background: color-mix(in srgb, var(--warn) 14%, transparent); }
.tone-info { color: var(--info-text); background: color-mix(in srgb, var(--info) 12%, transparent); }
.tone-neutral { color: var(--neutral-text); background: color-mix(in srgb, var(--muted) 10%, transparent); }
.chips { display: flex; flex-wrap: nowrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.chip { padding: 0 0.45rem; border-radius: 6px; background: var(--surface-2); border: 1px solid var(--border); font-family: var(--mono); font-size: 0.78rem; overflow-wrap: anywhere; }
.chip-missing { border-color: var(--warn); color: var(--warn-text); }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.meter { display: inline-block; width: 3.5rem; height: 0.45rem; margin-left: 0.4rem; vertical-align: middle; border-radius: 999px; background: var(--surface-2); border: 1px solid var(--border); overflow: hidden; }
.meter > span { display: block; height: 100%; background: var(--info); }
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 0 0 1.25rem; }
.filter label { font-weight: 600; }
.filter p { margin: 0; color: var(--muted); }
input, select, textarea { font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.45rem 0.6rem; max-width: 100%; }
input[type='search'] { width: 18rem; }
textarea { width: 100%; font-family: var(--mono); font-size: 0.9rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 0; }
[aria-invalid='true'] { border-color: var(--bad); border-width: 2px; }
.pager { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; padding: 0; margin: 0.75rem 0; }
.pager a, .pager span { display: inline-block; min-width: 2.2rem; padding: 0.3rem 0.6rem; text-align: center; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); text-decoration: none; }
.pager [aria-current='page'] { background: var(--accent); border-color: var(--accent); color: var(--surface); font-weight: 600; }
.breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0 0 0.75rem; color: var(--muted); font-size: 0.9rem; }
.breadcrumb li + li::before { content: '/'; margin-right: 0.25rem; color: var(--muted); }
.breadcrumb [aria-current='page'] { overflow-wrap: anywhere; }
.task-title { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; overflow-wrap: anywhere; }
.task-title .task-id { font-size: 1.4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.25rem; margin: 0 0 1.5rem; padding: 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
.facts dt { color: var(--muted); font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
pre.code {
  margin: 0 0 1.25rem; padding: 0.75rem 1rem; max-height: 28rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  background: var(--surface); border: 1px solid var(--border); border-radius: 8px; line-height: 1.45;
}
.stream-meta { color: var(--muted); font-size: 0.85rem; overflow-wrap: anywhere; }
.form { display: grid; gap: 1rem; max-width: 46rem; }
.form-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.field { display: flex; flex-direction: column; gap: 0.3rem; min-width: 0; }
.field label { font-weight: 600; }
.hint { color: var(--muted); font-size: 0.85rem; margin: 0; }
.field-error { color: var(--bad-text); font-size: 0.9rem; font-weight: 600; margin: 0; }
.error-summary { padding: 1rem; border: 2px solid var(--bad); border-radius: var(--radius); background: var(--surface); }
.error-summary h2 { color: var(--bad-text); }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--bad-text); }
.result { padding: 1rem; border: 2px solid var(--ok); border-radius: var(--radius); background: var(--surface); }
.button {
  justify-self: start; padding: 0.6rem 1.2rem; border: 0; border-radius: 8px; cursor: pointer;
  background: var(--accent); color: var(--surface); font: inherit; font-weight: 600;
}
.button:hover { filter: brightness(1.08); }
.site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.875rem; padding: 1rem 0 2rem; }
.site-footer p { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 600px) {
  .wrap { padding: 0 0.75rem; }
  h1 { font-size: 1.35rem; }
  .card-value { font-size: 1.5rem; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  th, td { padding: 0.45rem 0.5rem; }
  tbody th[scope='row'] { position: sticky; left: 0; z-index: 1; background: var(--surface); box-shadow: inset -1px 0 0 var(--border); }
  tbody tr:hover th[scope='row'] { background: var(--surface-2); }
  input[type='search'] { width: 100%; }
  .facts { grid-template-columns: 1fr; gap: 0.1rem; }
  .facts dd { margin-bottom: 0.5rem; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
`;
