// Clock skew. Heartbeats, claims, leases and not_before are written by one machine's clock and read by
// another's. Each node and reaper reads the grid server's clock and refuses to act while its own is off by
// more than half the policy's lease.grace_seconds: any two machines that act are then within grace of each
// other, the skew that every lease and node timeout allows for. See docs/clock-skew.md.
import { randomBytes } from 'node:crypto';
import { stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from './schemas.js';

export interface ClockReading {
  /** How far the server's clock is ahead of this machine's; negative when it is behind. */
  offsetMs: number;
  /** How far the true offset may be from offsetMs: half the round trip, plus the Date header's whole seconds. */
  errorMs: number;
  /** Where the server's time came from, for messages. */
  source: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Reads the server's clock: the HTTP Date header of a smart-HTTP remote, or for a remote on a file system
 * (file://, a path) the modification time of a file written there and removed at once, which the file
 * system's own clock sets (an NFS server's, for a shared one). Undefined where there is no server clock to
 * read (ssh remotes, a server without a Date header, a file remote this machine may not write to).
 */
export async function readServerClock(remote: string, token?: string): Promise<ClockReading | undefined> {
  if (/^https?:\/\//.test(remote)) return httpClock(remote, token);
  if (remote.startsWith('file:')) return fileClock(fileURLToPath(remote));
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(remote) || /^[^/]*:/.test(remote)) return undefined;
  return fileClock(remote);
}

async function httpClock(remote: string, token: string | undefined): Promise<ClockReading | undefined> {
  const url = `${remote.replace(/\/+$/, '')}/info/refs?service=git-upload-pack`;
  const headers: Record<string, string> = token
    ? { Authorization: `Basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}` }
    : {};
  try {
    const sent = Date.now();
    const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const received = Date.now();
    await response.body?.cancel();
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(date)) return undefined;
    // The header counts whole seconds: the server's time was somewhere in [date, date + 1 s).
    return {
      offsetMs: date + 500 - (sent + received) / 2,
      errorMs: 500 + (received - sent) / 2,
      source: `the Date header of ${new URL(remote).origin}`,
    };
  } catch {
    return undefined;
  }
}

async function fileClock(path: string): Promise<ClockReading | undefined> {
  const gitDir = await stat(join(path, '.git')).then(
    (s) => (s.isDirectory() ? join(path, '.git') : path),
    () => path,
  );
  const probe = join(gitDir, `dgrid-clock-${randomBytes(6).toString('hex')}`);
  try {
    const sent = Date.now();
    await writeFile(probe, '');
    const received = Date.now();
    const { mtimeMs } = await stat(probe);
    return {
      offsetMs: mtimeMs - (sent + received) / 2,
      // File systems keep times as coarse as the kernel's tick, or whole seconds (NFS, FAT).
      errorMs: 1000 + (received - sent) / 2,
      source: `the file system of ${path}`,
    };
  } catch {
    return undefined;
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

/** Why this machine must not act on the grid with this reading; undefined while its clock is close enough. */
export function skewProblem(reading: ClockReading, policy: Policy, who: string): string | undefined {
  const allowedMs = (policy.lease.grace_seconds * 1000) / 2;
  if (Math.abs(reading.offsetMs) - reading.errorMs <= allowedMs) return undefined;
  const seconds = Math.round(Math.abs(reading.offsetMs) / 1000);
  const direction = reading.offsetMs > 0 ? 'behind' : 'ahead of';
  return (
    `${who}: this machine's clock is ${seconds} s ${direction} the grid server's (read from ${reading.source}); ` +
    `the grid allows ${allowedMs / 1000} s, half its lease.grace_seconds (${policy.lease.grace_seconds}), ` +
    'or leases would be judged wrong: set the clock right (NTP) and start again'
  );
}
