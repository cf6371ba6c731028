import { actionsData, cardText, inputIds } from './activities';

type Json = Record<string, unknown>;

const STEP_OPS = [
  'submit_inputs',
  'provide_output',
  'accept_output',
  'complete_verification',
  'submit_feedback',
];

/** A card of a session in progress: a step to act on, or a generation under way. */
export const isStepCard = (card: unknown) =>
  cardText(card).includes('Generating') || STEP_OPS.some((op) => actionsData(card, op).length > 0);

/** Inputs of the feedback card: every rubric criterion 4 of 5, minutes now and by hand, share for review. */
export function feedbackInputs(card: unknown): Json {
  const ratings = inputIds(card)
    .filter((id) => id.startsWith('rating.'))
    .map((id) => [id, '4']);
  return {
    ...Object.fromEntries(ratings),
    minutesTaken: '35',
    manualMinutes: '150',
    savedTimeGoesTo: 'deeper-analysis',
    wouldReuse: 'true',
    share: 'true',
  };
}

/** The verify step's checklist, all ticked, with a correction. */
export function verificationInputs(card: unknown): Json {
  const checks = inputIds(card)
    .filter((id) => id.startsWith('check.'))
    .map((id) => [id, 'true']);
  return { ...Object.fromEntries(checks), corrections: 'Fixed the Acme amount.' };
}
