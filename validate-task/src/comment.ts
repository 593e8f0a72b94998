import * as github from '@actions/github';

const MARKER = '<!-- dgrid validate-task -->';

/**
 * Keeps a single dgrid comment on the pull request: updates the earlier one, and posts a first one only when
 * there is something to fix.
 */
export async function upsertComment(token: string, number: number, body: string, valid: boolean): Promise<void> {
  const octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  // Anybody can post a comment that starts with the marker; only a bot (the workflow's token) wrote ours.
  const ours = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(MARKER));
  const text = `${MARKER}\n${body}`;
  if (ours) await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body: text });
  else if (!valid) await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: text });
}
