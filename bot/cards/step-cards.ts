import { ChoiceSetInput, Choice, TextInput, ToggleInput } from '@microsoft/teams.cards';
import type { CurrentStepView, SessionView } from '../../core';
import { button, buttons, card, document, heading, paragraph, reveal, subtle, warning } from './card-kit';
import { feedbackCard } from './feedback-card';

const ECHO_LIMIT = 2_000;

const ref = (view: SessionView) => ({ sessionId: view.sessionId, version: view.version });

export const TRIAL_LABEL = 'Trying your draft — nothing here counts or is shared.';

/** On every card of a trial, so the author never mistakes it for practice that is recorded. */
export const trialLabel = (view: SessionView) => (view.trial ? [warning(TRIAL_LABEL)] : []);

function header(view: SessionView) {
  return [
    heading(view.workflowTitle),
    ...trialLabel(view),
    subtle(`Step ${view.stepNumber} of ${view.stepCount} · ${view.stepTitle}`),
  ];
}

function navigation(view: SessionView) {
  const actions = [];
  if (view.canGoBack) actions.push(button('Back', { op: 'back', ...ref(view) }));
  actions.push(button('Pause', { op: 'pause', ...ref(view) }));
  actions.push(button('Abandon', { op: 'abandon', ...ref(view) }, 'destructive'));
  return buttons(...actions);
}

/** The card for wherever the session is now. `notice` is a line shown on top (an error, or why the card changed). */
export function sessionCard(view: SessionView, notice: string | null = null) {
  const top = notice ? [warning(notice)] : [];
  const current = view.current;
  switch (current.kind) {
    case 'input':
      return card(
        ...header(view),
        ...top,
        paragraph(view.instructions),
        ...current.inputs.flatMap((input) => [
          paragraph(`**${input.label}**${input.required ? '' : ' (optional)'}`),
          subtle(`${input.description} (up to ${input.maxChars.toLocaleString('en-GB')} characters)`),
          // A long answer (an attached file) is kept with the session, not echoed into the card: Teams caps cards
          // at about 28 KB. Left empty, the field keeps it.
          input.value.length > ECHO_LIMIT
            ? new TextInput({
                id: `input.${input.name}`,
                isMultiline: true,
                placeholder: `Already provided (${input.value.length.toLocaleString('en-GB')} characters). Type here to replace it.`,
                maxLength: input.maxChars,
              })
            : new TextInput({
                id: `input.${input.name}`,
                isMultiline: true,
                value: input.value,
                maxLength: input.maxChars,
              }),
        ]),
        buttons(button('Continue', { op: 'submit_inputs', ...ref(view) }, 'positive')),
        navigation(view),
      );
    case 'generate':
      return card(...header(view), ...top, ...generateBody(view, current), navigation(view));
    case 'verify':
      return card(
        ...header(view),
        ...top,
        paragraph(view.instructions),
        ...current.step.checklist.map(
          (item, index) =>
            new ToggleInput(item, { id: `check.${index}`, valueOn: 'true', valueOff: 'false', wrap: true }),
        ),
        new TextInput({
          id: 'corrections',
          isMultiline: true,
          placeholder: 'What did you correct? (a wrong figure, a missing source…)',
        }),
        buttons(button('Checked', { op: 'complete_verification', ...ref(view) }, 'positive')),
        navigation(view),
      );
    case 'feedback':
      return feedbackCard(view, current, notice);
    case 'done':
      return card(
        heading(view.workflowTitle),
        ...trialLabel(view),
        ...top,
        paragraph(
          view.trial
            ? 'Your trial is complete. Change the draft in the editor and try it again, or publish it when it is right.'
            : 'This session is complete. Thank you for your feedback.',
        ),
        buttons(button('Home', { op: 'home' })),
      );
    case 'abandoned':
      return card(
        heading(view.workflowTitle),
        ...trialLabel(view),
        ...top,
        paragraph('You abandoned this session.'),
        buttons(button('Home', { op: 'home' })),
      );
  }
}

function generateBody(view: SessionView, current: Extract<CurrentStepView, { kind: 'generate' }>) {
  const attempt = current.attempt;
  switch (current.state) {
    case 'generating':
      return [
        paragraph(
          `Generating… (attempt ${current.attemptNumber}). You can leave this chat; the answer will appear here.`,
        ),
        subtle(view.instructions),
      ];
    case 'failed':
      return [
        warning(attempt?.error ?? 'The AI service did not answer.'),
        paragraph(
          'Your work so far is kept. Try again, or run the prompt in the AI tool your company provides and paste the answer back.',
        ),
        buttons(
          button('Try again', { op: 'regenerate', ...ref(view) }, 'positive'),
          button('Use my own AI tool', { op: 'switch_to_byo', ...ref(view) }),
        ),
      ];
    case 'awaiting-paste':
      return [
        paragraph(
          'Copy the prompt below into the AI tool your company provides (for example Microsoft 365 Copilot), then paste its answer here.',
        ),
        document(`\`\`\`\n${current.prompt ?? ''}\n\`\`\``),
        new TextInput({ id: 'pasted', isMultiline: true, placeholder: 'Paste the AI answer here' }),
        buttons(button('Use this answer', { op: 'provide_output', ...ref(view) }, 'positive')),
      ];
    case 'ready':
      return [
        paragraph(view.instructions),
        document(attempt?.text ?? ''),
        reviewButtons(view, attempt?.text ?? ''),
      ];
  }
}

/** Accept, edit or regenerate the answer `text` of the current generate step. */
export function reviewButtons(view: SessionView, text: string) {
  return buttons(
    button('Accept', { op: 'accept_output', ...ref(view) }, 'positive'),
    reveal(
      'Edit',
      card(
        new TextInput({ id: 'edited', isMultiline: true, value: text }),
        buttons(button('Save my version', { op: 'edit_output', ...ref(view) })),
      ),
    ),
    reveal(
      'Regenerate',
      card(
        new TextInput({
          id: 'note',
          placeholder: 'What should change? e.g. "shorter", "use the Q3 figures"',
        }),
        buttons(button('Regenerate', { op: 'regenerate', ...ref(view) })),
      ),
    ),
  );
}

/** The step's header, for cards about the session that are not the step card itself. */
export const stepHeader = header;

/** Navigation shared with cards about the session that are not the step card itself. */
export const stepNavigation = navigation;

export const ratingChoices = () =>
  [1, 2, 3, 4, 5].map((value) => new Choice({ title: `${value}`, value: `${value}` }));

export function choiceSet(
  id: string,
  choices: Choice[],
  options: { value?: string; placeholder?: string } = {},
) {
  return new ChoiceSetInput(...choices).withId(id).withStyle('compact').withOptions(options);
}
