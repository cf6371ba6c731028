import { Client } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { cardActivity, type ConversationMessenger } from '../../bot';
import type { ConversationReference } from '../../core';
import { streamActivity } from './stream-activity';

/** Proactive messages through the Bot Connector at the conversation's own serviceUrl, with the bot's token. */
export function teamsMessenger(app: App): ConversationMessenger {
  const client = (reference: ConversationReference) =>
    new Client(reference.serviceUrl.replace(/\/+$/, ''), app.api.http);
  const envelope = (reference: ConversationReference) => ({
    from: { id: reference.botId ?? app.id ?? 'practica', role: 'bot' as const },
    conversation: { id: reference.conversationId },
  });
  return {
    async sendCard(reference, card) {
      const sent = await client(reference).conversations.createActivity(reference.conversationId, {
        ...cardActivity(card),
        ...envelope(reference),
      });
      return sent?.id ?? null;
    },
    async updateCard(reference, activityId, card) {
      await client(reference).conversations.updateActivity(reference.conversationId, activityId, {
        ...cardActivity(card),
        ...envelope(reference),
        id: activityId,
      });
    },
    // Posted by us rather than through the SDK's HttpStream, which exists only inside a turn: answers are
    // streamed from a job, after the turn that asked for them has long been answered.
    async postStreamPart(reference, part) {
      const sent = await client(reference).conversations.createActivity(reference.conversationId, {
        ...streamActivity(part),
        ...envelope(reference),
      });
      if (!sent?.id) throw new Error('the Bot Connector did not return an activity id');
      return sent.id;
    },
  };
}
