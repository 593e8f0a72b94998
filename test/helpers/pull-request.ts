// Real pull requests for validate-task: a grid checkout with a history (so quotas can attribute queued tasks
// to their submitters), one commit per pull request on top of a base, and the bundled action run on it the
// way the runner does, with a pull_request event built from GitHub's own example payload.
import { createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from '../../src/git/runner.js';
import { runAction, type ActionRun } from './action.js';

const require = createRequire(import.meta.url);

/** The bundle under test: the committed one in CI, a fresh one locally (see the README of validate-task). */
export const validateDist =
  process.env.DGRID_VALIDATE_DIST ?? new URL('../../../dist/validate-task/index.js', import.meta.url).pathname;

export interface Author {
  name: string;
  email: string;
}

export const DGRID: Author = { name: 'dgrid', email: 'dgrid@dgrid' };

/** Changes to the working tree of a checkout, staged and committed by Checkout.commit. */
export class Work {
  constructor(readonly dir: string) {}

  async write(path: string, content: string | Buffer | object): Promise<void> {
    await mkdir(dirname(join(this.dir, path)), { recursive: true });
    const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
    await writeFile(join(this.dir, path), data);
  }

  async remove(path: string): Promise<void> {
    await rm(join(this.dir, path));
  }

  async read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }

  async executable(path: string): Promise<void> {
    await chmod(join(this.dir, path), 0o755);
  }

  async symlink(path: string, target: string): Promise<void> {
    await mkdir(dirname(join(this.dir, path)), { recursive: true });
    await symlink(target, join(this.dir, path));
  }

  /** A submodule entry pointing at a commit; its empty folder keeps `git add --all` from dropping it. */
  async submodule(path: string, commit: string): Promise<void> {
    await mkdir(join(this.dir, path), { recursive: true });
    await this.git(['update-index', '--add', '--cacheinfo', `160000,${commit},${path}`]);
  }

  /** `date` (ISO 8601) orders commits where git goes by date, such as the order of several merge bases. */
  git(args: string[], author: Author = DGRID, date?: string): Promise<string> {
    return git(['-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    });
  }
}

export class Checkout extends Work {
  static async create(): Promise<Checkout> {
    const root = await mkdtemp(join(tmpdir(), 'dgrid-validate-'));
    const checkout = new Checkout(join(root, 'grid'), root);
    await git(['init', '--quiet', '--initial-branch=main', checkout.dir]);
    return checkout;
  }

  private constructor(
    dir: string,
    readonly root: string,
  ) {
    super(dir);
  }

  /** Starts from a commit with a clean working tree. */
  async reset(commit: string): Promise<void> {
    await this.git(['checkout', '--quiet', '--force', '--detach', commit]);
    await this.git(['clean', '--quiet', '--force', '-d', '-x']);
  }

  /** Stages everything in the working tree (and what build staged itself) and commits it. */
  async commit(message: string, author: Author = DGRID, date?: string): Promise<string> {
    await this.git(['add', '--all']);
    await this.git(['commit', '--quiet', '--allow-empty', '-m', message], author, date);
    return (await this.git(['rev-parse', 'HEAD'])).trim();
  }

  /** A pull request: a commit on top of base made by build. Returns its head commit. */
  async pullRequest(base: string, build: (work: Work) => Promise<void>): Promise<string> {
    await this.reset(base);
    await build(this);
    return this.commit('pull request');
  }

  cleanup(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}

export interface PullRequestEvent {
  /** pull_request unless given: the event the workflow runs on. */
  name?: 'pull_request' | 'pull_request_target';
  base: string;
  head: string;
  login: string;
  number?: number;
}

/** A merge queue's group: its head builds on the base tip, one commit per pull request on its first parents. */
export interface MergeGroupEvent {
  name: 'merge_group';
  base: string;
  head: string;
  /** The number of the last pull request in the group, as GitHub names the group's branch. */
  number: number;
}

export type ValidateEvent = PullRequestEvent | MergeGroupEvent;

type Examples = { name: string; examples: Record<string, unknown>[] }[];

function example(name: string, action: string): Record<string, unknown> {
  const examples = require('@octokit/webhooks-examples') as Examples;
  return structuredClone(examples.find((e) => e.name === name)!.examples.find((e) => e.action === action)!);
}

/** GitHub's example pull_request.opened payload, pointed at our commits and submitter. */
export function pullRequestEvent(event: PullRequestEvent): object {
  const payload = example('pull_request', 'opened') as {
    number: number;
    pull_request: { base: { sha: string }; head: { sha: string }; user: { login: string }; number: number };
  };
  payload.number = event.number ?? payload.number;
  payload.pull_request.number = payload.number;
  payload.pull_request.base.sha = event.base;
  payload.pull_request.head.sha = event.head;
  payload.pull_request.user.login = event.login;
  return payload;
}

/** The branch GitHub's merge queue builds a group on. */
export const mergeGroupRef = (event: MergeGroupEvent) =>
  `refs/heads/gh-readonly-queue/main/pr-${event.number}-${event.base}`;

/** GitHub's example merge_group.checks_requested payload, pointed at our commits. */
export function mergeGroupEvent(event: MergeGroupEvent): object {
  const payload = example('merge_group', 'checks_requested') as {
    merge_group: { base_sha: string; head_sha: string; head_ref: string };
  };
  payload.merge_group.base_sha = event.base;
  payload.merge_group.head_sha = event.head;
  payload.merge_group.head_ref = mergeGroupRef(event);
  return payload;
}

/** The environment the runner gives a job of this event: its name, payload, ref and commit. */
function eventEnv(event: ValidateEvent, path: string): NodeJS.ProcessEnv {
  const name = event.name ?? 'pull_request';
  const number = event.number ?? 1;
  const [ref, sha] =
    event.name === 'merge_group'
      ? [mergeGroupRef(event), event.head]
      : name === 'pull_request_target'
        ? ['refs/heads/main', event.base]
        : [`refs/pull/${number}/merge`, event.head];
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REF: ref, GITHUB_SHA: sha };
}

export interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ValidateRun extends ActionRun {
  /** The workflow commands in stdout: annotations, and anything else the runner would obey. */
  annotations: Annotation[];
}

/** Runs the bundled action with inputs as INPUT_* variables and, when given, the event's payload. */
export async function runValidate(
  inputs: Record<string, string>,
  event?: ValidateEvent,
  env: NodeJS.ProcessEnv = {},
): Promise<ValidateRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dgrid-validate-event-'));
  try {
    const path = join(dir, 'event.json');
    if (event) {
      await writeFile(
        path,
        JSON.stringify(event.name === 'merge_group' ? mergeGroupEvent(event) : pullRequestEvent(event)),
      );
    }
    const run = await runAction(validateDist, inputs, { ...(event ? eventEnv(event, path) : {}), ...env });
    return { ...run, annotations: parseCommands(run.stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const unescape = (text: string) =>
  text
    .replaceAll('%0D', '\r')
    .replaceAll('%0A', '\n')
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%25', '%');

/** Every workflow command in a log, as the runner would read it: lines that start with "::". */
export function parseCommands(stdout: string): Annotation[] {
  const commands: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart());
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of match[2]?.split(',') ?? []) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescape(match[3]!) });
  }
  return commands;
}

