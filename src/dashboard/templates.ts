// The page templates, kept as strings so the bundled action carries them (ncc does not follow file reads).
// Sections around a table are not named: the table's scrolling region carries the heading as its name, and
// two landmarks with one name confuse screen reader navigation.
// Rule: every value goes through <%= %>, which escapes; <%~ %> appears only for include() and the layout
// body, which are this file's own output. Chart SVGs arrive as Markup objects and pass <%= %> unchanged.

const layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="<%= it.csp %>">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="dgrid">
<link rel="icon" href="data:,">
<title><%= it.pageTitle %> · <%= it.site.title %></title>
<link rel="stylesheet" href="<%= it.root %>assets/dgrid.css">
<script id="dgrid-config" type="application/json"><%= it.config %></script>
<% if (it.validator) { %>
<script src="<%= it.root %>assets/dgrid-task-validator.js" defer></script>
<% } %>
<script src="<%= it.root %>assets/dgrid.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="<%= it.root %>index.html"><span class="brand-mark" aria-hidden="true"></span><%= it.site.title %></a>
<nav aria-label="Site">
<ul class="nav">
<% for (const item of it.navItems) { %>
<li><a href="<%= it.root %><%= item.href %>"<% if (item.id === it.nav) { %> aria-current="page"<% } %>><%= item.label %></a></li>
<% } %>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
<%~ it.body %>
</main>
<footer class="site-footer">
<div class="wrap">
<p>Rendered by dgrid at <time datetime="<%= it.site.generatedIso %>"><%= it.site.generatedText %></time> from branch <code><%= it.site.branch %></code><% if (it.site.repositoryUrl) { %> of <a href="<%= it.site.repositoryUrl %>"><%= it.site.repositoryName %></a><% } %>. For scripts: <a href="<%= it.root %>status.json">status.json</a>.</p>
</div>
</footer>
</body>
</html>
`;

const breadcrumb = `<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="<%= it.root %>index.html">Overview</a></li>
<% for (const crumb of it.crumbs) { %>
<li><a href="<%= it.root %><%= crumb.href %>"><%= crumb.label %></a></li>
<% } %>
<li aria-current="page"><%= it.pageTitle %></li>
</ol>
</nav>
`;

const filterBox = `<div class="filter" id="filter-box" hidden>
<label for="task-filter">Filter tasks by id</label>
<input id="task-filter" type="search" autocomplete="off" spellcheck="false" placeholder="Part of a task id">
<p id="filter-status" role="status"></p>
</div>
`;

const chips = `<% if (it.items.length === 0) { %>–<% } else { %><ul class="chips"><% for (const item of it.items) { %><li class="chip<% if (it.missing && it.missing.includes(item)) { %> chip-missing<% } %>"><%= item %></li><% } %></ul><% } %>`;

const tasksTable = `<div class="table-wrap" role="region" aria-labelledby="<%= it.table.id %>-heading" tabindex="0">
<% if (it.table.rows.length === 0) { %>
<p class="empty"><%= it.table.empty %></p>
<% } else { %>
<table>
<thead><tr><% for (const col of it.table.columns) { %><th scope="col"<% if (col.num) { %> class="num"<% } %>><%= col.label %></th><% } %></tr></thead>
<tbody>
<% for (const row of it.table.rows) { %>
<tr data-task-id="<%= row.id %>"><th scope="row"><% if (row.href) { %><a class="task-id" href="<%= row.external ? row.href : it.root + row.href %>"><%= row.id %></a><% } else { %><span class="task-id"><%= row.id %></span><% } %><% if (row.flag) { %> <span class="badge tone-warn"><%= row.flag %></span><% } %></th>
<% if (it.table.kind === 'running') { %>
<td class="mono"><%= row.node %></td><td class="num"><%= row.attempt %></td><td><%= row.elapsed %></td><td><time datetime="<%= row.leaseIso %>"><%= row.leaseText %></time><% if (row.leaseExpired) { %> <span class="badge tone-warn">expired</span><% } %></td>
<% } else if (it.table.kind === 'queued') { %>
<td><span class="badge tone-<%= row.tone %>"><%= row.status %></span></td><td><%~ include('@chips', { items: row.requires, missing: row.missing }) %></td><td><%~ include('@chips', { items: row.dependsOn, missing: null }) %></td><td class="num"><%= row.attempt %></td>
<% } else { %>
<td><span class="badge tone-<%= row.tone %>"><%= row.status %></span></td><td class="num"><%= row.exitCode %></td><td class="mono"><%= row.node %></td><td class="num"><%= row.duration %></td><td><time datetime="<%= row.finishedIso %>" data-relative title="<%= row.finishedText %>"><%= row.finishedAgo %></time></td><% if (it.table.excerpts) { %><td class="excerpt"><%= row.excerpt %></td><% } %>
<% } %>
</tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
`;

const nodesTable = `<div class="table-wrap" role="region" aria-labelledby="nodes-heading" tabindex="0">
<% if (it.nodeRows.length === 0) { %>
<p class="empty">No worker node has joined this grid yet. Start one with the run-worker action or <code>dgrid worker</code>.</p>
<% } else { %>
<table>
<thead><tr><th scope="col">Node</th><th scope="col">Status</th><th scope="col">Last heartbeat</th><th scope="col">Labels</th><th scope="col" class="num">Slots in use</th><th scope="col" class="num">Completed</th><th scope="col" class="num">Failed</th></tr></thead>
<tbody>
<% for (const node of it.nodeRows) { %>
<tr><th scope="row"><span class="mono"><%= node.id %></span><% if (node.version) { %> <span class="version">v<%= node.version %></span><% } %></th><td><span class="badge tone-<%= node.tone %>"><%= node.status %></span></td><td><time datetime="<%= node.heartbeatIso %>" data-relative title="<%= node.heartbeatText %>"><%= node.heartbeatAgo %></time></td><td><%~ include('@chips', { items: node.labels, missing: null }) %></td><td class="num"><%= node.inUse %> / <%= node.slots %></td><td class="num"><%= node.completed %></td><td class="num"><%= node.failed %></td></tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
`;

const taskSection = `<section>
<div class="section-head">
<h2 id="<%= it.table.id %>-heading"><%= it.table.heading %> <span class="count">(<%= it.table.total %>)</span></h2>
<% if (it.table.allHref) { %><a class="more" href="<%= it.root %><%= it.table.allHref %>"><%= it.table.allLabel %></a><% } %>
</div>
<%~ include('@tasks-table', {}) %>
</section>
`;

const index = `<% layout('@layout') %>
<div class="page-head">
<h1><%= it.site.title %></h1>
<p class="lede">Grid status as of <time datetime="<%= it.site.generatedIso %>" data-relative title="<%= it.site.generatedText %>"><%= it.generatedAgo %></time>. Counts refresh every minute while this page is open.</p>
<p id="refresh-note" class="notice" role="status"></p>
</div>
<section aria-labelledby="counts-heading">
<h2 id="counts-heading" class="visually-hidden">Counts</h2>
<ul class="cards">
<li class="card card-queued"><span class="card-label">Queued</span><span class="card-value" data-count="queued"><%= it.counts.queued %></span><span class="card-detail">high <span data-count="queued_high"><%= it.counts.high %></span> · normal <span data-count="queued_normal"><%= it.counts.normal %></span> · low <span data-count="queued_low"><%= it.counts.low %></span></span></li>
<li class="card card-running"><span class="card-label">Running</span><span class="card-value" data-count="in_progress"><%= it.counts.inProgress %></span><span class="card-detail">claimed by nodes</span></li>
<li class="card card-completed"><span class="card-label">Completed</span><span class="card-value" data-count="completed"><%= it.counts.completed %></span><span class="card-detail"><%= it.counts.successRate %></span></li>
<li class="card card-failed"><span class="card-label">Failed</span><span class="card-value" data-count="failed"><%= it.counts.failed %></span><span class="card-detail">incl. timeouts, cancelled</span></li>
<li class="card card-nodes"><span class="card-label">Nodes online</span><span class="card-value" data-count="nodes_online"><%= it.counts.nodesOnline %></span><span class="card-detail">of <span data-count="nodes_total"><%= it.counts.nodesTotal %></span> known</span></li>
<li class="card card-workers"><span class="card-label">Recommended workers</span><span class="card-value" data-count="recommended_workers"><%= it.recommendation.workers %></span><span class="card-detail" id="recommendation-reason"><%= it.recommendation.reason %></span></li>
</ul>
</section>
<% if (it.unrunnable.total > 0) { %>
<section class="panel panel-warn">
<h2 id="unrunnable-heading">Tasks nobody can run <span class="count">(<%= it.unrunnable.totalText %>)</span></h2>
<p>These queued tasks require labels that no online node carries together, so no node will claim them. Start a worker with the labels (highlighted when no online node has them at all), or change the tasks.</p>
<%~ include('@tasks-table', { table: it.unrunnable.table }) %>
</section>
<% } %>
<section aria-labelledby="activity-heading">
<h2 id="activity-heading">Activity</h2>
<div class="charts">
<figure class="chart-card"><figcaption>Throughput</figcaption><%= it.charts.throughput %></figure>
<figure class="chart-card"><figcaption>Queue depth</figcaption><%= it.charts.queue %></figure>
<figure class="chart-card"><figcaption>Success rate</figcaption><%= it.charts.success %></figure>
</div>
</section>
<%~ include('@filter') %>
<%~ include('@task-section', { table: it.sections.running }) %>
<%~ include('@task-section', { table: it.sections.queued }) %>
<% if (it.deps) { %>
<section>
<div class="section-head"><h2 id="deps-heading">Waiting on other tasks <span class="count">(<%= it.deps.total %>)</span></h2></div>
<div class="graph-wrap" role="region" aria-label="Dependency graph" tabindex="0"><%= it.deps.graph %></div>
<ul class="legend" aria-label="Legend">
<% for (const key of it.deps.legend) { %><li><span class="badge tone-<%= key.tone %>"><%= key.label %></span></li><% } %>
</ul>
<%~ include('@tasks-table', { table: it.deps.table }) %>
</section>
<% } %>
<%~ include('@task-section', { table: it.sections.failed }) %>
<section>
<div class="section-head">
<h2 id="nodes-heading">Nodes <span class="count">(<%= it.nodes.total %>)</span></h2>
<% if (it.nodes.allHref) { %><a class="more" href="<%= it.root %><%= it.nodes.allHref %>">All <%= it.nodes.total %> nodes</a><% } %>
</div>
<%~ include('@nodes-table', { nodeRows: it.nodes.rows }) %>
</section>
<%~ include('@task-section', { table: it.sections.completed }) %>
`;

const pager = `<% if (it.pager.pages.length > 1) { %>
<nav aria-label="<%= it.pager.label %>">
<ul class="pager">
<% if (it.pager.prev) { %><li><a href="<%= it.pager.prev %>" rel="prev">Previous</a></li><% } %>
<% for (const page of it.pager.pages) { %>
<% if (page.gap) { %><li><span aria-hidden="true">…</span></li>
<% } else if (page.current) { %><li><a href="<%= page.href %>" aria-current="page"><span class="visually-hidden">Page </span><%= page.n %></a></li>
<% } else { %><li><a href="<%= page.href %>"><span class="visually-hidden">Page </span><%= page.n %></a></li>
<% } %>
<% } %>
<% if (it.pager.next) { %><li><a href="<%= it.pager.next %>" rel="next">Next</a></li><% } %>
</ul>
</nav>
<% } %>
`;

const list = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<div class="page-head">
<h1><%= it.pageTitle %></h1>
<p class="lede"><%= it.list.summary %></p>
<% if (it.list.note) { %><p class="notice"><%= it.list.note %></p><% } %>
</div>
<%~ include('@filter') %>
<%~ include('@pager', { pager: { ...it.pager, label: 'Pages, top' } }) %>
<section>
<h2 id="list-heading" class="visually-hidden"><%= it.table.heading %></h2>
<%~ include('@tasks-table', {}) %>
</section>
<%~ include('@pager', { pager: { ...it.pager, label: 'Pages, bottom' } }) %>
`;

const nodes = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<div class="page-head">
<h1 id="nodes-heading">Nodes</h1>
<p class="lede"><%= it.nodesSummary %></p>
</div>
<%~ include('@nodes-table', {}) %>
`;

const task = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<h1 class="task-title"><span class="task-id"><%= it.task.id %></span> <span class="badge tone-<%= it.task.tone %>"><%= it.task.status %></span></h1>
<dl class="facts">
<% for (const fact of it.task.facts) { %>
<dt><%= fact.label %></dt><dd><% if (fact.links) { %><% fact.links.forEach((link, i) => { %><% if (i > 0) { %>, <% } %><% if (link.href) { %><a class="mono" href="<%= link.external ? link.href : it.root + link.href %>"><%= link.id %></a><% } else { %><span class="mono"><%= link.id %></span><% } %><% }) %><% } else { %><%= fact.value %><% } %></dd>
<% } %>
</dl>
<% if (it.task.repoHref) { %><p><a href="<%= it.task.repoHref %>">View <code><%= it.task.repoPath %></code> in the repository</a></p><% } %>
<% if (it.task.description) { %>
<h2>Description</h2>
<p><%= it.task.description %></p>
<% } %>
<% if (it.task.script !== undefined) { %>
<h2>Script</h2>
<pre class="code"><code><%= it.task.script %></code></pre>
<% } %>
<% for (const stream of it.task.streams) { %>
<h2><%= stream.title %></h2>
<p class="stream-meta"><%= stream.meta %></p>
<% if (stream.text !== '') { %><pre class="code"><code><%= stream.text %></code></pre><% } %>
<% } %>
<section>
<h2 id="attempts-heading">Attempts</h2>
<div class="table-wrap" role="region" aria-labelledby="attempts-heading" tabindex="0">
<% if (it.task.attempts.length === 0) { %>
<p class="empty">Not attempted yet.</p>
<% } else { %>
<table>
<thead><tr><th scope="col" class="num">Attempt</th><th scope="col">Node</th><th scope="col">Started</th><th scope="col">Ended</th><th scope="col">Outcome</th><th scope="col" class="num">Exit code</th><th scope="col">Reason</th></tr></thead>
<tbody>
<% for (const a of it.task.attempts) { %>
<tr><th scope="row" class="num"><%= a.attempt %></th><td class="mono"><%= a.node %></td><td><%= a.started %></td><td><%= a.ended %></td><td><span class="badge tone-<%= a.tone %>"><%= a.status %></span></td><td class="num"><%= a.exitCode %></td><td class="wrap"><%= a.reason %></td></tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
</section>
<h2>Full record</h2>
<p class="hint"><%= it.task.recordNote %></p>
<pre class="code"><code><%= it.task.json %></code></pre>
`;

const submit = `<% layout('@layout') %>
<div class="page-head">
<h1>Submit a task</h1>
<p class="lede">Describe the task, check it against the task schema right here, then create <code>tasks/queue/&lt;task_id&gt;.json</code> in your fork of the grid on GitHub and open a pull request from it.</p>
</div>
<div id="submit-needs-script" class="notice">
<p>This form needs JavaScript. Without it, add a file <code>tasks/queue/&lt;task_id&gt;.json</code> to your fork, for example:</p>
<pre class="code"><code><%= it.submit.example %></code></pre>
<% if (it.submit.newFileUrl) { %><p><a href="<%= it.submit.newFileUrl %>">Create the file on GitHub</a> (GitHub offers to fork the grid when you cannot write to it).</p><% } %>
</div>
<form id="submit-form" class="form" novalidate hidden>
<div id="submit-errors" class="error-summary" tabindex="-1" aria-labelledby="submit-errors-heading" hidden>
<h2 id="submit-errors-heading">Fix these before submitting</h2>
<ul></ul>
</div>
<% for (const row of it.submit.rows) { %>
<div class="form-row">
<% for (const f of row) { %>
<div class="field">
<label for="f-<%= f.name %>"><%= f.label %></label>
<% if (f.hint) { %><p class="hint" id="f-<%= f.name %>-hint"><%= f.hint %></p><% } %>
<p class="field-error" id="f-<%= f.name %>-error" hidden></p>
<% if (f.kind === 'textarea') { %>
<textarea id="f-<%= f.name %>" name="<%= f.name %>" rows="<%= f.rows %>" spellcheck="false" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error"<% if (f.required) { %> required<% } %>><%= f.value %></textarea>
<% } else if (f.kind === 'select') { %>
<select id="f-<%= f.name %>" name="<%= f.name %>" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error">
<% for (const o of f.options) { %><option value="<%= o.value %>"><%= o.label %></option><% } %>
</select>
<% } else { %>
<input id="f-<%= f.name %>" name="<%= f.name %>" type="<%= f.kind %>" value="<%= f.value %>" autocomplete="off" spellcheck="false" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error"<% if (f.placeholder) { %> placeholder="<%= f.placeholder %>"<% } %><% if (f.min !== undefined) { %> min="<%= f.min %>"<% } %><% if (f.max !== undefined) { %> max="<%= f.max %>"<% } %><% if (f.step) { %> step="<%= f.step %>"<% } %><% if (f.required) { %> required<% } %>>
<% } %>
</div>
<% } %>
</div>
<% } %>
<button class="button" type="submit">Check and continue on GitHub</button>
<div id="submit-result" class="result" tabindex="-1" hidden>
<p id="submit-message"></p>
<p><a id="submit-link" href="#">Open the new-file page on GitHub</a></p>
<pre class="code"><code id="submit-json"></code></pre>
</div>
</form>
`;

/** Template name (as given to eta.loadTemplate) to source. */
export const TEMPLATES: Record<string, string> = {
  '@layout': layout,
  '@breadcrumb': breadcrumb,
  '@filter': filterBox,
  '@chips': chips,
  '@tasks-table': tasksTable,
  '@nodes-table': nodesTable,
  '@task-section': taskSection,
  '@pager': pager,
  '@index': index,
  '@list': list,
  '@nodes': nodes,
  '@task': task,
  '@submit': submit,
};
