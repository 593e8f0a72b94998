// A worker's cache repository belongs to one process at a time. A git killed mid-command (kill -9, a lost
// machine) leaves lock files and half-written packs that make every later git command in that repository
// fail; git never removes them itself, because it cannot tell a dead writer from a slow one. The owner can:
// a cache it took over from a dead process holds no live writer, so what the dead one left is garbage.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.js';

const OWNER_FILE = 'dgrid-owner';
/** The incarnations of its node this cache has hosted, one a line, the newest last. */
const INCARNATIONS_FILE = 'dgrid-incarnations';
const INCARNATIONS_KEPT = 16;
/**
 * What a killed git leaves behind: ref, shallow, index, config and packed-refs locks, the packed-refs that
 * pack-refs was writing (it refuses to start while that exists), temporary objects, and gc's pid file (git
 * trusts it while that pid lives, and a killed gc can stay a zombie where nothing reaps orphans, so the next
 * gc would refuse to run for hours).
 */
const LEFTOVER = /(\.lock|^packed-refs\.new|^gc\.pid|^tmp_pack_.*|^tmp_idx_.*|^tmp_obj_.*|^incoming-.*)$/;

/**
 * Takes the cache at `dir` for this process: refuses when a live process holds it, and otherwise removes
 * what a dead owner's git left behind. Returns the leftovers removed, relative to `dir`.
 */
export async function takeCache(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const owner = await readFile(join(dir, OWNER_FILE), 'utf8').then(parseOwner, () => undefined);
  if (owner && owner.pid !== process.pid && (await isAlive(owner))) {
    throw new UserError(`${dir} is in use by another worker (process ${owner.pid}): give each worker its own node-id`);
  }
  await writeFile(join(dir, OWNER_FILE), JSON.stringify(await identity(process.pid)) + '\n');
  const removed: string[] = [];
  for (const path of await leftovers(dir, '')) {
    await rm(join(dir, path), { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

/**
 * Records that this cache now hosts `incarnation` of its node, and returns those it hosted before: each of
 * them is dead (the cache was taken from it), so the node file of any of them is safe to take over.
 */
export async function recordIncarnation(dir: string, incarnation: string): Promise<string[]> {
  const file = join(dir, INCARNATIONS_FILE);
  const earlier = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const kept = [...earlier.filter((i) => i !== incarnation), incarnation].slice(-INCARNATIONS_KEPT);
  await writeFile(file, kept.join('\n') + '\n');
  return earlier;
}

interface Owner {
  pid: number;
  /** The process's start time in clock ticks since boot, so that a reused pid is not taken for the owner. */
  start: string | null;
}

function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    return typeof value.pid === 'number' ? { pid: value.pid, start: value.start ?? null } : undefined;
  } catch {
    return undefined;
  }
}

async function identity(pid: number): Promise<Owner> {
  return { pid, start: await startTime(pid) };
}

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces; null without /proc. */
async function statFields(pid: number): Promise<string[] | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Field 22 of /proc/<pid>/stat. */
async function startTime(pid: number): Promise<string | null> {
  return (await statFields(pid))?.[19] ?? null;
}

async function isAlive(owner: Owner): Promise<boolean> {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const fields = await statFields(owner.pid);
  // A killed process nobody reaped (no init reaps orphans in some containers) is a zombie: dead, its pid kept.
  if (fields?.[0] === 'Z') return false;
  const start = fields?.[19] ?? null;
  return owner.start === null || start === null || start === owner.start;
}

/** Leftovers in the places git writes them: the repository root, refs/ and objects/, at any depth. */
async function leftovers(dir: string, relative: string): Promise<string[]> {
  const entries = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (LEFTOVER.test(entry.name)) found.push(path);
    else if (entry.isDirectory() && (relative !== '' || entry.name === 'refs' || entry.name === 'objects')) {
      found.push(...(await leftovers(dir, path)));
    }
  }
  return found;
}
