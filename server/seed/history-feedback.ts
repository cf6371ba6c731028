import type { FeedbackInput, SavedTimeDestination, WorkflowDefinition } from '../../core';
import { WHAT_BROKE } from './history-material';
import type { PlannedRun } from './history-plan';
import type { Random } from './history-random';

type Weights = readonly (readonly [number, number])[];

/** Self-ratings lean positive, and more so with practice; a regular's third run clears the rubric bar. */
const FIRST_RUNS: Weights = [
  [2, 12],
  [3, 30],
  [4, 38],
  [5, 20],
];
const PRACTISED: Weights = [
  [2, 4],
  [3, 20],
  [4, 46],
  [5, 30],
];
const STRONG: Weights = [
  [4, 55],
  [5, 45],
];

const SAVED_TIME: readonly (readonly [SavedTimeDestination, number])[] = [
  ['deeper-analysis', 35],
  ['learning', 22],
  ['customers', 18],
  ['colleagues', 15],
  ['other', 6],
];

/** The feedback a person gives at the end of a completed session of the demo history. */
export function scriptFeedback(
  definition: WorkflowDefinition,
  run: PlannedRun,
  random: Random,
): FeedbackInput {
  const weights = run.strong ? STRONG : run.experience >= 3 ? PRACTISED : FIRST_RUNS;
  const ratings: Record<string, number> = {};
  for (const criterion of definition.rubric) ratings[criterion.id] = random.weighted(weights);
  const values = Object.values(ratings);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const generateSteps = definition.steps.filter((step) => step.kind === 'generate');
  const broke = generateSteps.length > 0 && random.chance(0.12);

  return {
    ratings,
    // Active time in the chat misses the minutes spent in their own AI tool and reading; people say so.
    minutesTaken: Math.max(1, Math.round(definition.manualMinutes * random.between(0.2, 0.6))),
    savedTimeGoesTo: random.weighted(SAVED_TIME),
    whatBroke: broke ? { stepId: random.pick(generateSteps).id, text: random.pick(WHAT_BROKE) } : null,
    wouldReuse: random.chance(mean >= 3 ? 0.93 : 0.55),
    shareForReview: random.chance(0.4),
  };
}
