/** "42%" for a share between 0 and 1; "—" when there is nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Minutes as hours once there are enough of them: "45 min", "12.5 h". */
export function formatMinutes(minutes: number): string {
  return Math.abs(minutes) < 120 ? `${Math.round(minutes)} min` : `${(minutes / 60).toFixed(1)} h`;
}

export function formatDays(days: number | null): string {
  return days === null ? '—' : `${Math.round(days)} days`;
}
