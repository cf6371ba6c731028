import type { Viewer } from '../access';
import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { startSession } from './start-session';

/** The job that posts a session's first card to the employee's chat with the bot. */
export const FIRST_CARD_JOB = 'session.first_card';

export const NOT_IN_CHAT_MESSAGE =
  'Practica cannot write to you in Teams yet. Open your chat with Practica once (say hello), then try again.';

/**
 * "Start in chat" from the tab: opens the session as the bot's start button does and queues its first card
 * for the employee's chat (a deep link cannot carry the choice of workflow). The same `requestId` twice (a
 * double click, a retried request) answers with the session the first request opened.
 */
export async function startSessionInChat(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  workflowId: string;
  requestId: string;
  llmAvailable: boolean;
}): Promise<{ sessionId: string; alreadyStarted: boolean }> {
  const { viewer, workflowId } = options;
  const { tenantId, id: personId } = viewer.person;
  const workflow = await options.store.workflows.get(tenantId, workflowId);
  if (!workflow || workflow.status !== 'published')
    throw new AppError('not_found', 'That workflow is not available any more.');
  const person = await options.store.people.get(tenantId, personId);
  if (!person?.conversationReference) throw new AppError('conflict', NOT_IN_CHAT_MESSAGE);
  return options.store.transaction(async (tx) => {
    const started = await startSession({
      store: tx,
      clock: options.clock,
      ids: options.ids,
      tenantId,
      personId,
      workflowId,
      llmAvailable: options.llmAvailable,
      activityId: `tab-start:${options.requestId}`,
    });
    if (started.kind === 'duplicate') {
      const [current] = (await tx.sessions.findActiveForPerson(tenantId, personId)).filter(
        (session) => session.workflowId === workflowId,
      );
      if (!current)
        throw new AppError('conflict', 'That request was already answered; start the workflow again.');
      return { sessionId: current.id, alreadyStarted: true };
    }
    await tx.jobs.enqueue({
      tenantId,
      kind: FIRST_CARD_JOB,
      payload: { sessionId: started.session.id },
      runAt: options.clock.now(),
      maxAttempts: 5,
    });
    return { sessionId: started.session.id, alreadyStarted: false };
  });
}
