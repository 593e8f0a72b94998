import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import addFormatsModule from 'ajv-formats';
import { Ajv } from 'ajv';
import { taskValidator } from '../src/protocol/schema-validators.js';
import { isDateTime, taskValidatorScript } from '../src/dashboard/task-validator.js';

type BrowserValidate = (task: unknown) => Array<{ instancePath: string; keyword: string }>;

/** Loads the shipped script the way a page does, in a fresh global with nothing but `window`. */
function loadBrowserValidator(): BrowserValidate {
  const window: { dgridValidateTask?: BrowserValidate } = {};
  runInNewContext(taskValidatorScript(), { window });
  assert.equal(typeof window.dgridValidateTask, 'function');
  return window.dgridValidateTask!;
}

describe('isDateTime', () => {
  it('agrees with ajv-formats on date-time', () => {
    const ajv = new Ajv();
    addFormatsModule.default(ajv, ['date-time']);
    const reference = ajv.compile({ type: 'string', format: 'date-time' });
    const samples = [
      '2030-01-31T12:00:00Z',
      '2030-01-31t12:00:00z',
      '2030-01-31 12:00:00Z',
      '2030-01-31T12:00:00.123456+05:30',
      '2030-01-31T12:00:00+0530',
      '2030-01-31T12:00:00+05',
      '2030-01-31T12:00:00',
      '2024-02-29T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2030-13-01T00:00:00Z',
      '2030-04-31T00:00:00Z',
      '2030-01-00T00:00:00Z',
      '2030-01-31T24:00:00Z',
      '2030-01-31T23:60:00Z',
      '2016-12-31T23:59:60Z',
      '2016-12-31T15:59:60-08:00',
      '2016-12-31T22:59:60Z',
      '2030-01-31T12:00:00+24:00',
      '2030-01-31T12:00:00+05:60',
      '2030-01-31',
      'tomorrow',
      '',
      '2030-01-31T12:00:00Z\n',
    ];
    for (const sample of samples) assert.equal(isDateTime(sample), reference(sample), JSON.stringify(sample));
  });
});

describe('the browser task validator', () => {
  it('accepts and rejects exactly what the CLI does', () => {
    const validate = loadBrowserValidator();
    const tasks: unknown[] = [
      { task_id: 't1', script: 'echo hi', timeout_seconds: 30 },
      { task_id: 'build.42_x-y', script: 'make', priority: 'high', requires: ['linux', 'gpu'], depends_on: ['t1'] },
      { task_id: 'env', script: 'env', env: { FOO: 'bar', _X1: '' } },
      { task_id: 'later', script: 'true', not_before: '2030-01-31T12:00:00Z' },
      { task_id: 'res', script: 'true', resources: { cpus: 0.5, memory_mb: 256 } },
      { task_id: 'bad id', script: 'echo' },
      { task_id: '-dash', script: 'echo' },
      { task_id: 'x'.repeat(129), script: 'echo' },
      { task_id: '<script>', script: 'echo' },
      { task_id: 't', script: '' },
      { task_id: 't', script: 'x'.repeat(65537) },
      { task_id: 't', script: '😀'.repeat(65536) },
      { task_id: 't', script: 'echo', timeout_seconds: 0 },
      { task_id: 't', script: 'echo', timeout_seconds: 1.5 },
      { task_id: 't', script: 'echo', priority: 'urgent' },
      { task_id: 't', script: 'echo', max_attempts: 11 },
      { task_id: 't', script: 'echo', requires: ['ok', 'ok'] },
      { task_id: 't', script: 'echo', depends_on: ['not valid'] },
      { task_id: 't', script: 'echo', env: { PATH: '/x' } },
      { task_id: 't', script: 'echo', env: { LD_PRELOAD: 'x' } },
      { task_id: 't', script: 'echo', env: { lower: 'x' } },
      { task_id: 't', script: 'echo', not_before: 'tomorrow' },
      { task_id: 't', script: 'echo', resources: { cpus: 0 } },
      { task_id: 't', script: 'echo', resources: { gpus: 1 } },
      { task_id: 't', script: 'echo', colour: 'blue' },
      { script: 'echo' },
      [],
      'task',
    ];
    for (const task of tasks) {
      const cli = taskValidator.is(structuredClone(task));
      const browser = validate(structuredClone(task));
      assert.equal(
        browser.length === 0,
        cli,
        `${JSON.stringify(task).slice(0, 80)}: browser ${JSON.stringify(browser[0])}`,
      );
    }
  });

  it('reports where a task is wrong', () => {
    // Array.from: the errors come from the script's own global, whose arrays deepEqual would not accept.
    const errors = loadBrowserValidator()({ task_id: 'bad id', script: 'echo', timeout_seconds: 0 });
    assert.deepEqual(
      Array.from(errors, (e) => `${e.instancePath} ${e.keyword}`),
      ['/task_id pattern', '/timeout_seconds minimum'],
    );
  });
});
