import { UserError } from '../../common/errors.js';
import { POLICY_FILE } from '../../protocol/layout.js';
import { printable } from '../../common/printable.js';
import {
  validateFiles,
  validatePullRequest,
  validateQueue,
  verdictOf,
  type ValidationReport,
} from '../../validation/submission.js';
import { jsonOption, str, type Command } from '../command.js';

export const validate: Command = {
  name: 'validate',
  summary:
    'Check task files against the schema, the grid and its policy, as validate-task does for pull requests. ' +
    'Give task files, or --base to check the changes from that commit to --head, or nothing to check the whole queue.',
  usage: '[options] [TASK.json ...]',
  options: {
    path: {
      type: 'string',
      default: '.',
      placeholder: 'DIR',
      description: 'the grid checkout (default: the current directory)',
    },
    policy: {
      type: 'string',
      default: POLICY_FILE,
      placeholder: 'FILE',
      description: 'the policy file in the checkout, read from the base commit (default: dgrid.json)',
    },
    base: {
      type: 'string',
      placeholder: 'REV',
      description: 'check what a pull request from this commit to --head changes',
    },
    head: {
      type: 'string',
      default: 'HEAD',
      placeholder: 'REV',
      description: 'the head of that range (default: HEAD)',
    },
    author: {
      type: 'string',
      placeholder: 'LOGIN',
      description: 'the GitHub login of the submitter, for quotas.queued_per_submitter',
    },
    ...jsonOption,
  },
  async run(values, files) {
    const path = str(values.path);
    const policyPath = str(values.policy);
    const base = str(values.base);
    if (base && files.length > 0) throw new UserError('give task files or --base, not both');
    const author = str(values.author);
    let report: ValidationReport;
    if (files.length > 0) report = await validateFiles({ path, policyPath, files });
    else if (base) {
      report = await validatePullRequest({
        path,
        policyPath,
        base,
        head: str(values.head),
        ...(author ? { author } : {}),
      });
    } else report = await validateQueue({ path, policyPath });
    const verdict = verdictOf(report);
    if (values.json) {
      const { taskIds, ...counts } = verdict;
      console.log(JSON.stringify({ ...counts, task_ids: taskIds, ...report }, null, 2));
      return verdict.valid ? 0 : 1;
    }
    for (const file of report.files) {
      for (const problem of file.problems) {
        const where = problem.line === undefined ? file.path : `${file.path}:${problem.line}:${problem.column}`;
        console.log(printable(`${where}: ${problem.message}`));
      }
    }
    if (verdict.valid) console.log(`${verdict.checked} file(s) checked: all valid`);
    else {
      // A problem of the submission as a whole (a quota, a merge that conflicts) is said, not guessed at; with
      // no file checked (the merge could not be made), a count of files would only mislead.
      const files = `${verdict.invalid} of ${verdict.checked} file(s) have problems`;
      const whole = `the submission as a whole is not accepted: ${report.problems.join('; ')}`;
      const parts = report.problems.length === 0 ? [files] : verdict.checked === 0 ? [whole] : [files, whole];
      console.log(printable(parts.join(', and ')));
    }
    return verdict.valid ? 0 : 1;
  },
};
