import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bucketHistory,
  dependencyGraph,
  queueDepthChart,
  successRateChart,
  throughputChart,
} from '../src/dashboard/charts.js';
import type { TaskState } from '../src/dashboard/model.js';
import { HOSTILE, history } from './dashboard-fixtures.js';

const now = new Date('2025-06-01T12:00:00Z');

/**
 * A small XML well-formedness check, enough for generated SVG: tags nest and close, attribute values are
 * quoted, text holds no raw < and every & starts a known entity.
 */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = token.exec(xml)) !== null) {
    end = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      assert.doesNotMatch(text, /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i, `bad entity in text: ${text}`);
      assert.doesNotMatch(text, />/, `raw > in text: ${text}`);
    } else if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else if (!selfClosing) {
      stack.push(name!);
    }
    for (const value of (match[3] ?? '').matchAll(/="([^"]*)"/g)) {
      assert.doesNotMatch(value[1]!, /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/, `bad entity in attribute: ${value[1]}`);
    }
  }
  assert.equal(end, xml.length, `cannot parse from: ${xml.slice(end, end + 80)}`);
  assert.deepEqual(stack, [], 'unclosed elements');
}

function assertAccessibleSvg(svg: string): void {
  assertWellFormedXml(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
  assert.match(svg, / role="img"/);
  const labelled = /aria-labelledby="([^"]+) ([^"]+)"/.exec(svg);
  assert.ok(labelled, 'aria-labelledby names a title and a desc');
  assert.match(svg, new RegExp(`<title id="${labelled[1]}">[^<]+</title>`));
  assert.match(svg, new RegExp(`<desc id="${labelled[2]}">[^<]+</desc>`));
}

const sample = history(now, { queued: 12, running: 3, completed: 400, failed: 30 });

describe('charts', () => {
  it('are well-formed, labelled SVG with data', () => {
    for (const svg of [
      throughputChart(sample),
      queueDepthChart(sample),
      successRateChart(sample, { completed: 400, failed: 30 }),
    ]) {
      assertAccessibleSvg(svg);
      assert.match(svg, /<(rect|polyline)[^>]+class="(fill|line)-/);
    }
  });

  it('say so when there is no history yet, or not enough of it', () => {
    const cases: [typeof sample, RegExp][] = [
      [[], /No history yet: /],
      [sample.slice(0, 1), /Not enough history yet: /],
    ];
    for (const [points, words] of cases) {
      for (const svg of [
        throughputChart(points),
        queueDepthChart(points),
        successRateChart(points, { completed: 0, failed: 0 }),
      ]) {
        assertAccessibleSvg(svg);
        assert.match(svg, words);
      }
    }
    const nothingFinished = [
      { time: new Date(now.getTime() - 60_000), queued: 1, running: 0, completed: 0, failed: 0 },
      { time: now, queued: 0, running: 1, completed: 0, failed: 0 },
    ];
    assert.match(throughputChart(nothingFinished), /<desc[^>]*>Nothing finished from /);
  });

  it('fit a history of seconds: a bar per second, time labels that differ', () => {
    // The demo's grid: seven tasks finish within six seconds.
    const points = [0, 1, 2, 3, 4, 5, 6].map((i) => ({
      time: new Date(now.getTime() - (6 - i) * 1000),
      queued: 6 - i,
      running: i === 6 ? 0 : 1,
      completed: i,
      failed: 0,
    }));
    const svg = throughputChart(points);
    assert.match(svg, /<title[^>]*>Throughput \(tasks per 1 s\)<\/title>/);
    assert.ok((svg.match(/class="fill-ok"/g) ?? []).length >= 6 + 1, 'six bars and the legend');
    for (const chart of [svg, queueDepthChart(points), successRateChart(points, { completed: 6, failed: 0 })]) {
      const labels = [...chart.matchAll(/font-size="11" fill="currentColor">(\d\d:\d\d(?::\d\d)? UTC)</g)].map(
        (m) => m[1],
      );
      assert.ok(labels.length >= 2, chart);
      assert.equal(new Set(labels).size, labels.length, `every time label differs: ${labels.join(', ')}`);
      assert.match(labels[0]!, /^\d\d:\d\d:\d\d UTC$/, 'seconds, for a span of seconds');
    }
  });

  it('draw a two-point history spanning seconds', () => {
    const points = [
      { time: new Date(now.getTime() - 5000), queued: 1, running: 0, completed: 0, failed: 0 },
      { time: now, queued: 0, running: 1, completed: 1, failed: 0 },
    ];
    for (const svg of [
      throughputChart(points),
      queueDepthChart(points),
      successRateChart(points, { completed: 1, failed: 0 }),
    ]) {
      assertAccessibleSvg(svg);
      assert.doesNotMatch(svg, /NaN|Infinity/);
    }
  });

  it('describe the data in words', () => {
    assert.match(
      throughputChart(sample),
      /<desc[^>]*>Tasks finished per 15 min from .* 400 completed and 30 failed in all/,
    );
    assert.match(
      successRateChart(sample, { completed: 400, failed: 30 }),
      /<title[^>]*>Success rate \(93% overall\)<\/title>/,
    );
  });
});

describe('bucketHistory', () => {
  it('counts what finished per bucket and ignores shrinking from retention', () => {
    const points = [
      { time: new Date('2025-06-01T10:00:00Z'), queued: 5, running: 0, completed: 10, failed: 1 },
      { time: new Date('2025-06-01T10:20:00Z'), queued: 3, running: 2, completed: 14, failed: 2 },
      { time: new Date('2025-06-01T10:40:00Z'), queued: 3, running: 2, completed: 4, failed: 0 },
      { time: new Date('2025-06-01T11:00:00Z'), queued: 0, running: 1, completed: 9, failed: 0 },
    ];
    const buckets = bucketHistory(points, 6);
    assert.equal(buckets.length, 6);
    assert.equal(buckets[1]!.end - buckets[1]!.start, 10 * 60_000);
    assert.deepEqual(
      buckets.map((b) => [b.completed, b.failed, b.queued]),
      // A commit at a bucket's end belongs to that bucket: the 10:20 state is the one the bucket ending 10:20 shows.
      [
        [0, 0, 5],
        [4, 1, 3],
        [0, 0, 3],
        [0, 0, 3],
        [0, 0, 3],
        [5, 0, 0],
      ],
    );
  });
});

describe('dependencyGraph', () => {
  const states = new Map<string, TaskState>([
    ['build', 'completed'],
    ['test', 'running'],
    ['lint', 'failed'],
  ]);

  it('lays out waiting tasks right of what they wait for', () => {
    const svg = dependencyGraph(
      [
        { id: 'package', dependsOn: ['build', 'test'] },
        { id: 'release', dependsOn: ['package', 'lint', 'docs'] },
      ],
      states,
    );
    assertAccessibleSvg(svg);
    const x = (id: string) => Number(new RegExp(`<title>${id}: [a-z]+</title><rect x="(\\d+)"`).exec(svg)?.[1]);
    assert.ok(x('build') < x('package') && x('package') < x('release'));
    assert.equal(x('docs'), x('build'));
    assert.match(svg, /class="dep dep-unknown"><title>docs: unknown/);
    assert.equal((svg.match(/<path class="edge"/g) ?? []).length, 5);
  });

  it('survives cycles and escapes hostile ids', () => {
    const svg = dependencyGraph(
      [
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['a'] },
        { id: HOSTILE.taskId, dependsOn: [HOSTILE.nodeId, HOSTILE.taskId] },
      ],
      states,
    );
    assertAccessibleSvg(svg);
    assert.ok(!svg.includes('<script'));
    assert.ok(!svg.includes('<img'));
  });

  it('keeps large graphs legible by showing the first waiting tasks', () => {
    const waiting = Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, dependsOn: [`d${i}`] }));
    const svg = dependencyGraph(waiting, states);
    assertAccessibleSvg(svg);
    assert.match(svg, /Showing the first 30 of 200 waiting tasks/);
  });
});
