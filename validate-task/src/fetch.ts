import { UserError } from '../../src/common/errors.js';
import { git, runGit, withRetry } from '../../src/git/runner.js';
import { credentialEnv } from '../../src/git/store.js';

/** Where the pull request's commits land in the checkout: a ref of dgrid's own, never checked out. */
const HEAD_REF = 'refs/dgrid/head';

/**
 * Brings the judged commits into a checkout of the base as data: fetched from its origin into a ref, never
 * into the working tree, so nothing of the pull request can run. A no-op when the checkout has them.
 */
export async function fetchHead(path: string, head: string, ref: string, token: string | undefined): Promise<void> {
  const has = async () => (await runGit(['cat-file', '-e', `${head}^{commit}`], { cwd: path })).exitCode === 0;
  if (await has()) return;
  const origin = await runGit(['remote', 'get-url', 'origin'], { cwd: path });
  if (origin.exitCode !== 0) {
    throw new UserError(`the head commit ${head} is not in ${path}, which has no remote "origin" to fetch ${ref} from`);
  }
  const url = origin.stdout.toString('utf8').trim();
  const args = ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', 'origin'];
  await withRetry(() => git([...args, `+${ref}:${HEAD_REF}`], { cwd: path, env: credentialEnv(url, token) }), {
    waitOutRateLimits: true,
  });
  if (!(await has())) {
    throw new UserError(
      `${ref} no longer holds the head commit ${head} (pushed again since?): the run for the new head judges it`,
    );
  }
}
