import { AppError } from '../errors';
import type { WorkflowDefinition } from '../workflows';
import { activeMinutes } from './active-time';
import type { Session, SavedTimeDestination, SessionFeedback } from './session';
import type { FeedbackInput } from './session-action';

export const SAVED_TIME_DESTINATIONS: readonly SavedTimeDestination[] = [
  'deeper-analysis',
  'customers',
  'colleagues',
  'learning',
  'other',
];

/** The mean self-rating below which the employee gets help at once (the author's tips or a better-suited workflow). */
export const LOW_RATING_THRESHOLD = 3;

export function buildFeedback(
  session: Session,
  definition: WorkflowDefinition,
  input: FeedbackInput,
  now: Date,
): SessionFeedback {
  const ratings: Record<string, number> = {};
  for (const criterion of definition.rubric) {
    const value = input.ratings[criterion.id];
    if (value === undefined)
      throw new AppError('invalid_input', `Please rate "${criterion.criterion}" from 1 to 5.`);
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      throw new AppError('invalid_input', `"${criterion.criterion}" needs a whole number from 1 to 5.`);
    }
    ratings[criterion.id] = value;
  }
  const minutesTaken = input.minutesTaken ?? activeMinutes(session.activeMs);
  const manualMinutes = input.manualMinutes ?? definition.manualMinutes;
  for (const [label, value] of [
    ['Minutes it took', minutesTaken],
    ['Minutes it would take by hand', manualMinutes],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 2_400)
      throw new AppError('invalid_input', `${label} must be a whole number from 1 to 2400.`);
  }
  if (input.savedTimeGoesTo && !SAVED_TIME_DESTINATIONS.includes(input.savedTimeGoesTo)) {
    throw new AppError(
      'invalid_input',
      `Where the saved time goes must be one of: ${SAVED_TIME_DESTINATIONS.join(', ')}.`,
    );
  }
  const whatBroke = input.whatBroke && input.whatBroke.text.trim() !== '' ? input.whatBroke : null;
  if (whatBroke) {
    if (whatBroke.text.length > 2_000)
      throw new AppError('invalid_input', 'Please keep "what broke" under 2000 characters.');
    if (whatBroke.stepId !== null && !definition.steps.some((step) => step.id === whatBroke.stepId)) {
      throw new AppError('invalid_input', 'That step is not part of this workflow.');
    }
  }
  const values = Object.values(ratings);
  return {
    ratings,
    meanRating: Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100,
    minutesTaken,
    manualMinutes,
    savedTimeGoesTo: input.savedTimeGoesTo ?? null,
    whatBroke: whatBroke ? { stepId: whatBroke.stepId, text: whatBroke.text.trim() } : null,
    wouldReuse: input.wouldReuse ?? null,
    // A trial is private: nobody reviews an unpublished draft's result.
    sharedForReview: !session.trial && (input.shareForReview ?? false),
    givenAt: now.toISOString(),
  };
}
