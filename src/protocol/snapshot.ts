// A read-only view of the grid at one commit: which task files are where, the nodes, and the policy.
import type { GridStore, TreeEntry } from '../git/store.js';
import {
  CANCEL_DIR,
  LIFECYCLE,
  NODES_DIR,
  POLICY_FILE,
  REPLICAS_DIR,
  lifecycleDir,
  locate,
  locateCancel,
  locateDrain,
  locateNode,
  locateReplica,
  type Lifecycle,
} from './layout.js';
import { UserError } from '../common/errors.js';
import { parsePolicy } from './policy.js';
import { printable } from '../common/printable.js';
import type { NodeRecord, Policy } from './schemas.js';
import { nodeValidator } from './schema-validators.js';

export interface TaskFile {
  id: string;
  state: Lifecycle;
  entry: TreeEntry;
}

export interface SnapshotOptions {
  /** Lifecycle folders to list; the terminal ones grow without bound, so callers ask only when they need them. */
  states?: readonly Lifecycle[];
  /**
   * A snapshot of an earlier tip of the branch, from a partial store, loaded with the same states: this one
   * is listed as the difference from it, so a node's round costs what changed, not what the queue holds.
   */
  since?: GridSnapshot;
  /**
   * Paths set back to what they held before void commits changed them (null: nothing there), from the
   * commit checker (commit-check.ts): readers ignore what a void commit did until a reaper restores it.
   * Such a snapshot is listed whole, and no later one is listed as the difference from it.
   */
  overlay?: ReadonlyMap<string, string | null>;
}

export class GridSnapshot {
  readonly files = new Map<Lifecycle, TaskFile[]>();
  readonly byId = new Map<string, TaskFile[]>();
  readonly nodeEntries = new Map<string, TreeEntry>();
  /** Cancel requests by task id. */
  readonly cancels = new Map<string, TreeEntry>();
  /** Drain requests by node id. */
  readonly drains = new Map<string, TreeEntry>();
  /** Finished runs of queued quorum tasks, by task id (listed with the queue). */
  readonly replicas = new Map<string, TreeEntry[]>();
  /**
   * What a direct push put in nodes/ or tasks/ that is not a file (a submodule): no record to read, so
   * readers skip it with a warning (skippedEntry). In the queue such an entry stays, as a file that is
   * not a task: the worker moves it to failed/ with its reason.
   */
  readonly skipped: TreeEntry[] = [];
  private policyEntry: TreeEntry | undefined;
  private cachedPolicy: Policy | undefined;

  private constructor(
    readonly store: GridStore,
    readonly tip: string | null,
    /** Every entry listed, in the tree's order, and the paths they were listed below. */
    private readonly entries: TreeEntry[],
    private readonly listed = '',
  ) {
    for (const state of LIFECYCLE) this.files.set(state, []);
    for (const entry of entries) {
      if (entry.path === POLICY_FILE) {
        this.policyEntry = entry;
        continue;
      }
      // Task files first: nearly every entry is one.
      const located = locate(entry.path);
      if (located && (entry.type === 'blob' || located.state === 'queue')) {
        const file: TaskFile = { id: located.id, state: located.state, entry };
        this.files.get(located.state)!.push(file);
        const same = this.byId.get(file.id);
        if (same) same.push(file);
        else this.byId.set(file.id, [file]);
        continue;
      }
      if (entry.type !== 'blob') {
        this.skipped.push(entry);
        continue;
      }
      const node = locateNode(entry.path);
      if (node !== undefined) {
        this.nodeEntries.set(node, entry);
        continue;
      }
      const drained = locateDrain(entry.path);
      if (drained !== undefined) {
        this.drains.set(drained, entry);
        continue;
      }
      const cancelled = locateCancel(entry.path);
      if (cancelled !== undefined) {
        this.cancels.set(cancelled, entry);
        continue;
      }
      const replica = locateReplica(entry.path);
      if (replica !== undefined) {
        const runs = this.replicas.get(replica.taskId);
        if (runs) runs.push(entry);
        else this.replicas.set(replica.taskId, [entry]);
      }
    }
  }

