import type { SessionView } from '../../core';
import { card, paragraph, subtle } from './card-kit';
import { reviewButtons, stepHeader, stepNavigation } from './step-cards';

/**
 * The card under an answer streamed into the chat: the answer is the message's own text, so the card holds
 * only what to do with it.
 */
export function streamedAnswerCard(view: SessionView, text: string) {
  return card(
    ...stepHeader(view),
    subtle(view.instructions),
    paragraph('Accept the answer above, edit it, or regenerate it with a note on what should change.'),
    reviewButtons(view, text),
    stepNavigation(view),
  );
}

/** What the "Generating…" card becomes once the answer has been streamed into the chat below it. */
export function answeredBelowCard(view: SessionView) {
  return card(...stepHeader(view), paragraph('The answer is in the message below.'));
}
