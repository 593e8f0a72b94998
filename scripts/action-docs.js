// Writes what each action documents about its interface from its action.yml, so the two cannot drift apart:
// the inputs and outputs tables of its README (between <!-- inputs:start --> and <!-- inputs:end -->, the same
// for outputs) and its .env.example for `npm run local-action`.
// With --check, changes nothing and fails when any of them is out of date.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

const actions = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'action.yml')))
  .map((e) => e.name)
  .sort();

const problems = [];
for (const action of actions) {
  const metadata = parse(readFileSync(join(root, action, 'action.yml'), 'utf8')) ?? {};
  const readme = join(action, 'README.md');
  const text = existsSync(join(root, readme)) ? readFileSync(join(root, readme), 'utf8') : '';
  let generated = text;
  for (const [block, table] of [
    ['inputs', inputsTable(metadata.inputs ?? {})],
    ['outputs', outputsTable(metadata.outputs ?? {})],
  ]) {
    const start = `<!-- ${block}:start -->`;
    const end = `<!-- ${block}:end -->`;
    const from = generated.indexOf(start);
    const to = generated.indexOf(end);
    if (from < 0 || to < from) {
      problems.push(`${readme}: add the lines ${start} and ${end} where the ${block} table goes`);
      continue;
    }
    const formatted = await prettier.format(table, {
      ...(await prettier.resolveConfig(join(root, readme))),
      parser: 'markdown',
    });
    generated = `${generated.slice(0, from + start.length)}\n\n${formatted}\n${generated.slice(to)}`;
  }
  update(readme, text, generated);
  const envExample = join(action, '.env.example');
  const envText = existsSync(join(root, envExample)) ? readFileSync(join(root, envExample), 'utf8') : '';
  update(envExample, envText, dotenv(action, metadata));
}

for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
console.log(`action docs ${check ? 'are up to date' : 'written'} for ${actions.join(', ')}`);

function update(file, current, wanted) {
  if (current === wanted) return;
  if (check) problems.push(`${file} is out of date with action.yml: run "node scripts/action-docs.js"`);
  else writeFileSync(join(root, file), wanted);
}

function inputsTable(inputs) {
  const rows = Object.entries(inputs).map(([name, input]) => {
    const fallback = input?.default !== undefined ? `\`${input.default}\`` : input?.required ? 'required' : '';
    return [`\`${name}\``, fallback, cell(input?.description)];
  });
  return rows.length === 0 ? 'This action has no inputs.\n' : table(['input', 'default', 'description'], rows);
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs).map(([name, output]) => [`\`${name}\``, cell(output?.description)]);
  return rows.length === 0 ? 'This action has no outputs.\n' : table(['output', 'description'], rows);
}

function table(header, rows) {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
}

// Descriptions are plain text on the Marketplace: what markdown would take as syntax is shown as typed.
function cell(text = '') {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\\`*[\]<>|]/g, '\\$&');
}

function dotenv(action, metadata) {
  const lines = [
    `# Inputs of ${metadata.name ?? action} for \`npm run local-action -- ${action} [dotenv-file]\`, generated from`,
    '# action.yml by scripts/action-docs.js. Copy this file, fill in what you need and pass the copy: an empty input',
    '# takes its default from action.yml, but an expression such as ${{ github.token }} means nothing off a runner.',
    '# Hyphens in input names stay hyphens, as the runner passes them.',
  ];
  for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
    lines.push('', `# ${(input?.description ?? '').trim().replace(/\s+/g, ' ')}`);
    if (input?.default !== undefined) lines.push(`# Default: ${input.default}`);
    lines.push(`INPUT_${name.toUpperCase()}=`);
  }
  return lines.join('\n') + '\n';
}
