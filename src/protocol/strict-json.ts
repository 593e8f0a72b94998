// Strict JSON for files that strangers submit by pull request. JSON.parse accepts too much for that (a
// duplicate key silently wins, a BOM or a lone surrogate slips through) and gives no line numbers, so this
// parses with momoa, which keeps positions, and builds the value from its syntax tree.
import { isUtf8 } from 'node:buffer';
import { parse, type DocumentNode, type MemberNode, type StringNode, type ValueNode } from '@humanwhocodes/momoa';

/** A place in a file; line and column count from 1, columns in UTF-16 code units like most editors. */
export interface Position {
  line: number;
  column: number;
}

export interface JsonProblem extends Position {
  message: string;
}

export interface StrictJsonOptions {
  maxBytes?: number;
  maxDepth?: number;
}

export type StrictJsonResult =
  | {
      ok: true;
      value: unknown;
      /** Where a JSON pointer (as in ajv's instancePath) points: a property's key, an element's value. */
      locate(pointer: string): Position;
    }
  | { ok: false; problems: JsonProblem[] };

/** A task's script may hold 64 KiB; the margin leaves room for escaping and the other fields. */
export const DEFAULT_MAX_BYTES = 96 * 1024;
export const DEFAULT_MAX_DEPTH = 32;

// Keys that mean something to JavaScript objects. No grid file needs them, and refusing them is simpler
// than proving every consumer of the value copies objects safely.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Half of a surrogate pair, alone: JSON's \u escapes can write one, and no text holds one. */
const LONE_SURROGATE = /\p{Cs}/u;

const NON_FINITE_MESSAGE = 'NaN and Infinity are not allowed in JSON: use a number or null';

export function parseStrictJson(input: string | Buffer, options: StrictJsonOptions = {}): StrictJsonResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > maxBytes) {
    return fail(
      { line: 1, column: 1 },
      `the file is ${size} bytes, more than the limit of ${maxBytes}: make it smaller`,
    );
  }
  if (typeof input !== 'string' && !isUtf8(input)) {
    const offset = firstInvalidUtf8(input);
    const before = input.subarray(0, offset).toString('utf8');
    return fail(
      positionOf(before, before.length),
      `the file is not valid UTF-8 (at byte offset ${offset}): save it with UTF-8 encoding`,
    );
  }
  const text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.startsWith('\uFEFF')) {
    return fail({ line: 1, column: 1 }, 'the file starts with a byte order mark (BOM): save it as UTF-8 without BOM');
  }
  const start = text.search(/[^ \t\n\r]/);
  if (start === -1) return fail({ line: 1, column: 1 }, 'the file is empty: it must hold a JSON object');
  if (text[start] !== '{') {
    return fail(positionOf(text, start), 'the file must hold a JSON object ({ ... }) at the top level');
  }
  const structure = scanStructure(text, maxDepth);
  if (structure.tooDeepAt !== undefined) {
    return fail(
      positionOf(text, structure.tooDeepAt),
      `objects and arrays are nested more than ${maxDepth} levels deep: flatten the structure`,
    );
  }

  // Most files are well formed, and the native parser reads them many times faster than momoa (a node checks
  // every task that reaches the queue). What it returns is the value momoa builds unless a key repeats
  // (JSON.parse keeps the last one silently), a key is forbidden, a string holds half a surrogate pair or a
  // number overflows: those files, and all that JSON.parse refuses, are read by momoa, which says where.
  const quick = quickParse(text, structure.members);
  if (quick !== undefined) {
    let parsed: DocumentNode | undefined;
    return { ok: true, value: quick, locate: (pointer) => locate((parsed ??= momoa(text)), pointer) };
  }
  let document: DocumentNode;
  try {
    document = momoa(text);
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    const { offset, message } = describeSyntaxError(text, error, structure.end);
    return fail(offset === error.offset ? error : positionOf(text, offset), message);
  }

  const problems: JsonProblem[] = [];
  const value = build(document.body, text, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value, locate: (pointer) => locate(document, pointer) };
}

function momoa(text: string): DocumentNode {
  return parse(text, { mode: 'json', ranges: true });
}

/** The value of text that JSON.parse reads the way momoa would, holding `members` members; else undefined. */
function quickParse(text: string, members: number): object | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let keys = 0;
  const sound = (item: unknown): boolean => {
    if (typeof item === 'string') return !LONE_SURROGATE.test(item);
    if (typeof item === 'number') return Number.isFinite(item);
    if (Array.isArray(item)) return item.every(sound);
    if (item === null || typeof item !== 'object') return true;
    for (const [key, member] of Object.entries(item)) {
      keys++;
      if (FORBIDDEN_KEYS.has(key) || LONE_SURROGATE.test(key) || !sound(member)) return false;
    }
    return true;
  };
  // Outside strings a colon only ever separates a key from its value: fewer keys than colons, a key repeats.
  return sound(value) && keys === members ? (value as object) : undefined;
}

/** The position of a UTF-16 offset in text, counting CR, LF and CRLF as line breaks as momoa does. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function fail(at: Position, message: string): StrictJsonResult {
  return { ok: false, problems: [{ line: at.line, column: at.column, message }] };
}

// The offset where the first broken character begins, or where a character cut short by the end begins.
function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let characterStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') characterStart = i + 1;
    } catch {
      break;
    }
  }
  return characterStart;
}

/**
 * Momoa parses recursively, so brackets are counted first to keep a hostile file from exhausting the
 * stack. Also finds where the top-level value ends, to tell trailing data from other syntax errors, and
 * counts the colons outside strings: in JSON, one for each member of an object.
 * The count is exact up to the first syntax error, which is all that matters.
 */
