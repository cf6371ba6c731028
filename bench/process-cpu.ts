import { readFileSync } from 'node:fs';

/** Linux's clock tick for /proc times (USER_HZ), 100 on every architecture Node runs on there. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time a running process has used so far, user and system, all its threads (fields 14 and 15 of
 * /proc/<pid>/stat), in milliseconds; null where there is no such file (not Linux, or the process has gone).
 */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
