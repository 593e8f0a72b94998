// The branch's push budget, shared by its nodes. GitHub's guidance (about 6 pushes a minute, 15 git reads a
// second) is per repository, so the policy's push_budget_per_minute is the whole grid's: each node takes its
// share from what it sees at the tip it fetched (the nodes online) and in the history it fetched (who pushed
// in the last minute). No node can make another keep to its share: the audit flags one that does not.

/** How far back a node looks at the branch's pushes: GitHub's guidance counts a minute. */
export const SHARE_WINDOW_MS = 60_000;
/**
 * The least share a node ever takes, as a part of an even split: with the budget spent by others (pushes of
 * submitters, a node that ignores its share), a node still pushes its results and heartbeats, slowly.
 */
const MIN_SHARE = 0.25;

/** A node as its file at the tip shows it. */
export interface SeenNode {
  node_id: string;
  started_at: string;
  /** The tasks it runs, as its file shows them: a node that runs tasks wants its share, whatever it pushed. */
  tasks?: readonly string[];
}

/** A commit of the branch: its committer date and author, a node id for a node's own commits. */
export interface SeenPush {
  at: number;
  author: string;
}

export interface ShareView {
  /** The policy's push_budget_per_minute: 0 means no limit. */
  budgetPerMinute: number;
  nodeId: string;
  /** The other nodes online at the tip (this node may be among them, it always counts). */
  nodes: readonly SeenNode[];
  /** The branch's pushes; those older than the window are left out here. */
  pushes: readonly SeenPush[];
  now: number;
}

export interface Share {
  /** Pushes a minute this node may make; Infinity without a budget. */
  perMinute: number;
  /** Nodes the budget is split between, this one included. */
  sharers: number;
  /** Pushes in the window by anyone but this node, per minute: other nodes, submitters, reapers. */
  othersPerMinute: number;
}

/**
 * This node's share of the branch's budget: a max-min fair split (water-filling) of what the window shows.
 * Pushes by authors that are not online nodes (submissions, the reaper) are taken off the budget first. An
 * online node seen for a whole window that pushed less than an even split keeps what it used, and the
 * rest is split evenly between this node and the others: idle nodes leave their share to busy ones, and
 * busy nodes that see the same history take shares that add up to the budget. A node that started within
 * the window has shown no rate yet and counts as wanting a full share, so a grid starting at once does
 * not take the budget once per node. So does a node whose file shows tasks running: it pushes less than its
 * share when it loses races, not because it is idle, and taking its share would make the others race more.
 */
export function pushShare(view: ShareView): Share {
  const { budgetPerMinute: budget, nodeId, now } = view;
  const perWindow = SHARE_WINDOW_MS / 60_000;
  const others = view.nodes.filter((n) => n.node_id !== nodeId);
  const counts = new Map<string, number>();
  for (const push of view.pushes) {
    if (push.at <= now - SHARE_WINDOW_MS) continue;
    counts.set(push.author, (counts.get(push.author) ?? 0) + 1);
  }
  let othersCount = 0;
  for (const [author, count] of counts) if (author !== nodeId) othersCount += count;
  const sharers = others.length + 1;
  if (budget <= 0) return { perMinute: Infinity, sharers, othersPerMinute: othersCount / perWindow };
  const online = new Set(others.map((n) => n.node_id));
  let foreign = 0;
  for (const [author, count] of counts) if (author !== nodeId && !online.has(author)) foreign += count;
  let left = budget - foreign / perWindow;
  let wanting = 1;
  const known: number[] = [];
  for (const node of others) {
    const since = Date.parse(node.started_at);
    if (Number.isNaN(since) || since > now - SHARE_WINDOW_MS || (node.tasks?.length ?? 0) > 0) wanting++;
    else known.push((counts.get(node.node_id) ?? 0) / perWindow);
  }
  known.sort((a, b) => a - b);
  let level = left / (wanting + known.length);
  for (const [i, rate] of known.entries()) {
    if (rate >= level) break;
    left -= rate;
    level = left / (wanting + known.length - i - 1);
  }
  return {
    perMinute: Math.max(level, (MIN_SHARE * budget) / sharers),
    sharers,
    othersPerMinute: othersCount / perWindow,
  };
}

