import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overShare, pollFloorMs, pushShare, turnsOf, type SeenPush } from '../src/protocol/push-share.js';
import { auditGrid } from '../src/upkeep/audit.js';
import { gridFor, noopTasks, runAll } from './helpers/grid.js';

const now = Date.parse('2026-12-07T10:00:00Z');
/** A node online since long before the window. */
const old = (node_id: string) => ({ node_id, started_at: '2026-12-07T09:00:00Z' });
/** A node that started within the window: it has shown no rate yet. */
const fresh = (node_id: string) => ({ node_id, started_at: '2026-12-07T09:59:50Z' });
/** `count` pushes by `author`, spread over the last `spanMs`. */
const pushes = (author: string, count: number, spanMs = 50_000): SeenPush[] =>
  Array.from({ length: count }, (_, i) => ({ author, at: now - spanMs + (i * spanMs) / count }));

test('push share: without a budget there is no limit', () => {
  const share = pushShare({ budgetPerMinute: 0, nodeId: 'a', nodes: [old('b')], pushes: pushes('b', 30), now });
  assert.equal(share.perMinute, Infinity);
  assert.equal(share.othersPerMinute, 30);
});

test('push share: a node alone takes the whole budget', () => {
  const share = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: [], pushes: pushes('a', 60), now });
  assert.equal(share.perMinute, 60);
  assert.equal(share.sharers, 1);
});

test('push share: busy nodes split the budget evenly, and their shares add up to it', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const history = ids.flatMap((id) => pushes(id, 15));
  const shares = ids.map(
    (id) => pushShare({ budgetPerMinute: 60, nodeId: id, nodes: ids.map(old), pushes: history, now }).perMinute,
  );
  assert.deepEqual(shares, [15, 15, 15, 15]);
});

test('push share: idle nodes leave their share to the busy ones', () => {
  // b and c sent a heartbeat each in the last minute; a is busy.
  const history = [...pushes('a', 40), ...pushes('b', 1), ...pushes('c', 1)];
  const share = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: ['a', 'b', 'c'].map(old), pushes: history, now });
  assert.equal(share.perMinute, 58);
});

test('push share: a node that runs tasks wants its share, however few of its pushes landed', () => {
  // b and c lost most of their races: a pushed 40 times, they 4 each. Their files show tasks running.
  const history = [...pushes('a', 40), ...pushes('b', 4), ...pushes('c', 4)];
  const running = (node_id: string) => ({ ...old(node_id), tasks: ['t1'] });
  const share = pushShare({
    budgetPerMinute: 60,
    nodeId: 'a',
    nodes: ['a', 'b', 'c'].map(running),
    pushes: history,
    now,
  });
  assert.equal(share.perMinute, 20, 'an even split, not the 52 left by their landed pushes');
});

test('push share: a node that joins takes an even share at once, and the busy one yields to it', () => {
  // b has been pushing the whole budget alone; a joins.
  const joining = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: [old('b')], pushes: pushes('b', 60), now });
  assert.equal(joining.perMinute, 30, 'a wants a full share: b pushed more than an even split');
  const yielding = pushShare({ budgetPerMinute: 60, nodeId: 'b', nodes: [fresh('a')], pushes: pushes('b', 60), now });
  assert.equal(yielding.perMinute, 30, 'b counts a, new in the window, as wanting a full share');
});

test('push share: nodes that all start at once split the budget, not take it each', () => {
  const ids = Array.from({ length: 16 }, (_, i) => `n${i}`);
  const share = pushShare({ budgetPerMinute: 120, nodeId: 'n0', nodes: ids.map(fresh), pushes: [], now });
  assert.equal(share.perMinute, 120 / 16);
});

test('push share: pushes by others than nodes (submissions, the reaper) come off the budget first', () => {
  const history = [...pushes('submitter', 20), ...pushes('dgrid-reaper-1', 4)];
  const share = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: [fresh('b')], pushes: history, now });
  assert.equal(share.perMinute, (60 - 24) / 2);
  assert.equal(share.othersPerMinute, 24);
});

test('push share: pushes older than the window do not count', () => {
  const history = pushes('b', 60, 50_000).map((p) => ({ ...p, at: p.at - 70_000 }));
  const share = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: [old('b')], pushes: history, now });
  assert.equal(share.perMinute, 60);
});

