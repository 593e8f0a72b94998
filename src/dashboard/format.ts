// Human formatting shared by the pages and the job summary. Everything is relative to the render time,
// never to the clock, so a render is reproducible; the page script redoes relative times in the browser.

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
  const total = Math.round(s);
  const [d, h, m, sec] = [
    Math.floor(total / 86400),
    Math.floor(total / 3600) % 24,
    Math.floor(total / 60) % 60,
    total % 60,
  ];
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}

export function formatAgo(time: Date, now: Date): string {
  const diff = now.getTime() - time.getTime();
  if (!Number.isFinite(diff)) return 'unknown';
  if (Math.abs(diff) < 10_000) return 'just now';
  const span = formatSpan(Math.abs(diff));
  return diff > 0 ? `${span} ago` : `in ${span}`;
}

/** A coarse span for "ago" texts: one unit is enough to judge freshness. */
function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** UTC, minute precision: the pages are read from anywhere and exact seconds are in the records. */
export function formatTime(time: Date): string {
  if (Number.isNaN(time.getTime())) return 'unknown';
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Parses a record's date-time field; undefined when absent or not a date. */
export function parseTime(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The last meaningful lines of an output stream, short enough for a table cell. */
export function excerpt(text: string, max = 140): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const tail = lines.slice(-2).join(' ⏎ ');
  return tail.length > max ? `…${tail.slice(tail.length - max + 1)}` : tail;
}
