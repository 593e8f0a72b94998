// A server's rate limit, as git meets it. Git fails a command on an HTTP 429 (or a 403 that is a secondary
// rate limit) at once: it prints the status and the answer's text, never the Retry-After header. A node reads
// what git printed, asks the server once for the header when the text names no wait, and waits that long.

/** GitHub's advice when a rate-limited answer names no wait: at least a minute. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;
const TIMEOUT_MS = 10_000;

/** Whether git's stderr tells of a rate limit: a 429, or a 403 whose text speaks of a rate limit or a wait. */
export function isRateLimited(stderr: string): boolean {
  if (/(returned error|HTTP):? 429\b/i.test(stderr)) return true;
  return /(returned error|HTTP):? 403\b/i.test(stderr) && /rate limit|retry[- ]after|try again in/i.test(stderr);
}

/**
 * The wait a rate-limited answer names in what git printed of it ("remote: ..." lines): a Retry-After in
 * seconds or as an HTTP date, or "retry after N seconds", "try again in N seconds". Undefined when none.
 */
export function retryAfterIn(text: string, now = Date.now()): number | undefined {
  const header = /retry-after\s*:?\s*([^\r\n]+)/i.exec(text)?.[1]?.trim();
  if (header !== undefined) {
    const ms = retryAfterValue(header, now);
    if (ms !== undefined) return ms;
  }
  const words = /(?:retry after|try again in)\s+(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?)\b/i.exec(text);
  if (!words) return undefined;
  return Number(words[1]) * (words[2]!.toLowerCase().startsWith('m') ? 60_000 : 1000);
}

/** A Retry-After header's value: delay seconds, or an HTTP date. */
export function retryAfterValue(value: string, now = Date.now()): number | undefined {
  if (/^\d+(\.\d+)?(\s|$)/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Asks an HTTP remote once for its Retry-After (the request git makes first, with the same credentials):
 * a server that limits rates answers every request so while the limit holds. Undefined when it names none
 * or cannot be asked (not HTTP, no answer).
 */
export async function askRetryAfter(remote: string, token: string | undefined): Promise<number | undefined> {
  if (!/^https?:\/\//.test(remote)) return undefined;
  const url = `${remote.replace(/\/+$/, '')}/info/refs?service=git-upload-pack`;
  const headers: Record<string, string> = token
    ? { Authorization: `Basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}` }
    : {};
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    const value = response.headers.get('retry-after');
    return value === null ? undefined : retryAfterValue(value.trim());
  } catch {
    return undefined;
  }
}
