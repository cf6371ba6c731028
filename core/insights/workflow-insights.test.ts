import type { DomainEvent, DomainEventType } from '../events';
import { workflowInsights } from './workflow-insights';

let counter = 0;
const event = (
  type: DomainEventType,
  at: string,
  person: string,
  session: string,
  data: Record<string, unknown> = {},
): DomainEvent => {
  counter += 1;
  return {
    id: `e${counter}`,
    tenantId: 't',
    type,
    personId: person,
    sessionId: session,
    workflowId: 'memo',
    occurredAt: new Date(at),
    data,
  };
};
const STEPS = [
  { id: 'gather', title: 'Paste the figures', kind: 'input' },
  { id: 'draft', title: 'Draft the memo', kind: 'generate' },
];
const PERIOD = { start: new Date('2026-03-02T00:00:00Z'), end: new Date('2026-03-16T00:00:00Z') };

/** A run: started, both steps, completed and rated; `draft` as given. */
function run(
  person: string,
  session: string,
  day: string,
  draft: Record<string, unknown>,
  rating: Record<string, unknown> | null,
) {
  return [
    event('session.started', `${day}T09:00:00Z`, person, session),
    event('session.step_completed', `${day}T09:05:00Z`, person, session, {
      stepId: 'gather',
      regenerations: 0,
      outputSource: null,
    }),
    event('session.step_completed', `${day}T09:20:00Z`, person, session, { stepId: 'draft', ...draft }),
    event('session.completed', `${day}T09:30:00Z`, person, session, { activeMinutes: 30, manualMinutes: 90 }),
    ...(rating ? [event('session.rated', `${day}T09:31:00Z`, person, session, rating)] : []),
  ];
}

const rated = (meanRating: number, whatBroke: { stepId: string | null; text: string } | null = null) => ({
  meanRating,
  minutesTaken: 20,
  manualMinutes: 60,
  whatBroke,
});

describe('workflowInsights', () => {
  const events = [
    ...run(
      'ana',
      's1',
      '2026-03-02',
      { regenerations: 2, outputSource: 'llm' },
      rated(4, { stepId: 'draft', text: 'Made up a figure' }),
    ),
    ...run('ben', 's2', '2026-03-03', { regenerations: 0, outputSource: 'edited', editRatio: 0.6 }, rated(3)),
    ...run(
      'cho',
      's3',
      '2026-03-04',
      { regenerations: 1, outputSource: 'edited', editRatio: 0.1 },
      rated(2, { stepId: null, text: 'Too long' }),
    ),
    ...run('dev', 's4', '2026-03-05', { regenerations: 0, outputSource: 'llm' }, null),
    event('session.reviewed', '2026-03-20T09:00:00Z', 'dev', 's4', { meanScore: 5 }),
    event('session.started', '2026-03-06T09:00:00Z', 'eve', 's5'),
    event('session.abandoned', '2026-03-06T09:10:00Z', 'eve', 's5'),
    // Before the period: not counted.
    ...run(
      'fay',
      's0',
      '2026-02-20',
      { regenerations: 5, outputSource: 'llm' },
      rated(1, { stepId: 'draft', text: 'old' }),
    ),
  ];

  it('counts adoption, quality, minutes and per-step regenerations, heavy edits and what broke', () => {
    const insights = workflowInsights({
      events,
      steps: STEPS,
      authorId: 'ana',
      qualityBar: 3.5,
      period: PERIOD,
      minimumGroup: 5,
    });
    expect(insights.adoption).toEqual({
      sessionsStarted: 5,
      sessionsCompleted: 4,
      sessionsAbandoned: 1,
      completionRate: 0.8,
      people: 5,
      colleaguesCompleted: 3,
    });
    // Scores: 4, 3, 2 and dev's reviewer 5 (reviewed after the period, still about a session in it).
    expect(insights.quality).toEqual({
      scoredSessions: 4,
      sessionsMeetingBar: 2,
      shareMeetingBar: 0.5,
      meanScore: 3.5,
      reviewedSessions: 1,
    });
    // Rated: 60 − 20 = 40 each (three); dev unrated: 90 − 30 = 60.
    expect(insights.minutesSaved).toEqual({ total: 180, medianPerSession: 40 });
    expect(insights.steps[1]).toEqual({
      stepId: 'draft',
      title: 'Draft the memo',
      kind: 'generate',
      completions: 4,
      regenerations: 3,
      completionsRegenerated: 2,
      regeneratedShare: 0.5,
      edited: 2,
      heavilyEdited: 1,
      heavilyEditedShare: 0.25,
      whatBrokeCount: 1,
      whatBroke: ['Made up a figure'],
    });
    expect(insights.steps[0]).toMatchObject({
      completions: 4,
      regenerations: 0,
      edited: 0,
      whatBrokeCount: 0,
    });
    expect(insights.whatBrokeGeneral).toEqual(['Too long']);
    expect(insights.withheld).toBeNull();
  });

  it('withholds scores and the text of what broke when fewer than the minimum group ran it', () => {
    const insights = workflowInsights({
      events,
      steps: STEPS,
      authorId: 'ana',
      qualityBar: 3.5,
      period: PERIOD,
      minimumGroup: 6,
    });
    expect(insights.quality).toBeNull();
    expect(insights.steps[1]).toMatchObject({ whatBrokeCount: 1, whatBroke: null, heavilyEdited: 1 });
    expect(insights.whatBrokeGeneral).toBeNull();
    expect(insights.withheld).toMatch(/6 or more.*5 have/);
  });

  it('an empty period has counts of zero and no shares', () => {
    const insights = workflowInsights({
      events,
      steps: STEPS,
      authorId: 'ana',
      qualityBar: 3.5,
      period: { start: new Date('2025-01-06T00:00:00Z'), end: new Date('2025-01-13T00:00:00Z') },
      minimumGroup: 5,
    });
    expect(insights.adoption.completionRate).toBeNull();
    expect(insights.minutesSaved).toEqual({ total: 0, medianPerSession: null });
    expect(insights.steps[1]).toMatchObject({
      completions: 0,
      regeneratedShare: null,
      heavilyEditedShare: null,
    });
  });
});
