import type { FeedbackInput, SavedTimeDestination, SessionAction, WorkflowDefinition } from '../../core';
import type { CardCommand, CardInputs } from '../cards';

const asNumber = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : Number(value);

/** Turns a card button and the card's inputs into a session action; the core decides whether it is allowed. */
export function commandToAction(
  command: CardCommand,
  inputs: CardInputs,
  definition: WorkflowDefinition,
  stepIndex: number,
): SessionAction | null {
  switch (command.op) {
    case 'submit_inputs':
      return {
        type: 'submit_inputs',
        inputs: Object.fromEntries(
          Object.entries(inputs)
            .filter(([key]) => key.startsWith('input.'))
            .map(([key, value]) => [key.slice(6), value]),
        ),
      };
    case 'accept_output':
      return { type: 'accept_output' };
    case 'edit_output':
      return { type: 'edit_output', text: inputs.edited ?? '' };
    case 'regenerate':
      return { type: 'request_generation', note: inputs.note ?? null };
    case 'switch_to_byo':
      return { type: 'switch_to_byo' };
    case 'provide_output':
      return { type: 'provide_output', text: inputs.pasted ?? '' };
    case 'complete_verification': {
      const step = definition.steps[stepIndex];
      const checklist = step?.kind === 'verify' ? step.checklist : [];
      return {
        type: 'complete_verification',
        checked: checklist.filter((_item, index) => inputs[`check.${index}`] === 'true'),
        corrections: inputs.corrections ?? '',
      };
    }
    case 'submit_feedback':
      return { type: 'submit_feedback', feedback: feedbackFrom(inputs, definition) };
    case 'back':
      return { type: 'back' };
    case 'pause':
      return { type: 'pause' };
    case 'abandon':
      return { type: 'abandon' };
    default:
      return null;
  }
}

function feedbackFrom(inputs: CardInputs, definition: WorkflowDefinition): FeedbackInput {
  const ratings: Record<string, number> = {};
  for (const criterion of definition.rubric) {
    const value = asNumber(inputs[`rating.${criterion.id}`]);
    if (value !== undefined) ratings[criterion.id] = value;
  }
  const whatBrokeText = inputs.whatBroke?.trim() ?? '';
  return {
    ratings,
    minutesTaken: asNumber(inputs.minutesTaken),
    manualMinutes: asNumber(inputs.manualMinutes),
    savedTimeGoesTo: (inputs.savedTimeGoesTo || null) as SavedTimeDestination | null,
    whatBroke: whatBrokeText ? { stepId: inputs.whatBrokeStep || null, text: whatBrokeText } : null,
    wouldReuse: inputs.wouldReuse === undefined ? null : inputs.wouldReuse === 'true',
    shareForReview: inputs.share === 'true',
  };
}