  static async load(store: GridStore, tip: string | null, options: SnapshotOptions = {}): Promise<GridSnapshot> {
    if (tip === null) return new GridSnapshot(store, null, []);
    const states = options.states ?? LIFECYCLE;
    // Finished runs of quorum tasks are read with the queue they belong to.
    const replicas = states.includes('queue') ? [REPLICAS_DIR] : [];
    const paths = [POLICY_FILE, NODES_DIR, CANCEL_DIR, ...replicas, ...states.map(lifecycleDir)];
    const overlay = options.overlay?.size ? options.overlay : undefined;
    const listed = paths.join('\0') + (overlay ? '\0overlay' : '');
    const since = options.since;
    if (!overlay && store.options.partial && since?.tip && since.store === store && since.listed === listed) {
      const changed = await store.changedEntries(since.tip, tip, paths).catch(() => undefined);
      // undefined: the earlier tip is gone from the cache (rebuilt); the tip is listed whole below.
      if (changed) return new GridSnapshot(store, tip, await patched(store, since.entries, changed), listed);
    }
    const entries = withOverlay(await store.list(tip, paths), paths, overlay);
    // A node's store is partial: each read of blobs it lacks is a round trip to the remote. What a node
    // lists is what its sync reads next (policy, nodes, claims, queue), so all of it comes in one.
    if (store.options.partial) await store.read(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
    return new GridSnapshot(store, tip, entries, listed);
  }

  of(state: Lifecycle): TaskFile[] {
    return this.files.get(state)!;
  }

  /** Ids in a lifecycle folder, listed on demand when the snapshot was loaded without it. */
  async idsIn(state: Lifecycle): Promise<Set<string>> {
    const files = this.of(state);
    if (files.length > 0 || this.tip === null) return new Set(files.map((f) => f.id));
    const entries = (await this.store.list(this.tip, [lifecycleDir(state)])).filter((e) => e.type === 'blob');
    return new Set(entries.map((e) => locate(e.path)?.id).filter((id): id is string => id !== undefined));
  }

  async policy(): Promise<Policy> {
    if (!this.cachedPolicy) {
      if (this.policyEntry && this.policyEntry.type !== 'blob') {
        throw new UserError(
          `${POLICY_FILE} is ${kindOf(this.policyEntry)}, not a file: commit the grid's policy as a file`,
        );
      }
      const text = this.policyEntry ? (await this.store.readOne(this.policyEntry.sha)).toString('utf8') : undefined;
      this.cachedPolicy = parsePolicy(text, POLICY_FILE);
    }
    return this.cachedPolicy;
  }

  async node(nodeId: string): Promise<NodeRecord | undefined> {
    const entry = this.nodeEntries.get(nodeId);
    if (!entry) return undefined;
    return nodeRecord(nodeId, await this.store.readOne(entry.sha));
  }

  /**
   * The node files that are node records, each of the node its file is named after. Anything else a direct
   * push left there (wrong types, another node's name) is ignored, never carried forward: the node writes
   * its file afresh on its next heartbeat.
   */
  async nodes(): Promise<NodeRecord[]> {
    const entries = [...this.nodeEntries];
    const blobs = await this.store.read(entries.map(([, e]) => e.sha));
    return entries
      .map(([nodeId, entry]) => nodeRecord(nodeId, blobs.get(entry.sha)!))
      .filter((node): node is NodeRecord => node !== undefined);
  }

  /** Reads and parses JSON records; callers validate them with the schema of their folder. */
  async readJson(files: readonly TaskFile[]): Promise<Map<TaskFile, unknown>> {
    const blobs = await this.store.read(files.filter((f) => f.entry.type === 'blob').map((f) => f.entry.sha));
    const out = new Map<TaskFile, unknown>();
    for (const file of files) {
      const blob = blobs.get(file.entry.sha);
      if (!blob) continue;
      try {
        out.set(file, JSON.parse(blob.toString('utf8')));
      } catch {
        out.set(file, undefined);
      }
    }
    return out;
  }
}

/** The entries with each overlay path below the listed paths set to its blob, or removed. */
function withOverlay(
  entries: TreeEntry[],
  listed: readonly string[],
  overlay: ReadonlyMap<string, string | null> | undefined,
): TreeEntry[] {
  if (!overlay || overlay.size === 0) return entries;
  const within = (path: string) => listed.some((p) => path === p || path.startsWith(`${p}/`));
  const kept = entries.filter((e) => !overlay.has(e.path));
  for (const [path, sha] of overlay) {
    if (sha !== null && within(path)) kept.push({ mode: '100644', type: 'blob', sha, size: null, path });
  }
  return kept;
}

/**
 * An earlier listing brought to a new tip, in the tree's order: the order of full paths, compared here as
 * text, which differs from git's byte order only between names outside the Basic Multilingual Plane.
 */
async function patched(
  store: GridStore,
  before: readonly TreeEntry[],
  changed: readonly { path: string; entry: TreeEntry | undefined }[],
): Promise<TreeEntry[]> {
  if (changed.length === 0) return [...before];
  const byPath = new Map(before.map((e) => [e.path, e]));
  const added: TreeEntry[] = [];
  for (const { path, entry } of changed) {
    if (!entry) byPath.delete(path);
    else if (byPath.has(path)) byPath.set(path, entry);
    else added.push(entry);
  }
  // What stayed keeps its order; the few added entries are sorted in.
  const kept = [...byPath.values()];
  const entries: TreeEntry[] = [];
  added.sort((a, b) => (a.path < b.path ? -1 : 1));
  for (let i = 0, j = 0; i < kept.length || j < added.length;) {
    if (j === added.length || (i < kept.length && kept[i]!.path < added[j]!.path)) entries.push(kept[i++]!);
    else entries.push(added[j++]!);
  }
  // The new blobs in one request, as a full listing reads them (a node's next reads are among them).
  const fresh = changed.map((c) => c.entry).filter((e): e is TreeEntry => e?.type === 'blob');
  if (fresh.length > 0) await store.read(fresh.map((e) => e.sha));
  return entries;
}

function nodeRecord(nodeId: string, blob: Buffer): NodeRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(blob.toString('utf8'));
  } catch {
    return undefined;
  }
  return nodeValidator.is(value) && value.node_id === nodeId ? value : undefined;
}

function kindOf(entry: TreeEntry): string {
  return entry.type === 'commit' ? 'a submodule' : `a ${entry.type}`;
}

/** The warning for an entry in GridSnapshot.skipped. */
export function skippedEntry(entry: TreeEntry): string {
  return `${printable(entry.path)} is ${kindOf(entry)}, not a file: skipped; remove it from the grid`;
}
