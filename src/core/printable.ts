// Text that came from a pull request (file names, and keys or values that messages quote) goes through
// printable() before it reaches a log. On a GitHub runner a line that starts with "::" is a workflow command
// (::set-output, ::error, ::stop-commands), so a line break or a "::" in that text could forge one; in a
// terminal, control characters could rewrite what is shown.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text on one line, control characters written as escapes and every "::" broken by a zero-width space. */
export function printable(text: string): string {
  return text
    .replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/:(?=:)/g, ':\u200b');
}