function scanStructure(text: string, maxDepth: number): { tooDeepAt?: number; end?: number; members: number } {
  let depth = 0;
  let inString = false;
  let members = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === ':') {
      members++;
    } else if (c === '{' || c === '[') {
      if (++depth > maxDepth) return { tooDeepAt: i, members };
    } else if (c === '}' || c === ']') {
      if (--depth === 0) return { end: i + 1, members };
    }
  }
  return { members };
}

interface MomoaError extends Error {
  line: number;
  column: number;
  offset: number;
}

function isSyntaxError(error: unknown): error is MomoaError {
  return error instanceof Error && typeof (error as Partial<MomoaError>).offset === 'number';
}

function describeSyntaxError(
  text: string,
  error: MomoaError,
  end: number | undefined,
): { offset: number; message: string } {
  const { offset } = error;
  const rest = text.slice(offset);
  if (rest.startsWith('//') || rest.startsWith('/*')) {
    return { offset, message: 'comments are not allowed in JSON: remove the comment' };
  }
  if (/^-?(NaN|Infinity)/.test(rest)) return { offset, message: NON_FINITE_MESSAGE };
  if (end !== undefined && offset >= end) {
    return { offset, message: 'unexpected data after the end of the JSON object: remove it' };
  }
  const comma = text.slice(0, offset).search(/,[ \t\n\r]*$/);
  if ((rest.startsWith('}') || rest.startsWith(']')) && comma !== -1) {
    return { offset: comma, message: `trailing comma before "${rest[0]}": remove the comma` };
  }
  // Momoa blames the last token, not the end, when the file stops inside an array.
  if (end === undefined && /^[^ \t\n\r]*[ \t\n\r]*$/.test(rest)) {
    return { offset, message: 'the file ends before the JSON object is complete: look for a missing }, ] or "' };
  }
  const detail = error.message.replace(/ \(\d+:\d+\)$/, '').replace(/ found\.$/, '');
  return {
    offset,
    message: `invalid JSON: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}; look for a missing or extra comma, colon or quote`,
  };
}

function at(node: { loc: { start: Position } }): Position {
  return { line: node.loc.start.line, column: node.loc.start.column };
}

function memberName(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

function build(node: ValueNode, text: string, problems: JsonProblem[]): unknown {
  const problem = (position: Position, message: string) => problems.push({ ...position, message });
  switch (node.type) {
    case 'Object': {
      const object: Record<string, unknown> = {};
      const seen = new Map<string, MemberNode>();
      for (const member of node.members) {
        const key = memberName(member);
        if (member.name.type === 'String') checkString(member.name, text, problem);
        const first = seen.get(key);
        if (FORBIDDEN_KEYS.has(key)) {
          problem(at(member.name), `key ${key} is not allowed: remove it`);
        } else if (first) {
          const { line, column } = at(first.name);
          problem(at(member.name), `duplicate key "${key}" (first at line ${line}, column ${column}): keep only one`);
        } else {
          seen.set(key, member);
          object[key] = build(member.value, text, problems);
        }
      }
      return object;
    }
    case 'Array':
      return node.elements.map((element) => build(element.value, text, problems));
    case 'String':
      checkString(node, text, problem);
      return node.value;
    case 'Number':
      if (!Number.isFinite(node.value)) problem(at(node), 'the number is too large: use a smaller number or a string');
      return node.value;
    case 'Boolean':
      return node.value;
    case 'Null':
      return null;
    case 'NaN':
    case 'Infinity':
      problem(at(node), NON_FINITE_MESSAGE);
      return null;
  }
}

function checkString(node: StringNode, text: string, problem: (position: Position, message: string) => void) {
  const [from, to] = node.range ?? [0, 0];
  const raw = text.slice(from, to);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = raw.search(/[\u0000-\u001f]/);
  if (control !== -1) {
    // A raw line break ends the string's first line, so the first control character is still on it.
    const code = raw.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase();
    problem(
      { line: node.loc.start.line, column: node.loc.start.column + control },
      `unescaped control character U+${code} in a string: write it as an escape (\\n for a line break, \\t for a tab, \\u${code} otherwise)`,
    );
  } else if (LONE_SURROGATE.test(node.value)) {
    problem(at(node), 'the string holds half of a surrogate pair (\\uD800-\\uDFFF alone): write the whole character');
  }
}

function locate(document: DocumentNode, pointer: string): Position {
  let node: ValueNode = document.body;
  let position = at(node);
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const token of tokens) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node.type === 'Object') {
      const member = node.members.find((m) => memberName(m) === key);
      if (!member) break;
      position = at(member.name);
      node = member.value;
    } else if (node.type === 'Array' && /^(0|[1-9][0-9]*)$/.test(key)) {
      const element = node.elements[Number(key)];
      if (!element) break;
      node = element.value;
      position = at(node);
    } else {
      break;
    }
  }
  // A pointer that goes nowhere (ajv points at missing properties) lands on the deepest part that exists.
  return position;
}
