import type { DomainEventType } from '../events';
import type { SavedTimeDestination } from '../sessions';

/**
 * The definitions every metric rests on, written once (DESIGN section 6). The API and the README quote them.
 *
 * - Active people (the denominator): people the directory has not marked as left (`people.active`) who
 *   have the app: the bot holds a conversation with them, or they have acted in Practica (started a session
 *   or published a workflow). A leaver drops out of every group figure, history included, the day they
 *   are marked as left.
 * - Active minutes: the sum of a session's step durations, a gap over 10 minutes counting as a pause
 *   (`core/sessions/active-time`); never wall-clock time from start to end.
 * - Minutes of a completed session: what the employee answered in feedback (minutes taken, and their
 *   correction of the author's manual estimate), else the active minutes and the author's `manualMinutes`.
 *   Minutes saved = manual − actual (negative when the session took longer than by hand).
 * - The score of a completed session: the latest reviewer's mean if it was reviewed (a reviewer outranks
 *   the employee), else the employee's mean self-rating, else none. It meets the bar when score ≥ the
 *   tenant's `qualityBar` (default 3.5 of 5).
 * - Every session-based figure counts a session in the week (tenant time zone, weeks start on Monday) it
 *   was completed in, even when its rating or review came later.
 */
/** The events a person-week rollup is computed from (a person with any rollup row has acted in Practica). */
export const ROLLUP_EVENT_TYPES: readonly DomainEventType[] = [
  'session.started',
  'workflow.published',
  'session.completed',
  'session.rated',
  'session.reviewed',
  'workflow.reused',
];

/** Where saved time goes, plus `unstated` for sessions whose feedback did not say (or that have none). */
export type SavedTimeKey = SavedTimeDestination | 'unstated';

export const SAVED_TIME_KEYS: readonly SavedTimeKey[] = [
  'deeper-analysis',
  'customers',
  'colleagues',
  'learning',
  'other',
  'unstated',
];

/** No group of fewer people than this gets a figure; re-exported from core/access for one source. */
export { MIN_GROUP_SIZE } from '../access/group-size';
