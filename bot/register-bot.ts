import type { App } from '@microsoft/teams.apps';
import type { Clock, Logger, Store } from '../core';
import { identify } from './identify';
import { UNKNOWN_PERSON_TEXT, UNKNOWN_TENANT_TEXT, welcomeText } from './replies';

export type BotDependencies = { store: Store; clock: Clock; logger: Logger };

type TurnContext = {
  activity: {
    id?: string;
    type: string;
    serviceUrl?: string;
    channelId: unknown;
    from: { aadObjectId?: string };
    recipient: { id: string };
    conversation: { id: string; tenantId?: string };
    channelData?: { tenant?: { id: string } };
  };
  send(text: string): Promise<unknown>;
};

/** Wires Practica's conversation onto a Teams SDK app. Handlers stay thin: identify, act once, reply. */
export function registerBot(app: App, deps: BotDependencies): void {
  const greet = async ({ activity, send }: TurnContext) => {
    const who = await identify(deps.store, activity);
    if (who.kind === 'unknown-tenant') {
      deps.logger.info('Refused an activity from a tenant that is not set up', { tenantId: who.tenantId });
      await send(UNKNOWN_TENANT_TEXT);
      return;
    }
    if (who.kind === 'unknown-person') {
      await send(UNKNOWN_PERSON_TEXT);
      return;
    }
    if (
      activity.id &&
      !(await deps.store.processedActivities.markProcessed(who.tenantId, activity.id, deps.clock.now()))
    ) {
      deps.logger.debug('Ignored a redelivered activity', {
        tenantId: who.tenantId,
        activityId: activity.id,
      });
      return;
    }
    if (activity.serviceUrl) {
      await deps.store.people.saveConversationReference(who.tenantId, who.person.id, {
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        botId: activity.recipient.id,
        channelId: String(activity.channelId),
      });
    }
    await send(welcomeText(who.person.displayName));
  };

  app.on('install.add', (context) => greet(context));
  app.on('message', (context) => greet(context));
}
