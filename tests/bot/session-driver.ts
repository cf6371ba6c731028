import { waitForAnswer } from '../support/streamed-answers';
import { actionData, cardText, inputIds, type Card, type TeamsUser } from '../support/teams-user';

export const SAMPLE_MATERIAL =
  'Account 2150 Accrued expenses: GL 182,400 vs 141,900 last month; subledger 180,100; reconciling item 2,300 late invoice (Acme Ltd, 28 March).';

/**
 * Drives a session from its first step card to the end of feedback the way an employee would with the
 * cards, in either LLM mode (waits for the job's answer: streamed into the chat, or an update of the card) or
 * bring-your-own-AI mode (pastes an answer).
 */
export async function runToFeedback(
  user: TeamsUser,
  firstCard: Card,
  options: { ratings?: number; replyToId: string },
): Promise<{ cards: Card[] }> {
  const cards: Card[] = [firstCard];
  let card = firstCard;
  // What the employee had received before their last click: a generation's answer comes after it.
  let beforeClick = user.received.length;
  for (let turn = 0; turn < 30; turn++) {
    const submitInputs = actionData(card, 'submit_inputs');
    const provide = actionData(card, 'provide_output');
    const accept = actionData(card, 'accept_output');
    const verify = actionData(card, 'complete_verification');
    const feedback = actionData(card, 'submit_feedback');
    const generating = cardText(card).includes('Generating…');
    if (!generating) beforeClick = user.received.length;
    if (submitInputs) {
      const inputs = Object.fromEntries(
        inputIds(card)
          .filter((id) => id.startsWith('input.'))
          .map((id) => [id, `${SAMPLE_MATERIAL} (${id})`]),
      );
      card = await user.click(submitInputs, inputs, { replyToId: options.replyToId });
    } else if (provide) {
      card = await user.click(
        provide,
        { pasted: 'Answer produced in my own AI tool: the 40,500 increase is driven by the Acme accrual.' },
        { replyToId: options.replyToId },
      );
    } else if (accept) {
      card = await user.click(accept, {}, { replyToId: options.replyToId });
    } else if (generating) {
      card = await waitForAnswer(user, {
        since: beforeClick,
        replyToId: options.replyToId,
        accepts: (update) =>
          actionData(update, 'accept_output') !== null ||
          cardText(update).includes('did not') ||
          actionData(update, 'switch_to_byo') !== null,
      });
    } else if (verify) {
      card = await user.click(
        verify,
        { 'check.0': 'true', 'check.1': 'false', corrections: 'Fixed the Acme amount.' },
        { replyToId: options.replyToId },
      );
    } else if (feedback) {
      const ratings = Object.fromEntries(
        inputIds(card)
          .filter((id) => id.startsWith('rating.'))
          .map((id) => [id, String(options.ratings ?? 4)]),
      );
      card = await user.click(
        feedback,
        {
          ...ratings,
          minutesTaken: '35',
          manualMinutes: '150',
          savedTimeGoesTo: 'deeper-analysis',
          wouldReuse: 'true',
          share: 'true',
        },
        { replyToId: options.replyToId },
      );
      cards.push(card);
      return { cards };
    } else {
      throw new Error(`Stuck on a card: ${cardText(card).slice(0, 400)}`);
    }
    cards.push(card);
  }
  throw new Error('Session did not finish in 30 turns');
}
