// Retention: day folders of results older than the policy's retention.days move to the branch
// <branch>-archive, so the grid's tip, which every node fetches and lists, holds only recent days.
//
// A day folder moves whole, by its tree id: one commit on the archive branch places the tree under
// tasks/<state>/<year>/<day> (pushed first), then one commit on the grid branch removes the folder, its
// message carrying the trailer `Archived-To: <archive commit>`. Nothing leaves history: the archive
// commit's objects are the grid's own, and a reader that needs every task ever (an audit, a check that a
// task id is new) reads the archive branch too, or follows the trailers through the grid's history.
// A folder leaves the grid only if the archive commit holds every file of it as it is at the tip, so two
// reapers at once, or a result landing in an old day meanwhile, never lose a record.
import { UserError } from './errors.js';
import { GridStore, type Change, type TreeEntry } from './git/store.js';
import { GridSnapshot } from './grid.js';
import { DAY_FOLDER, archiveBranch, archivedDayPath, lifecycleDir, type Terminal } from './layout.js';
import type { ReapAction } from './reaper.js';
import { transact } from './transaction.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DayFolder {
  state: Terminal;
  day: string;
  entry: TreeEntry;
}

export interface Archived {
  actions: ReapAction[];
  commits: string[];
  rejectedPushes: number;
}

export async function archiveResults(
  grid: GridStore,
  options: { author: string; dryRun: boolean; now: Date },
): Promise<Archived> {
  const tip = await grid.fetch();
  const policy = await (await GridSnapshot.load(grid, tip, { states: [] })).policy();
  // A day folder goes once its last second is older than the retention period.
  const cutoff = new Date(options.now.getTime() - policy.retention.days * DAY_MS).toISOString().slice(0, 10);
  const days = await oldDays(grid, tip!, cutoff);
  const branch = archiveBranch(grid.branch);
  const action = (d: DayFolder): ReapAction => ({
    action: 'archive',
    subject: d.entry.path,
    reason: `older than retention.days (${policy.retention.days}); moves to ${branch}:${archivedDayPath(d.state, d.day)}`,
  });
  if (days.length === 0 || options.dryRun) return { actions: days.map(action), commits: [], rejectedPushes: 0 };

  const archive = await GridStore.open({ ...grid.options, branch });
  await startArchive(archive, grid.branch, options.author);
  const copied = await transact(
    archive,
    async (snapshot) => ({
      changes: (await Promise.all(days.map((d) => missingFromArchive(archive, snapshot.tip, d)))).flat(),
      message: `dgrid: archive ${days.length} day folder(s) of ${grid.branch} at ${tip}\n`,
      value: snapshot.tip!,
    }),
    { author: options.author, states: [] },
  );
  const holder = copied.commit ?? copied.value!;

  const removed = await transact(
    grid,
    async (snapshot) => {
      const held: DayFolder[] = [];
      for (const d of await oldDays(grid, snapshot.tip!, cutoff)) {
        if ((await missingFromArchive(grid, holder, d)).length === 0) held.push(d);
      }
      return {
        changes: held.map((d) => ({ path: d.entry.path, delete: true as const })),
        message: `dgrid: archive ${held.length} day folder(s) older than ${policy.retention.days} day(s)\n\nArchived-To: ${holder}\n`,
        value: held,
      };
    },
    { author: options.author, states: [] },
  );
  return {
    actions: removed.commit ? removed.value!.map(action) : [],
    commits: [copied.commit, removed.commit].filter((c): c is string => c !== null),
    rejectedPushes: copied.rejectedPushes + removed.rejectedPushes,
  };
}

async function oldDays(store: GridStore, commit: string, cutoff: string): Promise<DayFolder[]> {
  const states: Terminal[] = ['completed', 'failed'];
  const entries = await store.list(
    commit,
    states.map((s) => `${lifecycleDir(s)}/`),
    false,
  );
  const days: DayFolder[] = [];
  for (const entry of entries) {
    const [, state, day] = entry.path.split('/') as [string, Terminal, string];
    if (entry.type === 'tree' && DAY_FOLDER.test(day) && day < cutoff) days.push({ state, day, entry });
  }
  return days;
}

/**
 * What the archive commit lacks of a day folder: nothing when it holds the same tree, the whole tree when
 * it has no such day, and otherwise the files that are new or differ (a day archived before that has
 * gained results since, from a node whose clock is far behind).
 */
async function missingFromArchive(store: GridStore, archive: string | null, d: DayFolder): Promise<Change[]> {
  const target = archivedDayPath(d.state, d.day);
  const [held] = archive ? await store.list(archive, [target], false) : [];
  if (!held) return [{ path: target, existing: d.entry }];
  if (held.sha === d.entry.sha) return [];
  const have = new Map((await store.list(held.sha, [])).map((e) => [e.path, e.sha]));
  const files = await store.list(d.entry.sha, []);
  return files.filter((f) => have.get(f.path) !== f.sha).map((f) => ({ path: `${target}/${f.path}`, existing: f }));
}

/** The archive branch begins with a commit of its own; a reaper that loses the race to create it uses the winner's. */
async function startArchive(archive: GridStore, gridBranch: string, author: string): Promise<void> {
  if ((await archive.fetch()) !== null) return;
  const readme =
    `# Archive of the grid branch ${gridBranch}\n\n` +
    "Results that dgrid reap-orphans moved out of the grid once older than the policy's retention.days, " +
    'as tasks/<state>/<year>/<day>/<xx>/<task_id>.json. Each grid commit that removed a day folder names ' +
    'the archive commit holding it in its `Archived-To:` trailer.\n';
  const root = await archive.commit(
    null,
    [{ path: 'README.md', content: readme }],
    `dgrid: start the archive of ${gridBranch}\n`,
    author,
  );
  if ((await archive.push(root)) === 'rejected' && (await archive.fetch()) === null) {
    throw new UserError(
      `${archive.options.remote} refused the new branch "${archive.branch}": let the token create it, or create it by hand`,
    );
  }
}
