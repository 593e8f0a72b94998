import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers/action-metadata.js';

const script = join(root, 'scripts/check-cycles.js');

function checkCycles(cwd: string, ...folders: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [script, ...folders], { cwd, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

test('check-cycles names every cycle, through type-only, re-export and dynamic imports, and fails', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dgrid-cycles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  // a -> b -> a, through a type-only import, which vanishes when compiled but still ties the two together.
  write('src/a.ts', "import { b } from './b.js';\nexport interface A { n: number }\nexport const a = b + 1;\n");
  write('src/b.ts', "import type { A } from './a.js';\nexport const b = 1;\nexport type B = A;\n");
  // c -> sub/d -> c, through a re-export and a lazy import.
  write('src/c.ts', "export * from './sub/d.js';\nexport const c = 1;\n");
  write('src/sub/d.ts', "export async function d() {\n  return (await import('../c.js')).c;\n}\n");
  // e imports the others and itself is imported by none: in no cycle.
  write('src/e.ts', "import { a } from './a.js';\nimport { c } from './c.js';\nexport const e = a + c;\n");

  const run = checkCycles(dir, 'src');
  assert.equal(run.status, 1);
  const cycles = run.stderr.split('\n').filter((l) => l.startsWith('import cycle:'));
  assert.deepEqual(cycles.sort(), [
    'import cycle: src/a.ts -> src/b.ts -> src/a.ts',
    'import cycle: src/c.ts -> src/sub/d.ts -> src/c.ts',
  ]);
  assert.doesNotMatch(run.stderr, /e\.ts/);

  rmSync(join(dir, 'src/sub'), { recursive: true });
  write('src/sub/d.ts', 'export const d = 2;\n');
  write('src/b.ts', 'export const b = 1;\n');
  assert.deepEqual(checkCycles(dir, 'src'), { status: 0, stderr: '' });
});

test('the sources have no import cycle', () => {
  const run = checkCycles(root);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});

test('check-cycles --folders fails when folders import each other in a cycle, though no module cycle exists', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dgrid-cycles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  // protocol/policy -> validation/strict-json, validation/rules -> protocol/schemas: no file is in a cycle,
  // but neither folder can be read without the other.
  write(
    'src/protocol/policy.ts',
    "import { parse } from '../validation/strict-json.js';\nexport const policy = parse;\n",
  );
  write('src/protocol/schemas.ts', 'export const schemas = 1;\n');
  write('src/validation/strict-json.ts', 'export const parse = JSON.parse;\n');
  write(
    'src/validation/rules.ts',
    "import { schemas } from '../protocol/schemas.js';\nexport const rules = schemas;\n",
  );
  // cli imports both and none imports it: on top, in no cycle.
  write(
    'src/cli/index.ts',
    "import { policy } from '../protocol/policy.js';\nimport { rules } from '../validation/rules.js';\nexport const cli = [policy, rules];\n",
  );

  assert.deepEqual(checkCycles(dir, 'src'), { status: 0, stderr: '' }, 'without --folders, only module cycles count');
  const run = checkCycles(dir, '--folders', 'src', 'src');
  assert.equal(run.status, 1);
  assert.deepEqual(run.stderr.split('\n').slice(0, 3), [
    'folder cycle: src/protocol -> src/validation -> src/protocol',
    '  src/protocol/policy.ts imports src/validation/strict-json.ts',
    '  src/validation/rules.ts imports src/protocol/schemas.ts',
  ]);
  assert.doesNotMatch(run.stderr, /cli/);

  // strict-json moved to the folder it serves: the imports run one way.
  rmSync(join(dir, 'src/validation/strict-json.ts'));
  write('src/protocol/strict-json.ts', 'export const parse = JSON.parse;\n');
  write('src/protocol/policy.ts', "import { parse } from './strict-json.js';\nexport const policy = parse;\n");
  assert.deepEqual(checkCycles(dir, '--folders', 'src', 'src'), { status: 0, stderr: '' });
});

test('the source folders form a DAG', () => {
  const run = checkCycles(root, '--folders', join(root, 'src'));
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});