export const GITHUB: Author = { name: 'GitHub', email: 'noreply@github.com' };

/** The policy of the fixture grid: small limits, so that every rule has an edge to test. */
export const POLICY = {
  allowed_images: ['python:3.12-alpine', `alpine@sha256:${'a'.repeat(64)}`],
  max_timeout_seconds: 600,
  limits: { cpus: 2, memory_mb: 1024 },
  max_attempts: 5,
};

export const task = (id: string, fields: object = {}) => ({ task_id: id, script: 'echo hi', ...fields });

/**
 * A grid checkout whose queue holds four tasks, submitted the ways GitHub records them: q-alice-1 through a
 * merged pull request from alice's fork, q-alice-2 committed by alice, q-bob-1 by bob's noreply address, and
 * q-dgrid-1 requeued by dgrid after an attempt. q-bob-1 depends on new-x, which no commit has yet.
 */
export async function gridCheckout(): Promise<{ checkout: Checkout; main: string }> {
  const checkout = await Checkout.create();
  await checkout.write('dgrid.json', POLICY);
  await checkout.write('README.md', '# A grid\n');
  await checkout.write('.github/workflows/validate.yml', 'name: validate\n');
  await checkout.write('tasks/queue/.gitkeep', '');
  await checkout.write('tasks/in_progress/node-1/running-1.json', task('running-1'));
  await checkout.write('tasks/completed/2024-01-01/ab/done-1.json', task('done-1'));
  await checkout.write('tasks/failed/2024-01-01/cd/failed-1.json', task('failed-1'));
  await checkout.write('nodes/node-1.json', { node_id: 'node-1' });
  await checkout.commit('dgrid: initialise the grid');

  await checkout.git(['checkout', '--quiet', '-b', 'alice-tasks']);
  await checkout.write('tasks/queue/q-alice-1.json', task('q-alice-1'));
  await checkout.commit('Add q-alice-1', { name: 'Alice Liddell', email: 'alice@example.com' });
  await checkout.git(['checkout', '--quiet', 'main']);
  await checkout.git(
    ['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #1 from alice/tasks', 'alice-tasks'],
    GITHUB,
  );
  await checkout.write('tasks/queue/q-alice-2.json', task('q-alice-2'));
  await checkout.commit('Add q-alice-2', { name: 'alice', email: 'alice@example.org' });
  await checkout.write('tasks/queue/q-bob-1.json', task('q-bob-1', { depends_on: ['new-x'] }));
  await checkout.commit('Add q-bob-1', { name: 'Bob', email: '123+bob@users.noreply.github.com' });
  const attempt = {
    attempt: 1,
    node_id: 'node-1',
    claim_token: 'token-0123456789abcdef',
    claimed_at: '2024-01-01T00:00:00Z',
    ended_at: '2024-01-01T00:01:00Z',
    status: 'orphaned',
    reason: 'node-1 stopped sending heartbeats',
  };
  await checkout.write('tasks/queue/q-dgrid-1.json', task('q-dgrid-1', { attempts: [attempt] }));
  return { checkout, main: await checkout.commit('dgrid: requeue q-dgrid-1') };
}

/** A commit on top of base whose policy is the fixture's with these sections changed. */
export async function withPolicy(checkout: Checkout, base: string, changes: object): Promise<string> {
  await checkout.reset(base);
  await checkout.write('dgrid.json', { ...POLICY, ...changes });
  return checkout.commit('Change the policy');
}
