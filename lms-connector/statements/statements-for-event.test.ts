import { randomUUID } from 'node:crypto';
import validateStatement from '@learninglocker/xapi-validation';
import type { DomainEvent } from '../../core';
import {
  AUTHOR_ID,
  CONFIDENTIAL,
  EMPLOYEE_ID,
  productEvents,
  WORKFLOW_ID,
} from '../../tests/lms-connector/product-events';
import { actorFor } from './actor-for';
import { addressStatement } from './address-statement';
import { statementsForEvent, StatementMappingError, type StatementContext } from './statements-for-event';
import { EXTENSIONS, PROFILE_VERSION_IRI, VERBS } from './vocabulary';
import type { StatementDraft } from './xapi-statement';

const context: StatementContext = {
  baseUrl: 'https://practica.contoso.com',
  language: 'en',
  workflow: { id: WORKFLOW_ID, title: 'Monthly variance memo', skillArea: 'analysis', versionNumber: 2 },
  skillAreas: [{ id: 'analysis', name: 'Analysis & reporting' }],
  sendFailed: false,
};
const WORKFLOW_ACTIVITY = `https://practica.contoso.com/xapi/activities/workflows/${WORKFLOW_ID}`;

const events = productEvents();
const only = (type: DomainEvent['type']): DomainEvent => {
  const event = events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no ${type} event`);
  return event;
};
const map = (event: DomainEvent, overrides: Partial<StatementContext> = {}): StatementDraft[] =>
  statementsForEvent(event, { ...context, ...overrides });

describe('statementsForEvent', () => {
  it('maps a session start to initialized on the workflow, with the session as registration and the profile as category', () => {
    const event = only('session.started');
    const [statement, ...rest] = map(event);
    expect(rest).toEqual([]);
    expect(statement?.verb.id).toBe(VERBS.initialized.id);
    expect(statement?.object).toEqual({
      objectType: 'Activity',
      id: WORKFLOW_ACTIVITY,
      definition: {
        type: 'https://practica.app/xapi/activity-types/workflow',
        name: { en: 'Monthly variance memo' },
      },
    });
    expect(statement?.context).toMatchObject({
      registration: event.sessionId,
      platform: 'Microsoft Teams',
      language: 'en',
      contextActivities: { category: [{ id: PROFILE_VERSION_IRI }] },
      extensions: { [EXTENSIONS.skillArea.id]: 'analysis', [EXTENSIONS.workflowVersion.id]: 2 },
    });
    expect(statement?.timestamp).toBe(event.occurredAt.toISOString());
  });

  it('maps each finished step to progressed with the cmi5 progress of the whole workflow', () => {
    const steps = events.filter((event) => event.type === 'session.step_completed');
    const progressed = steps.flatMap((event) => map(event));
    expect(progressed.map((statement) => statement.verb.id)).toEqual([
      VERBS.progressed.id,
      VERBS.progressed.id,
      VERBS.progressed.id,
    ]);
    expect(progressed.map((statement) => statement.result?.extensions?.[EXTENSIONS.progress.id])).toEqual([
      25, 50, 75,
    ]);
    expect(progressed[1]?.context?.extensions?.[EXTENSIONS.step.id]).toEqual({
      id: 'draft',
      kind: 'generate',
      position: 2,
    });
  });

  it('maps a completed session to a created deliverable (child of the workflow) and completed with active time and minutes saved', () => {
    const event = only('session.completed');
    const [created, completed] = map(event);
    expect(created?.verb.id).toBe(VERBS.create.id);
    expect(created?.object.id).toBe(`${WORKFLOW_ACTIVITY}/deliverable`);
    expect(created?.context?.contextActivities?.parent?.map((parent) => parent.id)).toEqual([
      WORKFLOW_ACTIVITY,
    ]);
    expect(completed?.verb.id).toBe(VERBS.completed.id);
    // Three actions four minutes apart: 12 minutes of active time against the author's 120 by hand.
    expect(completed?.result).toEqual({
      completion: true,
      duration: 'PT12M',
      extensions: {
        [EXTENSIONS.minutesSaved.id]: 108,
        [EXTENSIONS.manualMinutes.id]: 120,
        [EXTENSIONS.regenerations.id]: 0,
        [EXTENSIONS.edits.id]: 0,
      },
    });
  });

  it('maps a self-rating to rated with the rubric scores, and a deliverable shared for review to shared; never passed', () => {
    const statements = map(only('session.rated'));
    expect(statements.map((statement) => statement.verb.id)).toEqual([VERBS.rated.id, VERBS.shared.id]);
    expect(statements[0]?.result).toEqual({
      score: { raw: 4, min: 1, max: 5, scaled: 0.8 },
      extensions: {
        [EXTENSIONS.rubricScores.id]: { accuracy: 4, clarity: 5, actions: 3 },
        [EXTENSIONS.minutesSaved.id]: 108,
        [EXTENSIONS.minutesTaken.id]: 12,
        [EXTENSIONS.manualMinutes.id]: 120,
        [EXTENSIONS.savedTimeGoesTo.id]: 'customers',
        [EXTENSIONS.wouldReuse.id]: true,
      },
    });
    expect(statements[1]?.object.id).toBe(`${WORKFLOW_ACTIVITY}/deliverable`);
  });

  it("maps a reviewer's score at the bar to passed, and below it to nothing unless the target wants failed", () => {
    const reviewed = only('session.reviewed');
    const [passed] = map(reviewed);
    expect(passed?.verb.id).toBe(VERBS.passed.id);
    expect(passed?.result).toMatchObject({ success: true, score: { raw: 3.67, scaled: 0.734 } });
    expect(passed?.result?.extensions?.[EXTENSIONS.reviewerRole.id]).toBe('manager');

    const low = { ...reviewed, data: { ...reviewed.data, scores: { accuracy: 3 }, meanScore: 3 } };
    expect(map(low)).toEqual([]);
    const [failed] = map(low, { sendFailed: true });
    expect(failed?.verb.id).toBe(VERBS.failed.id);
    expect(failed?.result).toMatchObject({ success: false, score: { raw: 3, scaled: 0.6 } });
  });

  it('maps publishing to authored, sharing to shared and a colleague’s run to used, each on the workflow', () => {
    expect(map(only('workflow.published')).map((statement) => statement.verb.id)).toEqual([VERBS.author.id]);
    expect(map(only('workflow.published'))[0]?.context?.registration).toBeUndefined();
    expect(map(only('workflow.shared'))[0]?.verb.id).toBe(VERBS.shared.id);
    const [used] = map(only('workflow.reused'));
    expect(used?.verb.id).toBe(VERBS.use.id);
    expect(used?.object.id).toBe(WORKFLOW_ACTIVITY);
  });

  it('maps a level reached to mastered on the level activity with the old and new level; a lapse sends nothing', () => {
    const event = only('level.changed');
    const [mastered] = map(event, { workflow: null });
    expect(mastered?.verb.id).toBe(VERBS.mastered.id);
    expect(mastered?.object).toEqual({
      objectType: 'Activity',
      id: 'https://practica.contoso.com/xapi/activities/skill-areas/analysis/levels/1',
      definition: {
        type: 'https://practica.app/xapi/activity-types/proficiency-level',
        name: { en: 'L1 Knows in Analysis & reporting' },
      },
    });
    expect(mastered?.result?.extensions).toEqual({
      [EXTENSIONS.previousLevel.id]: 0,
      [EXTENSIONS.newLevel.id]: 1,
    });
    const lapse = { ...event, data: { skillArea: 'analysis', fromLevel: 2, toLevel: 1 } };
    expect(map(lapse, { workflow: null })).toEqual([]);
  });

  it('sends nothing for abandoned sessions, retired workflows and certificates that came from the LMS', () => {
    for (const type of ['session.abandoned', 'workflow.retired', 'certificate.imported'] as const)
      expect(map(only(type))).toEqual([]);
  });

  it('refuses an event whose data is not what the product writes, naming the field', () => {
    const broken = { ...only('session.completed'), data: { activeMinutes: 'twelve', manualMinutes: 120 } };
    expect(() => map(broken)).toThrow(StatementMappingError);
    expect(() => map(broken)).toThrow(/data\.activeMinutes/);
    expect(() => map(only('session.started'), { workflow: null })).toThrow(/workflow was not given/);
  });

  it('produces statements that Learning Locker’s xAPI 1.0.3 validator accepts, for every event the product raises, at both actor kinds', () => {
    const drafts = events.flatMap((event) =>
      map(event, { sendFailed: true, workflow: event.workflowId ? context.workflow : null }),
    );
    expect(new Set(drafts.map((draft) => draft.verb.id)).size).toBeGreaterThanOrEqual(10);
    const person = {
      displayName: 'Avery Analyst',
      email: 'Avery.Analyst@Contoso.com',
      lmsIdentifier: 'E-10442',
    };
    const actors = [
      actorFor(person, { kind: 'account', homePage: 'https://lms.contoso.com' }),
      actorFor(person, { kind: 'mbox' }),
    ];
    for (const actor of actors) {
      if (!actor) throw new Error('no actor');
      for (const draft of drafts) {
        const statement = addressStatement(draft, actor, randomUUID());
        const problems = validateStatement(JSON.parse(JSON.stringify(statement))).map(
          (warning) => `${draft.verb.id} ${warning.path.join('.')}: ${warning.message}`,
        );
        expect(problems).toEqual([]);
      }
    }
  });

  it('never puts session inputs, AI outputs, prompts, corrections or "what broke" into a statement', () => {
    const text = JSON.stringify(
      events.flatMap((event) => map(event, { workflow: event.workflowId ? context.workflow : null })),
    );
    for (const secret of Object.values(CONFIDENTIAL)) expect(text).not.toContain(secret);
    // The events themselves do hold it, so the test would notice a mapping that copied data across.
    expect(JSON.stringify(events)).toContain(CONFIDENTIAL.whatBroke);
    expect(text).not.toContain(AUTHOR_ID);
    expect(text).not.toContain(EMPLOYEE_ID);
  });
});
