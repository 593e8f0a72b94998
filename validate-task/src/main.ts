import * as core from '@actions/core';
import * as github from '@actions/github';
import { resolve } from 'node:path';
import { getBool, getList, getString, getToken } from '../../src/action/kit.js';
import { UserError, errorMessage } from '../../src/core/errors.js';
import { POLICY_FILE } from '../../src/core/layout.js';
import {
  validateFiles,
  validatePullRequest,
  validateQueue,
  verdictOf,
  type ValidationReport,
} from '../../src/core/validate.js';
import { upsertComment } from './comment.js';
import { ANNOTATIONS_PER_FILE, renderReport, shown } from './report.js';

interface PullRequest {
  base: string;
  head: string;
  author?: string;
  number?: number;
}

export interface Inputs {
  path: string;
  policyPath: string;
  files: string[];
  /** The range to check, from the inputs or the pull_request event. */
  pullRequest?: PullRequest;
  token?: string;
  comment: boolean;
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string };
  head?: { sha?: string };
  user?: { login?: string };
}

export function getInputs(): Inputs {
  const event = github.context.payload.pull_request as PullRequestPayload | undefined;
  const base = getString('base', event?.base?.sha);
  const head = getString('head', event?.head?.sha);
  if (!base !== !head) {
    throw new UserError('give both inputs "base" and "head", or neither (on pull_request events they default from it)');
  }
  return {
    path: getString('path', '.'),
    policyPath: getString('policy', POLICY_FILE),
    files: getList('files'),
    pullRequest: base ? { base, head, author: event?.user?.login, number: event?.number } : undefined,
    token: getToken(),
    comment: getBool('comment', false),
  };
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const report = await validate(inputs);
  const verdict = verdictOf(report);
  annotate(report);
  core.setOutput('valid', verdict.valid);
  core.setOutput('checked', verdict.checked);
  core.setOutput('invalid', verdict.invalid);
  core.setOutput('task-ids', JSON.stringify(verdict.taskIds));
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderReport(report, { files: Infinity, problems: 5 })).write();
  }
  if (inputs.comment) await comment(inputs, report, verdict.valid);
  if (!verdict.valid) {
    const parts = [`${verdict.invalid} of ${verdict.checked} files have problems`];
    if (report.problems.length > 0) parts.push(`${report.problems.length} quota(s) exceeded`);
    core.setFailed(`not accepted: ${parts.join(', ')}; see the annotations and the job summary for what to change`);
  }
}

async function validate(inputs: Inputs): Promise<ValidationReport> {
  const { path, policyPath, pullRequest } = inputs;
  if (inputs.files.length > 0) {
    core.info(shown(`checking ${inputs.files.length} file(s) in ${path}`));
    return validateFiles({ path, policyPath, files: inputs.files.map((file) => resolve(path, file)) });
  }
  if (pullRequest) {
    core.info(shown(`checking the pull request ${pullRequest.base}...${pullRequest.head} in ${path}`));
    const { base, head, author } = pullRequest;
    return validatePullRequest({ path, policyPath, base, head, author });
  }
  core.info(shown(`checking the whole queue at HEAD in ${path}`));
  return validateQueue({ path, policyPath });
}

/** One annotation per problem, at its file, line and column; the log lists every file. */
function annotate(report: ValidationReport): void {
  const title = 'dgrid validate-task';
  for (const problem of report.problems) core.error(shown(problem), { title });
  for (const file of report.files) {
    const verdict = file.problems.length === 0 ? 'valid' : `${file.problems.length} problem(s)`;
    core.info(shown(`${file.path}: ${verdict}`));
    for (const problem of file.problems.slice(0, ANNOTATIONS_PER_FILE)) {
      core.error(shown(problem.message), {
        title,
        file: file.path,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    const more = file.problems.length - ANNOTATIONS_PER_FILE;
    if (more > 0) core.error(`and ${more} more problems in this file`, { title, file: file.path });
  }
}

async function comment(inputs: Inputs, report: ValidationReport, valid: boolean): Promise<void> {
  const number = inputs.pullRequest?.number;
  if (!inputs.token || number === undefined) {
    core.warning('input "comment" is true, but comments need a pull_request event and a token: skipped');
    return;
  }
  try {
    await upsertComment(
      inputs.token,
      number,
      renderReport(report, { files: 30, problems: 3, invalidOnly: true }),
      valid,
    );
  } catch (error) {
    // Tokens of pull requests from forks cannot write; the annotations and the summary still tell the story.
    core.warning(shown(`could not comment on pull request #${number}: ${errorMessage(error)}`));
  }
}
