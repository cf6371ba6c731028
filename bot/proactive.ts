import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  describeSession,
  type ConversationReference,
  type GenerationResult,
  type Logger,
  type Store,
} from '../core';
import { sessionCard } from './cards';

/** Sends to a conversation outside a turn (after a job), as the bot. */
export interface ConversationMessenger {
  sendCard(reference: ConversationReference, card: IAdaptiveCard): Promise<string | null>;
  updateCard(reference: ConversationReference, activityId: string, card: IAdaptiveCard): Promise<void>;
}

/** Shows a finished generation: the card the employee clicked is updated in place, else a new card is sent. */
export async function deliverGeneration(options: {
  store: Store;
  messenger: ConversationMessenger;
  logger: Logger;
  result: GenerationResult;
}): Promise<void> {
  const { result, store, messenger, logger } = options;
  if (result.kind === 'skipped') return;
  const person = await store.people.get(result.session.tenantId, result.session.personId);
  const reference = person?.conversationReference;
  if (!reference) {
    logger.warn('No conversation to deliver a generation to', { sessionId: result.session.id });
    return;
  }
  const card = sessionCard(describeSession(result.session, result.version.definition));
  if (result.attempt.replyMessageId) {
    try {
      await messenger.updateCard(reference, result.attempt.replyMessageId, card);
      return;
    } catch (error) {
      logger.warn('Could not update the card in place; sending a new one', {
        sessionId: result.session.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await messenger.sendCard(reference, card);
}
