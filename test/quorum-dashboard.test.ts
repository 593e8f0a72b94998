// The dashboard shows how quorum tasks agreed (task list and task page) and each node's reputation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detailPath, renderSite } from '../src/dashboard/render.js';
import { node, result, sampleGrid } from './dashboard-fixtures.js';

const DIGEST = 'c'.repeat(64);

test('the task list and page show the agreement and every replica; the Nodes page shows reputation', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-quorum-dashboard-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const input = sampleGrid();
  const now = input.generatedAt;
  input.completed.unshift(
    result(now, 'agreed-task', 'success', {
      finishedAgoMs: 1000,
      quorum: 2,
      replicas: [
        { node_id: 'runner-linux-1', attempt: 1, exit_code: 0, digest: DIGEST, verdict: 'valid' },
        { node_id: 'liar', attempt: 2, exit_code: 0, digest: 'd'.repeat(64), verdict: 'invalid' },
        { node_id: 'runner-linux-2', attempt: 3, exit_code: 0, digest: DIGEST, verdict: 'valid' },
      ],
    }),
  );
  input.nodes.push(
    node(now, 'liar', { status: 'quarantined', reputation: { valid: 4, invalid: 3, errors: 0, consecutive_valid: 0 } }),
    node(now, 'veteran', { reputation: { valid: 40, invalid: 0, errors: 1, consecutive_valid: 40 } }),
  );
  await renderSite(input, dir);
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  assert.match(index, /agreed-task<\/a> <span class="badge tone-neutral">2 of 3 runs agree<\/span>/);
  const page = await readFile(join(dir, detailPath('agreed-task')), 'utf8');
  assert.match(page, /<dt>Agreement<\/dt><dd>2 of 3 runs agree<\/dd>/);
  assert.match(
    page,
    /<td class="mono">liar<\/td><td class="num">0<\/td><td><span class="badge tone-bad">invalid<\/span><\/td><td class="mono">dddddddddddd<\/td>/,
  );
  const nodes = await readFile(join(dir, 'nodes.html'), 'utf8');
  assert.match(nodes, /<span class="badge tone-bad">quarantined<\/span>/);
  assert.match(nodes, /4 valid, 3 invalid, 0 errors; streak 0<\/td>/);
  assert.match(nodes, /40 valid, 0 invalid, 1 errors; streak 40, trusted<\/td>/);
});
