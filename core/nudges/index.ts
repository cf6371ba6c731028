export { NUDGE_KINDS, NUDGE_KIND_NAMES, OPT_IN_KINDS, isNudgeKind, type NudgeKind } from './nudge-kind';
export {
  DEFAULT_WEEKLY_LIMIT,
  DEFAULT_WORKING_HOURS,
  NUDGE_SENDS_PER_SECOND,
  nudgeRulesOf,
  tenantSendsNudge,
  type NudgeRules,
  type TenantNudgeSettings,
  type WorkingHours,
} from './nudge-settings';
export {
  DEFAULT_NUDGE_PREFERENCES,
  kindChosen,
  personWantsNudge,
  withNudgeChoice,
  withNudgeChoices,
  type NudgePreferences,
} from './nudge-preferences';
export {
  isWorkingTime,
  knownTimeZone,
  nextWeekStart,
  nextWorkingDayStart,
  nextWorkingTime,
} from './local-time';
export { decideNudge, type NudgeDecision } from './decide-nudge';
export type { NudgeStore } from './nudge-store';
export { nudgePlanFromPayload, nudgePlanPayload, type NudgePlan } from './nudge-plan';
export type { NudgeMessage } from './nudge-message';
export { LAPSE_NOTICE_DAYS, planEventNudges, planLapseWarnings, timeZoneOf } from './plan-nudges';
export { composeNudge } from './compose-nudge';
export { HIGH_RATING } from './compose-department-digest';
export { planAuthorSummaries, planDepartmentDigests, planManagerDigests } from './plan-weekly-digests';
export { readNudgeReach, type NudgeReach } from './read-nudge-reach';
