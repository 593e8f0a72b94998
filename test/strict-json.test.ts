import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../src/common/errors.js';
import { git } from '../src/git/runner.js';
import { parsePolicy } from '../src/protocol/policy.js';
import { DEFAULT_MAX_BYTES, parseStrictJson, positionOf, type JsonProblem } from '../src/protocol/strict-json.js';
import { gridFor, runAll } from './helpers/grid.js';

function problems(input: string | Buffer, options?: Parameters<typeof parseStrictJson>[1]): JsonProblem[] {
  const result = parseStrictJson(input, options);
  assert.equal(result.ok, false, `expected ${JSON.stringify(String(input).slice(0, 80))} to be rejected`);
  return result.ok ? [] : result.problems;
}

function only(input: string | Buffer, options?: Parameters<typeof parseStrictJson>[1]): JsonProblem {
  const found = problems(input, options);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0] as JsonProblem;
}

test('valid JSON gives the same value as JSON.parse', () => {
  const documents = [
    '{}',
    '{"task_id": "t1", "script": "echo hi", "timeout_seconds": 30}',
    '{"s": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\ud83d\\ude00 é 😀"}',
    '{"n": [0, -0, 1.5, -2e-7, 1E+2, 123456789012345678901234567890, 0.1]}',
    '{"nested": {"a": [true, false, null, {"b": []}]}, "": "empty key"}',
    ' \t\r\n{"a": 1}\r\n\n',
  ];
  for (const text of documents) {
    const result = parseStrictJson(text);
    assert.ok(result.ok, text);
    assert.deepEqual(result.value, JSON.parse(text));
  }
});

test('a Buffer is decoded as UTF-8', () => {
  const result = parseStrictJson(Buffer.from('{"name": "Zoë 😀"}'));
  assert.ok(result.ok);
  assert.deepEqual(result.value, { name: 'Zoë 😀' });
});

test('locate finds keys of properties and values of elements, counting CRLF as one line break', () => {
  const result = parseStrictJson('{\r\n  "a": {"b/c": [1, {"d~": 2}]},\r\n  "e": 3\r\n}');
  assert.ok(result.ok);
  assert.deepEqual(result.locate(''), { line: 1, column: 1 });
  assert.deepEqual(result.locate('/a'), { line: 2, column: 3 });
  assert.deepEqual(result.locate('/a/b~1c'), { line: 2, column: 9 });
  assert.deepEqual(result.locate('/a/b~1c/1'), { line: 2, column: 20 });
  assert.deepEqual(result.locate('/a/b~1c/1/d~0'), { line: 2, column: 21 });
  assert.deepEqual(result.locate('/e'), { line: 3, column: 3 });
});

test('locate falls back to the deepest part of a pointer that exists', () => {
  // ajv reports a missing property at its parent, and additionalProperties one level too deep.
  const result = parseStrictJson('{\n  "resources": {"cpus": 1},\n  "list": [1]\n}');
  assert.ok(result.ok);
  assert.deepEqual(result.locate('/missing'), { line: 1, column: 1 });
  assert.deepEqual(result.locate('/resources/gpus'), { line: 2, column: 3 });
  assert.deepEqual(result.locate('/list/5'), { line: 3, column: 3 });
  assert.deepEqual(result.locate('/list/01'), { line: 3, column: 3 });
});

test('positionOf counts CR, LF and CRLF as line breaks', () => {
  const text = 'a\nb\r\nc\rd';
  assert.deepEqual(positionOf(text, 0), { line: 1, column: 1 });
  assert.deepEqual(positionOf(text, 2), { line: 2, column: 1 });
  assert.deepEqual(positionOf(text, 5), { line: 3, column: 1 });
  assert.deepEqual(positionOf(text, 7), { line: 4, column: 1 });
});

test('files over the size limit are refused before parsing', () => {
  const big = `{"script": "${'x'.repeat(DEFAULT_MAX_BYTES)}"}`;
  assert.match(only(big).message, new RegExp(`more than the limit of ${DEFAULT_MAX_BYTES}`));
  assert.match(only('{"a": "12345"}', { maxBytes: 10 }).message, /the file is 14 bytes, more than the limit of 10/);
  // The limit counts bytes, not characters.
  assert.match(only('{"a": "éééé"}', { maxBytes: 14 }).message, /17 bytes/);
});

