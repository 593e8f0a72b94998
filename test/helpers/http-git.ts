// A smart-HTTP git server on 127.0.0.1: `git http-backend` behind node:http, requiring a token the way
// GitHub does (Basic auth, user x-access-token). It records each request line so tests can check that
// no secret travels in a URL. For fault injection it can stop and start again on the same port, its clock
// (the Date header of every answer) can be set off, and pushFaults() makes a repository's pushes slow or
// refused at random.
import { spawn } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface GitHttpServer {
  url: string;
  requests: string[];
  unauthorized: number;
  close(): Promise<void>;
  /** Refuses connections, dropping those in flight, until start(); a push may still land after its client is cut off. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Dates every answer this far from the real time, as a server whose clock is off (or a client's, seen from it). */
  setClockOffsetMs(ms: number): void;
  /**
   * Refuses every request for the next `ms` as a server's rate limit does: `status` (429, or 403 as GitHub's
   * secondary rate limits) with a Retry-After of the seconds left. Counts the refused requests.
   */
  rateLimit(ms: number, status?: 429 | 403): void;
  readonly rateLimited: number;
}

export interface ServeOptions {
  /** Fetches need no token, as from a public repository; pushes still do. */
  anonymousReads?: boolean;
}

export async function serveGit(projectRoot: string, token: string, options: ServeOptions = {}): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const state = {
    requests: [] as string[],
    unauthorized: 0,
    clockOffsetMs: 0,
    limitedUntil: 0,
    limitStatus: 429,
    rateLimited: 0,
  };
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    res.setHeader('Date', new Date(Date.now() + state.clockOffsetMs).toUTCString());
    const limitLeft = state.limitedUntil - Date.now();
    if (limitLeft > 0) {
      state.rateLimited++;
      res.writeHead(state.limitStatus, {
        'Retry-After': String(Math.ceil(limitLeft / 1000)),
        'Content-Type': 'text/plain',
      });
      res.end('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\n');
      return;
    }
    const read = !req.url?.includes('git-receive-pack');
    if (req.headers.authorization !== expected && !(read && options.anonymousReads)) {
      state.unauthorized++;
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="dgrid-test"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const split = out.indexOf('\r\n\r\n');
      const headerEnd = split >= 0 ? split : out.indexOf('\n\n');
      const sep = split >= 0 ? 4 : 2;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of out.subarray(0, headerEnd).toString('utf8').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      res.writeHead(status, headers).end(out.subarray(headerEnd + sep));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get unauthorized() {
      return state.unauthorized;
    },
    close: stop,
    stop,
    setClockOffsetMs: (ms) => {
      state.clockOffsetMs = ms;
    },
    rateLimit: (ms, status = 429) => {
      state.limitedUntil = Date.now() + ms;
      state.limitStatus = status;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        if (server.listening) return resolve();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
  };
}

export interface PushFaults {
  /** Each push waits a random time up to this long before its refs are updated, widening races. */
  setMaxDelayMs(ms: number): Promise<void>;
  /** This percentage of pushes is refused by the server, as a hook or a protected branch would refuse them. */
  setRejectPercent(percent: number): Promise<void>;
}

/** Installs a pre-receive hook in a bare repository whose delay and refusal rate can change while it serves. */
export async function pushFaults(bare: string): Promise<PushFaults> {
  const hook = join(bare, 'hooks', 'pre-receive');
  await writeFile(
    hook,
    [
      '#!/bin/sh',
      '# Fault injection: a random delay, then a refusal of a random share of pushes.',
      'cat >/dev/null',
      'random() { od -An -N2 -tu2 /dev/urandom | tr -d " "; }',
      'delay=$(cat fault-delay-ms 2>/dev/null || echo 0)',
      'reject=$(cat fault-reject-percent 2>/dev/null || echo 0)',
      'if [ "$delay" -gt 0 ]; then sleep "$(awk -v ms=$(($(random) % (delay + 1))) "BEGIN { print ms / 1000 }")"; fi',
      'if [ $(($(random) % 100)) -lt "$reject" ]; then echo "fault injection: push refused" >&2; exit 1; fi',
      '',
    ].join('\n'),
  );
  await chmod(hook, 0o755);
  return {
    setMaxDelayMs: (ms) => writeFile(join(bare, 'fault-delay-ms'), String(Math.round(ms))),
    setRejectPercent: (percent) => writeFile(join(bare, 'fault-reject-percent'), String(Math.round(percent))),
  };
}
