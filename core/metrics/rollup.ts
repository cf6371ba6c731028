import type { SavedTimeKey } from './definitions';

/** One person's figures for one week (Monday, tenant time zone): what group metrics add up. */
export type PersonWeekRollup = {
  tenantId: string;
  personId: string;
  /** YYYY-MM-DD, the Monday starting the week. */
  weekStart: string;
  sessionsStarted: number;
  workflowsPublished: number;
  sessionsCompleted: number;
  /** Completed sessions with a score (a review or a self-rating). */
  sessionsScored: number;
  sessionsMeetingBar: number;
  scoreSum: number;
  reviewedSessions: number;
  reviewedMeetingBar: number;
  reviewerScoreSum: number;
  manualMinutes: number;
  actualMinutes: number;
  savedMinutes: Record<SavedTimeKey, number>;
  /** Completions of workflows a colleague authored. */
  reuseSessions: number;
  /** Colleagues' completions of workflows this person authored. */
  reusedByColleagues: number;
};

/** How often one person completed one workflow in one week, and how many of those were reuse. */
export type PersonWorkflowWeekRollup = {
  tenantId: string;
  personId: string;
  workflowId: string;
  weekStart: string;
  completions: number;
  reuses: number;
};

export type Rollups = { personWeeks: PersonWeekRollup[]; personWorkflowWeeks: PersonWorkflowWeekRollup[] };

/** A row's identity: rollups are replaced a (person, week) at a time. */
export type PersonWeek = { personId: string; weekStart: string };

export function emptyPersonWeek(tenantId: string, personId: string, weekStart: string): PersonWeekRollup {
  return {
    tenantId,
    personId,
    weekStart,
    sessionsStarted: 0,
    workflowsPublished: 0,
    sessionsCompleted: 0,
    sessionsScored: 0,
    sessionsMeetingBar: 0,
    scoreSum: 0,
    reviewedSessions: 0,
    reviewedMeetingBar: 0,
    reviewerScoreSum: 0,
    manualMinutes: 0,
    actualMinutes: 0,
    savedMinutes: { 'deeper-analysis': 0, customers: 0, colleagues: 0, learning: 0, other: 0, unstated: 0 },
    reuseSessions: 0,
    reusedByColleagues: 0,
  };
}
