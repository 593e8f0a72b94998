// Who submitted each task still queued or running, for the quota a node holds where it claims: validate-task
// checks queued_per_submitter for each pull request alone, so pull requests merged together (or a direct
// push) can land more tasks of one submitter than the quota allows.
//
// Tasks record no submitter, so this reads the history with the functions validate-task judges quotas and
// cancel requests with: the submitter of a task is named by the commit that first added a file of its id
// under tasks/queue/ on the branch, following first parents (a node moving it into its folder adds it later).
// A node's own cache holds only the tip, so the history lives in a second cache beside it, opened the first
// time a quota could be reached and brought up to date by walking only the commits since the last look.
import { takeCache } from '../git/cache-owner.js';
import { git } from '../git/runner.js';
import { GridStore, type StoreOptions } from '../git/store.js';
import type { GridSnapshot } from './snapshot.js';
import { lifecycleDir, locate } from './layout.js';
import type { Policy } from './schemas.js';

const QUEUE_DIR = lifecycleDir('queue');

/**
 * The submitter a commit names, in lower case: the login of a GitHub merge "Merge pull request #N from
 * <login>/<branch>", else the login of a GitHub noreply address, else the author name. Tasks added by
 * `dgrid submit` are the author's given to it ("dgrid"). Give the subject of merge commits only (see
 * commitSubmitter).
 */
export function submitterOf(name: string, email: string, subject: string): string {
  const login =
    /^Merge pull request #\d+ from ([^/\s]+)\//.exec(subject)?.[1] ??
    /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email)?.[1] ??
    name;
  return login.toLowerCase();
}

/**
 * The submitter of a commit from its fields as `git log` gives them (%P, %an, %ae, %s). The subject speaks
 * only for a merge commit, which GitHub writes: on a squashed commit it is the pull request's title, the
 * submitter's own words, and a title "Merge pull request #1 from alice/x" would charge the tasks to alice.
 */
export function commitSubmitter(parents: string, name: string, email: string, subject: string): string {
  return submitterOf(name, email, parents.includes(' ') ? subject : '');
}

/**
 * Who submitted each task that the commits of `range` add under tasks/queue/, by task id: the submitter of
 * the first commit that added a file of that id on the branch, following first parents (so a merge adds what
 * it brings in). Later additions of the id (a requeue, a node moving the file into its folder) are dgrid's.
 * Fields are NUL-separated, the one byte no commit's name, address or subject can hold (git cuts them
 * there): any other separator, such as \x1e, could be written into a squashed commit's subject to forge a
 * record.
 */
export async function submissionsIn(dir: string, range: readonly string[]): Promise<Map<string, string>> {
  const out = await git(
    [
      'log',
      '--first-parent',
      '--reverse',
      '-m',
      '--no-renames',
      '--diff-filter=A',
      '--name-only',
      '-z',
      '--format=%x00%P%x00%an%x00%ae%x00%s',
      ...range,
      '--',
      QUEUE_DIR,
    ],
    { cwd: dir },
  );
  // Each commit starts with an empty field (no path is empty), then its four fields, then the paths it adds.
  const fields = out.split('\0');
  const byId = new Map<string, string>();
  let submitter = '';
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] === '') {
      if (i + 4 >= fields.length) break;
      const [parents = '', name = '', email = '', subject = ''] = fields.slice(i + 1, i + 5);
      submitter = commitSubmitter(parents, name, email, subject);
      i += 4;
      continue;
    }
    const id = locate(fields[i]!.replace(/^\n/, ''))?.id;
    // Oldest first: the first commit to add the id submitted it.
    if (id !== undefined && !byId.has(id)) byId.set(id, submitter);
  }
  return byId;
}

export class Submitters {
  private store: GridStore | undefined;
  /** The last commit walked; the next walk starts after it. */
  private walked: string | undefined;
  /** Submitter by task id, for the tasks queued or running at the last walk (and those added since). */
  private readonly byTask = new Map<string, string>();

  /** `options.dir` is the history cache's own folder, beside the node's cache. */
  constructor(private readonly options: Pick<StoreOptions, 'remote' | 'branch' | 'dir' | 'token'>) {}

  private async open(): Promise<GridStore> {
    // Like the node's own cache, this one may hold what a killed git left behind.
    await takeCache(this.options.dir);
    return GridStore.open({ ...this.options, partial: true, depth: 0 });
  }

  /**
   * Submitters of the snapshot's queued and running tasks when this round's claims could take a submitter
   * past the quota; undefined when they cannot (fewer tasks run in the whole grid than the quota allows
   * one submitter), which spares the history read on all but the busiest grids.
   */
  async forQuota(snapshot: GridSnapshot, policy: Policy, room: number): Promise<Map<string, string> | undefined> {
    if (room === 0 || snapshot.of('in_progress').length + room <= policy.quotas.queued_per_submitter) {
      return undefined;
    }
    if (snapshot.tip === null) return undefined;
    this.store ??= await this.open();
    // The branch never loses a commit (no tool force-pushes), so the fetched tip holds the snapshot's. The
    // walk stops at the snapshot: a task added after it would be dropped below before the scan could see it.
    await this.store.fetch();
    await this.walk(snapshot.tip);
    // Finished tasks never come back (a task id is used once), so only the live ones are kept.
    const live = new Set([...snapshot.of('queue'), ...snapshot.of('in_progress')].map((f) => f.id));
    for (const id of this.byTask.keys()) if (!live.has(id)) this.byTask.delete(id);
    return this.byTask;
  }

  private async walk(tip: string): Promise<void> {
    if (tip === this.walked) return;
    const range = this.walked === undefined ? [tip] : [`${this.walked}..${tip}`];
    for (const [id, submitter] of await submissionsIn(this.store!.options.dir, range)) {
      if (!this.byTask.has(id)) this.byTask.set(id, submitter);
    }
    this.walked = tip;
  }
}
