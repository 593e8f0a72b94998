// Charts as SVG strings, rendered on the server so the page needs no script and no chart library. Colours
// come from classes the stylesheet maps to its light and dark palettes; the presentation attributes are
// fallbacks for an SVG viewed on its own. Text uses currentColor so it follows the page.
import { escapeHtml } from './escape.js';
import { formatCount, formatDuration, formatTime } from './format.js';
import type { DashboardInput, TaskState } from './model.js';

type History = DashboardInput['history'];

const WIDTH = 400;
const HEIGHT = 220;
const PAD = { left: 44, right: 14, top: 28, bottom: 30 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const COLORS = { ok: '#2da44e', bad: '#d1242f', accent: '#0969da', info: '#8250df', grid: '#8c959f' };

export interface Bucket {
  start: number;
  end: number;
  completed: number;
  failed: number;
  /** Queue depth and running tasks at the end of the bucket. */
  queued: number;
  running: number;
}

const NICE_WIDTHS_MS = [
  1, 2, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
].map((s) => s * 1000);

/**
 * Spreads the history over at most `maxCount` buckets of a round width (5 min, 1 h, ...) ending at the last
 * point. Completed and failed counts in the history are folder sizes, so what finished in a bucket is their
 * growth; shrinking (retention archiving results) counts as nothing.
 */
export function bucketHistory(history: History, maxCount = 24): Bucket[] {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last || history.length < 2) return [];
  const end = last.time.getTime();
  const span = end - first.time.getTime();
  if (!(span > 0)) return [];
  const width = NICE_WIDTHS_MS.find((w) => w * maxCount >= span) ?? Math.ceil(span / maxCount);
  const count = Math.ceil(span / width);
  const start = end - count * width;
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    start: start + i * width,
    end: start + (i + 1) * width,
    completed: 0,
    failed: 0,
    queued: -1,
    running: -1,
  }));
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const point = history[i]!;
    // Buckets end at the last point, so each holds what landed after its start, up to and including its end.
    const bucket = buckets[Math.min(count - 1, Math.max(0, Math.ceil((point.time.getTime() - start) / width) - 1))]!;
    bucket.completed += Math.max(0, point.completed - prev.completed);
    bucket.failed += Math.max(0, point.failed - prev.failed);
    bucket.queued = point.queued;
    bucket.running = point.running;
  }
  // A bucket without commits kept the state of the one before it.
  let carried = { queued: first.queued, running: first.running };
  for (const bucket of buckets) {
    if (bucket.queued < 0) Object.assign(bucket, carried);
    carried = { queued: bucket.queued, running: bucket.running };
  }
  return buckets;
}

export function throughputChart(history: History, id = 'chart-throughput'): string {
  const buckets = bucketHistory(history);
  const title = 'Throughput';
  if (buckets.length === 0) return emptyChart(id, title, tooShort(history, 'throughput appears after tasks finish'));
  if (buckets.every((b) => b.completed + b.failed === 0))
    return emptyChart(id, title, `Nothing finished from ${span(buckets)}.`);
  const per = bucketLabel(buckets);
  const totals = buckets.map((b) => b.completed + b.failed);
  const top = niceCeil(Math.max(...totals));
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const slot = PLOT_W / buckets.length;
  const barW = Math.max(1, slot * 0.75);
  const bars = buckets
    .map((b, i) => {
      const x = PAD.left + i * slot + (slot - barW) / 2;
      const ok = rect(x, y(b.completed), barW, PAD.top + PLOT_H - y(b.completed), 'ok');
      const bad = rect(x, y(b.completed + b.failed), barW, y(b.completed) - y(b.completed + b.failed), 'bad');
      return ok + bad;
    })
    .join('');
  const completed = sum(buckets.map((b) => b.completed));
  const failed = sum(buckets.map((b) => b.failed));
  const busiest = buckets[totals.indexOf(Math.max(...totals))]!;
  const desc =
    `Tasks finished per ${per} from ${span(buckets)}: ${formatCount(completed)} completed and ${formatCount(failed)} failed ` +
    `in all; the busiest ${per} (ending ${formatTime(new Date(busiest.end))}) finished ${formatCount(Math.max(...totals))}.`;
  return frame(id, `${title} (tasks per ${per})`, desc, axes(buckets, top, formatCount) + bars, [
    ['ok', 'completed'],
    ['bad', 'failed'],
  ]);
}

