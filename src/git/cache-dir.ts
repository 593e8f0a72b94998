// Where the CLI keeps its cache repositories of a grid.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private cache repository per remote, branch and purpose, so concurrent tools never share an index. */
export function cacheDir(remote: string, branch: string, purpose: string): string {
  const key = createHash('sha1').update(`${remote}\0${branch}`).digest('hex').slice(0, 12);
  return join(tmpdir(), 'dgrid-cache', `${key}-${purpose}`);
}
