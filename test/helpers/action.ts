// Runs a built action the way the runner does: inputs as INPUT_* variables, outputs and the job summary
// through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function distPath(action: string): string {
  return new URL(`../../../dist/${action}/index.js`, import.meta.url).pathname;
}

/** `action` is an action's name (its bundle in dist/) or the path of a bundle built elsewhere. */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  onSpawn?: (pid: number) => void,
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-action-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const child = spawn(process.execPath, [action.endsWith('.js') ? action : distPath(action)], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: dir,
      RUNNER_NAME: 'test-runner',
      ...inputEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs = parseOutputs(await readFile(outputFile, 'utf8'));
  const summary = await readFile(summaryFile, 'utf8');
  // The runner empties RUNNER_TEMP after each job; so does this, with the worker's cache in it.
  await rm(dir, { recursive: true, force: true });
  return { exitCode, stdout, stderr, outputs, summary };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}
