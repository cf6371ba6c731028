const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "3 Nov 2026" in the reader's locale; an empty string for no date. */
export function formatDay(iso: string | null): string {
  return iso === null ? '' : DAY.format(new Date(iso));
}
