import { AppError } from '../errors';
import { metricPeriod, startOfLocalDay } from './period';

const NOW = new Date('2026-03-11T12:00:00Z'); // a Wednesday

describe('metricPeriod', () => {
  it('covers whole weeks from the Monday of `from` to the Sunday of `to`', () => {
    const period = metricPeriod({ from: '2026-02-18', to: '2026-03-03', now: NOW, timeZone: 'UTC' });
    expect(period.weeks).toEqual(['2026-02-16', '2026-02-23', '2026-03-02']);
    expect(period.start.toISOString()).toBe('2026-02-16T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('defaults to the 12 weeks ending this week', () => {
    const period = metricPeriod({ now: NOW, timeZone: 'UTC' });
    expect(period.weeks).toHaveLength(12);
    expect(period.weeks.at(-1)).toBe('2026-03-09');
  });

  it("starts weeks at local midnight in the tenant's time zone, across a daylight-saving change", () => {
    const period = metricPeriod({
      from: '2026-03-23',
      to: '2026-03-30',
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(period.start.toISOString()).toBe('2026-03-22T23:00:00.000Z'); // CET, UTC+1
    expect(period.weekEnds.map((end) => end.toISOString())).toEqual([
      '2026-03-29T22:00:00.000Z', // the clocks went forward that Sunday: CEST, UTC+2
      '2026-04-05T22:00:00.000Z',
    ]);
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it.each([
    [{ from: '2026-3-1' }, 'invalid_date'],
    [{ to: 'yesterday' }, 'invalid_date'],
    [{ from: '2026-02-30' }, 'invalid_date'],
    [{ from: '2026-03-10', to: '2026-03-01' }, 'reversed_period'],
    [{ from: '2020-01-01', to: '2026-01-01' }, 'period_too_long'],
  ])('refuses %p with a clear error (%s)', (input, code) => {
    let error: unknown;
    try {
      metricPeriod({ ...input, now: NOW, timeZone: 'UTC' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).details[0]?.code).toBe(code);
  });
});
