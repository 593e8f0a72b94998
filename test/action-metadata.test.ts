import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { actionNames, badInputs, readMetadata, root } from './helpers/action-metadata.js';
import { runAction } from './helpers/action.js';
import * as settingsModule from '../src/node/settings.js';
import type { Setting } from '../src/node/settings.js';

const KIT = join(root, 'src/action/kit.ts');
const SETTINGS = join(root, 'src/node/settings.ts');
const CORE_INPUT_READERS = new Set(['getInput', 'getBooleanInput', 'getMultilineInput']);

/** settings: src/node/settings.ts, whose readers take the inputs their tables name. */
type Module = 'core' | 'kit' | 'settings';
/** A local name bound by an import: a whole module (`import * as core`) or one of its functions. */
type Bindings = Map<string, { module: Module; name: string | '*' }>;

interface Usage {
  inputs: Set<string>;
  /** The inputs read through a table of src/node/settings.ts, as the table describes them. */
  settings: Setting[];
  outputs: Set<string>;
  /** Reads the test cannot follow, such as an input name computed at run time. */
  problems: string[];
}

function parseFile(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  return `${relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function forEachDeep(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => forEachDeep(child, visit));
}

/** The relative modules a file loads at run time, as paths of their TypeScript sources. */
function dependencies(sf: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  forEachDeep(sf, (n) => {
    if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly && ts.isStringLiteral(n.moduleSpecifier)) {
      specifiers.push(n.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(n) &&
      !n.isTypeOnly &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    ) {
      specifiers.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteralLike(arg)) specifiers.push(arg.text);
    }
  });
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(sf.fileName), s).replace(/\.js$/, '.ts'))
    .filter((file) => file.endsWith('.ts') && existsSync(file));
}

function bindings(sf: ts.SourceFile): Bindings {
  const bound: Bindings = new Map();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const path = resolve(dirname(sf.fileName), specifier).replace(/\.js$/, '.ts');
    const module: Module | undefined =
      specifier === '@actions/core' ? 'core' : path === KIT ? 'kit' : path === SETTINGS ? 'settings' : undefined;
    const named = statement.importClause?.namedBindings;
    if (!module || !named) continue;
    if (ts.isNamespaceImport(named)) bound.set(named.name.text, { module, name: '*' });
    else for (const e of named.elements) bound.set(e.name.text, { module, name: (e.propertyName ?? e.name).text });
  }
  return bound;
}

function callee(call: ts.CallExpression, bound: Bindings): { module: Module; name: string } | undefined {
  const target = call.expression;
  if (ts.isIdentifier(target)) {
    const b = bound.get(target.text);
    return b && b.name !== '*' ? { module: b.module, name: b.name } : undefined;
  }
  if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
    const b = bound.get(target.expression.text);
    return b?.name === '*' ? { module: b.module, name: target.name.text } : undefined;
  }
  return undefined;
}

/**
 * What each helper of src/action/kit.ts reads: `named` helpers read the input named by their first argument
 * (getList('files')), the others read fixed inputs (getToken reads 'token').
 */
function kitHelpers(): { named: Set<string>; fixed: Map<string, Set<string>> } {
  const sf = parseFile(KIT);
  const bound = bindings(sf);
  const functions = sf.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name);
  const local = new Set(functions.map((f) => f.name!.text));
  const named = new Set<string>();
  const learn = (known: Set<string>, item: string) => !known.has(item) && !!known.add(item);
  const fixed = new Map<string, Set<string>>(functions.map((f) => [f.name!.text, new Set<string>()]));
  // Helpers may build on each other, so repeat until nothing new is learned.
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of functions) {
      const name = fn.name!.text;
      const [param] = fn.parameters;
      forEachDeep(fn, (n) => {
        if (!ts.isCallExpression(n)) return;
        const c = callee(n, bound);
        const target = ts.isIdentifier(n.expression) && local.has(n.expression.text) ? n.expression.text : undefined;
        const readsArgument = (c?.module === 'core' && CORE_INPUT_READERS.has(c.name)) || (target && named.has(target));
        const [arg] = n.arguments;
        if (readsArgument && arg && ts.isStringLiteralLike(arg)) changed = learn(fixed.get(name)!, arg.text) || changed;
        else if (readsArgument && arg && ts.isIdentifier(arg) && arg.text === param?.name.getText()) {
          changed = learn(named, name) || changed;
        }
        for (const input of target ? fixed.get(target)! : []) changed = learn(fixed.get(name)!, input) || changed;
      });
    }
  }
  return { named, fixed };
}

/** The inputs an action reads and the outputs it sets, from its sources and every module they load. */
function usage(action: string): Usage {
  const kit = kitHelpers();
  const result: Usage = { inputs: new Set(), settings: [], outputs: new Set(), problems: [] };
  const tables = Object.values(settingsModule.SETTING_TABLES).flat();
  const seen = new Set<string>();
  const queue = [join(root, action, 'src/index.ts')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || file === KIT) continue;
    seen.add(file);
    const sf = parseFile(file);
    queue.push(...dependencies(sf));
    const bound = bindings(sf);
    forEachDeep(sf, (n) => {
      if (ts.isPropertyAccessExpression(n) && /^INPUT_/.test(n.name.text)) {
        result.problems.push(`${where(n)} reads ${n.getText()}: use the helpers of src/action/kit.ts`);
      }
      if (!ts.isCallExpression(n)) return;
      const c = callee(n, bound);
      if (!c) return;
      const [arg] = n.arguments;
      const name = arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
      const readsArgument =
        (c.module === 'core' && CORE_INPUT_READERS.has(c.name)) || (c.module === 'kit' && kit.named.has(c.name));
      if (readsArgument || (c.module === 'core' && c.name === 'setOutput')) {
        if (name === undefined)
          result.problems.push(`${where(n)}: ${n.getText()} names its input or output at run time`);
        else (readsArgument ? result.inputs : result.outputs).add(name);
      }
      if (c.module === 'kit') for (const input of kit.fixed.get(c.name) ?? []) result.inputs.add(input);
      if (c.module === 'settings' && name === 'action') {
        // A reader of settings names its inputs from its table: run it and record what it asks for.
        const reader = (settingsModule as unknown as Record<string, (s: string, r: (n: string) => string) => unknown>)[
          c.name
        ];
        assert.ok(reader, `${where(n)}: ${c.name} is not a function of src/node/settings.ts`);
        reader('action', (input) => {
          result.inputs.add(input);
          const setting = tables.find((s) => s.name === input);
          if (setting) result.settings.push(setting);
          else result.problems.push(`${where(n)}: ${c.name} reads "${input}", which no settings table describes`);
          return '';
        });
      }
    });
  }
  return result;
}

const actions = actionNames();

test('run-worker and reap-orphans read their settings from src/node/settings.ts', () => {
  for (const [action, table] of [
    ['run-worker', settingsModule.WORKER_SETTINGS],
    ['reap-orphans', settingsModule.REAP_SETTINGS],
  ] as const) {
    const names = usage(action).settings.map((s) => s.name);
    assert.deepEqual(names.sort(), table.map((s) => s.name).sort(), action);
  }
});

test('the four actions of the contract are there', () => {
  for (const action of ['validate-task', 'run-worker', 'reap-orphans', 'render-dashboard']) {
    assert.ok(actions.includes(action), `${action}/action.yml is missing`);
  }
});

test('all actions run on the same runtime, node24', () => {
  const runtimes = new Set(actions.map((a) => readMetadata(join(root, a)).runs?.using));
  assert.deepEqual([...runtimes], ['node24']);
});

for (const action of actions) {
  test(`${action}/action.yml has the metadata the Marketplace shows`, () => {
    const m = readMetadata(join(root, action));
    for (const field of ['name', 'description', 'author'] as const) {
      assert.ok(typeof m[field] === 'string' && m[field].trim(), `${field} is missing`);
    }
    assert.ok(m.branding?.icon && m.branding.color, 'branding needs an icon and a color');
    for (const [kind, entries] of [
      ['input', m.inputs],
      ['output', m.outputs],
    ] as const) {
      for (const [name, entry] of Object.entries(entries ?? {})) {
        assert.match(name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${kind} "${name}" is not kebab-case`);
        assert.ok(entry?.description?.trim(), `${kind} "${name}" has no description`);
      }
    }
    assert.equal(m.runs?.main, `../dist/${action}/index.js`);
    assert.ok(existsSync(join(root, action, m.runs.main)), `${m.runs.main} is not built`);
  });

  test(`${action} reads exactly the inputs and sets exactly the outputs its action.yml declares`, () => {
    const m = readMetadata(join(root, action));
    const found = usage(action);
    assert.deepEqual(found.problems, []);
    const declaredInputs = Object.keys(m.inputs ?? {});
    assert.deepEqual(
      [...found.inputs].filter((i) => !declaredInputs.includes(i)).sort(),
      [],
      'inputs the code reads but action.yml does not declare',
    );
    assert.deepEqual(
      declaredInputs.filter((i) => !found.inputs.has(i)).sort(),
      [],
      'inputs action.yml declares but the code never reads',
    );
    assert.deepEqual([...found.outputs].sort(), Object.keys(m.outputs ?? {}).sort(), 'outputs set vs declared');
  });

  const { settings } = usage(action);
  if (settings.length === 0) continue;
  test(`${action}/action.yml declares the settings it reads as src/node/settings.ts describes them`, () => {
    const m = readMetadata(join(root, action));
    for (const setting of settings) {
      const input = m.inputs?.[setting.name];
      assert.ok(input, `input "${setting.name}" is not declared`);
      assert.equal(input.default, setting.default, `default of "${setting.name}"`);
      assert.equal(input.description, setting.help, `description of "${setting.name}"`);
    }
  });
}

test('every built action runs on Node 24 and fails a bad input with one clean error', async () => {
  // The runner runs node24 actions on Node 24; CI puts that Node first on PATH, so the tests run on it.
  if (process.env.CI === 'true') assert.match(process.version, /^v24\./, `tests run on Node ${process.version}`);
  for (const action of actions) {
    const bad = badInputs[action];
    assert.ok(bad, `add inputs that ${action} refuses to badInputs in test/helpers/action-metadata.ts`);
    const main = join(root, action, readMetadata(join(root, action)).runs!.main!);
    const run = await runAction(main, bad.inputs);
    const output = run.stdout + run.stderr;
    assert.equal(run.exitCode, 1, `${action}: ${output}`);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.equal(errors.length, 1, `${action}: ${output}`);
    assert.match(errors[0]!, new RegExp(`^::error::input "${bad.culprit}" is `), action);
    assert.doesNotMatch(output, /(\n|%0A)\s+at /, `${action} printed a stack trace`);
  }
});
