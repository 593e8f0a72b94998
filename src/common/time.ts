// Small time helpers every part of dgrid uses: the grid's timestamps and waits that a shutdown can cut short.

/** A timestamp as the grid's files record it (UTC, ISO 8601, milliseconds). */
export const iso = (date: Date): string => date.toISOString();

/** Resolves after `ms`, or at once when `signal` aborts, so a stopping node never waits out a pause. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
