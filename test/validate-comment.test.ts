// The pull request comment of validate-task, against a fake GitHub API on 127.0.0.1 whose routes, request
// bodies and responses follow GitHub's OpenAPI description (@octokit/openapi).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gridCheckout, runValidate, task, type Checkout } from './helpers/pull-request.js';

const require = createRequire(import.meta.url);
const TOKEN = 'ghs_validateCommentTOKEN0123456789';
const MARKER = '<!-- dgrid validate-task -->';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const spec = require('@octokit/openapi/generated/api.github.com.json') as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!);
}

/** The smallest value the schema allows with every required field, then the given fields, which must exist in it. */
function fake(schema: Schema, fields: Record<string, unknown> = {}): unknown {
  const s = resolve(schema);
  const variant = s.allOf?.[0] ?? s.anyOf?.[0] ?? s.oneOf?.[0];
  if (variant) return fake(variant, fields);
  switch (s.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const name of s.required ?? []) value[name] = fake(s.properties![name]!);
      for (const [name, given] of Object.entries(fields)) {
        const property = s.properties?.[name];
        assert.ok(property, `the schema has no property ${name}`);
        const inner = resolve(property);
        value[name] =
          inner.type === 'object' && given && typeof given === 'object'
            ? fake(inner, given as Record<string, unknown>)
            : given;
      }
      return value;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return typeof s.example === 'number' ? s.example : 1;
    case 'boolean':
      return false;
    default:
      if (s.enum) return s.enum[0];
      if (s.format === 'date-time') return '2024-01-01T00:00:00Z';
      if (s.format === 'uri') return 'https://example.com/';
      return typeof s.example === 'string' ? s.example : 'x';
  }
}

interface Request {
  method: string;
  route: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

type Handler = (request: Request) => { status: number; body?: unknown } | undefined;

/** Finds the documented operation for a request and checks its body against the required fields. */
function operationOf(method: string, path: string): { route: string; operation: Operation } {
  for (const [route, operations] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = operations[method.toLowerCase()];
    if (pattern.test(path) && operation) return { route, operation };
  }
  assert.fail(`${method} ${path} is not in GitHub's API description`);
}

function responseSchema(operation: Operation, status: number): Schema {
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
  assert.ok(schema, `status ${status} has no JSON body in the API description`);
  return schema;
}

class FakeGitHub {
  readonly requests: Request[] = [];
  private server!: Server;
  url = '';

  constructor(private readonly handle: Handler) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.serve(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async serve(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const path = new URL(req.url!, this.url).pathname;
    const method = req.method!;
    const { route, operation } = operationOf(method, path);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    if (bodySchema) {
      for (const field of resolve(bodySchema).required ?? [])
        assert.ok(body && field in body, `${route} needs ${field}`);
    }
    const request = { method, route, path, authorization: req.headers.authorization, body };
    this.requests.push(request);
    const reply = this.handle(request) ?? { status: 404 };
    if (reply.status < 300) responseSchema(operation, reply.status);
    return reply;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';

function comment(id: number, body: string, user: { login: string; type: string }): unknown {
  const schema = spec.paths[COMMENTS]!.get!.responses['200']!.content!['application/json']!.schema.items!;
  return fake(schema, { id, body, user });
}

let checkout: Checkout;
let base: string;
let invalidHead: string;
let validHead: string;

before(async () => {
  const grid = await gridCheckout();
  checkout = grid.checkout;
  base = grid.main;
  invalidHead = await checkout.pullRequest(base, (w) => w.write('tasks/queue/bad.json', task('bad', { priority: 9 })));
  validHead = await checkout.pullRequest(base, (w) => w.write('tasks/queue/good.json', task('good')));
});

after(() => checkout.cleanup());

async function withGitHub(handle: Handler, head: string) {
  const github = new FakeGitHub(handle);
  await github.start();
  try {
    const run = await runValidate(
      { path: checkout.dir, token: TOKEN, comment: 'true' },
      { base, head, login: 'carol', number: 7 },
      { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'octo/grid' },
    );
    return { run, requests: github.requests };
  } finally {
    await github.close();
  }
}

test('an invalid pull request updates the earlier dgrid comment, not one a person posted with the marker', async () => {
  const existing = [
    comment(41, `${MARKER}\nI am not the bot`, { login: 'mallory', type: 'User' }),
    comment(42, `${MARKER}\nold report`, { login: 'github-actions[bot]', type: 'Bot' }),
  ];
  const { run, requests } = await withGitHub((request) => {
    if (request.method === 'GET' && request.route === COMMENTS) return { status: 200, body: existing };
    if (request.method === 'PATCH' && request.route === COMMENT) {
      return {
        status: 200,
        body: comment(42, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
      };
    }
  }, invalidHead);
  assert.equal(run.exitCode, 1, run.stdout);
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path}`),
    ['GET /repos/octo/grid/issues/7/comments', 'PATCH /repos/octo/grid/issues/comments/42'],
  );
  assert.ok(requests.every((r) => r.authorization === `token ${TOKEN}`));
  const body = String(requests[1]!.body?.body);
  assert.ok(body.startsWith(`${MARKER}\n<h2>dgrid validate-task</h2>`), body);
  assert.match(body, /<code>tasks\/queue\/bad\.json<\/code>.*field &quot;priority&quot; must be of type string/);
  assert.doesNotMatch(run.stdout, /::warning/);
  assert.deepEqual(
    run.stdout.split('\n').filter((line) => line.includes(TOKEN)),
    [`::add-mask::${TOKEN}`],
  );
});

test('an invalid pull request without a dgrid comment gets one', async () => {
  const { run, requests } = await withGitHub((request) => {
    if (request.method === 'GET' && request.route === COMMENTS) return { status: 200, body: [] };
    if (request.method === 'POST' && request.route === COMMENTS) {
      return {
        status: 201,
        body: comment(43, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
      };
    }
  }, invalidHead);
  assert.equal(run.exitCode, 1);
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path}`),
    ['GET /repos/octo/grid/issues/7/comments', 'POST /repos/octo/grid/issues/7/comments'],
  );
  assert.match(String(requests[1]!.body?.body), /❌ 1 of 1 file\(s\) have problems/);
});

test('a valid pull request posts nothing new, but corrects an earlier dgrid comment', async () => {
  const quiet = await withGitHub(() => ({ status: 200, body: [] }), validHead);
  assert.equal(quiet.run.exitCode, 0, quiet.run.stdout);
  assert.deepEqual(
    quiet.requests.map((r) => r.method),
    ['GET'],
  );

  const earlier = [comment(44, `${MARKER}\nold failure`, { login: 'github-actions[bot]', type: 'Bot' })];
  const corrected = await withGitHub((request) => {
    if (request.method === 'GET') return { status: 200, body: earlier };
    return {
      status: 200,
      body: comment(44, String(request.body?.body), { login: 'github-actions[bot]', type: 'Bot' }),
    };
  }, validHead);
  assert.equal(corrected.run.exitCode, 0);
  assert.match(String(corrected.requests[1]?.body?.body), /✅ 1 file\(s\) checked: every task is valid/);
});

test('a comment the token may not write is a warning; the verdict stands', async () => {
  const { run } = await withGitHub((request) => {
    if (request.method === 'GET') return { status: 200, body: [] };
    return { status: 403, body: { message: 'Resource not accessible by integration' } };
  }, invalidHead);
  assert.equal(run.exitCode, 1);
  assert.equal(run.outputs.valid, 'false');
  assert.match(run.stdout, /^::warning::could not comment on pull request #7: Resource not accessible by integration/m);
});
