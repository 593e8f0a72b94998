// Secret values never reach the grid: every byte a task sends back (its output streams, its output files'
// names, its progress messages) passes through here first. A value is caught in the forms a script most often
// prints it in by accident: as it is, in base64 (standard and URL-safe, at any alignment inside a longer
// encoded text) and URL-encoded. What it cannot catch (a value reversed, hex-encoded, split by the script
// itself) is listed in docs/security.md: redaction guards against mistakes, not against a hostile script.

export const REDACTED = '***';

/** The shortest secret value a node accepts: a shorter one would blank out ordinary text wherever it occurs. */
export const MIN_SECRET_LENGTH = 4;

/** Every byte sequence that gives `value` away, longest first. */
export function secretForms(value: string): Buffer[] {
  const raw = Buffer.from(value, 'utf8');
  const forms = new Set<string>([value]);
  for (const encoded of [encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+')]) {
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  }
  for (const shift of [0, 1, 2]) {
    const inner = base64Inner(raw, shift);
    if (inner.length < MIN_SECRET_LENGTH) continue;
    forms.add(inner);
    forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].map((form) => Buffer.from(form, 'utf8')).sort((a, b) => b.length - a.length);
}

/**
 * The base64 characters that `raw` fixes when it starts `shift` bytes into a 3-byte group of a longer text:
 * those of its first and last group depend on the bytes around it, so they are left out.
 */
function base64Inner(raw: Buffer, shift: number): string {
  const total = shift + raw.length;
  const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
  const first = Math.ceil((shift * 8) / 6);
  const last = 4 * Math.floor(total / 3) + Math.floor(((total % 3) * 8) / 6);
  return encoded.slice(first, last);
}

/**
 * Redacts a stream given in chunks: a value split across two chunks is still caught, as the tail that could
 * begin one is held back until the next chunk (or the end) shows whether it does.
 */
export class StreamRedactor {
  private readonly forms: Buffer[];
  private readonly hold: number;
  private held = Buffer.alloc(0);

  constructor(secrets: readonly string[]) {
    this.forms = [...new Set(secrets.filter((s) => s.length > 0).flatMap((s) => secretForms(s).map(String)))]
      .map((form) => Buffer.from(form, 'utf8'))
      .sort((a, b) => b.length - a.length);
    this.hold = Math.max(0, ...this.forms.map((form) => form.length - 1));
  }

  /** The redacted bytes that can be released now. */
  write(chunk: Buffer): Buffer {
    if (this.forms.length === 0) return chunk;
    return this.scan(Buffer.concat([this.held, chunk]), false);
  }

  /** What is left once the stream has ended. */
  end(): Buffer {
    const rest = this.forms.length === 0 ? Buffer.alloc(0) : this.scan(this.held, true);
    this.held = Buffer.alloc(0);
    return rest;
  }

  private scan(text: Buffer, final: boolean): Buffer {
    // Bytes from `safe` on might be the start of a value the next chunk completes.
    const safe = final ? text.length : text.length - this.hold;
    // Where each form next occurs: looked up again only once the scan has passed it, so a text full of one
    // value is not searched for every other value once per match.
    const next = this.forms.map((form) => text.indexOf(form));
    const out: Buffer[] = [];
    let at = 0;
    for (;;) {
      let best = -1;
      this.forms.forEach((form, i) => {
        if (next[i]! !== -1 && next[i]! < at) next[i] = text.indexOf(form, at);
        // The leftmost occurrence; forms are longest first, so the longest where several start at one place.
        if (next[i]! !== -1 && (best === -1 || next[i]! < next[best]!)) best = i;
      });
      if (best === -1 || next[best]! >= safe) break;
      out.push(text.subarray(at, next[best]), Buffer.from(REDACTED));
      at = next[best]! + this.forms[best]!.length;
    }
    const release = Math.max(at, safe);
    out.push(text.subarray(at, release));
    this.held = Buffer.from(text.subarray(release));
    return Buffer.concat(out);
  }
}

/** `text` with every form of every secret value replaced by ***: for names, messages and whole outputs. */
export function redact(text: string, secrets: readonly string[]): string {
  const redactor = new StreamRedactor(secrets);
  return Buffer.concat([redactor.write(Buffer.from(text, 'utf8')), redactor.end()]).toString('utf8');
}
