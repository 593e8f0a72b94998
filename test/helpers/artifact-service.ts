// A fake of the GitHub Actions artifact service's HTTP API, the one @actions/artifact speaks: its Twirp
// calls (CreateArtifact, FinalizeArtifact, ListArtifacts, GetSignedArtifactURL, with the request fields the
// generated client sends), Azure blob storage's block upload (Put Block, Put Block List) and download at the
// signed URLs, and the REST route that redirects a download from another run
// (GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}, checked against
// @octokit/openapi to exist and answer 302). The service itself cannot run outside GitHub.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { spec } from './github-api.js';

interface Stored {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  blocks: Map<string, Buffer>;
  content?: Buffer;
  finalized: boolean;
}

export interface ArtifactService {
  url: string;
  artifacts: Stored[];
  /** Environment a job's step has: the runtime token (a JWT with the backend ids) and the service's URL. */
  env: Record<string, string>;
  /** Every request, as "METHOD path". */
  calls: string[];
}

const REST_ROUTE = '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

export async function artifactServiceFor(t: TestContext, token: string): Promise<ArtifactService> {
  assert.ok(spec.paths[REST_ROUTE]?.get?.responses['302'], `${REST_ROUTE} answers 302 in the API description`);
  const artifacts: Stored[] = [];
  const calls: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void body(req).then((data) => {
      const url = new URL(req.url!, base);
      calls.push(`${req.method} ${url.pathname}`);
      try {
        handle(req, res, url, data);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  const handle = (req: IncomingMessage, res: ServerResponse, url: URL, data: Buffer) => {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname.startsWith(TWIRP)) {
      assert.equal(req.headers.authorization, `Bearer ${runtimeToken()}`);
      const request = JSON.parse(data.toString('utf8')) as Record<string, string | { value: string }>;
      const method = url.pathname.slice(TWIRP.length);
      const ofRun = (a: Stored) =>
        a.runBackendId === request.workflow_run_backend_id && a.jobBackendId === request.workflow_job_run_backend_id;
      if (method === 'CreateArtifact') {
        assert.equal(request.version, 7);
        if (artifacts.some((a) => ofRun(a) && a.name === request.name)) return json(409, { msg: 'exists' });
        const artifact: Stored = {
          id: artifacts.length + 1,
          name: String(request.name),
          runBackendId: String(request.workflow_run_backend_id),
          jobBackendId: String(request.workflow_job_run_backend_id),
          blocks: new Map(),
          finalized: false,
        };
        artifacts.push(artifact);
        return json(200, { ok: true, signed_upload_url: `${base}/blob/${artifact.id}?sig=upload` });
      }
      if (method === 'FinalizeArtifact') {
        const artifact = artifacts.find((a) => ofRun(a) && a.name === request.name);
        assert.ok(artifact?.content, `${String(request.name)} was uploaded before it is finalized`);
        assert.equal(String(artifact.content.length), request.size);
        artifact.finalized = true;
        return json(200, { ok: true, artifact_id: String(artifact.id) });
      }
      if (method === 'ListArtifacts') {
        const name = (request.name_filter as { value?: string } | undefined)?.value ?? request.name_filter;
        const id = (request.id_filter as { value?: string } | undefined)?.value ?? request.id_filter;
        const found = artifacts.filter(
          (a) => a.finalized && ofRun(a) && (!name || a.name === name) && (!id || String(a.id) === id),
        );
        return json(200, {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.content!.length),
            created_at: '2026-01-01T00:00:00Z',
          })),
        });
      }
      if (method === 'GetSignedArtifactURL') {
        const artifact = artifacts.find((a) => ofRun(a) && a.name === request.name);
        return json(200, { signed_url: `${base}/blob/${artifact!.id}?sig=download` });
      }
      return json(404, { msg: `no method ${method}` });
    }
    const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
    if (blob) {
      const artifact = artifacts.find((a) => a.id === Number(blob[1]))!;
      const comp = url.searchParams.get('comp');
      if (req.method === 'PUT' && comp === 'block') {
        artifact.blocks.set(url.searchParams.get('blockid')!, data);
        return res.writeHead(201, { 'x-ms-request-id': '1', 'x-ms-version': '2024-11-04' }).end();
      }
      if (req.method === 'PUT' && comp === 'blocklist') {
        const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
          (m) => m[1]!,
        );
        artifact.content = Buffer.concat(ids.map((id) => artifact.blocks.get(id)!));
        return res.writeHead(201, { etag: '"1"', 'x-ms-request-id': '1', 'x-ms-version': '2024-11-04' }).end();
      }
      if (req.method === 'PUT') {
        artifact.content = data;
        return res.writeHead(201, { etag: '"1"', 'x-ms-request-id': '1' }).end();
      }
      if (req.method === 'GET') {
        return res
          .writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-disposition': `attachment; filename="${artifact.name}"`,
          })
          .end(artifact.content);
      }
    }
    const rest = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname);
    if (rest && req.method === 'GET') {
      if (req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`) {
        return json(401, { message: 'Bad credentials' });
      }
      const artifact = artifacts.find((a) => a.id === Number(rest[3]) && a.finalized);
      if (!artifact) return json(404, { message: 'Not Found' });
      return res.writeHead(302, { location: `${base}/blob/${artifact.id}?sig=download` }).end();
    }
    return json(404, { message: `no route ${req.method} ${url.pathname}` });
  };
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.after(() => new Promise<void>((done) => server.close(() => done())));
  return {
    url: base,
    artifacts,
    calls,
    env: {
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      ACTIONS_RESULTS_URL: `${base}/`,
      GITHUB_API_URL: base,
      GITHUB_REPOSITORY: 'owner/grid',
      GITHUB_RUN_ID: '4242',
    },
  };
}

/** A JWT as the runner hands a step: unsigned here, its scp claim naming the run's and job's backend ids. */
function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.Results:run-backend-1:job-backend-1' })}.`;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
