// The files a task left in /out, once copied out of its container: every name and every byte is the
// task's, so nothing here trusts them. Only regular files are taken, found without following a symlink;
// a name must be printable UTF-8, and secret values in it are redacted before it goes anywhere.
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../common/redact.js';
import { describeFile, type LocalFile } from '../storage/file-store.js';

/** What a sandbox copied out of /out and found matching the task's patterns. */
export interface CollectedOutputs {
  /** The folder on this machine that holds them; the caller removes it once they are stored. */
  dir: string;
  files: LocalFile[];
  /** What was left out and why, for the result's reason. */
  skipped: string[];
}

/**
 * A glob as a regular expression over a path relative to /out: `**` spans folders (a `**\/` may match no
 * folder at all), `*` and `?` stay within one name, everything else is literal.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

export function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(name));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const MAX_NAME_BYTES = 1024;

/** Why a file name cannot be listed in a result as it is; undefined when it can. */
export function unsafeName(raw: Buffer): string | undefined {
  let name: string;
  try {
    name = UTF8.decode(raw);
  } catch {
    return 'its name is not UTF-8';
  }
  if (raw.length > MAX_NAME_BYTES) return `its name is over ${MAX_NAME_BYTES} bytes`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'its name holds a control character';
  return undefined;
}

/**
 * The regular files below `dir` whose path matches a pattern, each hashed; symlinks, devices and the like
 * are skipped and named in `skipped` (a symlink to /etc/passwd is not a way to read the node's files).
 */
export async function collectOutputs(
  dir: string,
  patterns: readonly string[],
  secrets: readonly string[],
  limits: { maxFiles: number },
): Promise<CollectedOutputs> {
  const files: CollectedOutputs['files'] = [];
  const skipped: string[] = [];
  const walk = async (rel: Buffer[]): Promise<void> => {
    const here = join(dir, ...rel.map((part) => part.toString('latin1')));
    // The copy keeps the task's modes: a folder it made unreadable must not stop the walk.
    await chmod(here, 0o700);
    const entries = await readdir(Buffer.from(here, 'latin1'), { encoding: 'buffer' });
    for (const entry of entries.sort(Buffer.compare)) {
      const parts = [...rel, entry];
      const raw = Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from('/'), part])));
      const path = join(dir, ...parts.map((part) => part.toString('latin1')));
      const why = unsafeName(raw);
      // Redacted before it is escaped: escaping a value that holds a quote or a backslash would hide it.
      const redacted = redact(raw.toString('utf8'), secrets);
      const shown = why ? JSON.stringify(redacted) : redacted;
      const stats = await lstat(Buffer.from(path, 'latin1'));
      if (stats.isDirectory()) {
        if (why) skipped.push(`${shown}: ${why}`);
        else await walk(parts);
        continue;
      }
      const name = raw.toString('utf8');
      if (why) {
        if (matchesAny(name, patterns)) skipped.push(`${shown}: ${why}`);
        continue;
      }
      if (!matchesAny(name, patterns)) continue;
      if (!stats.isFile()) {
        skipped.push(`${shown}: not a regular file (${stats.isSymbolicLink() ? 'a symlink' : 'a special file'})`);
        continue;
      }
      if (files.length >= limits.maxFiles) {
        skipped.push(`${shown}: over the ${limits.maxFiles} files outputs.max_files allows`);
        continue;
      }
      await chmod(path, 0o600);
      files.push(await describeFile(path, redact(name, secrets)));
    }
  };
  await walk([]);
  return { dir, files, skipped };
}
