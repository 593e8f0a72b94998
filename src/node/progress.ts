// A task's progress: lines it appends to the file the sandbox provides ($DGRID_PROGRESS), each
// `PERCENT [MESSAGE]`, the last one read at each heartbeat. The file and its text are the task's: a node reads
// only its last few KiB, never follows a link, and keeps only bounded, printable text.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_PROGRESS_MESSAGE, type Progress } from '../protocol/schemas.js';
import { iso } from '../common/time.js';

/** How much of the end of a progress file a node reads: the last line is all it wants. */
export const PROGRESS_TAIL_BYTES = 4096;

// ANSI escape sequences (CSI with its parameters, OSC up to its terminator, and two-character escapes), then
// any control or format character left: a message is shown in a terminal and in the dashboard.
// eslint-disable-next-line no-control-regex -- matching the escapes is the point
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const LINE = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?(?:\s+(.*))?$/;

/** The message as one short printable line: escapes and control characters gone, cut at the limit. */
export function cleanMessage(text: string): string {
  const clean = text.replace(ANSI, '').replace(/\s+/g, ' ').replace(CONTROL, '').trim();
  const chars = [...clean];
  return chars.length <= MAX_PROGRESS_MESSAGE ? clean : `${chars.slice(0, MAX_PROGRESS_MESSAGE - 1).join('')}…`;
}

/**
 * The last well-formed line of `text` as progress, or undefined. A line is `PERCENT [MESSAGE]`, PERCENT a
 * number from 0 to 100 (an optional `%` after it); other lines are skipped. `redact` removes secret values.
 */
export function parseProgress(
  text: string,
  at: Date,
  redact: (text: string) => string = (t) => t,
): Progress | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = LINE.exec(lines[i]!);
    if (!match) continue;
    const percent = Number(match[1]);
    if (!(percent >= 0 && percent <= 100)) continue;
    // Redacted before it is cut, so that a cut cannot leave part of a secret that redaction would not know.
    return { percent, message: cleanMessage(redact(match[2] ?? '')), at: iso(at) };
  }
  return undefined;
}

/**
 * Reads the last progress a task wrote to `path`: only the last PROGRESS_TAIL_BYTES, whatever the file's size,
 * and never through a symbolic link (a task's link must not make the node read the host's files). A file
 * that is missing, unreadable or not a regular file holds no progress.
 */
export async function readProgress(
  path: string,
  at: Date,
  redact?: (text: string) => string,
): Promise<Progress | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size === 0) return undefined;
    const length = Math.min(stat.size, PROGRESS_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, stat.size - length);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    // Only whole lines count: the first line read may be the tail of a longer one, and the last one may be
    // still being written.
    if (stat.size > length) text = text.slice(text.indexOf('\n') + 1);
    text = text.slice(0, text.lastIndexOf('\n') + 1);
    return parseProgress(text, at, redact);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
