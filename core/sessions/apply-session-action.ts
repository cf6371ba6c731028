import { AppError } from '../errors';
import type { WorkflowDefinition, WorkflowInput } from '../workflows';
import { addActiveTime } from './active-time';
import { buildFeedback } from './feedback';
import type { ActionOutcome, EngineContext } from './outcome';
import type { Session } from './session';
import { SYSTEM_ACTIONS, type SessionAction } from './session-action';
import { completeCurrentStep, goBack, newAttempt, recordAt, stepAt, withRecord } from './step-transitions';

const MAX_OUTPUT_CHARS = 100_000;

const unchanged = (session: Session): ActionOutcome => ({ session, events: [], effects: [] });

/**
 * The session engine: one pure function from (session, action) to the next session, its domain events and
 * the jobs to queue. Refusals are AppError('invalid_input') with a message meant for the employee.
 */
export function applySessionAction(
  session: Session,
  definition: WorkflowDefinition,
  action: SessionAction,
  context: EngineContext,
): ActionOutcome {
  if (session.status === 'abandoned')
    throw new AppError('invalid_input', 'This session was abandoned; start the workflow again to run it.');
  if (SYSTEM_ACTIONS.has(action.type)) return applySystemAction(session, action, context.now);
  if (session.phase === 'done')
    throw new AppError(
      'invalid_input',
      'This session is finished. Start the workflow again to run it on new material.',
    );

  const active: Session = {
    ...session,
    status: session.status === 'paused' ? 'active' : session.status,
    activeMs: addActiveTime(session.activeMs, session.lastActivityAt, context.now),
    lastActivityAt: context.now,
  };
  switch (action.type) {
    case 'pause':
      return {
        session: { ...active, status: session.phase === 'feedback' ? session.status : 'paused' },
        events: [],
        effects: [],
      };
    case 'resume':
      return session.status === 'paused' ? unchanged(active) : unchanged(session);
    case 'abandon':
      return {
        session: { ...active, status: 'abandoned', phase: 'done' },
        events: [
          {
            type: 'session.abandoned',
            data: {
              stepIndex: session.currentStepIndex,
              workflowVersionId: session.workflowVersionId,
              reason: action.reason ?? 'employee',
            },
          },
        ],
        effects: [],
      };
    case 'submit_feedback': {
      if (session.phase !== 'feedback')
        throw new AppError('invalid_input', 'Feedback comes after the deliverable; finish the steps first.');
      // Minutes default to the work itself: the time spent filling in this feedback is not part of it.
      const feedback = buildFeedback(session, definition, action.feedback, context.now);
      return {
        session: { ...active, feedback, phase: 'done' },
        events: [
          {
            type: 'session.rated',
            data: {
              ...feedback,
              workflowVersionId: session.workflowVersionId,
              skillArea: definition.skillArea,
            },
          },
        ],
        effects: [],
      };
    }
    default:
      if (session.phase !== 'steps')
        throw new AppError('invalid_input', 'Your deliverable is ready; all that is left is your feedback.');
      {
        const outcome = applyStepAction(active, definition, action, context);
        // An action that changed nothing (a second "regenerate" while one is pending) leaves the session as it was.
        return outcome.session === active ? unchanged(session) : outcome;
      }
  }
}

