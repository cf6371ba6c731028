import { DAY_MS } from '../ports';
import { decideNudge } from './decide-nudge';
import { DEFAULT_NUDGE_PREFERENCES, withNudgeChoice } from './nudge-preferences';

// Tuesday 1 Dec 2026, 10:00 UTC.
const now = new Date('2026-12-01T10:00:00Z');
const base = {
  kind: 'toward_l2' as const,
  now,
  expiresAt: new Date(now.getTime() + 5 * DAY_MS),
  settings: { nudgesEnabled: true },
  preferences: DEFAULT_NUDGE_PREFERENCES,
  reachable: true,
  timeZone: 'UTC',
  sentLastWeek: [] as Date[],
};
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

describe('deciding whether a nudge goes out now', () => {
  it('sends in working hours to someone reachable who has not had two this week', () => {
    expect(decideNudge({ ...base, sentLastWeek: [daysAgo(2)] })).toEqual({ action: 'send' });
  });

  it('holds the third nudge of any 7 days until the oldest is a week old', () => {
    expect(decideNudge({ ...base, sentLastWeek: [daysAgo(5), daysAgo(1)] })).toEqual({
      action: 'wait',
      at: new Date(daysAgo(5).getTime() + 7 * DAY_MS),
      reason: 'weekly_limit',
    });
    // Sends older than a week no longer count.
    expect(decideNudge({ ...base, sentLastWeek: [daysAgo(8), daysAgo(1)] })).toEqual({ action: 'send' });
    // The tenant's own limit.
    expect(
      decideNudge({
        ...base,
        settings: { nudgesEnabled: true, nudges: { weeklyLimit: 1 } },
        sentLastWeek: [daysAgo(4)],
      }).action,
    ).toBe('wait');
  });

  it('drops a nudge the limit would delay past its usefulness', () => {
    expect(
      decideNudge({
        ...base,
        expiresAt: new Date(now.getTime() + DAY_MS),
        sentLastWeek: [daysAgo(1), daysAgo(1)],
      }),
    ).toEqual({ action: 'drop', reason: 'weekly_limit' });
  });

  it('waits out quiet hours in the person’s own zone', () => {
    // 10:00 UTC is 02:00 in Los Angeles: 09:00 there is 17:00 UTC.
    expect(decideNudge({ ...base, timeZone: 'America/Los_Angeles' })).toEqual({
      action: 'wait',
      at: new Date('2026-12-01T17:00:00Z'),
      reason: 'quiet_hours',
    });
  });

  it('never sends what the tenant or the person turned off, or to someone Teams refused', () => {
    expect(decideNudge({ ...base, settings: { nudgesEnabled: false } })).toEqual({
      action: 'drop',
      reason: 'tenant_off',
    });
    expect(
      decideNudge({ ...base, settings: { nudgesEnabled: true, nudges: { kinds: { toward_l2: false } } } }),
    ).toEqual({ action: 'drop', reason: 'tenant_off' });
    expect(
      decideNudge({ ...base, preferences: withNudgeChoice(DEFAULT_NUDGE_PREFERENCES, 'toward_l2', false) }),
    ).toEqual({
      action: 'drop',
      reason: 'opted_out',
    });
    expect(
      decideNudge({ ...base, preferences: withNudgeChoice(DEFAULT_NUDGE_PREFERENCES, null, false) }).action,
    ).toBe('drop');
    expect(
      decideNudge({ ...base, preferences: { ...DEFAULT_NUDGE_PREFERENCES, unreachableSince: daysAgo(3) } }),
    ).toEqual({
      action: 'drop',
      reason: 'unreachable',
    });
    expect(decideNudge({ ...base, reachable: false }).action).toBe('drop');
    expect(decideNudge({ ...base, now: base.expiresAt })).toEqual({ action: 'drop', reason: 'expired' });
  });

  it('sends the department digest only to people who asked for it', () => {
    const digest = { ...base, kind: 'social_proof' as const };
    expect(decideNudge(digest)).toEqual({ action: 'drop', reason: 'opted_out' });
    expect(
      decideNudge({
        ...digest,
        preferences: withNudgeChoice(DEFAULT_NUDGE_PREFERENCES, 'social_proof', true),
      }),
    ).toEqual({
      action: 'send',
    });
  });
});
