// Fails when the TypeScript sources import each other in a cycle, naming each one. A cycle makes the order in
// which modules initialise depend on which one is imported first, and says that two modules are really one:
// what they share belongs in a third that both import. Type-only imports count too (two modules that need
// each other's types are as tangled as two that need each other's code), and so does dynamic import(), so
// that a cycle cannot be hidden behind a lazy import.
// With --folders DIR it also fails when DIR's subfolders import each other in a cycle: each folder is one
// concept (protocol/, node/, ...), and a newcomer reads them bottom up only if the folders form a DAG.
// Usage: node scripts/check-cycles.js [--folders DIR] [folder...] (default: the folders tsconfig.json compiles).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const folderOption = args.indexOf('--folders');
const layered = folderOption >= 0 ? resolve(args.splice(folderOption, 2)[1] ?? '') : undefined;
const folders = args;
const roots = (folders.length > 0 ? folders : defaultFolders()).map((f) => resolve(f));
const base = folders.length > 0 ? process.cwd() : root;

const files = roots.flatMap(sourcesUnder).sort();
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file).filter((f) => known.has(f))]));
const cycles = stronglyConnected(graph).filter((c) => c.length > 1 || graph.get(c[0]).includes(c[0]));

for (const members of cycles) {
  const names = cycleThrough(members, graph).map((f) => relative(base, f));
  console.error(`import cycle: ${names.join(' -> ')}`);
  if (members.length > names.length - 1) {
    console.error(`  (one of several among ${members.map((f) => relative(base, f)).join(', ')})`);
  }
}
if (cycles.length > 0) {
  console.error(`${cycles.length} import cycle(s): move what the modules share into a module both can import.`);
}
const folderCycles = layered ? checkFolders(layered) : 0;
if (cycles.length > 0 || folderCycles > 0) process.exit(1);

/** Reports the cycles among `dir`'s subfolders, naming one import for each step; returns how many. */
function checkFolders(dir) {
  const folderOf = (file) => {
    const path = relative(dir, file);
    return path.startsWith('..') || !path.includes(sep) ? undefined : path.split(sep)[0];
  };
  const edges = new Map();
  const example = new Map();
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    if (from === undefined) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const imported of imports) {
      const to = folderOf(imported);
      if (to === undefined || to === from) continue;
      edges.get(from).add(to);
      if (!example.has(`${from}>${to}`)) example.set(`${from}>${to}`, [file, imported]);
    }
  }
  for (const to of [...edges.values()].flatMap((set) => [...set])) if (!edges.has(to)) edges.set(to, new Set());
  const folderGraph = new Map([...edges.keys()].sort().map((f) => [f, [...edges.get(f)].sort()]));
  const tangles = stronglyConnected(folderGraph).filter((c) => c.length > 1);
  for (const members of tangles) {
    const path = cycleThrough(members, folderGraph);
    console.error(`folder cycle: ${path.map((f) => relative(base, join(dir, f))).join(' -> ')}`);
    for (let i = 0; i + 1 < path.length; i++) {
      const [file, imported] = example.get(`${path[i]}>${path[i + 1]}`);
      console.error(`  ${relative(base, file)} imports ${relative(base, imported)}`);
    }
    if (members.length > path.length - 1) {
      console.error(`  (one of several among ${members.map((f) => relative(base, join(dir, f))).join(', ')})`);
    }
  }
  if (tangles.length > 0) {
    console.error(
      `${tangles.length} folder cycle(s): move each module to the folder of what it serves, so imports run one way.`,
    );
  }
  return tangles.length;
}

function defaultFolders() {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return config.include.flatMap((pattern) => {
    if (!pattern.startsWith('*/')) return [join(root, pattern)];
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'node_modules' && existsSync(join(root, e.name, pattern.slice(2))))
      .map((e) => join(root, e.name, pattern.slice(2)));
  });
}

function sourcesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The files `file` imports, by relative specifier, resolved to their sources. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      if (node.arguments[0]) specifiers.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => ts.isStringLiteralLike(s) && s.text.startsWith('.'))
    .map((s) => resolve(dirname(file), s.text).replace(/\.(m?)js$/, '.$1ts'));
}

/** Tarjan's algorithm: the graph's strongly connected components. */
function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const connect = (v) => {
    index.set(v, index.size);
    low.set(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return components;
}

/** One shortest cycle through the component's first member, as a path that ends where it starts. */
function cycleThrough(members, graph) {
  const inside = new Set(members);
  const start = members[0];
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