function applyStepAction(
  session: Session,
  definition: WorkflowDefinition,
  action: SessionAction,
  context: EngineContext,
): ActionOutcome {
  const index = session.currentStepIndex;
  const step = stepAt(definition, index);
  const record = recordAt(session, index);
  const latest = record.attempts.at(-1);

  switch (action.type) {
    case 'back':
      if (index === 0)
        throw new AppError('invalid_input', 'This is the first step; there is nothing to go back to.');
      return goBack(session, definition);

    case 'fill_input': {
      if (step.kind !== 'input')
        throw new AppError(
          'invalid_input',
          `This step (${step.title}) does not take material; ${expectation(step.kind)}`,
        );
      const input = definition.inputs.find(
        (candidate) => candidate.name === action.name && step.inputNames.includes(candidate.name),
      );
      if (!input) throw new AppError('invalid_input', 'This step does not ask for that.');
      const value = action.text.trim();
      checkLength(input, value);
      return {
        session: withRecord(session, index, (current) => ({
          ...current,
          inputs: { ...current.inputs, [input.name]: value },
        })),
        events: [],
        effects: [],
      };
    }

    case 'submit_inputs': {
      if (step.kind !== 'input')
        throw new AppError(
          'invalid_input',
          `This step (${step.title}) does not take material; ${expectation(step.kind)}`,
        );
      const inputs: Record<string, string> = {};
      for (const name of step.inputNames) {
        const input = definition.inputs.find((candidate) => candidate.name === name);
        if (!input) continue;
        // A field left empty keeps what the employee already gave for it (e.g. the text of an attached file).
        const value = ((action.inputs[name] ?? '').trim() || (record.inputs[name] ?? '')).trim();
        if (value === '' && input.required)
          throw new AppError('invalid_input', `Please provide ${input.label}.`);
        checkLength(input, value);
        inputs[name] = value;
      }
      return completeCurrentStep(
        withRecord(session, index, (current) => ({ ...current, inputs })),
        definition,
        context,
      );
    }

    case 'request_generation':
    case 'switch_to_byo': {
      if (step.kind !== 'generate')
        throw new AppError(
          'invalid_input',
          `There is nothing to generate at this step; ${expectation(step.kind)}`,
        );
      const mode = action.type === 'switch_to_byo' || !context.llmAvailable ? 'byo' : 'llm';
      if (latest?.status === 'pending' && latest.mode === mode) return unchanged(session);
      const note = action.type === 'request_generation' ? action.note?.trim() || null : null;
      const attempt = newAttempt(context, mode, note);
      const next = withRecord(session, index, (current) => ({
        ...current,
        attempts: [...current.attempts, attempt],
      }));
      return {
        session: next,
        events: [],
        effects:
          mode === 'llm' ? [{ kind: 'enqueue_generation', stepId: step.id, attemptId: attempt.id }] : [],
      };
    }

    case 'provide_output': {
      if (step.kind !== 'generate')
        throw new AppError(
          'invalid_input',
          `There is no AI answer to paste at this step; ${expectation(step.kind)}`,
        );
      const text = checkedOutput(action.text);
      const byo =
        latest?.mode === 'byo' && latest.status === 'pending' ? latest : newAttempt(context, 'byo', null);
      const filled = { ...byo, status: 'succeeded' as const, text, completedAt: context.now.toISOString() };
      const next = withRecord(session, index, (current) => ({
        ...current,
        attempts: [...current.attempts.filter((attempt) => attempt.id !== filled.id), filled],
        output: text,
        outputSource: 'byo',
      }));
      return completeCurrentStep(next, definition, context);
    }

    case 'accept_output': {
      if (step.kind !== 'generate')
        throw new AppError(
          'invalid_input',
          `There is no AI answer to accept at this step; ${expectation(step.kind)}`,
        );
      if (latest?.status !== 'succeeded' || latest.text === null) {
        throw new AppError(
          'invalid_input',
          latest?.status === 'pending'
            ? 'The answer is still being generated.'
            : 'There is no answer to accept yet.',
        );
      }
      const next = withRecord(session, index, (current) => ({
        ...current,
        output: latest.text,
        outputSource: latest.mode,
      }));
      return completeCurrentStep(next, definition, context);
    }

    case 'edit_output': {
      if (step.kind !== 'generate')
        throw new AppError(
          'invalid_input',
          `There is no AI answer to edit at this step; ${expectation(step.kind)}`,
        );
      const text = checkedOutput(action.text);
      return completeCurrentStep(
        withRecord(session, index, (current) => ({ ...current, output: text, outputSource: 'edited' })),
        definition,
        context,
      );
    }

    case 'complete_verification': {
      if (step.kind !== 'verify')
        throw new AppError('invalid_input', `This step is not a check; ${expectation(step.kind)}`);
      const unknown = action.checked.filter((item) => !step.checklist.includes(item));
      if (unknown.length > 0)
        throw new AppError('invalid_input', 'That checklist item is not part of this step.');
      if (action.corrections.length > 4_000)
        throw new AppError('invalid_input', 'Please keep your notes under 4000 characters.');
      const verification = {
        checked: step.checklist.filter((item) => action.checked.includes(item)),
        corrections: action.corrections.trim(),
      };
      return completeCurrentStep(
        withRecord(session, index, (current) => ({ ...current, verification })),
        definition,
        context,
      );
    }

    default:
      return unchanged(session);
  }
}

function applySystemAction(session: Session, action: SessionAction, now: Date): ActionOutcome {
  if (action.type !== 'generation_succeeded' && action.type !== 'generation_failed')
    return unchanged(session);
  const index = session.steps.findIndex((record) =>
    record.attempts.some((attempt) => attempt.id === action.attemptId),
  );
  const attempt = session.steps[index]?.attempts.find((candidate) => candidate.id === action.attemptId);
  if (!attempt || attempt.status !== 'pending') return unchanged(session);
  const completed = {
    ...attempt,
    status: action.type === 'generation_succeeded' ? ('succeeded' as const) : ('failed' as const),
    text: action.type === 'generation_succeeded' ? action.text : null,
    error: action.type === 'generation_failed' ? action.reason : null,
    completedAt: now.toISOString(),
  };
  const next = withRecord(session, index, (record) => ({
    ...record,
    attempts: record.attempts.map((candidate) => (candidate.id === completed.id ? completed : candidate)),
  }));
  return { session: next, events: [], effects: [] };
}

function checkLength(input: WorkflowInput, value: string): void {
  if (value.length > input.maxChars) {
    throw new AppError(
      'invalid_input',
      `${input.label} is ${value.length.toLocaleString('en-GB')} characters; the limit is ${input.maxChars.toLocaleString('en-GB')}. Trim it to the part that matters, or split the work.`,
    );
  }
}

function checkedOutput(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new AppError('invalid_input', 'The text is empty; paste or type the answer you want to keep.');
  if (trimmed.length > MAX_OUTPUT_CHARS)
    throw new AppError(
      'invalid_input',
      `That is longer than ${MAX_OUTPUT_CHARS.toLocaleString('en-GB')} characters; shorten it first.`,
    );
  return trimmed;
}

function expectation(kind: string): string {
  switch (kind) {
    case 'input':
      return 'it is waiting for your material.';
    case 'generate':
      return 'it is waiting for you to accept, edit or regenerate the AI answer.';
    case 'verify':
      return 'it is waiting for you to tick the checks you made.';
    default:
      return 'your deliverable is ready.';
  }
}
