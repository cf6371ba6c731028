import { Choice, NumberInput, TextInput, ToggleInput } from '@microsoft/teams.cards';
import type { CurrentStepView, SessionView } from '../../core';
import { button, buttons, card, heading, paragraph, subtle, warning } from './card-kit';
import { choiceSet, ratingChoices, trialLabel } from './step-cards';

const SAVED_TIME_LABELS: Record<string, string> = {
  'deeper-analysis': 'Deeper analysis',
  customers: 'Customers',
  colleagues: 'Colleagues',
  learning: 'Learning',
  other: 'Other',
};

/** After the deliverable: rubric self-rating, minutes now vs by hand, where the time goes, what broke, share. */
export function feedbackCard(
  view: SessionView,
  current: Extract<CurrentStepView, { kind: 'feedback' }>,
  notice: string | null,
) {
  return card(
    heading(`${view.workflowTitle}: how did it go?`),
    ...trialLabel(view),
    ...(notice ? [warning(notice)] : []),
    paragraph(
      view.trial
        ? 'Your deliverable is above. Rate it against your own rubric, as a colleague would; your answers stay with this trial.'
        : 'Your deliverable is above. Rate it against the rubric the author wrote (1 = poor, 5 = excellent).',
    ),
    ...current.rubric.flatMap((criterion) => [
      paragraph(`**${criterion.criterion}**`),
      subtle(criterion.description),
      choiceSet(`rating.${criterion.id}`, ratingChoices(), { placeholder: 'Rate 1–5' }),
    ]),
    paragraph('**Minutes it took you now** (active time, pauses left out)'),
    new NumberInput({ id: 'minutesTaken', min: 1, max: 2400, value: current.activeMinutes }),
    paragraph(
      '**Minutes it would take by hand** (the author estimated this; correct it if it is different for you)',
    ),
    new NumberInput({ id: 'manualMinutes', min: 1, max: 2400, value: current.manualMinutes }),
    paragraph('**Where will the saved time go?**'),
    choiceSet(
      'savedTimeGoesTo',
      Object.entries(SAVED_TIME_LABELS).map(([value, title]) => new Choice({ title, value })),
      { placeholder: 'Choose one' },
    ),
    paragraph('**What broke?** (optional)'),
    choiceSet(
      'whatBrokeStep',
      current.steps.map((step) => new Choice({ title: step.title, value: step.id })),
      { placeholder: 'Which step?' },
    ),
    new TextInput({
      id: 'whatBroke',
      isMultiline: true,
      placeholder: 'What went wrong or needed fixing by hand',
    }),
    new ToggleInput('I would reuse this workflow', {
      id: 'wouldReuse',
      valueOn: 'true',
      valueOff: 'false',
      value: 'true',
    }),
    // A trial is private: there is nothing to share.
    ...(view.trial
      ? []
      : [
          new ToggleInput('Share the deliverable with my manager for review', {
            id: 'share',
            valueOn: 'true',
            valueOff: 'false',
            value: 'false',
          }),
        ]),
    buttons(
      button(
        'Send feedback',
        { op: 'submit_feedback', sessionId: view.sessionId, version: view.version },
        'positive',
      ),
    ),
  );
}
