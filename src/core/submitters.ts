// Who submitted each task still queued or running, for the quota a node holds where it claims: validate-task
// checks queued_per_submitter for each pull request alone, so pull requests merged together (or a direct
// push) can land more tasks of one submitter than the quota allows.
//
// Tasks record no submitter, so this reads the history as validate-task does: the submitter of a task is
// named by the commit that first added tasks/queue/<task_id>.json on the branch, following first parents.
// A node's own cache holds only the tip, so the history lives in a second cache beside it, opened the first
// time a quota could be reached and brought up to date by walking only the commits since the last look.
import { takeCache } from './git/cache-owner.js';
import { git } from './git/runner.js';
import { GridStore, type StoreOptions } from './git/store.js';
import type { GridSnapshot } from './grid.js';
import { lifecycleDir } from './layout.js';
import type { Policy } from './schemas.js';

const QUEUE_DIR = lifecycleDir('queue');

/**
 * The submitter a commit names, in lower case: the login of a GitHub merge "Merge pull request #N from
 * <login>/<branch>", else the login of a GitHub noreply address, else the author name. Tasks added by
 * `dgrid submit` are the author's given to it ("dgrid").
 */
export function submitterOf(name: string, email: string, subject: string): string {
  const login =
    /^Merge pull request #\d+ from ([^/\s]+)\//.exec(subject)?.[1] ??
    /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email)?.[1] ??
    name;
  return login.toLowerCase();
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
        '--format=%x1e%an%x1f%ae%x1f%s',
        ...range,
        '--',
        QUEUE_DIR,
      ],
      { cwd: this.store!.options.dir },
    );
    // Oldest first: the first commit to add a task's file submitted it; a requeue adds it again later.
    for (const record of out.split('\x1e').slice(1)) {
      const end = record.indexOf('\0');
      const [name = '', email = '', subject = ''] = record.slice(0, end).split('\x1f');
      const submitter = submitterOf(name, email, subject);
      for (const path of record
        .slice(end + 1)
        .replace(/^\n/, '')
        .split('\0')) {
        const id = /^tasks\/queue\/(?:.*\/)?([^/]+)\.json$/.exec(path)?.[1];
        if (id !== undefined && !this.byTask.has(id)) this.byTask.set(id, submitter);
      }
    }
    this.walked = tip;
  }
}