test('invalid UTF-8 is reported at the broken character', () => {
  const bytes = Buffer.concat([Buffer.from('{\n  "a": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
  assert.deepEqual(only(bytes), {
    line: 2,
    column: 9,
    message: 'the file is not valid UTF-8 (at byte offset 10): save it with UTF-8 encoding',
  });
  // Columns count characters, not bytes.
  const afterAccent = Buffer.concat([Buffer.from('{"é": "'), Buffer.from([0xff]), Buffer.from('"}')]);
  assert.deepEqual(only(afterAccent), {
    line: 1,
    column: 8,
    message: 'the file is not valid UTF-8 (at byte offset 8): save it with UTF-8 encoding',
  });
  const cutShort = Buffer.concat([Buffer.from('{"a": "'), Buffer.from('€').subarray(0, 2)]);
  assert.match(only(cutShort).message, /not valid UTF-8 \(at byte offset 7\)/);
});

test('a byte order mark is refused', () => {
  assert.match(only('\uFEFF{}').message, /byte order mark/);
  assert.match(only(Buffer.from('\uFEFF{}')).message, /byte order mark/);
});

test('comments are refused', () => {
  assert.deepEqual(only('{\n  // why\n  "a": 1\n}'), {
    line: 2,
    column: 3,
    message: 'comments are not allowed in JSON: remove the comment',
  });
  assert.match(only('{"a": /* why */ 1}').message, /comments are not allowed/);
  assert.match(only('{"a": 1} // why').message, /comments are not allowed/);
});

test('trailing commas are reported at the comma', () => {
  assert.deepEqual(only('{"a": 1,\n}'), { line: 1, column: 8, message: 'trailing comma before "}": remove the comma' });
  assert.deepEqual(only('{"a": [1, 2, ]}'), {
    line: 1,
    column: 12,
    message: 'trailing comma before "]": remove the comma',
  });
});

test('NaN and Infinity are refused', () => {
  for (const literal of ['NaN', 'Infinity', '-Infinity']) {
    const problem = only(`{"a": ${literal}}`);
    assert.equal(problem.column, 7);
    assert.match(problem.message, /NaN and Infinity are not allowed/);
  }
  assert.match(only('{"a": 1e400}').message, /the number is too large/);
});

test('data after the object is refused', () => {
  assert.deepEqual(only('{"a": 1}\n{"b": 2}'), {
    line: 2,
    column: 1,
    message: 'unexpected data after the end of the JSON object: remove it',
  });
  assert.match(only('{"a": 1}}').message, /unexpected data after the end/);
});

test('the top level must be an object', () => {
  for (const text of ['[1, 2]', '"task"', '42', 'null']) {
    assert.match(only(text).message, /must hold a JSON object/, text);
  }
  assert.deepEqual(only('\n  []'), {
    line: 2,
    column: 3,
    message: 'the file must hold a JSON object ({ ... }) at the top level',
  });
  assert.match(only(' \n ').message, /the file is empty/);
});

test('duplicate keys are reported at the second occurrence', () => {
  assert.deepEqual(only('{\n  "script": "a",\n  "env": {"A": "1"},\n  "script": "b"\n}'), {
    line: 4,
    column: 3,
    message: 'duplicate key "script" (first at line 2, column 3): keep only one',
  });
  // Nested objects have their own keys; escapes are compared after decoding.
  assert.ok(parseStrictJson('{"a": {"a": 1}}').ok);
  assert.match(only('{"env": {"A": 1, "\\u0041": 2}}').message, /duplicate key "A"/);
});

test('keys that touch JavaScript prototypes are refused, and nothing is polluted', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const problem = only(`{"env": {"${key}": {"polluted": true}}}`);
    assert.deepEqual(problem, { line: 1, column: 10, message: `key ${key} is not allowed: remove it` });
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('every problem found after parsing is reported, not only the first', () => {
  const found = problems('{"a": 1, "a": 2, "__proto__": {}, "b": "x\ty"}');
  assert.deepEqual(
    found.map((p) => p.column),
    [10, 18, 42],
  );
  assert.match(found[2]?.message ?? '', /control character U\+0009/);
});

test('nesting is bounded', () => {
  const nested = (depth: number) => `{"a": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
  assert.ok(parseStrictJson(nested(32)).ok);
  assert.deepEqual(only(nested(33)), {
    line: 1,
    column: 38,
    message: 'objects and arrays are nested more than 32 levels deep: flatten the structure',
  });
  assert.ok(!parseStrictJson(nested(4), { maxDepth: 3 }).ok);
  // Deep enough to overflow a recursive parser's stack if it got that far.
  assert.match(only(nested(200_000), { maxBytes: 1_000_000 }).message, /nested more than 32 levels/);
  // Brackets inside strings are not nesting.
  assert.ok(parseStrictJson(`{"a": "${'['.repeat(100)}"}`).ok);
});

test('raw control characters in strings are refused', () => {
  assert.deepEqual(only('{"script": "echo a\necho b"}'), {
    line: 1,
    column: 19,
    message:
      'unescaped control character U+000A in a string: write it as an escape (\\n for a line break, \\t for a tab, \\u000A otherwise)',
  });
  assert.match(only('{"a\u0001": 1}').message, /U\+0001/);
});

test('lone surrogates are refused', () => {
  assert.match(only('{"a": "\\ud800"}').message, /half of a surrogate pair/);
  assert.match(only('{"a": "x\\udc00"}').message, /half of a surrogate pair/);
  assert.match(only('{"k\\ud800": 1}').message, /half of a surrogate pair/, 'in a key too');
  assert.match(only('{"a": [{"b": ["\\udfff"]}]}').message, /half of a surrogate pair/, 'however deep');
});

test('a well-formed file reads to the value momoa builds, and its positions are found when asked for', () => {
  const text =
    '{\n  "task_id": "t1",\n  "nested": {"list": [1, 2.5, "\\u00e9", null, true, {"k": "\\ud83d\\ude00"}]}\n}\n';
  const parsed = parseStrictJson(text);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, { task_id: 't1', nested: { list: [1, 2.5, 'é', null, true, { k: '😀' }] } });
  assert.deepEqual(parsed.locate('/nested/list/2'), { line: 3, column: 31 });
  // A colon inside a string is not a member: no duplicate is seen where there is none.
  assert.ok(parseStrictJson('{"a": "b:c", "d:e": {"f": ":"}}').ok);
});

test('other syntax errors carry a position and a hint', () => {
  assert.deepEqual(only('{\n  "a": 1\n  "b": 2\n}'), {
    line: 3,
    column: 3,
    message: 'invalid JSON: unexpected token String; look for a missing or extra comma, colon or quote',
  });
  assert.match(only("{'a': 1}").message, /unexpected character '''/);
  assert.match(only('{"a": tru}').message, /unexpected identifier 'tru'/);
  assert.match(only('{"a": 01}').message, /invalid JSON/);
  for (const text of ['{"a": [1, 2', '{"a": "x', '{"a": {\n', '{"a": 1,']) {
    assert.match(only(text).message, /the file ends before the JSON object is complete/, text);
  }
});

const CLI = new URL('../src/cli/index.js', import.meta.url).pathname;

test('dgrid submit refuses what validate-task refuses: a second "script" key, a BOM, a comment', async (t) => {
  const grid = await gridFor(t);
  const before = await git(['rev-parse', 'main'], { cwd: grid.bare });
  const files: Record<string, [string, string]> = {
    twice: [
      '{\n  "task_id": "twice",\n  "script": "echo safe",\n  "script": "echo evil"\n}\n',
      ':4:3: duplicate key "script" (first at line 3, column 3): keep only one',
    ],
    bom: ['\uFEFF{"task_id": "bom", "script": "true"}', ':1:1: the file starts with a byte order mark (BOM)'],
    comment: ['{"task_id": "comment", /* hi */ "script": "true"}', ':1:24: comments are not allowed in JSON'],
  };
  for (const [id, [text, problem]] of Object.entries(files)) {
    const path = join(grid.dir, `${id}.json`);
    await writeFile(path, text);
    const run = spawnSync(process.execPath, [CLI, 'submit', '--repository', grid.bare, path], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(run.stderr.startsWith(`dgrid: ${path}${problem}`), run.stderr);
  }
  assert.equal(await git(['rev-parse', 'main'], { cwd: grid.bare }), before);
});

test('a queue file with a duplicate key, pushed directly, is moved out of the queue as invalid and never run', async (t) => {
  const grid = await gridFor(t);
  const marker = join(grid.dir, 'ran');
  const work = join(grid.dir, 'work');
  await git(['clone', '--quiet', grid.bare, work]);
  await writeFile(
    join(work, 'tasks/queue/twice.json'),
    `{"task_id": "twice", "script": "true", "script": "touch ${marker}"}`,
  );
  await git(['-C', work, 'add', '-A']);
  await git(['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'direct push']);
  await git(['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);

  const [report] = await runAll([grid.worker({ nodeId: 'n1' })]);
  assert.equal(report?.completed, 0);
  const result = (await grid.results()).get('twice');
  assert.equal(result?.state, 'failed');
  assert.equal(result?.status, 'error');
  assert.match(
    result?.reason ?? '',
    /^not valid JSON: line 1, column 40: duplicate key "script" \(first at line 1, column 22\): keep only one$/,
  );
  assert.equal(existsSync(marker), false);
});

test('dgrid.json is read as strictly as task files: a second "signatures" key is refused at its place', () => {
  const text = '{\n  "signatures": {"required": true},\n  "signatures": {"required": false}\n}\n';
  assert.throws(
    () => parsePolicy(text),
    (error: Error) =>
      error instanceof UserError &&
      error.message ===
        'dgrid.json is not valid JSON: line 3, column 3: duplicate key "signatures" (first at line 2, column 3): keep only one',
  );
});
