// Packs a release: each action as the Marketplace wants it (one action per repository, action.yml at its root).
// The CLI is published from this repository itself (npm publish): its bundle holds every dependency. See --help.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';

const HELP = `Usage: node scripts/release.js [--tag vX.Y.Z] [options]

Writes, under --out:
  <action>/  for each action: action.yml (main: dist/index.js), its bundle, README.md and LICENSE

Options:
  --tag vX.Y.Z   also make each action tree a git repository (kept across releases) with a commit tagged vX.Y.Z,
                 and move the major tag (vX) to it; nothing is pushed. The tag must match "version" in
                 package.json, and CHANGELOG.md must have a dated section "## [X.Y.Z] - YYYY-MM-DD"
  --out DIR      where the trees go (default: build/release, which git, eslint and prettier already ignore)
  --owner NAME   the account of the action repositories, for the uses: lines of the READMEs (default: dgrid)
  --source DIR   the dgrid checkout to release (default: the one this script is in)
  --skip-check   pack dist/ as it is, without first proving it is built from these sources (for tests only)
  -h, --help     show this help

Afterwards: push each action tree to its repository, "npm publish" this repository (the dgrid CLI: its
bundle has every dependency inside, so the package declares none), and tag this repository
(git tag vX.Y.Z; git tag -f vX; push both); docs/development.md, section "Releasing", has the commands.`;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      out: { type: 'string' },
      tag: { type: 'string' },
      owner: { type: 'string', default: 'dgrid' },
      source: { type: 'string' },
      'skip-check': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`${error.message}\nRun "node scripts/release.js --help" for the options.`);
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const root = options.source ? resolve(options.source) : new URL('..', import.meta.url).pathname;
const out = resolve(options.out ?? join(root, 'build/release'));
const version = options.tag && /^v((\d+)\.\d+\.\d+)$/.exec(options.tag);
if (options.tag && !version) fail(`--tag is "${options.tag}": give a version tag such as v1.2.3`);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (version) checkVersion(version[1]);

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

  if (version) {
    if (!existsSync(join(tree, '.git'))) git(tree, 'init', '--quiet', '--initial-branch', 'main');
    git(tree, 'add', '--all');
    const message = [`${action} ${options.tag}`, ...(source ? ['-m', `Built from dgrid ${source}.`] : [])];
    // A release may leave this action unchanged; it still gets the version tag.
    git(tree, 'commit', '--quiet', '--allow-empty', '-m', ...message);
    git(tree, 'tag', options.tag);
    git(tree, 'tag', '--force', `v${version[2]}`);
  }
  console.log(`${tree}${version ? ` (tagged ${options.tag} and v${version[2]})` : ''}`);
}

/** The tag, package.json and the CHANGELOG must name one version, or users read one thing and run another. */
function checkVersion(wanted) {
  if (manifest.version !== wanted)
    fail(`--tag is "${options.tag}" but package.json has version "${manifest.version}": set "version": "${wanted}"`);
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  const heading = new RegExp(`^## \\[${wanted.replaceAll('.', '\\.')}\\](.*)$`, 'm').exec(changelog);
  if (!heading) fail(`CHANGELOG.md has no section for ${wanted}: head its entries "## [${wanted}] - YYYY-MM-DD"`);
  if (!/^ - \d{4}-\d{2}-\d{2}$/.test(heading[1]))
    fail(`CHANGELOG.md: "## [${wanted}]${heading[1]}" has no release date: write "## [${wanted}] - YYYY-MM-DD"`);
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