export function queueDepthChart(history: History, id = 'chart-queue'): string {
  const buckets = bucketHistory(history, 48);
  const title = 'Queue depth';
  if (buckets.length === 0) return emptyChart(id, title, tooShort(history, 'queue depth appears after a few commits'));
  const first = history[0]!;
  // The first commit's state starts the lines, so even a single bucket draws a line.
  const queued = [first.queued, ...buckets.map((b) => b.queued)];
  const running = [first.running, ...buckets.map((b) => b.running)];
  const top = niceCeil(Math.max(...queued, ...running));
  const t0 = buckets[0]!.start;
  const t1 = buckets.at(-1)!.end;
  const times = [first.time.getTime(), ...buckets.map((b) => b.end)];
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * PLOT_W;
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const line = (values: number[]) => values.map((v, i) => `${num(x(times[i]!))},${num(y(v))}`).join(' ');
  const area = `<polygon class="fill-accent" fill="${COLORS.accent}" fill-opacity="0.15" points="${num(x(times[0]!))},${num(y(0))} ${line(queued)} ${num(PAD.left + PLOT_W)},${num(y(0))}"/>`;
  const paths =
    area +
    `<polyline class="line-accent" fill="none" stroke="${COLORS.accent}" stroke-width="2" points="${line(queued)}"/>` +
    `<polyline class="line-info" fill="none" stroke="${COLORS.info}" stroke-width="2" stroke-dasharray="5 3" points="${line(running)}"/>`;
  const peak = Math.max(...queued);
  const desc =
    `Tasks waiting and running from ${span(buckets)}: the queue peaked at ${formatCount(peak)} and ends at ` +
    `${formatCount(queued.at(-1)!)}, with ${formatCount(running.at(-1)!)} running at the end.`;
  return frame(id, title, desc, axes(buckets, top, formatCount) + paths, [
    ['accent', 'queued'],
    ['info', 'running'],
  ]);
}

export function successRateChart(
  history: History,
  totals: { completed: number; failed: number },
  id = 'chart-success',
): string {
  const finished = totals.completed + totals.failed;
  const overall = finished > 0 ? `${percent(totals.completed / finished)} overall` : 'nothing finished yet';
  const title = `Success rate (${overall})`;
  const all = bucketHistory(history);
  const buckets = all.filter((b) => b.completed + b.failed > 0);
  if (buckets.length === 0)
    return emptyChart(id, title, tooShort(history, 'the success rate appears after tasks finish'));
  const t0 = all[0]!.start;
  const t1 = all.at(-1)!.end;
  const x = (b: Bucket) => PAD.left + (((b.start + b.end) / 2 - t0) / (t1 - t0)) * PLOT_W;
  const y = (rate: number) => PAD.top + PLOT_H - rate * PLOT_H;
  const rates = buckets.map((b) => b.completed / (b.completed + b.failed));
  const points = buckets.map((b, i) => `${num(x(b))},${num(y(rates[i]!))}`).join(' ');
  const dots = buckets
    .map((b, i) => `<circle class="fill-ok" fill="${COLORS.ok}" cx="${num(x(b))}" cy="${num(y(rates[i]!))}" r="2.5"/>`)
    .join('');
  const lowest = Math.min(...rates);
  const worst = buckets[rates.indexOf(lowest)]!;
  const desc =
    `Share of finished tasks that succeeded, per ${bucketLabel(all)} from ${span(all)}: ${overall}; the lowest ` +
    `was ${percent(lowest)} in the ${bucketLabel(all)} ending ${formatTime(new Date(worst.end))}.`;
  const body =
    axes(all, 1, (v) => percent(v)) +
    `<polyline class="line-ok" fill="none" stroke="${COLORS.ok}" stroke-width="2" points="${points}"/>` +
    dots;
  return frame(id, title, desc, body, []);
}

export interface GraphTask {
  id: string;
  dependsOn: string[];
}

const BOX_W = 150;
const BOX_H = 26;
const COL_W = 190;
const ROW_H = 38;
const MAX_GRAPH_NODES = 60;

