import { NUDGE_KINDS, type NudgeKind } from './nudge-kind';

/** Working hours in the person's local time, Monday to Friday: [startHour, endHour). */
export type WorkingHours = { startHour: number; endHour: number };

/** An L&D admin's nudge switches for the tenant; anything left out takes the default. */
export type TenantNudgeSettings = {
  /** A kind set to false is sent to nobody in the tenant. */
  kinds?: Partial<Record<NudgeKind, boolean>>;
  /** Proactive messages per person in any 7 days. */
  weeklyLimit?: number;
  workingHours?: WorkingHours;
};

export const DEFAULT_WEEKLY_LIMIT = 2;
/**
 * Nudges posted per second per tenant, across all instances. Teams allows an app 50 requests per second per
 * tenant, shared with replies in turns, streamed answers and notices: nudges keep to well under half of it.
 */
export const NUDGE_SENDS_PER_SECOND = 20;
export const DEFAULT_WORKING_HOURS: WorkingHours = { startHour: 9, endHour: 17 };

export type NudgeRules = { weeklyLimit: number; workingHours: WorkingHours };

/** The part of the tenant settings nudges read (kept structural so core/tenants can import this file). */
type NudgeSwitches = { nudgesEnabled: boolean; nudges?: TenantNudgeSettings };

export function nudgeRulesOf(settings: NudgeSwitches): NudgeRules {
  return {
    weeklyLimit: settings.nudges?.weeklyLimit ?? DEFAULT_WEEKLY_LIMIT,
    workingHours: settings.nudges?.workingHours ?? DEFAULT_WORKING_HOURS,
  };
}

/** Whether the tenant sends this kind at all: nudges on, and the kind not switched off. */
export function tenantSendsNudge(settings: NudgeSwitches, kind: NudgeKind): boolean {
  return settings.nudgesEnabled && settings.nudges?.kinds?.[kind] !== false;
}

/** The tenant's nudge settings as they apply, every kind's switch and the defaults filled in. */
export function nudgeSettingsView(settings: TenantNudgeSettings | undefined): Required<TenantNudgeSettings> {
  return {
    kinds: Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, settings?.kinds?.[kind] !== false])),
    weeklyLimit: settings?.weeklyLimit ?? DEFAULT_WEEKLY_LIMIT,
    workingHours: settings?.workingHours ?? DEFAULT_WORKING_HOURS,
  };
}
