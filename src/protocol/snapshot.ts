// A read-only view of the grid at one commit: which task files are where, the nodes, and the policy.
import type { GridStore, TreeEntry } from '../git/store.js';
import {
  CANCEL_DIR,
  LIFECYCLE,
  NODES_DIR,
  POLICY_FILE,
  lifecycleDir,
  locate,
  locateCancel,
  locateNode,
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
}

export class GridSnapshot {
  readonly files = new Map<Lifecycle, TaskFile[]>();
  readonly byId = new Map<string, TaskFile[]>();
  readonly nodeEntries = new Map<string, TreeEntry>();
  /** Cancel requests by task id. */
  readonly cancels = new Map<string, TreeEntry>();
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
      if (entry.type !== 'blob' && locate(entry.path)?.state !== 'queue') {
        this.skipped.push(entry);
        continue;
      }
      const node = locateNode(entry.path);
      if (node !== undefined) {
        this.nodeEntries.set(node, entry);
        continue;
      }
      const cancelled = locateCancel(entry.path);
      if (cancelled !== undefined) {
        this.cancels.set(cancelled, entry);
        continue;
      }
      const located = locate(entry.path);
      if (!located) continue;
      const file: TaskFile = { id: located.id, state: located.state, entry };
      this.files.get(located.state)!.push(file);
      const same = this.byId.get(file.id);
      if (same) same.push(file);
      else this.byId.set(file.id, [file]);
    }
  }

  static async load(store: GridStore, tip: string | null, options: SnapshotOptions = {}): Promise<GridSnapshot> {
    if (tip === null) return new GridSnapshot(store, null, []);
    const states = options.states ?? LIFECYCLE;
    const paths = [POLICY_FILE, NODES_DIR, CANCEL_DIR, ...states.map(lifecycleDir)];
    const listed = paths.join('\0');
    const since = options.since;
    if (store.options.partial && since?.tip && since.store === store && since.listed === listed) {
      const changed = await store.changedEntries(since.tip, tip, paths).catch(() => undefined);
      // undefined: the earlier tip is gone from the cache (rebuilt); the tip is listed whole below.
      if (changed) return new GridSnapshot(store, tip, await patched(store, since.entries, changed), listed);
    }
    const entries = await store.list(tip, paths);
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
