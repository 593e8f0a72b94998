// Runs an action from its TypeScript sources with @github/local-action, which stubs @actions/core and takes the
// inputs from a dotenv file: npm run local-action -- <action> [dotenv-file] (default <action>/.env.example).
// local-action calls the run() its entry point exports; ours export main() for src/index.ts to wrap, so a
// throwaway entry point wraps it the same way, outside the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const [action, dotenvFile] = process.argv.slice(2);
if (!action || !existsSync(join(root, action, 'action.yml'))) {
  console.error('usage: npm run local-action -- <action> [dotenv-file], where <action> is a folder with an action.yml');
  process.exit(1);
}
const dotenv = dotenvFile ? resolve(dotenvFile) : join(root, action, '.env.example');
if (!existsSync(dotenv)) {
  console.error(`no dotenv file at ${dotenv}: copy ${action}/.env.example and fill in the inputs`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'dgrid-local-action-'));
try {
  // local-action looks for the package.json nearest to the entry point to tell ESM from CommonJS.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const entry = join(dir, 'entry.js');
  const url = (path) => JSON.stringify(pathToFileURL(join(root, path)).href);
  writeFileSync(
    entry,
    `import { runAction } from ${url('src/action/kit.ts')};\n` +
      `import { main } from ${url(`${action}/src/main.ts`)};\n` +
      'export const run = () => runAction(main);\n',
  );
  const bin = join(root, 'node_modules/@github/local-action/bin/local-action.js');
  const result = spawnSync(process.execPath, [bin, 'run', join(root, action), entry, dotenv], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
