import type { WorkflowDefinition, WorkflowStep } from '../workflows';
import { activeMinutes } from './active-time';
import { assembleDeliverable } from './compose';
import { editRatio } from './edit-ratio';
import type { EngineContext, SessionEffect, SessionEventDraft } from './outcome';
import type { GenerationAttempt, Session, StepRecord } from './session';

export function emptyStepRecord(stepId: string): StepRecord {
  return {
    stepId,
    inputs: {},
    attempts: [],
    output: null,
    outputSource: null,
    verification: null,
    startedAt: null,
    completedAt: null,
  };
}

export function stepAt(definition: WorkflowDefinition, index: number): WorkflowStep {
  const step = definition.steps[index];
  if (!step) throw new Error(`Workflow has no step ${index}`);
  return step;
}

export function recordAt(session: Session, index: number): StepRecord {
  const record = session.steps[index];
  if (!record) throw new Error(`Session has no record for step ${index}`);
  return record;
}

export function withRecord(
  session: Session,
  index: number,
  change: (record: StepRecord) => StepRecord,
): Session {
  return {
    ...session,
    steps: session.steps.map((record, position) => (position === index ? change(record) : record)),
  };
}

export function newAttempt(
  context: EngineContext,
  mode: 'llm' | 'byo',
  note: string | null,
): GenerationAttempt {
  return {
    id: context.newId(),
    mode,
    note,
    status: 'pending',
    text: null,
    error: null,
    requestedAt: context.now.toISOString(),
    completedAt: null,
    replyMessageId: context.replyMessageId ?? null,
  };
}

type Transition = { session: Session; events: SessionEventDraft[]; effects: SessionEffect[] };

/**
 * Makes step `index` current. A generate step starts its first attempt at once (a job on the model, or the
 * composed prompt for the employee's own AI tool); the deliverable step assembles the document and completes the session.
 */
export function enterStep(
  session: Session,
  definition: WorkflowDefinition,
  index: number,
  context: EngineContext,
): Transition {
  const step = stepAt(definition, index);
  let next = withRecord({ ...session, currentStepIndex: index }, index, (record) => ({
    ...record,
    startedAt: context.now.toISOString(),
    completedAt: null,
  }));
  const events: SessionEventDraft[] = [];
  const effects: SessionEffect[] = [];

  if (step.kind === 'generate') {
    const attempt = newAttempt(context, context.llmAvailable ? 'llm' : 'byo', null);
    next = withRecord(next, index, (record) => ({
      ...record,
      output: null,
      outputSource: null,
      attempts: [...record.attempts, attempt],
    }));
    if (attempt.mode === 'llm')
      effects.push({ kind: 'enqueue_generation', stepId: step.id, attemptId: attempt.id });
  }

  if (step.kind === 'deliverable') {
    const deliverable = assembleDeliverable(next, definition);
    next = withRecord(
      { ...next, deliverable, status: 'completed', phase: 'feedback', completedAt: context.now },
      index,
      (record) => ({
        ...record,
        output: deliverable,
        completedAt: context.now.toISOString(),
      }),
    );
    const regenerations = next.steps.reduce(
      (sum, record) => sum + Math.max(0, record.attempts.length - 1),
      0,
    );
    const edits = next.steps.filter((record) => record.outputSource === 'edited').length;
    events.push({
      type: 'session.completed',
      data: {
        workflowVersionId: next.workflowVersionId,
        skillArea: definition.skillArea,
        activeMinutes: activeMinutes(next.activeMs),
        activeMs: next.activeMs,
        manualMinutes: definition.manualMinutes,
        steps: definition.steps.length,
        regenerations,
        edits,
      },
    });
    if (next.personId !== context.workflowAuthorId) {
      events.push({
        type: 'workflow.reused',
        data: { authorId: context.workflowAuthorId, workflowVersionId: next.workflowVersionId },
      });
    }
  }
  return { session: next, events, effects };
}

function editRatioOf(record: StepRecord): number | null {
  if (record.outputSource !== 'edited' || record.output === null) return null;
  const generated = [...record.attempts].reverse().find((attempt) => attempt.text !== null)?.text;
  return generated === undefined || generated === null ? null : editRatio(generated, record.output);
}

/** Marks the current step done (with its event) and moves on to the next one. */
export function completeCurrentStep(
  session: Session,
  definition: WorkflowDefinition,
  context: EngineContext,
): Transition {
  const index = session.currentStepIndex;
  const step = stepAt(definition, index);
  const done = withRecord(session, index, (record) => ({
    ...record,
    completedAt: context.now.toISOString(),
  }));
  const record = recordAt(done, index);
  const startedAt = record.startedAt ? new Date(record.startedAt).getTime() : context.now.getTime();
  const completedEvent: SessionEventDraft = {
    type: 'session.step_completed',
    data: {
      workflowVersionId: session.workflowVersionId,
      stepId: step.id,
      kind: step.kind,
      stepIndex: index,
      stepCount: definition.steps.length,
      attempts: record.attempts.length,
      regenerations: Math.max(0, record.attempts.length - 1),
      outputSource: record.outputSource,
      // How much of the generated text the employee changed (authors see which steps are heavily edited).
      editRatio: editRatioOf(record),
      durationMs: Math.max(0, context.now.getTime() - startedAt),
    },
  };
  const entered = enterStep(done, definition, index + 1, context);
  return { session: entered.session, events: [completedEvent, ...entered.events], effects: entered.effects };
}

/** Goes back one step; what came after it is cleared so that it is redone with whatever changes. */
export function goBack(session: Session, definition: WorkflowDefinition): Transition {
  const target = session.currentStepIndex - 1;
  let next: Session = {
    ...session,
    steps: session.steps.map((record, position) =>
      position >= target
        ? {
            ...record,
            output: position === target ? record.output : null,
            outputSource: position === target ? record.outputSource : null,
            completedAt: null,
          }
        : record,
    ),
  };
  const step = stepAt(definition, target);
  if (step.kind === 'generate') {
    // Going back to a generate step reopens its review: the last answer stays to accept, edit or regenerate.
    next = withRecord({ ...next, currentStepIndex: target }, target, (record) => ({
      ...record,
      output: null,
      outputSource: null,
    }));
    return { session: next, events: [], effects: [] };
  }
  return { session: { ...next, currentStepIndex: target }, events: [], effects: [] };
}
