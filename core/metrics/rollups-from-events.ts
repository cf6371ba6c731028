import type { DomainEvent } from '../events';
import { weekKey } from '../proficiency/week-key';
import { SAVED_TIME_KEYS, type SavedTimeKey } from './definitions';
import {
  emptyPersonWeek,
  type PersonWeekRollup,
  type PersonWorkflowWeekRollup,
  type Rollups,
} from './rollup';

export type RollupRules = { timeZone: string; qualityBar: number };

const numberIn = (data: Record<string, unknown>, key: string): number | null => {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

type SessionFacts = {
  tenantId: string;
  personId: string;
  workflowId: string | null;
  weekStart: string;
  activeMinutes: number;
  manualMinutes: number;
  rated: Record<string, unknown> | null;
  reviewerScore: number | null;
};

/**
 * Every person-week and person-workflow-week rollup the events imply. Pure, and the only place rollups are
 * computed: the incremental path (withMetricRollups) and the from-scratch recompute both call it, so they
 * cannot disagree on a definition. Events come oldest first as the log holds them; of one instant, the later in the list counts as later.
 */
export function rollupsFromEvents(events: readonly DomainEvent[], rules: RollupRules): Rollups {
  // A stable sort: events of one instant keep the order given (the log's), so the latest review stays latest.
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const weeks = new Map<string, PersonWeekRollup>();
  const workflowWeeks = new Map<string, PersonWorkflowWeekRollup>();
  const sessions = new Map<string, SessionFacts>();

  const week = (tenantId: string, personId: string, weekStart: string) => {
    const key = `${personId}|${weekStart}`;
    let row = weeks.get(key);
    if (!row) {
      row = emptyPersonWeek(tenantId, personId, weekStart);
      weeks.set(key, row);
    }
    return row;
  };
  const workflowWeek = (event: DomainEvent & { personId: string; workflowId: string }) => {
    const weekStart = weekKey(event.occurredAt, rules.timeZone);
    const key = `${event.personId}|${event.workflowId}|${weekStart}`;
    let row = workflowWeeks.get(key);
    if (!row) {
      row = {
        tenantId: event.tenantId,
        personId: event.personId,
        workflowId: event.workflowId,
        weekStart,
        completions: 0,
        reuses: 0,
      };
      workflowWeeks.set(key, row);
    }
    return row;
  };

  for (const event of ordered) {
    const { personId, sessionId } = event;
    if (!personId) continue;
    const weekStart = weekKey(event.occurredAt, rules.timeZone);
    switch (event.type) {
      case 'session.started':
        week(event.tenantId, personId, weekStart).sessionsStarted += 1;
        break;
      case 'workflow.published':
        week(event.tenantId, personId, weekStart).workflowsPublished += 1;
        break;
      case 'session.completed':
        if (!sessionId || sessions.has(sessionId)) break;
        sessions.set(sessionId, {
          tenantId: event.tenantId,
          personId,
          workflowId: event.workflowId,
          weekStart,
          activeMinutes: numberIn(event.data, 'activeMinutes') ?? 0,
          manualMinutes: numberIn(event.data, 'manualMinutes') ?? 0,
          rated: null,
          reviewerScore: null,
        });
        if (event.workflowId)
          workflowWeek({ ...event, personId, workflowId: event.workflowId }).completions += 1;
        break;
      case 'workflow.reused': {
        week(event.tenantId, personId, weekStart).reuseSessions += 1;
        const authorId = event.data['authorId'];
        if (typeof authorId === 'string' && authorId !== personId)
          week(event.tenantId, authorId, weekStart).reusedByColleagues += 1;
        if (event.workflowId) workflowWeek({ ...event, personId, workflowId: event.workflowId }).reuses += 1;
        break;
      }
      default:
        break;
    }
  }

  // Ratings and reviews after every completion is known: one may share its session's completion instant.
  for (const event of ordered) {
    const facts = event.sessionId ? sessions.get(event.sessionId) : undefined;
    if (!facts) continue;
    if (event.type === 'session.rated') facts.rated = event.data;
    const score = numberIn(event.data, 'meanScore');
    if (event.type === 'session.reviewed' && score !== null) facts.reviewerScore = score;
  }
  for (const facts of sessions.values())
    addSession(week(facts.tenantId, facts.personId, facts.weekStart), facts, rules);
  return { personWeeks: [...weeks.values()], personWorkflowWeeks: [...workflowWeeks.values()] };
}

function addSession(row: PersonWeekRollup, facts: SessionFacts, rules: RollupRules): void {
  row.sessionsCompleted += 1;
  const selfScore = facts.rated ? numberIn(facts.rated, 'meanRating') : null;
  const score = facts.reviewerScore ?? selfScore;
  if (score !== null) {
    row.sessionsScored += 1;
    row.scoreSum += score;
    if (score >= rules.qualityBar) row.sessionsMeetingBar += 1;
  }
  if (facts.reviewerScore !== null) {
    row.reviewedSessions += 1;
    row.reviewerScoreSum += facts.reviewerScore;
    if (facts.reviewerScore >= rules.qualityBar) row.reviewedMeetingBar += 1;
  }
  const actual = (facts.rated && numberIn(facts.rated, 'minutesTaken')) ?? facts.activeMinutes;
  const manual = (facts.rated && numberIn(facts.rated, 'manualMinutes')) ?? facts.manualMinutes;
  row.actualMinutes += actual;
  row.manualMinutes += manual;
  const destination = facts.rated?.['savedTimeGoesTo'];
  const key: SavedTimeKey = SAVED_TIME_KEYS.includes(destination as SavedTimeKey)
    ? (destination as SavedTimeKey)
    : 'unstated';
  row.savedMinutes[key] += manual - actual;
}
