import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPolicy } from '../src/protocol/policy.js';
import type { DashboardInput } from '../src/dashboard/model.js';
import { recommendWorkers } from '../src/dashboard/scaling.js';
import { claim, node, queued, result } from './dashboard-fixtures.js';

const now = new Date('2025-06-01T12:00:00Z');

function grid(fields: Partial<DashboardInput>): DashboardInput {
  return {
    title: 'test',
    generatedAt: now,
    branch: 'main',
    policy: defaultPolicy(),
    queued: [],
    running: [],
    completed: [],
    failed: [],
    nodes: [],
    history: [],
    ...fields,
  };
}

const queue = (n: number) => Array.from({ length: n }, (_, i) => queued(`t${i}`));
/** Results that each took 55 s: with the 5 s claim overhead, one slot finishes one task a minute. */
const minuteResults = (n: number) =>
  Array.from({ length: n }, (_, i) => result(now, `r${i}`, 'success', { durationMs: 55_000 }));

describe('recommendWorkers', () => {
  it('recommends no worker when nothing is queued or running', () => {
    const r = recommendWorkers(grid({ completed: minuteResults(10), nodes: [node(now, 'n1')] }));
    assert.equal(r.workers, 0);
    assert.match(r.reason, /^Nothing is queued or running/);
  });

  it('clears the backlog within the drain time at the pace of recent durations', () => {
    // 60 queued / 15 min = 4 tasks a minute; a slot does 1 a minute, so 4 slots: 2 workers of 2 slots.
    const r = recommendWorkers(
      grid({ queued: queue(60), completed: minuteResults(20), nodes: [node(now, 'n1', { slots: 2 })] }),
    );
    assert.equal(r.perSlotPerMinute, 1);
    assert.equal(r.slotsPerWorker, 2);
    assert.equal(r.workers, 2);
    assert.match(
      r.reason,
      /^60 queued and 0 running; a slot finishes about 1 task a minute \(from a typical duration of 55 s/,
    );
    assert.match(r.reason, /2 workers with 2 slots each would clear the queue in about 15 minutes\.$/);
  });

  it('adds slots for tasks arriving, measured from the history', () => {
    const history = [
      { time: new Date(now.getTime() - 30 * 60_000), queued: 0, running: 0, completed: 0, failed: 0 },
      { time: now, queued: 15, running: 0, completed: 45, failed: 0 },
    ];
    // 60 tasks arrived in 30 minutes: 2 a minute, plus 15 queued / 15 minutes = 3 slots with 1 slot per worker.
    const r = recommendWorkers(grid({ queued: queue(15), completed: minuteResults(45), history }));
    assert.equal(r.arrivalsPerMinute, 2);
    assert.equal(r.workers, 3);
    assert.match(r.reason, /about 2 new tasks a minute arrive/);
  });

  it('keeps enough workers for the running tasks when nothing is queued', () => {
    const running = [claim(now, 'a', 'n1'), claim(now, 'b', 'n1'), claim(now, 'c', 'n2')];
    const nodes = [node(now, 'n1', { slots: 2 }), node(now, 'n2', { slots: 2 })];
    const r = recommendWorkers(grid({ running, nodes, completed: minuteResults(5) }));
    assert.equal(r.workers, 2);
    assert.match(r.reason, /^Nothing is queued and 3 running; .* would keep up\.$/);
  });

  it('caps the recommendation and says so', () => {
    const r = recommendWorkers(grid({ queued: queue(3000), completed: minuteResults(5) }));
    assert.equal(r.workers, 20);
    assert.match(r.reason, /20 workers with 1 slot each \(capped from 200\)/);
    assert.equal(recommendWorkers(grid({ queued: queue(3000), completed: minuteResults(5) }), { max: 50 }).workers, 50);
  });

  it('recommends at least the minimum while there is work', () => {
    const r = recommendWorkers(grid({ queued: queue(1), completed: minuteResults(5) }), { min: 2 });
    assert.equal(r.workers, 2);
  });

  it('assumes tasks use the default timeout before any has finished', () => {
    // 30 s timeout + 5 s claim: a slot does 60/35 tasks a minute; 45 queued / 15 min = 3 a minute: 2 slots.
    const r = recommendWorkers(grid({ queued: queue(45) }));
    assert.equal(r.workers, 2);
    assert.match(r.reason, /assuming tasks use the 30 s default timeout, as none has finished yet/);
  });

  it('falls back to the pace in the history when results were archived', () => {
    const history = Array.from({ length: 31 }, (_, i) => ({
      time: new Date(now.getTime() - (30 - i) * 60_000),
      queued: 30,
      running: 2,
      completed: i * 4,
      failed: 0,
    }));
    // 4 finished a minute with 2 running: 2 a minute per slot; 30 queued / 15 min = 2 a minute plus 4 arriving.
    const r = recommendWorkers(
      grid({ queued: queue(30), running: [claim(now, 'a', 'n1'), claim(now, 'b', 'n1')], history }),
    );
    assert.equal(r.perSlotPerMinute, 2);
    assert.equal(r.workers, 3);
    assert.match(r.reason, /measured over the last 60 minutes/);
  });

  it('describes slow tasks by their duration rather than a rate that rounds to zero', () => {
    const slow = Array.from({ length: 3 }, (_, i) => result(now, `s${i}`, 'success', { durationMs: 3_595_000 }));
    const r = recommendWorkers(grid({ queued: queue(2), completed: slow }));
    assert.match(r.reason, /a slot takes about 1 h per task/);
    assert.equal(r.workers, 2);
  });

  it('ignores nodes that are not online when sizing workers', () => {
    const nodes = [
      node(now, 'big', { slots: 8, status: 'draining' }),
      node(now, 'stale', { slots: 8, heartbeatAgoMs: 3600_000 }),
    ];
    const r = recommendWorkers(grid({ queued: queue(60), completed: minuteResults(3), nodes }));
    assert.equal(r.slotsPerWorker, 1);
    assert.equal(r.workers, 4);
  });
});
