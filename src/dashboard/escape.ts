// Task ids, node ids, labels, scripts and outputs come from anyone who can open a pull request, so every
// string reaching a page is escaped. Markup built by this package (chart SVGs) passes through templates
// only as a Markup object, which lets the templates keep a single, always-escaping interpolation tag.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters a reader cannot see but a browser obeys: bidirectional overrides and isolates that make a script
 * read otherwise than it runs (U+202A-U+202E, U+2066-U+2069), zero-width and direction marks (U+200B-U+200F),
 * line and paragraph separators, and every other control (Cc) and format (Cf) character. Tab, line feed and
 * carriage return stay: outputs and scripts are shown with their lines.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The character as a visible escape, e.g. ⟨U+202E⟩. */
function visible(c: string): string {
  return `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Escapes text for HTML and XML content and quoted attribute values, invisible characters shown as escapes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(INVISIBLE, visible);
}

/** Markup this package produced itself, already escaped. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** The template engine's escape function: everything is text except Markup. */
export function escapeValue(value: unknown): string {
  if (value instanceof Markup) return value.html;
  return escapeHtml(value === undefined || value === null ? '' : String(value));
}

/**
 * JSON for a <script type="application/json"> block. Escaping <, > and & keeps `</script>` and `<!--`
 * from ending or bending the block; U+2028 and U+2029 are escaped because older JavaScript parsers treat
 * them as line ends.
 */
export function scriptJson(value: unknown): Markup {
  const json = JSON.stringify(value) ?? 'null';
  return new Markup(json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