/** Where a node's turns fall: at the times equal to offsetMs modulo everyMs, on the grid server's clock. */
export interface Turns {
  offsetMs: number;
  everyMs: number;
  /** How long a turn lasts: until the next node's, one slot of the budget's train later. */
  slotMs: number;
}

/**
 * The shortest slot of the train: a round (fetch, build, push) takes about this long against a git host, and
 * slots shorter than a round would have each node's round overlap its neighbour's, and lose to it.
 */
export const MIN_SLOT_MS = 1000;

/**
 * Where a node's turns fall, so that busy nodes take turns rather than race: the budget is a train of slots,
 * one every 60/budget seconds of the grid server's clock (a second at least), and the busy nodes (this one,
 * and those whose files show tasks running) take them in the order of their ids, node k of N the slots k,
 * k + N, k + 2N... The train depends only on the budget and on what every node reads alike at the tip, not on
 * a node's share, which each computes from the history it fetched and which moves from round to round.
 * Undefined without a budget.
 */
export function turnsOf(nodeId: string, busy: readonly SeenNode[], budgetPerMinute: number): Turns | undefined {
  if (!(budgetPerMinute > 0)) return undefined;
  const ids = [...new Set([nodeId, ...busy.map((n) => n.node_id)])].sort();
  const slotMs = Math.max(60_000 / budgetPerMinute, MIN_SLOT_MS);
  return { offsetMs: ids.indexOf(nodeId) * slotMs, everyMs: ids.length * slotMs, slotMs };
}

/**
 * How long an idle node waits at least between looks at the remote, so that the online nodes' polling
 * together stays within the grid's read budget (reads a second; 0 means no limit). Each look is one read.
 */
export function pollFloorMs(nodesOnline: number, readBudgetPerSecond: number): number {
  if (readBudgetPerSecond <= 0) return 0;
  return (Math.max(1, nodesOnline) / readBudgetPerSecond) * 1000;
}

/** A node that pushed above its share while the branch was over its budget. */
export interface OverShare {
  nodeId: string;
  /** The push that showed it, and its date. */
  at: number;
  index: number;
  pushes: number;
  share: number;
  total: number;
}

/**
 * Nodes that pushed above their share, from a branch's history (oldest first): at some push, the window
 * ending there held more than the budget plus a tenth (what honest nodes keep to), and the node's own
 * pushes in it were above one and a half times its share (the one it would have computed, or an even split if
 * more) plus two: an honest node's registration and sign-off do not wait for its turn. Each node is named
 * once per window. `nodeIds` are the authors that are nodes; `budgetAt` gives the policy's budget at a push.
 */
export function overShare(
  pushes: readonly SeenPush[],
  nodeIds: ReadonlySet<string>,
  budgetAt: (index: number) => number,
): OverShare[] {
  const found: OverShare[] = [];
  const flaggedUntil = new Map<string, number>();
  let first = 0;
  for (const [index, push] of pushes.entries()) {
    while (pushes[first]!.at <= push.at - SHARE_WINDOW_MS) first++;
    const budget = budgetAt(index);
    if (budget <= 0 || !nodeIds.has(push.author)) continue;
    const limit = (budget * SHARE_WINDOW_MS) / 60_000;
    if (index + 1 - first <= limit * 1.1 || (flaggedUntil.get(push.author) ?? -Infinity) > push.at) continue;
    const window = pushes.slice(first, index + 1);
    // Every node that pushed in the window counts as seen for a whole one: its rate is what it did.
    const nodes = [...new Set(window.map((p) => p.author))]
      .filter((a) => nodeIds.has(a))
      .map((node_id) => ({ node_id, started_at: new Date(0).toISOString() }));
    const mine = window.filter((p) => p.author === push.author).length;
    const share = pushShare({ budgetPerMinute: budget, nodeId: push.author, nodes, pushes: window, now: push.at });
    const allowed = (Math.max(share.perMinute, budget / nodes.length) * SHARE_WINDOW_MS) / 60_000;
    if (mine <= 1.5 * allowed + 2) continue;
    found.push({ nodeId: push.author, at: push.at, index, pushes: mine, share: allowed, total: window.length });
    flaggedUntil.set(push.author, push.at + SHARE_WINDOW_MS);
  }
  return found;
}
