import type { WorkingHours } from './nudge-settings';

const STEP_MS = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The time zone if the runtime knows it (Teams sends IANA names), else the fallback. */
export function knownTimeZone(timeZone: string | null | undefined, fallback: string): string {
  if (!timeZone) return fallback;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return fallback;
  }
}

type LocalParts = { date: string; weekday: number; hour: number };

function localParts(at: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, hour: Number(parts.hour) };
}

export function isWorkingTime(at: Date, timeZone: string, hours: WorkingHours): boolean {
  const local = localParts(at, timeZone);
  return local.weekday <= 5 && local.hour >= hours.startHour && local.hour < hours.endHour;
}

/** `at` itself when it falls in working hours, else the first quarter hour after it that does. */
export function nextWorkingTime(at: Date, timeZone: string, hours: WorkingHours): Date {
  if (isWorkingTime(at, timeZone, hours)) return at;
  let candidate = Math.ceil(at.getTime() / STEP_MS) * STEP_MS;
  // Quarter-hour steps cover every offset in use (+5:45 included); a week always holds a working hour.
  for (let step = 0; step < 8 * 96; step++, candidate += STEP_MS) {
    if (isWorkingTime(new Date(candidate), timeZone, hours)) return new Date(candidate);
  }
  throw new Error(`no working hour in a week for ${timeZone} ${hours.startHour}-${hours.endHour}`);
}

/** The start of working hours on the first working day after the local day of `at`. */
export function nextWorkingDayStart(at: Date, timeZone: string, hours: WorkingHours): Date {
  const today = localParts(at, timeZone).date;
  let candidate = Math.ceil(at.getTime() / STEP_MS) * STEP_MS;
  while (localParts(new Date(candidate), timeZone).date === today) candidate += STEP_MS;
  return nextWorkingTime(new Date(candidate), timeZone, hours);
}

/** The start of working hours in the local week after the one `at` falls in (a "different week"). */
export function nextWeekStart(at: Date, timeZone: string, hours: WorkingHours): Date {
  let candidate = Math.ceil(at.getTime() / STEP_MS) * STEP_MS;
  const start = localParts(at, timeZone);
  // Walk past the rest of this local week (to the next Monday), then to its first working hour.
  for (;;) {
    const local = localParts(new Date(candidate), timeZone);
    if (local.weekday === 1 && local.date !== start.date) break;
    candidate += STEP_MS;
  }
  return nextWorkingTime(new Date(candidate), timeZone, hours);
}
