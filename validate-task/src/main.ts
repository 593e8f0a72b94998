import * as core from '@actions/core';
import * as github from '@actions/github';
import { resolve } from 'node:path';
import { getBool, getList, getString, getToken } from '../../src/action/kit.js';
import { UserError, errorMessage } from '../../src/common/errors.js';
import { POLICY_FILE } from '../../src/protocol/layout.js';
import {
  validateFiles,
  validateMergeGroup,
  validatePullRequest,
  validateQueue,
  verdictOf,
  type ValidationReport,
} from '../../src/validation/submission.js';
import { upsertComment } from './comment.js';
import { fetchHead } from './fetch.js';
import { ANNOTATIONS_PER_FILE, renderReport, shown } from './report.js';
import { postStatus, type StatusState } from './status.js';

/** What the event (or the base and head inputs) asks to judge. */
interface Judged {
  /** The tip it lands on. */
  base: string;
  head: string;
  author?: string;
  number?: number;
  /** A merge queue's group of pull requests rather than one pull request. */
  mergeGroup: boolean;
  /** Where the server keeps the head, fetched when the checkout lacks it (pull_request_target checks out the base). */
  ref?: string;
}

export interface Inputs {
  path: string;
  policyPath: string;
  files: string[];
  /** What to judge, from the inputs or the pull_request(_target) or merge_group event. */
  judged?: Judged;
  token?: string;
  comment: boolean;
  /** The commit status context, when the event needs one to stand for the gate (see status.ts). */
  statusContext?: string;
  /** This repository's URL: in a sharded grid, the gate admits only tasks whose id hashes to it. */
  repository?: string;
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string };
  head?: { sha?: string };
  user?: { login?: string };
}

interface MergeGroupPayload {
  base_sha?: string;
  head_sha?: string;
  head_ref?: string;
}

export const STATUS_CONTEXT = 'dgrid/validate-task';
/** The events whose run's own check does not stand for the judged commit, so a commit status must. */
const STATUS_EVENTS = ['pull_request_target', 'merge_group'];

export function getInputs(): Inputs {
  const { eventName, payload } = github.context;
  const event = payload.pull_request as PullRequestPayload | undefined;
  const group = eventName === 'merge_group' ? (payload.merge_group as MergeGroupPayload | undefined) : undefined;
  const base = getString('base', event?.base?.sha ?? group?.base_sha);
  const head = getString('head', event?.head?.sha ?? group?.head_sha);
  if (!base !== !head) {
    throw new UserError(
      'give both inputs "base" and "head", or neither (on pull_request, pull_request_target and merge_group events they default from it)',
    );
  }
  const ref = group?.head_ref ?? (event?.number === undefined ? undefined : `refs/pull/${event.number}/head`);
  const judged: Judged | undefined = base
    ? { base, head, author: event?.user?.login, number: event?.number, mergeGroup: group !== undefined, ref }
    : undefined;
  return {
    path: getString('path', '.'),
    policyPath: getString('policy', POLICY_FILE),
    files: getList('files'),
    judged,
    token: getToken(),
    comment: getBool('comment', false),
    ...(process.env.GITHUB_REPOSITORY
      ? { repository: `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}` }
      : {}),
    ...(judged && STATUS_EVENTS.includes(eventName)
      ? { statusContext: getString('status-context', STATUS_CONTEXT) }
      : {}),
  };
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  let report: ValidationReport;
  try {
    report = await validate(inputs);
  } catch (error) {
    // A ruleset waits for the status: say why none but this will come.
    await status(inputs, 'error', `not judged: ${errorMessage(error)}`).catch((e: unknown) =>
      core.warning(shown(`could not report the commit status: ${errorMessage(e)}`)),
    );
    throw error;
  }
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
  if (inputs.statusContext) {
    try {
      await status(inputs, verdict.valid ? 'success' : 'failure', describe(report));
    } catch (error) {
      throw new UserError(
        `could not report the verdict as commit status "${inputs.statusContext}": ${errorMessage(error)}; ` +
          'give the job "permissions: statuses: write"',
      );
    }
    core.setOutput('status-context', inputs.statusContext);
  }
  if (!verdict.valid) {
    const parts = [`${verdict.invalid} of ${verdict.checked} files have problems`];
    if (report.problems.length > 0) parts.push(`${report.problems.length} problem(s) with the submission as a whole`);
    core.setFailed(`not accepted: ${parts.join(', ')}; see the annotations and the job summary for what to change`);
  }
}

async function validate(inputs: Inputs): Promise<ValidationReport> {
  const { path, policyPath, judged } = inputs;
  const checkout = { path, policyPath, ...(inputs.repository ? { repository: inputs.repository } : {}) };
  if (inputs.files.length > 0) {
    core.info(shown(`checking ${inputs.files.length} file(s) in ${path}`));
    return validateFiles({ ...checkout, files: inputs.files.map((file) => resolve(path, file)) });
  }
  if (judged) {
    const { base, head, author } = judged;
    if (judged.ref) await fetchHead(path, head, judged.ref, inputs.token);
    if (judged.mergeGroup) {
      core.info(shown(`checking the merge group ${head} on ${base} in ${path}`));
      return validateMergeGroup({ ...checkout, base, head });
    }
    core.info(shown(`checking the merge of ${head} into ${base} in ${path}`));
    return validatePullRequest({ ...checkout, base, head, author });
  }
  core.info(shown(`checking the whole queue at HEAD in ${path}`));
  return validateQueue(checkout);
}

/** The status's one line: what a reviewer sees beside the pull request. */
function describe(report: ValidationReport): string {
  const verdict = verdictOf(report);
  if (verdict.checked === 0 && verdict.valid) return 'no task files';
  if (verdict.valid) return `${verdict.checked} file(s) checked: all valid`;
  const parts = verdict.invalid > 0 ? [`${verdict.invalid} of ${verdict.checked} file(s) have problems`] : [];
  parts.push(...report.problems.map((p) => shown(p)));
  return parts.join('; ');
}

async function status(inputs: Inputs, state: StatusState, description: string): Promise<void> {
  const { judged, statusContext, token } = inputs;
  if (!judged || !statusContext) return;
  if (!token) throw new UserError('input "token" is empty: the commit status needs a token with statuses: write');
  await postStatus(token, judged.head, statusContext, state, description);
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
  const number = inputs.judged?.number;
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
