import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PushPacer } from '../src/protocol/push-pacer.js';

/** A pacer on a clock the test moves, with rounds of a given length. */
function pacerWithClock(): {
  pacer: PushPacer;
  round: (ms: number, outcome: 'lost' | 'landed', leaseAtRisk?: boolean) => number;
} {
  let now = 1_000_000;
  const pacer = new PushPacer(() => now);
  return {
    pacer,
    round(ms, outcome, leaseAtRisk = false) {
      pacer.begin();
      now += ms;
      if (outcome === 'lost') return pacer.lostRace(leaseAtRisk);
      pacer.landed();
      return 0;
    },
  };
}

test('push pacer: a lost race waits within one round, however many were lost before', () => {
  const { round } = pacerWithClock();
  const waits: number[] = [];
  // Rounds of 100 ms: the average settles there, and no wait grows past it with the losses.
  for (let i = 0; i < 40; i++) waits.push(round(100, 'lost'));
  const late = waits.slice(20);
  assert.ok(Math.max(...late) < 110, `waits after 20 losses stay within a round: ${late.map(Math.round).join(' ')}`);
  assert.ok(new Set(late.map(Math.round)).size > 1, 'the waits are random, so losers spread out');
});

test('push pacer: a contended push holds its node off a round per lost race, then the hold decays', () => {
  const { pacer, round } = pacerWithClock();
  for (let i = 0; i < 20; i++) round(100, 'landed');
  assert.equal(pacer.hold, 0, 'no contention, no hold');
  assert.equal(pacer.untilTurn(), 0);

  for (let i = 0; i < 3; i++) round(100, 'lost');
  round(100, 'landed');
  assert.ok(Math.abs(pacer.hold - 300) < 15, `three lost races hold off about three rounds: ${pacer.hold}`);
  assert.ok(Math.abs(pacer.untilTurn() - pacer.hold) < 1e-6, 'the hold counts from the landing');

  round(100, 'landed');
  assert.ok(Math.abs(pacer.hold - 150) < 10, `a push without contention halves it: ${pacer.hold}`);
  round(100, 'landed');
  assert.ok(Math.abs(pacer.hold - 75) < 5, `and halves again: ${pacer.hold}`);
  round(100, 'landed');
  assert.equal(pacer.hold, 0, 'below half a round it is gone');
});

test('push pacer: the hold is capped at a few rounds', () => {
  const { pacer, round } = pacerWithClock();
  for (let i = 0; i < 20; i++) round(100, 'landed');
  for (let i = 0; i < 50; i++) round(100, 'lost');
  round(100, 'landed');
  assert.ok(pacer.hold <= 8 * 101, `fifty lost races hold off at most eight rounds: ${pacer.hold}`);
  assert.ok(pacer.hold >= 8 * 99);
});

test('push pacer: the retry window widens with the contention of many pushes, not with a run of losses', () => {
  const { round } = pacerWithClock();
  // A branch where every push lands after three lost races: about four nodes pushing at once.
  for (let i = 0; i < 15; i++) {
    for (let lost = 0; lost < 3; lost++) round(100, 'lost');
    round(100, 'landed');
  }
  const waits = Array.from({ length: 60 }, () => round(100, 'lost'));
  assert.ok(Math.max(...waits) < 4 * 105, `within four rounds: ${Math.round(Math.max(...waits))}`);
  assert.ok(Math.max(...waits) > 150, `wider than one round: ${Math.round(Math.max(...waits))}`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [early, late] = [mean(waits.slice(0, 30)), mean(waits.slice(30))];
  assert.ok(late < 1.6 * early, `sixty losses in a row leave the window where it was: ${early} ${late}`);
});

test('push pacer: a node whose lease is at risk retries within a tenth of a round, on a contended branch too', () => {
  const { round } = pacerWithClock();
  for (let i = 0; i < 15; i++) {
    for (let lost = 0; lost < 3; lost++) round(100, 'lost');
    round(100, 'landed');
  }
  const urgent = Array.from({ length: 30 }, () => round(100, 'lost', true));
  assert.ok(Math.max(...urgent) < 11, `within a tenth of a round: ${Math.round(Math.max(...urgent))}`);
  assert.ok(new Set(urgent.map((w) => w.toFixed(3))).size > 1, 'with jitter, so two urgent nodes part');
  const patient = Array.from({ length: 30 }, () => round(100, 'lost'));
  assert.ok(Math.max(...patient) > 150, `the others wait their widened share: ${Math.round(Math.max(...patient))}`);
});

test('pacer: the turn is measured from landed push to landed push', () => {
  let now = 1000;
  const pacer = new PushPacer(() => now);
  pacer.begin();
  pacer.landed();
  assert.equal(pacer.turn, undefined, 'one push is no turn yet');
  now += 10_000;
  pacer.begin();
  now += 100;
  pacer.lostRace();
  pacer.begin();
  pacer.landed();
  assert.equal(pacer.turn, 10_100);
  now += 20_000;
  pacer.begin();
  pacer.landed();
  assert.equal(pacer.turn, 20_000, 'a turn longer than the average counts at once');
  now += 5_000;
  pacer.begin();
  pacer.landed();
  assert.equal(pacer.turn, 0.7 * (0.7 * 10_100 + 0.3 * 20_000) + 0.3 * 5_000, 'a shorter one through the average');
});
