// A fake GitHub REST API on 127.0.0.1 whose routes, request bodies and responses follow GitHub's OpenAPI
// description (@octokit/openapi): a request GitHub does not document, or a reply it would never send, fails.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

export interface Schema {
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

export const spec = require('@octokit/openapi/generated/api.github.com.json') as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!);
}

/** The smallest value the schema allows with every required field, then the given fields, which must exist in it. */
export function fake(schema: Schema, fields: Record<string, unknown> = {}): unknown {
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

export interface Request {
  method: string;
  route: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

export type Handler = (request: Request) => { status: number; body?: unknown } | undefined;

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

export class FakeGitHub {
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

/** A documented response body of an operation, with the given fields. */
export function reply(route: string, method: string, status: number, fields: Record<string, unknown> = {}): unknown {
  return fake(responseSchema(spec.paths[route]![method]!, status), fields);
}
