// Packs each action as the Marketplace wants it, one action per repository with action.yml at its root:
// <out>/<action>/ holds action.yml (main: dist/index.js), the action's bundle, README.md and LICENSE.
//
//   node scripts/release.js [--out DIR] [--tag vX.Y.Z] [--owner NAME] [--skip-check]
//
// --out      where the trees go (default build/release, which git, eslint and prettier already ignore)
// --tag      also make each tree a git repository (kept across releases) with a commit tagged vX.Y.Z, and move
//            the major tag (v1) to it; nothing is pushed
// --owner    the account of the action repositories, for the `uses:` lines of the READMEs (default dgrid)
// --skip-check  packs dist/ as it is, without first proving it is built from these sources: for tests only
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'build/release') },
    tag: { type: 'string' },
    owner: { type: 'string', default: 'dgrid' },
    'skip-check': { type: 'boolean', default: false },
  },
});
const out = resolve(options.out);
const version = options.tag && /^v(\d+)\.\d+\.\d+$/.exec(options.tag);
if (options.tag && !version) fail(`--tag is "${options.tag}": give a version tag such as v1.2.3`);

const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

if (!options['skip-check']) {
  // A release is a commit whose dist/ was built from its own sources.
  if (git(root, 'status', '--porcelain', '--untracked-files=no').trim())
    fail('the working tree has changes: commit them first');
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.js'), '--check'], { cwd: root, stdio: 'inherit' });
  } catch {
    fail('dist/ does not match the sources');
  }
}
const source = existsSync(join(root, '.git')) ? git(root, 'rev-parse', 'HEAD').trim() : undefined;

const actions = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'action.yml')))
  .map((e) => e.name)
  .sort();

for (const action of actions) {
  const tree = join(out, action);
  const metadata = parseDocument(readFileSync(join(root, action, 'action.yml'), 'utf8'));
  const bundle = metadata.getIn(['runs', 'main']);
  if (bundle !== `../dist/${action}/index.js`) fail(`${action}/action.yml: runs.main is "${bundle}", not in dist/`);

  // A tree from an earlier release keeps its git history; everything else in it is replaced.
  mkdirSync(tree, { recursive: true });
  for (const entry of readdirSync(tree)) if (entry !== '.git') rmSync(join(tree, entry), { recursive: true });
  metadata.setIn(['runs', 'main'], 'dist/index.js');
  writeFileSync(join(tree, 'action.yml'), metadata.toString({ lineWidth: 0 }));
  cpSync(join(root, 'dist', action), join(tree, 'dist'), { recursive: true });
  cpSync(join(root, 'LICENSE'), join(tree, 'LICENSE'));
  // Usage examples name the action inside this repository (<owner>/<repo>/<action>@v1); published on its own,
  // it is <owner>/<action>@v1.
  const readme = readFileSync(join(root, action, 'README.md'), 'utf8');
  const uses = new RegExp(`[\\w.<>-]+/[\\w.<>-]+/${action}@`, 'g');
  writeFileSync(join(tree, 'README.md'), readme.replace(uses, `${options.owner}/${action}@`));

  if (options.tag) {
    if (!existsSync(join(tree, '.git'))) git(tree, 'init', '--quiet', '--initial-branch', 'main');
    git(tree, 'add', '--all');
    const message = [`${action} ${options.tag}`, ...(source ? ['-m', `Built from dgrid ${source}.`] : [])];
    // A release may leave this action unchanged; it still gets the version tag.
    git(tree, 'commit', '--quiet', '--allow-empty', '-m', ...message);
    git(tree, 'tag', options.tag);
    git(tree, 'tag', '--force', `v${version[1]}`);
  }
  console.log(`${tree}${options.tag ? ` (tagged ${options.tag} and v${version[1]})` : ''}`);
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
