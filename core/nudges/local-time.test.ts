import { DEFAULT_WORKING_HOURS } from './nudge-settings';
import {
  isWorkingTime,
  knownTimeZone,
  nextWeekStart,
  nextWorkingDayStart,
  nextWorkingTime,
} from './local-time';

const hours = DEFAULT_WORKING_HOURS;

describe('working hours in the person’s time zone', () => {
  it('counts 9:00 to 17:00 local on weekdays only', () => {
    // Monday 30 Nov 2026, 08:30 UTC is 09:30 in Berlin and 03:30 in New York.
    const at = new Date('2026-11-30T08:30:00Z');
    expect(isWorkingTime(at, 'Europe/Berlin', hours)).toBe(true);
    expect(isWorkingTime(at, 'America/New_York', hours)).toBe(false);
    expect(isWorkingTime(new Date('2026-11-28T12:00:00Z'), 'UTC', hours)).toBe(false); // a Saturday
  });

  it('waits for the next working morning, over a weekend, with half-hour offsets', () => {
    // Friday 17:30 in Berlin: next is Monday 09:00 Berlin (08:00 UTC).
    expect(nextWorkingTime(new Date('2026-11-27T16:30:00Z'), 'Europe/Berlin', hours)).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
    // 06:00 in Kolkata (UTC+5:30) on a Tuesday: 09:00 local is 03:30 UTC.
    expect(nextWorkingTime(new Date('2026-12-01T00:30:00Z'), 'Asia/Kolkata', hours)).toEqual(
      new Date('2026-12-01T03:30:00Z'),
    );
    const inHours = new Date('2026-12-01T10:07:00Z');
    expect(nextWorkingTime(inHours, 'UTC', hours)).toBe(inHours);
  });

  it('finds the next working day even when today is still in working hours', () => {
    // Thursday 10:00 in New York: the follow-up waits for Friday 09:00 New York (14:00 UTC).
    expect(nextWorkingDayStart(new Date('2026-12-03T15:00:00Z'), 'America/New_York', hours)).toEqual(
      new Date('2026-12-04T14:00:00Z'),
    );
    // Friday afternoon: Monday.
    expect(nextWorkingDayStart(new Date('2026-12-04T13:00:00Z'), 'UTC', hours)).toEqual(
      new Date('2026-12-07T09:00:00Z'),
    );
  });

  it('puts a "different week" reminder on the next local Monday', () => {
    // Sunday 29 Nov 23:30 in Berlin is still last week: Monday 30 Nov 09:00 Berlin.
    expect(nextWeekStart(new Date('2026-11-29T22:30:00Z'), 'Europe/Berlin', hours)).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
    // Monday morning itself: a week later.
    expect(nextWeekStart(new Date('2026-11-30T08:30:00Z'), 'UTC', hours)).toEqual(
      new Date('2026-12-07T09:00:00Z'),
    );
  });

  it('falls back to the tenant’s zone when Teams sent none or an unknown one', () => {
    expect(knownTimeZone('Europe/Paris', 'UTC')).toBe('Europe/Paris');
    expect(knownTimeZone('Mars/Olympus', 'Europe/Paris')).toBe('Europe/Paris');
    expect(knownTimeZone(undefined, 'UTC')).toBe('UTC');
  });
});
