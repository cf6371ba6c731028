/** A gap between two of the employee's actions longer than this is a pause, not work. */
export const PAUSE_AFTER_MS = 10 * 60 * 1000;

export function addActiveTime(activeMs: number, lastActivityAt: Date, now: Date): number {
  const gap = now.getTime() - lastActivityAt.getTime();
  return gap > 0 && gap <= PAUSE_AFTER_MS ? activeMs + gap : activeMs;
}

export function activeMinutes(activeMs: number): number {
  return Math.max(1, Math.round(activeMs / 60_000));
}
