// A task's checkpoint folder as one archive of bytes, and back. The folder is the task's, so the node reads it
// as hostile input: regular files and folders only (a symbolic link is left out, never followed), paths
// inside the folder only, and a size cap checked while reading, not after. The format is the node's own
// (a magic line, then for each entry its kind, path, mode and bytes), sorted, so one folder gives one digest.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

const MAGIC = Buffer.from('dgrid-checkpoint 1\n');
/** More entries than this is not a checkpoint but an attack on the node's memory. */
const MAX_ENTRIES = 10_000;
const MAX_PATH_BYTES = 1024;

export interface PackedCheckpoint {
  archive: Buffer;
  sha256: string;
  /** Entries left out: symbolic links, devices, sockets. */
  skipped: string[];
}

export type PackResult = PackedCheckpoint | { tooLarge: string } | { empty: true };

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Packs `dir` unless what it holds passes `maxBytes` (file contents plus headers) or MAX_ENTRIES. The task may
 * still run and swap a folder for a link while it is read: every entry is opened relative to its parent's
 * open descriptor (through /proc/self/fd, Linux's openat) and never through a link, so what is read stays
 * inside the folder whatever the task does meanwhile.
 */
export async function packCheckpoint(dir: string, maxBytes: number): Promise<PackResult> {
  const parts: Buffer[] = [MAGIC];
  let size = MAGIC.length;
  let entries = 0;
  const skipped: string[] = [];
  const add = (part: Buffer) => {
    size += part.length;
    parts.push(part);
  };
  const walk = async (parent: FileHandle, relative: string): Promise<string | undefined> => {
    const names = (await readdir(`/proc/self/fd/${parent.fd}`)).sort();
    for (const name of names) {
      const path = relative ? `${relative}/${name}` : name;
      if (++entries > MAX_ENTRIES) return `more than ${MAX_ENTRIES} entries`;
      if (Buffer.byteLength(path) > MAX_PATH_BYTES) return `a path longer than ${MAX_PATH_BYTES} bytes`;
      const handle = await openBelow(parent, name);
      if (!handle) {
        skipped.push(path);
        continue;
      }
      try {
        const stat = await handle.stat();
        if (stat.isDirectory()) {
          add(header('d', path, stat.mode, 0));
          const problem = await walk(handle, path);
          if (problem) return problem;
        } else if (stat.isFile()) {
          if (size + stat.size > maxBytes) return `more than ${maxBytes} bytes`;
          const content = await readAll(handle, maxBytes - size);
          if (content === undefined) return `more than ${maxBytes} bytes`;
          add(header('f', path, stat.mode, content.length));
          add(content);
        } else skipped.push(path);
      } finally {
        await handle.close();
      }
      if (size > maxBytes) return `more than ${maxBytes} bytes`;
    }
    return undefined;
  };
  const root = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  let problem: string | undefined;
  try {
    problem = await walk(root, '');
  } finally {
    await root.close();
  }
  if (problem) return { tooLarge: problem };
  if (parts.length === 1) return { empty: true };
  const archive = Buffer.concat(parts);
  return { archive, sha256: sha256(archive), skipped };
}

/** Opens `name` in the open folder `parent`, never through a link; undefined for a link or what cannot be read. */
async function openBelow(parent: FileHandle, name: string): Promise<FileHandle | undefined> {
  try {
    return await open(
      `/proc/self/fd/${parent.fd}/${name}`,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch {
    return undefined;
  }
}

/** What is left to read of an open file, or undefined when it holds more than `limit` (it may still grow). */
async function readAll(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, limit - total + 1));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) return undefined;
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks);
}

function header(kind: 'd' | 'f', path: string, mode: number, bytes: number): Buffer {
  const name = Buffer.from(path);
  const out = Buffer.alloc(1 + 2 + name.length + 4 + 8);
  out.write(kind, 0);
  out.writeUInt16BE(name.length, 1);
  name.copy(out, 3);
  out.writeUInt32BE(mode & 0o777, 3 + name.length);
  out.writeBigUInt64BE(BigInt(bytes), 7 + name.length);
  return out;
}

/**
 * Writes an archive into `dir` (empty, made by the node). Every path is checked to stay inside it, and every
 * file is created new, never through a link, so no archive can write outside the folder. Files and folders
 * are left writable by the task's user, who is not the node's.
 */
export async function unpackCheckpoint(archive: Buffer, dir: string): Promise<void> {
  if (!archive.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a dgrid checkpoint archive');
  let at = MAGIC.length;
  let entries = 0;
  while (at < archive.length) {
    if (++entries > MAX_ENTRIES) throw new Error(`more than ${MAX_ENTRIES} entries`);
    const kind = String.fromCharCode(archive[at]!);
    const nameLength = archive.readUInt16BE(at + 1);
    const path = archive.subarray(at + 3, at + 3 + nameLength).toString('utf8');
    const bytes = Number(archive.readBigUInt64BE(at + 7 + nameLength));
    at += 15 + nameLength;
    if (!safePath(path)) throw new Error(`entry "${path}" is not a plain relative path`);
    if (kind === 'd') {
      await mkdir(join(dir, path));
      // The umask would take the task user's write permission away.
      await chmod(join(dir, path), 0o777);
    } else if (kind === 'f') {
      if (at + bytes > archive.length) throw new Error(`entry "${path}" is cut short`);
      const handle = await open(
        join(dir, path),
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o666,
      );
      try {
        await handle.write(archive.subarray(at, at + bytes));
        await handle.chmod(0o666);
      } finally {
        await handle.close();
      }
      at += bytes;
    } else throw new Error(`unknown entry kind at byte ${at}`);
  }
}

function safePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\0') || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
