// The report as HTML, for the job summary and the pull request comment. Everything in it that came from the
// pull request is escaped: a file name or a quoted key must not turn into markup, links or @mentions.
import { printable } from '../../src/common/printable.js';
import { describeProblem } from '../../src/validation/task-rules.js';
import { verdictOf, type ValidationReport } from '../../src/validation/submission.js';

export const ANNOTATIONS_PER_FILE = 20;
const MAX_TEXT = 400;

/** Untrusted text for one log line or one table cell: printable, and not endless. */
export function shown(text: string): string {
  const line = printable(text);
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT)}…` : line;
}

function html(text: string): string {
  return shown(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('@', '@\u200b');
}

export interface Limits {
  /** Rows of the table. */
  files: number;
  /** Problems listed per file. */
  problems: number;
  /** List only the files with problems. */
  invalidOnly?: boolean;
}

export function renderReport(report: ValidationReport, limits: Limits): string {
  const verdict = verdictOf(report);
  const out = ['<h2>dgrid validate-task</h2>'];
  if (verdict.valid && verdict.checked === 0) {
    out.push(
      '<p>✅ No task files: this changes nothing under <code>tasks/</code>, so there is nothing for the gate to judge.</p>',
    );
  } else {
    out.push(
      verdict.valid
        ? `<p>✅ ${verdict.checked} file(s) checked: every task is valid.</p>`
        : `<p>❌ ${verdict.invalid} of ${verdict.checked} file(s) have problems${report.problems.length > 0 ? ', and the submission as a whole has problems' : ''}. Each problem says what to change.</p>`,
    );
  }
  if (report.problems.length > 0) out.push(`<ul>${report.problems.map((p) => `<li>${html(p)}</li>`).join('')}</ul>`);
  const files = report.files.filter((f) => !limits.invalidOnly || f.problems.length > 0);
  if (files.length > 0) {
    out.push('<table><tr><th>File</th><th>Task</th><th>Verdict</th><th>Problems</th></tr>');
    for (const file of files.slice(0, limits.files)) {
      const listed = file.problems.slice(0, limits.problems).map((p) => html(describeProblem(p)));
      const more = file.problems.length - listed.length;
      if (more > 0) listed.push(`… and ${more} more (see the annotations)`);
      const cells = [
        `<code>${html(file.path)}</code>`,
        file.taskId === undefined ? '' : html(file.taskId),
        file.problems.length === 0 ? '✅ valid' : '❌ invalid',
        listed.join('<br>'),
      ];
      out.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    }
    out.push('</table>');
    if (files.length > limits.files) out.push(`<p>… and ${files.length - limits.files} more files.</p>`);
  }
  return out.join('\n');
}
