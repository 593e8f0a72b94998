// Text that came from a pull request (file names, and keys or values that messages quote) goes through
// printable() before it reaches a log. On a GitHub runner a line that starts with "::" is a workflow command
// (::set-output, ::error, ::stop-commands), so a line break or a "::" in that text could forge one; in a
// terminal, control characters could rewrite what is shown.

// Format characters (Cf) too: a bidirectional override or a zero-width character would make a reviewer read
// a name otherwise than it is.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  const code = c.codePointAt(0)!.toString(16);
  return NAMED[c] ?? (code.length > 4 ? `\\u{${code}}` : `\\u${code.padStart(4, '0')}`);
}

/** The text on one line, control characters written as escapes and every "::" broken by a zero-width space. */
export function printable(text: string): string {
  return text.replace(CONTROL, escape).replace(/:(?=:)/g, ':\u200b');
}
