// The actions of this repository as their metadata describes them: every top-level folder with an action.yml.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  name?: string;
  description?: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, ActionInput | null>;
  outputs?: Record<string, { description?: string } | null>;
  runs?: { using?: string; main?: string };
}

export function actionNames(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'action.yml')))
    .map((e) => e.name)
    .sort();
}

export function readMetadata(dir: string): ActionMetadata {
  return parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** What the runner passes for inputs a step leaves out; expressions such as `${{ github.token }}` it evaluates. */
export function literalDefaults(metadata: ActionMetadata): Record<string, string> {
  return Object.fromEntries(
    Object.entries(metadata.inputs ?? {})
      .filter(([, input]) => input?.default !== undefined && !String(input.default).includes('${{'))
      .map(([name, input]) => [name, String(input!.default)]),
  );
}

/**
 * For each action, inputs that make it stop before touching anything, and the input the message must name.
 * A user's mistake, so the step must fail with one `::error::` line saying what to fix, and no stack trace.
 */
export const badInputs: Record<string, { inputs: Record<string, string>; culprit: string }> = {
  'run-worker': { inputs: { repository: 'file:///nonexistent', slots: 'many' }, culprit: 'slots' },
  'validate-task': { inputs: { comment: 'maybe' }, culprit: 'comment' },
  'reap-orphans': {
    inputs: { repository: 'file:///nonexistent', 'node-timeout-seconds': 'soon' },
    culprit: 'node-timeout-seconds',
  },
  'render-dashboard': { inputs: { 'repository-url': 'ftp://example.com/grid' }, culprit: 'repository-url' },
};