test('push share: with the budget spent by others a node still keeps a quarter of an even split', () => {
  const history = [...pushes('submitter', 100)];
  const share = pushShare({ budgetPerMinute: 60, nodeId: 'a', nodes: [old('b')], pushes: history, now });
  assert.equal(share.perMinute, (0.25 * 60) / 2);
});

test('turns: the online nodes take the slots of the budget in the order of their ids, a new one among them', () => {
  const seen = ['n3', 'n1', 'n0', 'n2'].map((node_id) => ({ node_id, started_at: '2026-12-07T00:00:00Z' }));
  // 12 pushes a minute: a slot every 5 s, each node's every 20 s.
  assert.deepEqual(
    ['n0', 'n1', 'n2', 'n3'].map((id) => turnsOf(id, seen, 12)),
    [0, 5_000, 10_000, 15_000].map((offsetMs) => ({ offsetMs, everyMs: 20_000, slotMs: 5_000 })),
  );
  assert.deepEqual(
    turnsOf('n15', seen, 12),
    { offsetMs: 10_000, everyMs: 25_000, slotMs: 5_000 },
    'a node not at the tip yet takes its place by its id',
  );
  assert.equal(turnsOf('n1', seen, 0), undefined, 'no budget, no turns');
  assert.deepEqual(
    turnsOf('n1', seen, 120),
    { offsetMs: 1_000, everyMs: 4_000, slotMs: 1_000 },
    'a slot lasts a second at least, the time of a round',
  );
});

test('poll floor: the online nodes together poll within the read budget', () => {
  assert.equal(pollFloorMs(100, 10), 10_000);
  assert.equal(pollFloorMs(0, 10), 100, 'a node alone counts itself');
  assert.equal(pollFloorMs(100, 0), 0, '0 means no limit');
});

test('over share: a node that ignores its share is named, honest ones are not', () => {
  const history = [...pushes('hog', 100), ...pushes('a', 5), ...pushes('b', 5), ...pushes('submitter', 2)].sort(
    (x, y) => x.at - y.at,
  );
  const found = overShare(history, new Set(['hog', 'a', 'b']), () => 60);
  assert.deepEqual(
    found.map((f) => f.nodeId),
    ['hog'],
  );
  assert.ok(found[0]!.pushes > found[0]!.share * 1.5, JSON.stringify(found[0]));
});

test('over share: nodes within the budget are never named, whatever their split', () => {
  const history = [...pushes('a', 50), ...pushes('b', 10)].sort((x, y) => x.at - y.at);
  assert.deepEqual(
    overShare(history, new Set(['a', 'b']), () => 60),
    [],
  );
  assert.deepEqual(
    overShare(history, new Set(['a', 'b']), () => 0),
    [],
    'no budget, nothing to exceed',
  );
});

test('audit: a node that pushes above its share of the budget is named (push-share)', async (t) => {
  const grid = await gridFor(t, { push_budget_per_minute: 6 });
  // A node ignoring its share: a heartbeat after another, as fast as git goes.
  for (let i = 0; i < 12; i++) {
    const heartbeat = JSON.stringify({ node_id: 'hog', last_heartbeat: new Date().toISOString(), beat: i });
    const tip = await grid.store.fetch();
    const commit = await grid.store.commit(
      tip,
      [{ path: 'nodes/hog.json', content: heartbeat }],
      'dgrid: hog: heartbeat\n',
      'hog',
    );
    assert.equal(await grid.store.push(commit), 'pushed');
  }
  const report = await auditGrid(grid.bare);
  const flagged = report.violations.filter((v) => v.rule === 'push-share');
  assert.equal(flagged.length, 1, JSON.stringify(report.violations));
  assert.equal(flagged[0]!.task, 'nodes/hog.json');
  assert.match(flagged[0]!.message, /hog pushed \d+ times in the minute to here, above its share of \d/);
});

test('audit: nodes within the budget are not named', async (t) => {
  const grid = await gridFor(t, { push_budget_per_minute: 6 });
  await grid.submit(noopTasks(3));
  await runAll([grid.worker({ nodeId: 'honest', slots: 3 })]);
  const report = await auditGrid(grid.bare);
  assert.deepEqual(
    report.violations.filter((v) => v.rule === 'push-share'),
    [],
  );
});
