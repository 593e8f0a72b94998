// Processes as /proc tells them, for tests that kill a process with everything it started.
import { readFileSync } from 'node:fs';

/** ppid and pgid from /proc/<pid>/stat, whose second field (the command) may hold spaces; undefined once gone. */
export function statOf(pid: number): { ppid: number; pgid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return undefined;
  }
}