/**
 * Waiting tasks and what they wait for, left to right: a task sits one column right of its deepest
 * dependency. Hostile input can contain cycles; an edge back into a task being placed is ignored for
 * placement. Large graphs are cut to the first waiting tasks so the picture stays legible.
 */
export function dependencyGraph(
  waiting: GraphTask[],
  stateOf: ReadonlyMap<string, TaskState>,
  id = 'chart-deps',
): string {
  const title = 'Dependency graph of waiting tasks';
  if (waiting.length === 0) return emptyChart(id, title, 'No task is waiting for another.');
  const shown: GraphTask[] = [];
  const nodes = new Set<string>();
  for (const task of waiting) {
    const added = [task.id, ...task.dependsOn].filter((n) => !nodes.has(n));
    if (nodes.size + added.length > MAX_GRAPH_NODES && shown.length > 0) break;
    shown.push(task);
    added.forEach((n) => nodes.add(n));
  }
  const depsOf = new Map(shown.map((t) => [t.id, t.dependsOn]));
  const layer = new Map<string, number>();
  const placing = new Set<string>();
  const place = (node: string): number => {
    const known = layer.get(node);
    if (known !== undefined) return known;
    if (placing.has(node)) return -1;
    placing.add(node);
    const deps = depsOf.get(node) ?? [];
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(place));
    placing.delete(node);
    layer.set(node, value);
    return value;
  };
  const order = [...nodes];
  order.forEach(place);
  const columns: string[][] = [];
  for (const node of order) (columns[layer.get(node)!] ??= []).push(node);
  const row = new Map<string, number>();
  columns.forEach((column, c) => {
    // Barycentre ordering: a task sits near the average row of its dependencies, which removes most crossings.
    if (c > 0) {
      const weight = (n: string) => {
        const rows = (depsOf.get(n) ?? []).map((d) => row.get(d)).filter((r) => r !== undefined);
        return rows.length > 0 ? sum(rows) / rows.length : 0;
      };
      column.sort((a, b) => weight(a) - weight(b));
    }
    column.forEach((n, r) => row.set(n, r));
  });
  const rows = Math.max(...columns.map((c) => c.length));
  const width = columns.length * COL_W - (COL_W - BOX_W) + 24;
  const height = rows * ROW_H - (ROW_H - BOX_H) + 24;
  const pos = (n: string) => ({ x: 12 + layer.get(n)! * COL_W, y: 12 + row.get(n)! * ROW_H });
  const edges = shown
    .flatMap((task) =>
      task.dependsOn.map((dep) => {
        const from = pos(dep);
        const to = pos(task.id);
        const [x1, y1, x2, y2] = [from.x + BOX_W, from.y + BOX_H / 2, to.x - 6, to.y + BOX_H / 2];
        const bend = Math.max(30, (x2 - x1) / 2);
        return `<path class="edge" fill="none" stroke="${COLORS.grid}" stroke-width="1.5" marker-end="url(#${id}-arrow)" d="M${num(x1)} ${num(y1)} C${num(x1 + bend)} ${num(y1)} ${num(x2 - bend)} ${num(y2)} ${num(x2)} ${num(y2)}"/>`;
      }),
    )
    .join('');
  const boxes = order
    .map((n) => {
      const { x, y } = pos(n);
      const state = stateOf.get(n) ?? 'unknown';
      const label = n.length > 20 ? `${n.slice(0, 19)}…` : n;
      return (
        `<g class="dep dep-${state}"><title>${escapeHtml(`${n}: ${state}`)}</title>` +
        `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="none" stroke="${COLORS.grid}"${state === 'unknown' ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<text x="${x + 10}" y="${y + 17}" font-size="12" fill="currentColor">${escapeHtml(label)}</text></g>`
      );
    })
    .join('');
  const cut =
    waiting.length > shown.length
      ? ` Showing the first ${formatCount(shown.length)} of ${formatCount(waiting.length)} waiting tasks.`
      : '';
  const desc =
    `${formatCount(shown.length)} waiting tasks and ${formatCount(nodes.size - shown.length)} tasks they depend on, ` +
    `arranged left to right in ${formatCount(columns.length)} columns; an arrow points from a dependency to the task waiting for it.${cut}`;
  const marker = `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="${COLORS.grid}" class="arrow"/></marker></defs>`;
  return svg(id, title, desc, width, height, marker + edges + boxes, `width="${width}" height="${height}"`);
}

