import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REAP_SETTINGS, WORKER_SETTINGS, readNodeSettings, settingsReader } from '../src/node/settings.js';
import { helpText } from '../src/cli/command.js';
import { worker } from '../src/cli/commands/worker.js';
import { reap } from '../src/cli/commands/reap.js';
import { parseTaskSecrets } from '../src/node/task-secrets.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const given = (values: Record<string, string>) => (name: string) => values[name];

test('the action and the CLI make the same node of the same values', (t) => {
  const values = {
    'node-id': 'n1',
    labels: 'gpu,linux\n arm64  big,',
    slots: '4',
    'max-tasks': '10',
    'max-runtime-minutes': '90.5',
    'idle-timeout-seconds': '30',
    'poll-interval-seconds': '0.05',
    sandbox: 'none',
    image: 'debian:12',
    cpus: '2.5',
    'memory-mb': '2048',
    'batch-window-seconds': '0.2',
    prefetch: '8',
    'max-pushes-per-minute': '12',
    'drain-on-stop': 'true',
    'signing-key': '/keys/n1',
    'task-secrets': 'API_TOKEN=tok-123\n# a comment\n\nDB_PASSWORD=pa=ss word',
  };
  assert.deepEqual(Object.keys(values).sort(), WORKER_SETTINGS.map((s) => s.name).sort(), 'every setting given');
  const fromAction = readNodeSettings('action', given(values));
  // On the CLI the same lines come from a file: a value on a command line would show in every process list.
  const dir = mkdtempSync(join(tmpdir(), 'dgrid-secrets-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'secrets'), values['task-secrets']);
  assert.deepEqual(fromAction, readNodeSettings('cli', given({ ...values, 'task-secrets': join(dir, 'secrets') })));
  assert.deepEqual(fromAction, {
    nodeId: 'n1',
    labels: ['gpu', 'linux', 'arm64', 'big'],
    slots: 4,
    maxTasks: 10,
    maxRuntimeMinutes: 90.5,
    idleTimeoutSeconds: 30,
    pollIntervalSeconds: 0.05,
    sandbox: 'none',
    image: 'debian:12',
    cpus: 2.5,
    memoryMb: 2048,
    batchWindowMs: 200,
    prefetch: 8,
    maxPushesPerMinute: 12,
    drainOnStop: true,
    signingKey: '/keys/n1',
    taskSecrets: { API_TOKEN: 'tok-123', DB_PASSWORD: 'pa=ss word' },
  });
});

test('task-secrets refuses a malformed line, a short value or a name given twice, never showing a value', () => {
  const cases: [string, RegExp][] = [
    ['lowercase=hunter22', /line 1: write NAME=value/],
    ['NO_EQUALS_hunter22', /line 1: write NAME=value/],
    ['PATH=hunter22', /not PATH, HOME or LD_\*/],
    ['OK=hunter22\nSHORT=hun', /line 2: the value of SHORT is shorter than 4 characters/],
    ['TWICE=hunter22\nTWICE=hunter22', /line 2: TWICE is given twice/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseTaskSecrets(text),
      (error: Error) => {
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /hunter|hun\b/);
        return true;
      },
    );
  }
});

test('left out, a job-bound node stops by itself and a node of its own runs until stopped', () => {
  const { nodeId: _a, ...fromAction } = readNodeSettings('action', given({}));
  const { nodeId: _c, ...fromCli } = readNodeSettings('cli', given({}));
  assert.deepEqual(
    { ...fromAction, maxRuntimeMinutes: 0, idleTimeoutSeconds: 0 },
    fromCli,
    'only the stopping defaults differ',
  );
  assert.deepEqual([fromAction.maxRuntimeMinutes, fromAction.idleTimeoutSeconds], [300, 300]);
  assert.deepEqual([fromCli.maxRuntimeMinutes, fromCli.idleTimeoutSeconds], [0, 0]);
});

test('a table setting its reader never takes is a bug, found on the first read', () => {
  const s = settingsReader(REAP_SETTINGS, 'cli', given({}));
  s.bool('dry-run');
  assert.throws(() => s.done(), /settings never read: node-timeout-seconds/);
  assert.throws(() => s.text('dry-run'), /no text setting "dry-run"/);
});

test("dgrid worker and dgrid reap --help show each setting's help and the CLI's default", () => {
  for (const [command, table] of [
    [worker, WORKER_SETTINGS],
    [reap, REAP_SETTINGS],
  ] as const) {
    const help = helpText(command);
    for (const s of table) {
      const line = help.split('\n').find((l) => l.includes(`--${s.name} `) || l.endsWith(`--${s.name}`));
      assert.ok(line?.includes(s.help), `--${s.name}: ${line}`);
      const fallback = s.kind === 'bool' ? undefined : (s.cliDefault ?? s.default);
      if (fallback !== undefined) assert.ok(line?.endsWith(`Default: ${fallback}.`), line);
    }
  }
});
