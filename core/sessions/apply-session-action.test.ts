import { validateWorkflowDefinition, type WorkflowVersion } from '../workflows';
import { workflowDefinition } from '../../tests/factories';
import { applySessionAction } from './apply-session-action';
import { openSession } from './open-session';
import type { EngineContext } from './outcome';
import type { Session } from './session';
import type { SessionAction } from './session-action';
import { describeSession } from './session-view';

const definition = validateWorkflowDefinition(workflowDefinition());
const version: WorkflowVersion = {
  id: 'version-1',
  tenantId: 'tenant-1',
  workflowId: 'workflow-1',
  versionNumber: 1,
  trial: false,
  definition,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  publishedBy: 'author-1',
};

let counter = 0;
function context(at: string, overrides: Partial<EngineContext> = {}): EngineContext {
  return {
    now: new Date(at),
    newId: () => `id-${++counter}`,
    llmAvailable: true,
    workflowAuthorId: 'author-1',
    ...overrides,
  };
}

function start(llmAvailable = true) {
  return openSession({
    tenantId: 'tenant-1',
    personId: 'person-1',
    version,
    context: context('2026-11-02T09:00:00Z', { llmAvailable }),
  });
}

function act(session: Session, action: SessionAction, at: string, overrides: Partial<EngineContext> = {}) {
  return applySessionAction(session, definition, action, context(at, overrides));
}

const TABLE = 'Travel 12,000 vs budget 8,000; Software 30,500 vs 31,000';

