// A read-only view of the grid at one commit: which task files are where, the nodes, and the policy.
import type { GridStore, TreeEntry } from './git/store.js';
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
import { parsePolicy } from './policy.js';
import type { NodeRecord, Policy } from './schemas.js';

export interface TaskFile {
  id: string;
  state: Lifecycle;
  entry: TreeEntry;
}

export interface SnapshotOptions {
  /** Lifecycle folders to list; the terminal ones grow without bound, so callers ask only when they need them. */
  states?: readonly Lifecycle[];
}

export class GridSnapshot {
  readonly files = new Map<Lifecycle, TaskFile[]>();
  readonly byId = new Map<string, TaskFile[]>();
  readonly nodeEntries = new Map<string, TreeEntry>();
  /** Cancel requests by task id. */
  readonly cancels = new Map<string, TreeEntry>();
  private policyEntry: TreeEntry | undefined;
  private cachedPolicy: Policy | undefined;

  private constructor(
    readonly store: GridStore,
    readonly tip: string | null,
    entries: TreeEntry[],
  ) {
    for (const state of LIFECYCLE) this.files.set(state, []);
    for (const entry of entries) {
      if (entry.path === POLICY_FILE) {
        this.policyEntry = entry;
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
    const entries = await store.list(tip, [POLICY_FILE, NODES_DIR, CANCEL_DIR, ...states.map(lifecycleDir)]);
    // A node's store is partial: each read of blobs it lacks is a round trip to the remote. What a node
    // lists is what its sync reads next (policy, nodes, claims, queue), so all of it comes in one.
    if (store.options.partial) await store.read(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
    return new GridSnapshot(store, tip, entries);
  }

  of(state: Lifecycle): TaskFile[] {
    return this.files.get(state)!;
  }

  /** Ids in a lifecycle folder, listed on demand when the snapshot was loaded without it. */
  async idsIn(state: Lifecycle): Promise<Set<string>> {
    const files = this.of(state);
    if (files.length > 0 || this.tip === null) return new Set(files.map((f) => f.id));
    const entries = await this.store.list(this.tip, [lifecycleDir(state)]);
    return new Set(entries.map((e) => locate(e.path)?.id).filter((id): id is string => id !== undefined));
  }

  async policy(): Promise<Policy> {
    if (!this.cachedPolicy) {
      const text = this.policyEntry ? (await this.store.readOne(this.policyEntry.sha)).toString('utf8') : undefined;
      this.cachedPolicy = parsePolicy(text, POLICY_FILE);
    }
    return this.cachedPolicy;
  }

  async node(nodeId: string): Promise<NodeRecord | undefined> {
    const entry = this.nodeEntries.get(nodeId);
    if (!entry) return undefined;
    return JSON.parse((await this.store.readOne(entry.sha)).toString('utf8')) as NodeRecord;
  }

  async nodes(): Promise<NodeRecord[]> {
    const entries = [...this.nodeEntries.values()];
    const blobs = await this.store.read(entries.map((e) => e.sha));
    const nodes: NodeRecord[] = [];
    for (const entry of entries) {
      try {
        nodes.push(JSON.parse(blobs.get(entry.sha)!.toString('utf8')) as NodeRecord);
      } catch {
        // A hand-edited node file is the node's own business; it re-registers on its next heartbeat.
      }
    }
    return nodes;
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
