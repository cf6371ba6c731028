import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  describeSession,
  type ConversationReference,
  type GenerationResult,
  type Logger,
  type Store,
} from '../core';
import type { AnswerStream, StreamPart } from './answer-stream';
import { answeredBelowCard, sessionCard, streamedAnswerCard } from './cards';

/** Sends to a conversation outside a turn (after a job), as the bot. */
export interface ConversationMessenger {
  sendCard(reference: ConversationReference, card: IAdaptiveCard): Promise<string | null>;
  updateCard(reference: ConversationReference, activityId: string, card: IAdaptiveCard): Promise<void>;
  /** Posts one part of a streamed message (Teams 1:1 chats); resolves to the posted activity's id. */
  postStreamPart?(reference: ConversationReference, part: StreamPart): Promise<string>;
}

export const ANSWER_FAILED_NOTE =
  'The AI service did not finish this answer, so nothing was kept. The step card lets you try again or use your own AI tool.';
export const ANSWER_NOT_NEEDED_NOTE = 'This answer is no longer needed: the session has moved on.';

/**
 * Shows a finished generation. When it was streamed into the chat, the stream ends with the whole answer and
 * the accept/edit/regenerate card, and the card the employee clicked stops saying "Generating…". Otherwise
 * (or when the stream broke off) the clicked card is updated in place, else a new card is sent.
 */
export async function deliverGeneration(options: {
  store: Store;
  messenger: ConversationMessenger;
  logger: Logger;
  result: GenerationResult;
  stream?: AnswerStream | null;
}): Promise<void> {
  const { result, store, messenger, stream } = options;
  const logger =
    result.kind === 'skipped' ? options.logger : options.logger.child({ sessionId: result.session.id });
  if (result.kind === 'skipped') {
    await stream?.abandon(ANSWER_NOT_NEEDED_NOTE);
    return;
  }
  const person = await store.people.get(result.session.tenantId, result.session.personId);
  const reference = person?.conversationReference;
  if (!reference) {
    logger.warn('No conversation to deliver a generation to');
    await stream?.abandon(ANSWER_NOT_NEEDED_NOTE);
    return;
  }
  const view = describeSession(result.session, result.version.definition);
  const { attempt } = result;
  if (stream && result.kind === 'succeeded' && attempt.text) {
    if (await stream.finish(attempt.text, streamedAnswerCard(view, attempt.text))) {
      if (attempt.replyMessageId)
        await updateOrWarn(messenger, reference, attempt.replyMessageId, answeredBelowCard(view), logger);
      return;
    }
  } else {
    await stream?.abandon(ANSWER_FAILED_NOTE);
  }
  const card = sessionCard(view);
  if (
    attempt.replyMessageId &&
    (await updateOrWarn(messenger, reference, attempt.replyMessageId, card, logger))
  )
    return;
  await messenger.sendCard(reference, card);
}

async function updateOrWarn(
  messenger: ConversationMessenger,
  reference: ConversationReference,
  activityId: string,
  card: IAdaptiveCard,
  logger: Logger,
): Promise<boolean> {
  try {
    await messenger.updateCard(reference, activityId, card);
    return true;
  } catch (error) {
    logger.warn('Could not update the card in place', {
      activityId,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
