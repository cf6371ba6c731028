import { sessionCard, type ConversationMessenger } from '../../bot';
import { describeSession, FIRST_CARD_JOB, PermanentJobError, type Store } from '../../core';
import type { JobDefinition } from './job-definition';

export const STARTED_FROM_TAB_NOTE =
  'You started this from the Practica tab. Your work is saved at every step.';

/**
 * Posts the first card of a session started from the tab ("Start in chat") to the employee's chat. A job, so
 * the tab's request never waits on the Bot Connector and a failed post is retried.
 */
export function sessionFirstCardJob(options: {
  store: Store;
  messenger: ConversationMessenger;
}): JobDefinition {
  const { store, messenger } = options;
  return {
    kind: FIRST_CARD_JOB,
    async run(job, { logger }) {
      const { sessionId } = job.payload;
      if (typeof sessionId !== 'string') throw new PermanentJobError('first card without a session id');
      const session = await store.sessions.get(job.tenantId, sessionId);
      if (!session || session.status === 'abandoned' || session.status === 'completed') {
        logger.info('First card skipped: the session has ended or is gone', { sessionId });
        return;
      }
      const [person, version] = await Promise.all([
        store.people.get(job.tenantId, session.personId),
        store.workflows.getVersion(job.tenantId, session.workflowVersionId),
      ]);
      if (!person?.conversationReference || !version)
        throw new PermanentJobError('first card: no conversation with the person, or the version is gone');
      await messenger.sendCard(
        person.conversationReference,
        sessionCard(describeSession(session, version.definition), STARTED_FROM_TAB_NOTE),
      );
      logger.info('First card sent', { sessionId });
    },
  };
}
