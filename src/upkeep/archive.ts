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
//
// A task id is used once in a grid's life, so whoever admits or runs a task must know the ids of archived
// results too, without fetching the archive. The commit that removes day folders therefore also adds their
// ids to an index on the grid branch, tasks/archived/<xx>/<yy>.txt by a hash of the id in lower case (256
// folders of 256 files: a lookup reads a file or two of a few hundred bytes), one line "<id> <state> <day>"
// per result. At every commit, an id that ever had a result is at the tip or in the index.
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.js';
import { GridStore, type Change, type TreeEntry } from '../git/store.js';
import { GridSnapshot } from '../protocol/snapshot.js';
import {
  DAY_FOLDER,
  archiveBranch,
  archivedDayPath,
  lifecycleDir,
  locate,
  shard,
  type Terminal,
} from '../protocol/layout.js';
import { transact } from '../protocol/transaction.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DayFolder {
  state: Terminal;
  day: string;
  entry: TreeEntry;
}

/** A day folder that left the grid (or, in a dry run, would leave it), and why. */
export interface ArchivedDay {
  /** Its path on the grid branch. */
  path: string;
  reason: string;
}

export interface Archived {
  days: ArchivedDay[];
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
  const moved = (d: DayFolder): ArchivedDay => ({
    path: d.entry.path,
    reason: `older than retention.days (${policy.retention.days}); moves to ${branch}:${archivedDayPath(d.state, d.day)}`,
  });
  if (days.length === 0 || options.dryRun) return { days: days.map(moved), commits: [], rejectedPushes: 0 };

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
      const index = held.length > 0 ? await indexChanges(grid, snapshot.tip!, holder, held) : [];
      return {
        changes: [...held.map((d) => ({ path: d.entry.path, delete: true as const })), ...index],
        message: `dgrid: archive ${held.length} day folder(s) older than ${policy.retention.days} day(s)\n\nArchived-To: ${holder}\n`,
        value: held,
      };
    },
    { author: options.author, states: [] },
  );
  return {
    days: removed.commit ? removed.value!.map(moved) : [],
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

/** Where the archive index keeps the ids of archived results. */
export const ARCHIVED_IDS_DIR = 'tasks/archived';

/** An archived result, as the index names it. */
export interface ArchivedResult {
  id: string;
  state: Terminal;
  day: string;
}

/** The index file that holds an id; ids that differ only in letter case share it. */
export function archivedIdsPath(id: string): string {
  const hash = createHash('sha1').update(id.toLowerCase()).digest('hex');
  return `${ARCHIVED_IDS_DIR}/${hash.slice(0, 2)}/${hash.slice(2, 4)}.txt`;
}

/** Where the archive branch holds an archived result. */
export function archivedResultPath(result: ArchivedResult): string {
  return `${archivedDayPath(result.state, result.day)}/${shard(result.id)}/${result.id}.json`;
}

/** Beyond this many index files, one listing of the whole index is cheaper than naming each file. */
const NAMED_INDEX_FILES = 1000;

/**
 * The archived results of the given ids at a grid commit, by id in lower case (the caller decides whether
 * letter case counts). Reads only the index files that can hold them.
 */
export async function archivedResults(
  store: GridStore,
  commit: string | null,
  ids: Iterable<string>,
): Promise<Map<string, ArchivedResult[]>> {
  const wanted = new Set<string>();
  const files = new Set<string>();
  for (const id of ids) {
    wanted.add(id.toLowerCase());
    files.add(archivedIdsPath(id));
  }
  const found = new Map<string, ArchivedResult[]>();
  if (commit === null) return found;
  for (const results of (await readIndex(store, commit, files)).values()) {
    for (const result of results) {
      const key = result.id.toLowerCase();
      if (wanted.has(key)) found.set(key, [...(found.get(key) ?? []), result]);
    }
  }
  return found;
}

/** The given index files at a commit, by path; those that do not exist are left out. */
async function readIndex(store: GridStore, commit: string, files: Set<string>): Promise<Map<string, ArchivedResult[]>> {
  if (files.size === 0) return new Map();
  const listed = await store.list(commit, files.size > NAMED_INDEX_FILES ? [ARCHIVED_IDS_DIR] : [...files]);
  const entries = listed.filter((e) => e.type === 'blob' && files.has(e.path));
  const blobs = await store.read(entries.map((e) => e.sha));
  return new Map(entries.map((e) => [e.path, parseIndex(blobs.get(e.sha)!)]));
}

function parseIndex(blob: Buffer): ArchivedResult[] {
  const results: ArchivedResult[] = [];
  for (const line of blob.toString('utf8').split('\n')) {
    const [id, state, day] = line.split(' ');
    if (id && (state === 'completed' || state === 'failed') && day) results.push({ id, state, day });
  }
  return results;
}

/**
 * The index files to write for the day folders this commit removes. A grid archived before the index
 * existed has none yet: its first index takes every result the archive holds.
 */
async function indexChanges(grid: GridStore, tip: string, holder: string, held: DayFolder[]): Promise<Change[]> {
  const [existing] = await grid.list(tip, [ARCHIVED_IDS_DIR], false);
  const added: ArchivedResult[] = [];
  if (!existing) {
    const archived = await grid.list(holder, [`${lifecycleDir('completed')}/`, `${lifecycleDir('failed')}/`]);
    for (const entry of archived) {
      const [, state, , day] = entry.path.split('/') as [string, Terminal, string, string];
      const id = locate(entry.path)?.id;
      if (id !== undefined && entry.type === 'blob' && DAY_FOLDER.test(day)) added.push({ id, state, day });
    }
  } else {
    for (const d of held) {
      for (const entry of await grid.list(d.entry.sha, [])) {
        const id = locate(`${d.entry.path}/${entry.path}`)?.id;
        if (id !== undefined && entry.type === 'blob') added.push({ id, state: d.state, day: d.day });
      }
    }
  }
  const byFile = new Map<string, ArchivedResult[]>();
  for (const result of added) {
    const path = archivedIdsPath(result.id);
    byFile.set(path, [...(byFile.get(path) ?? []), result]);
  }
  const current = existing ? await readIndex(grid, tip, new Set(byFile.keys())) : new Map<string, ArchivedResult[]>();
  const changes: Change[] = [];
  for (const [path, results] of byFile) {
    const before = current.get(path) ?? [];
    const lines = new Set([...before, ...results].map((r) => `${r.id} ${r.state} ${r.day}`));
    changes.push({ path, content: [...lines].sort().join('\n') + '\n' });
  }
  return changes;
}
