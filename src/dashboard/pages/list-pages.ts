// list/<state>-<n>.html: every task, paginated.
import { formatCount, plural } from '../format.js';
import type { TaskState } from '../model.js';
import { STATE_LABEL, listPath, type Site } from '../site.js';

const PAGE_ROWS = 500;
const MAX_PAGES = 100;

export function* listPages(site: Site): Generator<[string, string]> {
  for (const state of ['queued', 'running', 'completed', 'failed'] as const) {
    const records = site.sorted[state];
    const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(records.length / PAGE_ROWS)));
    const order = state === 'queued' ? 'by priority' : state === 'running' ? 'longest running first' : 'newest first';
    const note =
      records.length > MAX_PAGES * PAGE_ROWS
        ? `Only the first ${formatCount(MAX_PAGES * PAGE_ROWS)} are listed here; the rest are in the repository.`
        : undefined;
    for (let n = 1; n <= pages; n++) {
      const slice = records.slice((n - 1) * PAGE_ROWS, n * PAGE_ROWS);
      const first = (n - 1) * PAGE_ROWS + 1;
      const range = slice.length > 0 ? `${formatCount(first)} to ${formatCount(first + slice.length - 1)}` : 'none';
      const table = site.table(
        'list',
        state,
        `${STATE_LABEL[state]}, ${range}`,
        records.length,
        site.rows(state, slice),
      );
      yield [
        listPath(state, n),
        site.page('@list', '../', '', `${STATE_LABEL[state]}${pages > 1 ? `, page ${n}` : ''}`, {
          crumbs: [],
          list: { summary: `${plural(records.length, 'task')}, ${order}. Page ${n} of ${pages}.`, note },
          table,
          pager: pager(state, n, pages),
        }),
      ];
    }
  }
}

function pager(state: TaskState, current: number, pages: number) {
  const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Array<{ n?: number; href?: string; current?: boolean; gap?: boolean }> = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push({ gap: true });
    items.push({ n, href: `${state}-${n}.html`, current: n === current });
  });
  return {
    pages: items,
    prev: current > 1 ? `${state}-${current - 1}.html` : undefined,
    next: current < pages ? `${state}-${current + 1}.html` : undefined,
  };
}