describe('the session engine', () => {
  it('opens on the first step with a started event', () => {
    const { session, events, effects } = start();
    expect(session).toMatchObject({ status: 'active', phase: 'steps', currentStepIndex: 0, version: 1 });
    expect(events.map((event) => event.type)).toEqual(['session.started']);
    expect(effects).toEqual([]);
    expect(describeSession(session, definition).current.kind).toBe('input');
  });

  it('refuses missing and oversized material with a message that says what to do', () => {
    const { session } = start();
    expect(() =>
      act(session, { type: 'submit_inputs', inputs: { variances: '   ' } }, '2026-11-02T09:01:00Z'),
    ).toThrow('Please provide Variance table.');
    expect(() =>
      act(
        session,
        { type: 'submit_inputs', inputs: { variances: 'x'.repeat(20_001) } },
        '2026-11-02T09:01:00Z',
      ),
    ).toThrow(/20,001 characters; the limit is 20,000/);
  });

  it('queues the model as soon as the material is in, and shows "generating" until the answer comes', () => {
    const { session } = start();
    const submitted = act(
      session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-02T09:02:00Z',
      { replyMessageId: 'card-7' },
    );
    expect(submitted.events.map((event) => event.type)).toEqual(['session.step_completed']);
    expect(submitted.effects).toEqual([
      { kind: 'enqueue_generation', stepId: 'draft', attemptId: expect.any(String) },
    ]);
    const view = describeSession(submitted.session, definition);
    expect(view.current).toMatchObject({ kind: 'generate', state: 'generating', attemptNumber: 1 });
    expect(submitted.session.steps[1]?.attempts[0]?.replyMessageId).toBe('card-7');
  });

  it('takes the answer, regenerates with a note, accepts, checks, and assembles the deliverable', () => {
    let session = act(
      start().session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-02T09:02:00Z',
    ).session;
    const firstAttempt = session.steps[1]!.attempts[0]!.id;
    session = act(
      session,
      { type: 'generation_succeeded', attemptId: firstAttempt, text: 'Travel is 4,000 over.' },
      '2026-11-02T09:02:30Z',
    ).session;
    expect(describeSession(session, definition).current).toMatchObject({ kind: 'generate', state: 'ready' });

    const regenerated = act(session, { type: 'request_generation', note: 'shorter' }, '2026-11-02T09:03:00Z');
    expect(regenerated.effects).toHaveLength(1);
    session = regenerated.session;
    const second = session.steps[1]!.attempts[1]!;
    expect(second.note).toBe('shorter');
    session = act(
      session,
      { type: 'generation_succeeded', attemptId: second.id, text: 'Travel +4k.' },
      '2026-11-02T09:03:20Z',
    ).session;
    session = act(session, { type: 'accept_output' }, '2026-11-02T09:04:00Z').session;
    expect(describeSession(session, definition).current).toMatchObject({
      kind: 'verify',
      reviewedOutput: 'Travel +4k.',
    });

    const checked = act(
      session,
      { type: 'complete_verification', checked: ['Every figure matches the table'], corrections: 'none' },
      '2026-11-02T09:06:00Z',
    );
    expect(checked.session).toMatchObject({
      status: 'completed',
      phase: 'feedback',
      deliverable: '# Variance memo\n\nTravel +4k.',
    });
    expect(checked.events.map((event) => event.type)).toEqual([
      'session.step_completed',
      'session.completed',
      'workflow.reused',
    ]);
    expect(checked.events[1]?.data).toMatchObject({ activeMinutes: 6, manualMinutes: 120, regenerations: 1 });
  });

  it('works without a model: shows the composed prompt and takes the pasted answer', () => {
    let session = start(false).session;
    const submitted = applySessionAction(
      session,
      definition,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      context('2026-11-02T09:02:00Z', { llmAvailable: false }),
    );
    expect(submitted.effects).toEqual([]);
    session = submitted.session;
    const view = describeSession(session, definition);
    expect(view.current).toMatchObject({ kind: 'generate', state: 'awaiting-paste' });
    expect(view.current.kind === 'generate' && view.current.prompt).toContain(TABLE);
    session = act(
      session,
      { type: 'provide_output', text: 'From Copilot: travel over budget.' },
      '2026-11-02T09:05:00Z',
      { llmAvailable: false },
    ).session;
    expect(session.steps[1]).toMatchObject({
      output: 'From Copilot: travel over budget.',
      outputSource: 'byo',
    });
    expect(session.currentStepIndex).toBe(2);
  });

  it('keeps the step when the model fails and offers the employee their own AI tool', () => {
    let session = act(
      start().session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-02T09:02:00Z',
    ).session;
    const attemptId = session.steps[1]!.attempts[0]!.id;
    session = act(
      session,
      { type: 'generation_failed', attemptId, reason: 'The AI service took too long to answer.' },
      '2026-11-02T09:03:00Z',
    ).session;
    expect(describeSession(session, definition).current).toMatchObject({ kind: 'generate', state: 'failed' });
    expect(session.steps[0]!.inputs.variances).toBe(TABLE);
    session = act(session, { type: 'switch_to_byo' }, '2026-11-02T09:04:00Z').session;
    expect(describeSession(session, definition).current).toMatchObject({
      kind: 'generate',
      state: 'awaiting-paste',
    });
    const late = act(
      session,
      { type: 'generation_succeeded', attemptId, text: 'late answer' },
      '2026-11-02T09:05:00Z',
    );
    expect(late.session).toBe(session);
  });

  it('counts active time only, leaving out gaps over ten minutes', () => {
    let session = start().session;
    session = act(session, { type: 'pause' }, '2026-11-02T09:05:00Z').session;
    expect(session.status).toBe('paused');
    session = act(session, { type: 'resume' }, '2026-11-04T14:00:00Z').session;
    session = act(
      session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-04T14:03:00Z',
    ).session;
    expect(session.activeMs).toBe(8 * 60_000);
    expect(session.status).toBe('active');
  });

  it('goes back to the answer under review, and forward again', () => {
    let session = act(
      start().session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-02T09:02:00Z',
    ).session;
    session = act(
      session,
      { type: 'generation_succeeded', attemptId: session.steps[1]!.attempts[0]!.id, text: 'Draft A' },
      '2026-11-02T09:02:10Z',
    ).session;
    session = act(session, { type: 'edit_output', text: 'My version' }, '2026-11-02T09:03:00Z').session;
    session = act(session, { type: 'back' }, '2026-11-02T09:04:00Z').session;
    expect(describeSession(session, definition).current).toMatchObject({ kind: 'generate', state: 'ready' });
    expect(() => act(start().session, { type: 'back' }, '2026-11-02T09:04:00Z')).toThrow('first step');
  });

  it('takes feedback against every rubric criterion, once', () => {
    let session = act(
      start().session,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      '2026-11-02T09:02:00Z',
    ).session;
    session = act(session, { type: 'edit_output', text: 'Memo text' }, '2026-11-02T09:03:00Z').session;
    session = act(
      session,
      { type: 'complete_verification', checked: [], corrections: '' },
      '2026-11-02T09:04:00Z',
    ).session;
    expect(() =>
      act(
        session,
        { type: 'submit_feedback', feedback: { ratings: { accuracy: 4 } } },
        '2026-11-02T09:05:00Z',
      ),
    ).toThrow('Please rate "Clarity"');
    expect(() =>
      act(
        session,
        { type: 'submit_feedback', feedback: { ratings: { accuracy: 4, clarity: 9, actions: 3 } } },
        '2026-11-02T09:05:00Z',
      ),
    ).toThrow('1 to 5');
    const rated = act(
      session,
      {
        type: 'submit_feedback',
        feedback: {
          ratings: { accuracy: 4, clarity: 2, actions: 3 },
          savedTimeGoesTo: 'customers',
          whatBroke: { stepId: 'draft', text: 'Mixed up months' },
        },
      },
      '2026-11-02T09:06:00Z',
    );
    expect(rated.session.phase).toBe('done');
    expect(rated.events[0]).toMatchObject({
      type: 'session.rated',
      data: { meanRating: 3, minutesTaken: 4, manualMinutes: 120, savedTimeGoesTo: 'customers' },
    });
    expect(() => act(rated.session, { type: 'accept_output' }, '2026-11-02T09:07:00Z')).toThrow('finished');
  });

  it('stops an abandoned session from changing', () => {
    const abandoned = act(start().session, { type: 'abandon' }, '2026-11-02T09:01:00Z');
    expect(abandoned.events.map((event) => event.type)).toEqual(['session.abandoned']);
    expect(() => act(abandoned.session, { type: 'resume' }, '2026-11-02T09:02:00Z')).toThrow('abandoned');
  });
});

describe('actions that change nothing', () => {
  it('return the very same session, so nothing is written and no card goes out of date', () => {
    const { session } = start(false);
    const waiting = applySessionAction(
      session,
      definition,
      { type: 'submit_inputs', inputs: { variances: TABLE } },
      context('2026-11-02T09:02:00Z', { llmAvailable: false }),
    ).session;
    expect(
      applySessionAction(
        waiting,
        definition,
        { type: 'request_generation' },
        context('2026-11-02T09:03:00Z', { llmAvailable: false }),
      ).session,
    ).toBe(waiting);
    expect(
      applySessionAction(waiting, definition, { type: 'resume' }, context('2026-11-02T09:03:00Z')).session,
    ).toBe(waiting);
  });
});
