import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, StreamRedactor, redact } from '../src/common/redact.js';

const SECRETS = ['hunter2-token', 'p@ss w/rd+=?&', 'ключ-секрет', 'ghp_AbC123xyz789QRS', 'abcd'];

/** What the script prints the secret as. */
const ENCODINGS: Record<string, (around: [string, string], secret: string) => string> = {
  raw: ([before, after], s) => before + s + after,
  base64: ([before, after], s) => Buffer.from(before + s + after).toString('base64'),
  'base64 unpadded': ([before, after], s) =>
    Buffer.from(before + s + after)
      .toString('base64')
      .replace(/=+$/, ''),
  base64url: ([before, after], s) => Buffer.from(before + s + after).toString('base64url'),
  'URL-encoded': ([before, after], s) => before + encodeURIComponent(s) + after,
  'form-encoded': ([before, after], s) => before + encodeURIComponent(s).replace(/%20/g, '+') + after,
  'URL-encoded, lower case': ([before, after], s) =>
    before + encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) + after,
};

/** Where in the output the secret stands: the text around it, of every length modulo 3 (base64's groups). */
const POSITIONS: Record<string, [string, string]> = {
  alone: ['', ''],
  'at the start': ['', ' and more after it\n'],
  'at the end': ['token=', ''],
  'in the middle, shift 1': ['x', 'y'],
  'in the middle, shift 2': ['xy', 'yz'],
  'in the middle, shift 3': ['xyz', 'zzz'],
  'after a long line': ['a'.repeat(1000) + '\n', '\nend'],
};

/** Independent of the redactor: does `text` still give `secret` away in any of the forms above? */
function leaks(text: string, secret: string): boolean {
  if (text.includes(secret)) return true;
  // Every run of base64 (either alphabet), decoded at each of its four alignments.
  for (const run of text.match(/[A-Za-z0-9+/_-]{4,}/g) ?? []) {
    const std = run.replace(/-/g, '+').replace(/_/g, '/');
    for (let i = 0; i < 4; i++) {
      // Node decodes a last group without its padding too.
      if (Buffer.from(std.slice(i), 'base64').includes(Buffer.from(secret))) return true;
    }
  }
  const decoded = Buffer.from(
    text.replace(/\+/g, ' ').replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return decoded.includes(Buffer.from(secret)) || text.replace(/%[0-9a-fA-F]{2}/g, '').includes(secret);
}

/** Streams `text` through a redactor in the given chunk sizes (cycled), as a child's pipe would deliver it. */
function streamed(text: string, secrets: string[], sizes: number[]): string {
  const redactor = new StreamRedactor(secrets);
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(redactor.write(bytes.subarray(at, at + size)));
    at += size;
  }
  out.push(redactor.end());
  return Buffer.concat(out).toString('utf8');
}

test('every secret, in every encoding and position, is redacted: whole and split across stdout chunks', () => {
  let cases = 0;
  for (const secret of SECRETS) {
    for (const [encoding, encode] of Object.entries(ENCODINGS)) {
      for (const [position, around] of Object.entries(POSITIONS)) {
        const output = encode(around, secret);
        const name = `${JSON.stringify(secret)} ${encoding} ${position}`;
        assert.ok(leaks(output, secret), `${name}: the oracle sees the secret before redaction`);
        const whole = redact(output, SECRETS);
        assert.ok(!leaks(whole, secret), `${name}: leaked in ${JSON.stringify(whole.slice(0, 200))}`);
        assert.match(whole, /\*\*\*/, name);
        // Every split of the output into two chunks, and a few irregular chunkings.
        const length = Buffer.byteLength(output);
        for (let cut = 1; cut < Math.min(length, 80); cut++) {
          assert.equal(streamed(output, SECRETS, [cut, length]), whole, `${name}, cut at byte ${cut}`);
        }
        for (const sizes of [[1], [2, 3], [7, 1, 13]]) {
          assert.equal(streamed(output, SECRETS, sizes), whole, `${name}, chunks of ${sizes.join(',')} bytes`);
        }
        cases++;
      }
    }
  }
  assert.equal(cases, SECRETS.length * Object.keys(ENCODINGS).length * Object.keys(POSITIONS).length);
});

test('text without a secret passes unchanged, byte for byte, however it is chunked', () => {
  const text = 'hunter1 hunter2 abc ключ\n'.repeat(50) + Buffer.from([0xff, 0xfe]).toString('latin1');
  assert.equal(redact(text, SECRETS), text);
  assert.equal(streamed(text, SECRETS, [1, 5]), text);
  assert.equal(redact(text, []), text);
});

test('a secret repeated, back to back, and overlapping another is redacted every time', () => {
  const out = redact('hunter2-tokenhunter2-token hunter2-token\nabcdabcd', SECRETS);
  assert.equal(out, `${REDACTED}${REDACTED} ${REDACTED}\n${REDACTED}${REDACTED}`);
  // One value inside another: the longer is taken whole.
  assert.equal(redact('xx secret-long yy secret', ['secret', 'secret-long']), `xx ${REDACTED} yy ${REDACTED}`);
});
