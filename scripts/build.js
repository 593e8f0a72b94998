// Builds what is committed: the dashboard's assets module, the JSON Schemas in schemas/ and the bundles in dist/.
// With --check, builds into a temporary folder and fails when the committed files differ.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardAssetsInStep, generatedPath, writeDashboardAssets } from './dashboard-assets.js';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const entries = {
  'run-worker': 'build/run-worker/src/index.js',
  'validate-task': 'build/validate-task/src/index.js',
  'reap-orphans': 'build/reap-orphans/src/index.js',
  'render-dashboard': 'build/render-dashboard/src/index.js',
  cli: 'build/src/cli/index.js',
};

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

if (!check) writeDashboardAssets();
const assetsInStep = dashboardAssetsInStep();
run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);
const out = check ? mkdtempSync(join(tmpdir(), 'dgrid-dist-')) : root;

const { shippedSchemas } = await import(join(root, 'build/src/protocol/schemas.js'));
mkdirSync(join(out, 'schemas'), { recursive: true });
for (const [file, schema] of Object.entries(shippedSchemas)) {
  const { $id, ...rest } = schema;
  const json = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id, ...rest };
  writeFileSync(join(out, 'schemas', file), JSON.stringify(json, null, 2) + '\n');
}

for (const [name, entry] of Object.entries(entries)) {
  const dir = join(out, 'dist', name);
  rmSync(dir, { recursive: true, force: true });
  run('npx', ['--no-install', 'ncc', 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet']);
}

if (check) {
  const differences = assetsInStep ? [] : [generatedPath];
  const built = [...walk(out, 'dist'), ...walk(out, 'schemas')];
  const committed = [...walk(root, 'dist'), ...walk(root, 'schemas')];
  for (const file of new Set([...built, ...committed])) {
    const a = existsSync(join(out, file)) ? readFileSync(join(out, file)) : null;
    const b = existsSync(join(root, file)) ? readFileSync(join(root, file)) : null;
    if (!a || !b || !a.equals(b)) differences.push(file);
  }
  rmSync(out, { recursive: true, force: true });
  if (differences.length > 0) {
    console.error(
      `dist/, schemas/ or the dashboard's assets module is out of date (${differences.join(', ')}): run "npm run build" and commit the result.`,
    );
    process.exit(1);
  }
  console.log('dist/, schemas/ and the dashboard assets module match the sources');
}

function walk(base, dir) {
  if (!existsSync(join(base, dir))) return [];
  return readdirSync(join(base, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(base, join(dir, e.name)) : [join(dir, e.name)],
  );
}
