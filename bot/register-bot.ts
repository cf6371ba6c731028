import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { Person } from '../core';
import type { BotDependencies } from './bot-dependencies';
import { noticeCard, parseCardSubmission } from './cards';
import { handleCaptureCommand, handleCaptureFile, handleCaptureText } from './conversation/capture-turns';
import { buildHomeCard } from './conversation/home';
import { handleFile, type FileAttachment } from './conversation/handle-file';
import { handleText } from './conversation/handle-text';
import type { Outgoing } from './conversation/outgoing';
import { handleCardCommand } from './conversation/session-turns';
import { identify } from './identify';
import { safeCardText } from './cards/safe-text';
import { handleNudgeReply } from './nudges/nudge-replies';
import { EMPTY_MESSAGE_TEXT, UNKNOWN_PERSON_TEXT, UNKNOWN_TENANT_TEXT } from './replies';

type Sender = {
  send(
    activity:
      | string
      | { type: 'message'; text?: string; attachments: { contentType: string; content: IAdaptiveCard }[] },
  ): Promise<unknown>;
};

type TurnActivity = {
  id?: string;
  serviceUrl?: string;
  channelId: unknown;
  text?: string;
  value?: unknown;
  replyToId?: string;
  attachments?: unknown[];
  from: { aadObjectId?: string; name?: string };
  recipient: { id: string };
  conversation: { id: string; tenantId?: string; conversationType?: unknown };
  channelData?: { tenant?: { id: string } };
  /** The sender's IANA time zone (Teams message activities). */
  localTimezone?: string;
};

const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A file the employee attached in a 1:1 chat (the manifest's bot has supportsFiles). */
function fileAttachment(attachments: unknown[] | undefined): FileAttachment | null {
  for (const attachment of attachments ?? []) {
    const candidate = attachment as {
      contentType?: unknown;
      name?: unknown;
      content?: { downloadUrl?: unknown; fileType?: unknown };
    };
    if (candidate.contentType === FILE_DOWNLOAD_INFO && typeof candidate.content?.downloadUrl === 'string') {
      return {
        name:
          typeof candidate.name === 'string'
            ? candidate.name
            : `attachment.${String(candidate.content.fileType ?? 'txt')}`,
        downloadUrl: candidate.content.downloadUrl,
        contentType: null,
      };
    }
  }
  return null;
}

export function cardActivity(content: IAdaptiveCard, text?: string) {
  return {
    type: 'message' as const,
    ...(text === undefined ? {} : { text }),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
  };
}

async function sendAll(sender: Sender, messages: Outgoing[]): Promise<void> {
  for (const message of messages)
    await sender.send(
      message.kind === 'text' ? safeCardText(message.text) : cardActivity(message.card, message.text),
    );
}

/** Wires Practica's conversation onto a Teams SDK app. Handlers stay thin: identify, act once, reply. */
export function registerBot(app: App, deps: BotDependencies): void {
  async function whoIsThis(activity: TurnActivity, sender: Sender): Promise<Person | null> {
    const who = await identify(deps.store, activity);
    if (who.kind === 'unknown-tenant') {
      deps.logger.info('Refused an activity from a tenant that is not set up', { tenantId: who.tenantId });
      await sender.send(UNKNOWN_TENANT_TEXT);
      return null;
    }
    if (who.kind === 'unknown-person') {
      await sender.send(UNKNOWN_PERSON_TEXT);
      return null;
    }
    const stored = who.person.conversationReference;
    const { conversationType } = activity.conversation;
    const type = typeof conversationType === 'string' ? conversationType : undefined;
    const timeZone = activity.localTimezone ?? stored?.timeZone;
    if (
      activity.serviceUrl &&
      (stored?.conversationId !== activity.conversation.id ||
        stored.conversationType !== type ||
        stored.timeZone !== timeZone)
    ) {
      await deps.store.people.saveConversationReference(who.tenantId, who.person.id, {
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        botId: activity.recipient.id,
        channelId: String(activity.channelId),
        // Answers are streamed only into a 1:1 chat, the one place Teams streams bot messages.
        ...(type ? { conversationType: type } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
      await deps.nudges?.markReachable(who.tenantId, who.person.id);
    }
    return who.person;
  }

  app.on('install.add', async (context) => {
    const person = await whoIsThis(context.activity, context);
    if (!person) return;
    // Installed (again): a conversation Teams refused after an uninstall can be written to once more.
    await deps.nudges?.markReachable(person.tenantId, person.id);
    await context.send(cardActivity(await buildHomeCard(deps, person)));
  });

  app.on('message', async (context) => {
    const { activity } = context;
    const person = await whoIsThis(activity, context);
    if (!person) return;
    const submission = parseCardSubmission(activity.value);
    if (submission) {
      const { command } = submission;
      const turn =
        command.op === 'capture' || command.op === 'capture_stop'
          ? await handleCaptureCommand(deps, person, command)
          : await handleCardCommand(deps, person, command, submission.inputs, { activityId: activity.id });
      await sendAll(context, [...turn.before, { kind: 'card', card: turn.card }]);
      return;
    }
    const file = fileAttachment(activity.attachments);
    if (file) {
      const captured = await handleCaptureFile(deps, person, file, activity.id);
      await sendAll(context, captured ?? (await handleFile(deps, person, file, activity.id)));
      return;
    }
    const text = (activity.text ?? '').trim();
    if (text === '') {
      await context.send(EMPTY_MESSAGE_TEXT);
      return;
    }
    const nudgeAnswer = await handleNudgeReply(deps, person, text);
    if (nudgeAnswer) {
      await sendAll(context, [nudgeAnswer]);
      return;
    }
    const captured = await handleCaptureText(deps, person, text, activity.id);
    await sendAll(context, captured ?? (await handleText(deps, person, text, activity.id)));
  });

  app.on('card.action', async (context) => {
    const { activity } = context;
    const person = await whoIsThis(activity, context);
    const submission = parseCardSubmission(activity.value?.action?.data);
    if (!person || !submission) {
      const message = person
        ? 'This card is not one Practica understands any more. Type **help** to start again.'
        : 'Practica cannot act for you here.';
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: noticeCard(message) };
    }
    const { command } = submission;
    const turn =
      command.op === 'capture' || command.op === 'capture_stop'
        ? await handleCaptureCommand(deps, person, command)
        : await handleCardCommand(deps, person, command, submission.inputs, {
            activityId: activity.id,
            replyMessageId: activity.replyToId,
          });
    await sendAll(context, turn.before);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: turn.card };
  });
}