function frame(id: string, title: string, desc: string, body: string, legend: Array<[string, string]>): string {
  const keys = legend
    .map(([color, label], i) => {
      const x = PAD.left + i * 90;
      return `<rect class="fill-${color}" fill="${COLORS[color as keyof typeof COLORS]}" x="${x}" y="6" width="10" height="10" rx="2"/><text x="${x + 14}" y="15" font-size="11" fill="currentColor">${escapeHtml(label)}</text>`;
    })
    .join('');
  return svg(id, title, desc, WIDTH, HEIGHT, keys + body);
}

/** Why a chart has nothing to draw: no history at all, or too little of it (a single moment has no time axis). */
function tooShort(history: History, when: string): string {
  return `${history.length === 0 ? 'No history yet' : 'Not enough history yet'}: ${when}.`;
}

function emptyChart(id: string, title: string, message: string): string {
  const body = `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" font-size="13" fill="currentColor" class="muted">${escapeHtml(message)}</text>`;
  return svg(id, title, message, WIDTH, HEIGHT, body);
}

function svg(id: string, title: string, desc: string, width: number, height: number, body: string, size = ''): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}"${size ? ` ${size}` : ''} role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" id="${id}"><title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(desc)}</desc>${body}</svg>`
  );
}

/** Horizontal grid lines with value labels, and start, middle and end times below the plot. */
function axes(buckets: Bucket[], top: number, label: (v: number) => string): string {
  const lines = [0, 0.5, 1]
    .map((f) => {
      const y = num(PAD.top + PLOT_H - f * PLOT_H);
      return (
        `<line class="grid" x1="${PAD.left}" x2="${PAD.left + PLOT_W}" y1="${y}" y2="${y}" stroke="${COLORS.grid}" stroke-opacity="0.35"/>` +
        `<text x="${PAD.left - 6}" y="${y}" dy="4" text-anchor="end" font-size="11" fill="currentColor">${escapeHtml(label(f * top))}</text>`
      );
    })
    .join('');
  const t0 = buckets[0]!.start;
  const t1 = buckets.at(-1)!.end;
  const ticks = [
    [t0, 'start', PAD.left],
    [(t0 + t1) / 2, 'middle', PAD.left + PLOT_W / 2],
    [t1, 'end', PAD.left + PLOT_W],
  ] as const;
  // A label that repeats its neighbour says nothing: the middle goes when the precision cannot tell them apart.
  const text = ticks.map(([t]) => shortTime(t, t1 - t0));
  const times = ticks
    .filter((_, i) => i !== 1 || (text[1] !== text[0] && text[1] !== text[2]))
    .map(
      ([t, anchor, x]) =>
        `<text x="${num(x)}" y="${HEIGHT - 10}" text-anchor="${anchor}" font-size="11" fill="currentColor">${escapeHtml(shortTime(t, t1 - t0))}</text>`,
    )
    .join('');
  return lines + times;
}

function rect(x: number, y: number, w: number, h: number, color: 'ok' | 'bad'): string {
  if (h <= 0) return '';
  return `<rect class="fill-${color}" fill="${COLORS[color]}" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/>`;
}

/** A time as precise as the span needs: seconds within minutes, minutes within a day and a half, else days. */
function shortTime(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  if (spanMs <= 10 * 60_000) return `${iso.slice(11, 19)} UTC`;
  return spanMs <= 36 * 3600_000 ? `${iso.slice(11, 16)} UTC` : iso.slice(5, 10);
}

function span(buckets: Bucket[]): string {
  return `${formatTime(new Date(buckets[0]!.start))} to ${formatTime(new Date(buckets.at(-1)!.end))}`;
}

function bucketLabel(buckets: Bucket[]): string {
  return formatDuration(buckets[0]!.end - buckets[0]!.start);
}

/** An even round number at least `value` (and 2), so the axis and its midpoint are whole, readable counts. */
function niceCeil(value: number): number {
  if (!(value > 2)) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 4, 6, 8, 10].map((m) => m * magnitude).find((v) => v >= value)!;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

function num(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
