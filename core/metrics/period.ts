import { AppError } from '../errors';
import { DAY_MS } from '../ports';
import { weekKey } from '../proficiency/week-key';

/** Periods are whole weeks: from the Monday of `from`'s week to the Sunday of `to`'s (tenant time zone). */
export type MetricPeriod = {
  /** YYYY-MM-DD Mondays, oldest first. */
  weeks: string[];
  /** The instant the first week starts and the instant after the last one ends, in the tenant's time zone. */
  start: Date;
  end: Date;
  /** The instant each week ends (the next Monday, 00:00 local), in `weeks` order. */
  weekEnds: Date[];
  timeZone: string;
};

/** The longest period one request may ask for. */
export const MAX_PERIOD_WEEKS = 156;
export const DEFAULT_PERIOD_WEEKS = 12;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - Math.floor(at / 1000) * 1000;
}

/** The instant a local calendar day (YYYY-MM-DD) begins in a time zone. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  let at = asUtc - offsetMs(asUtc, timeZone);
  at = asUtc - offsetMs(at, timeZone);
  return new Date(at);
}

function parseDay(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March; a real date reads back as itself.
  if (!DATE.test(value) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value)
    throw new AppError('invalid_input', `${name} must be a date written YYYY-MM-DD.`, {
      details: [{ path: name, message: 'Not a date (YYYY-MM-DD).', code: 'invalid_date' }],
    });
  return value;
}

/**
 * The whole weeks from `from` to `to` (dates in the tenant's time zone; `to` defaults to today, `from` to
 * DEFAULT_PERIOD_WEEKS weeks before `to`). Refuses a reversed or longer-than-MAX_PERIOD_WEEKS period.
 */
export function metricPeriod(options: {
  from?: string;
  to?: string;
  now: Date;
  timeZone: string;
}): MetricPeriod {
  const { timeZone } = options;
  const to = parseDay(options.to, 'to') ?? weekKey(options.now, timeZone);
  const lastWeek = weekKey(startOfLocalDay(to, timeZone), timeZone);
  const from = parseDay(options.from, 'from') ?? addDays(lastWeek, -7 * (DEFAULT_PERIOD_WEEKS - 1));
  const firstWeek = weekKey(startOfLocalDay(from, timeZone), timeZone);
  if (firstWeek > lastWeek)
    throw new AppError('invalid_input', '`from` must not be after `to`.', {
      details: [{ path: 'from', message: 'After `to`.', code: 'reversed_period' }],
    });
  const weeks: string[] = [];
  for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) {
    weeks.push(week);
    if (weeks.length > MAX_PERIOD_WEEKS)
      throw new AppError('invalid_input', `A period can span at most ${MAX_PERIOD_WEEKS} weeks.`, {
        details: [{ path: 'from', message: 'Period too long.', code: 'period_too_long' }],
      });
  }
  const weekEnds = weeks.map((week) => startOfLocalDay(addDays(week, 7), timeZone));
  return { weeks, start: startOfLocalDay(firstWeek, timeZone), end: weekEnds.at(-1)!, weekEnds, timeZone };
}
