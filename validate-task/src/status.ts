import * as github from '@actions/github';

export type StatusState = 'success' | 'failure' | 'error';

/** GitHub cuts a commit status's description at 140 characters. */
const MAX_DESCRIPTION = 140;

/**
 * The verdict as a commit status on the judged commit: a pull_request_target run's own check attaches to
 * the base branch, so a ruleset can only require the gate through a status on the pull request's head (and,
 * in a merge queue, on the merge group's commit).
 */
export async function postStatus(
  token: string,
  sha: string,
  context: string,
  state: StatusState,
  description: string,
): Promise<void> {
  const octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const { serverUrl, runId } = github.context;
  const text = description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description;
  await octokit.rest.repos.createCommitStatus({
    owner,
    repo,
    sha,
    state,
    context,
    description: text,
    ...(runId > 0 ? { target_url: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` } : {}),
  });
}
