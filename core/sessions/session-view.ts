import type {
  GenerateStep,
  InputStep,
  RubricCriterion,
  VerifyStep,
  WorkflowDefinition,
  WorkflowInput,
} from '../workflows';
import { activeMinutes } from './active-time';
import { composePrompt } from './compose';
import type { GenerationAttempt, Session } from './session';

export type CurrentStepView =
  | { kind: 'input'; step: InputStep; inputs: (WorkflowInput & { value: string })[] }
  | {
      kind: 'generate';
      step: GenerateStep;
      state: 'generating' | 'ready' | 'failed' | 'awaiting-paste';
      attempt: GenerationAttempt | null;
      attemptNumber: number;
      /** Shown in bring-your-own-AI mode so the employee can run it in their own tool. */
      prompt: string | null;
    }
  | { kind: 'verify'; step: VerifyStep; reviewedOutput: string | null }
  | {
      kind: 'feedback';
      deliverable: string;
      rubric: RubricCriterion[];
      activeMinutes: number;
      manualMinutes: number;
      steps: { id: string; title: string }[];
    }
  | { kind: 'done'; deliverable: string | null; meanRating: number | null }
  | { kind: 'abandoned' };

/** Everything a card or page needs to show where a session is, derived from its state: no rules in the cards. */
export type SessionView = {
  sessionId: string;
  version: number;
  workflowTitle: string;
  /** The author trying their draft: shown as such, with nothing to share. */
  trial: boolean;
  stepNumber: number;
  stepCount: number;
  stepTitle: string;
  instructions: string;
  status: Session['status'];
  canGoBack: boolean;
  current: CurrentStepView;
};

export function describeSession(session: Session, definition: WorkflowDefinition): SessionView {
  const step = definition.steps[session.currentStepIndex];
  const record = session.steps[session.currentStepIndex];
  const base = {
    sessionId: session.id,
    version: session.version,
    workflowTitle: definition.title,
    trial: session.trial,
    stepNumber: session.currentStepIndex + 1,
    stepCount: definition.steps.length,
    stepTitle: step?.title ?? '',
    instructions: step?.instructions ?? '',
    status: session.status,
    canGoBack: session.phase === 'steps' && session.currentStepIndex > 0 && session.status !== 'abandoned',
  };
  if (session.status === 'abandoned') return { ...base, current: { kind: 'abandoned' } };
  if (session.phase === 'done') {
    return {
      ...base,
      current: {
        kind: 'done',
        deliverable: session.deliverable,
        meanRating: session.feedback?.meanRating ?? null,
      },
    };
  }
  if (session.phase === 'feedback') {
    return {
      ...base,
      current: {
        kind: 'feedback',
        deliverable: session.deliverable ?? '',
        rubric: definition.rubric,
        activeMinutes: activeMinutes(session.activeMs),
        manualMinutes: definition.manualMinutes,
        steps: definition.steps.map((candidate) => ({ id: candidate.id, title: candidate.title })),
      },
    };
  }
  if (!step || !record) return { ...base, current: { kind: 'abandoned' } };

  switch (step.kind) {
    case 'input':
      return {
        ...base,
        current: {
          kind: 'input',
          step,
          inputs: step.inputNames.flatMap((name) => {
            const input = definition.inputs.find((candidate) => candidate.name === name);
            return input ? [{ ...input, value: record.inputs[name] ?? '' }] : [];
          }),
        },
      };
    case 'generate': {
      const attempt = record.attempts.at(-1) ?? null;
      const state =
        attempt?.status === 'succeeded'
          ? 'ready'
          : attempt?.status === 'failed'
            ? 'failed'
            : attempt?.mode === 'byo'
              ? 'awaiting-paste'
              : 'generating';
      return {
        ...base,
        current: {
          kind: 'generate',
          step,
          state,
          attempt,
          attemptNumber: record.attempts.length,
          prompt: state === 'awaiting-paste' ? composePrompt(session, step, attempt?.note ?? null) : null,
        },
      };
    }
    case 'verify': {
      const reviewed = [...session.steps.slice(0, session.currentStepIndex)]
        .reverse()
        .find((candidate) => candidate.output !== null);
      return { ...base, current: { kind: 'verify', step, reviewedOutput: reviewed?.output ?? null } };
    }
    default:
      return { ...base, current: { kind: 'done', deliverable: session.deliverable, meanRating: null } };
  }
}
