import { DAY_MS } from '../ports';
import type { NudgeKind } from './nudge-kind';
import { personWantsNudge, type NudgePreferences } from './nudge-preferences';
import { nudgeRulesOf, tenantSendsNudge, type TenantNudgeSettings } from './nudge-settings';
import { isWorkingTime, nextWorkingTime } from './local-time';

export type NudgeDecision =
  | { action: 'send' }
  /** Not now (quiet hours, or the person had their weekly share): try again at `at`. */
  | { action: 'wait'; at: Date; reason: 'quiet_hours' | 'weekly_limit' }
  /** Never: the tenant or the person turned it off, the bot cannot reach them, or it would arrive too late. */
  | {
      action: 'drop';
      reason: 'tenant_off' | 'opted_out' | 'unreachable' | 'expired' | 'weekly_limit' | 'quiet_hours';
    };

/**
 * Whether a nudge goes out now. `sentLastWeek` are the times of the nudges this person was sent in the 7 days
 * before `now`; the weekly limit counts any 7 days, so a person never gets more than the limit in a week.
 */
export function decideNudge(options: {
  kind: NudgeKind;
  now: Date;
  expiresAt: Date;
  settings: { nudgesEnabled: boolean; nudges?: TenantNudgeSettings };
  preferences: NudgePreferences;
  reachable: boolean;
  timeZone: string;
  sentLastWeek: readonly Date[];
}): NudgeDecision {
  const { kind, now, expiresAt, settings, preferences, timeZone } = options;
  if (!tenantSendsNudge(settings, kind)) return { action: 'drop', reason: 'tenant_off' };
  if (!personWantsNudge(preferences, kind)) return { action: 'drop', reason: 'opted_out' };
  if (!options.reachable || preferences.unreachableSince) return { action: 'drop', reason: 'unreachable' };
  if (now.getTime() >= expiresAt.getTime()) return { action: 'drop', reason: 'expired' };
  const rules = nudgeRulesOf(settings);
  const recent = options.sentLastWeek
    .filter((at) => now.getTime() - at.getTime() < 7 * DAY_MS)
    .map((at) => at.getTime())
    .sort((a, b) => a - b);
  if (recent.length >= rules.weeklyLimit) {
    // Room again once the oldest send that fills the limit is a week old.
    const freed = new Date((recent[recent.length - rules.weeklyLimit] ?? now.getTime()) + 7 * DAY_MS);
    return later(nextWorkingTime(freed, timeZone, rules.workingHours), expiresAt, 'weekly_limit');
  }
  if (!isWorkingTime(now, timeZone, rules.workingHours))
    return later(nextWorkingTime(now, timeZone, rules.workingHours), expiresAt, 'quiet_hours');
  return { action: 'send' };
}

function later(at: Date, expiresAt: Date, reason: 'quiet_hours' | 'weekly_limit'): NudgeDecision {
  return at.getTime() < expiresAt.getTime() ? { action: 'wait', at, reason } : { action: 'drop', reason };
}
