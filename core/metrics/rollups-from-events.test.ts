import type { DomainEvent, DomainEventType } from '../events';
import { rollupsFromEvents } from './rollups-from-events';

const TENANT = 't';
let counter = 0;
function event(
  type: DomainEventType,
  at: string,
  fields: { person: string; session?: string; workflow?: string; data?: Record<string, unknown> },
): DomainEvent {
  counter += 1;
  return {
    id: `e${String(counter).padStart(4, '0')}`,
    tenantId: TENANT,
    type,
    personId: fields.person,
    sessionId: fields.session ?? null,
    workflowId: fields.workflow ?? null,
    occurredAt: new Date(at),
    data: fields.data ?? {},
  };
}

const completed = (
  at: string,
  person: string,
  session: string,
  activeMinutes: number,
  manualMinutes: number,
) =>
  event('session.completed', at, {
    person,
    session,
    workflow: 'memo',
    data: { activeMinutes, manualMinutes },
  });
const rated = (at: string, person: string, session: string, data: Record<string, unknown>) =>
  event('session.rated', at, { person, session, workflow: 'memo', data });
const reviewed = (at: string, person: string, session: string, meanScore: number) =>
  event('session.reviewed', at, { person, session, workflow: 'memo', data: { meanScore } });

const UTC = { timeZone: 'UTC', qualityBar: 3.5 };

describe('rollupsFromEvents', () => {
  it('adds up a week of sessions: scores (a reviewer outranks the employee), minutes and where the time went', () => {
    const events = [
      event('session.started', '2026-03-02T09:00:00Z', { person: 'ana', session: 's1' }),
      completed('2026-03-02T09:30:00Z', 'ana', 's1', 25, 60),
      rated('2026-03-02T09:35:00Z', 'ana', 's1', {
        meanRating: 4,
        minutesTaken: 20,
        manualMinutes: 60,
        savedTimeGoesTo: 'customers',
      }),
      completed('2026-03-03T10:00:00Z', 'ana', 's2', 30, 45),
      completed('2026-03-04T10:00:00Z', 'ana', 's3', 10, 40),
      rated('2026-03-04T10:05:00Z', 'ana', 's3', {
        meanRating: 3,
        minutesTaken: 10,
        manualMinutes: 40,
        savedTimeGoesTo: 'learning',
      }),
      // Reviewed the next week: still counted in the week the session was completed.
      reviewed('2026-03-10T08:00:00Z', 'ana', 's3', 4),
      completed('2026-03-05T10:00:00Z', 'ana', 's4', 50, 40),
      rated('2026-03-05T10:05:00Z', 'ana', 's4', {
        meanRating: 5,
        minutesTaken: 50,
        manualMinutes: 40,
        savedTimeGoesTo: null,
      }),
      reviewed('2026-03-06T08:00:00Z', 'ana', 's4', 2),
    ];
    const { personWeeks } = rollupsFromEvents(events, UTC);
    expect(personWeeks).toEqual([
      {
        tenantId: TENANT,
        personId: 'ana',
        weekStart: '2026-03-02',
        sessionsStarted: 1,
        workflowsPublished: 0,
        sessionsCompleted: 4,
        sessionsScored: 3,
        sessionsMeetingBar: 2,
        scoreSum: 4 + 4 + 2,
        reviewedSessions: 2,
        reviewedMeetingBar: 1,
        reviewerScoreSum: 6,
        manualMinutes: 60 + 45 + 40 + 40,
        actualMinutes: 20 + 30 + 10 + 50,
        savedMinutes: {
          'deeper-analysis': 0,
          customers: 40,
          colleagues: 0,
          learning: 30,
          other: 0,
          unstated: 15 - 10,
        },
        reuseSessions: 0,
        reusedByColleagues: 0,
      },
    ]);
  });

  it('credits a reuse to the runner and to the author, and counts completions per workflow', () => {
    const events = [
      completed('2026-03-02T09:30:00Z', 'ben', 's1', 10, 30),
      event('workflow.reused', '2026-03-02T09:30:00Z', {
        person: 'ben',
        session: 's1',
        workflow: 'memo',
        data: { authorId: 'ana' },
      }),
      completed('2026-03-09T09:30:00Z', 'ben', 's2', 10, 30),
      event('workflow.reused', '2026-03-09T09:30:00Z', {
        person: 'ben',
        session: 's2',
        workflow: 'memo',
        data: { authorId: 'ana' },
      }),
    ];
    const { personWeeks, personWorkflowWeeks } = rollupsFromEvents(events, UTC);
    const row = (person: string, week: string) =>
      personWeeks.find((candidate) => candidate.personId === person && candidate.weekStart === week);
    expect(row('ben', '2026-03-02')).toMatchObject({
      sessionsCompleted: 1,
      reuseSessions: 1,
      reusedByColleagues: 0,
    });
    expect(row('ana', '2026-03-02')).toMatchObject({
      sessionsCompleted: 0,
      reuseSessions: 0,
      reusedByColleagues: 1,
    });
    expect(row('ana', '2026-03-09')).toMatchObject({ reusedByColleagues: 1 });
    expect(
      personWorkflowWeeks.map((entry) => [entry.personId, entry.weekStart, entry.completions, entry.reuses]),
    ).toEqual([
      ['ben', '2026-03-02', 1, 1],
      ['ben', '2026-03-09', 1, 1],
    ]);
  });

  it("puts a session in the week of the tenant's time zone", () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin (winter time): a different week.
    const events = [completed('2026-03-08T23:30:00Z', 'ana', 's1', 10, 20)];
    expect(rollupsFromEvents(events, UTC).personWeeks.map((row) => row.weekStart)).toEqual(['2026-03-02']);
    expect(
      rollupsFromEvents(events, { timeZone: 'Europe/Berlin', qualityBar: 3.5 }).personWeeks.map(
        (row) => row.weekStart,
      ),
    ).toEqual(['2026-03-09']);
  });

  it('uses the tenant quality bar, and reads a rating written at the instant of its completion', () => {
    const events = [
      completed('2026-03-02T09:30:00Z', 'ana', 's1', 10, 20),
      rated('2026-03-02T09:30:00Z', 'ana', 's1', { meanRating: 3.8, minutesTaken: 10, manualMinutes: 20 }),
    ];
    expect(rollupsFromEvents(events, UTC).personWeeks[0]!.sessionsMeetingBar).toBe(1);
    expect(
      rollupsFromEvents(events, { timeZone: 'UTC', qualityBar: 4 }).personWeeks[0]!.sessionsMeetingBar,
    ).toBe(0);
    expect(rollupsFromEvents([...events].reverse(), UTC)).toEqual(rollupsFromEvents(events, UTC));
  });

  it('ignores a rating or review of a session it never saw completed, and events without a person', () => {
    const events = [
      rated('2026-03-02T09:35:00Z', 'ana', 'unknown', { meanRating: 5, minutesTaken: 1, manualMinutes: 99 }),
      reviewed('2026-03-02T09:36:00Z', 'ana', 'unknown', 5),
      { ...completed('2026-03-02T09:30:00Z', 'ana', 's9', 10, 20), personId: null },
    ];
    expect(rollupsFromEvents(events, UTC)).toEqual({ personWeeks: [], personWorkflowWeeks: [] });
  });
});
