import { AppError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Session } from '../sessions';
import { SHARE_NOTICE_JOB } from './review';

export type ShareResult = { session: Session; alreadyShared: boolean };

const ATTEMPTS = 3;

/**
 * The owner shares a finished deliverable with their manager and the workflow's author after the fact (the
 * feedback card can share it too). Only once feedback was given: the feedback answer itself says whether it
 * is shared, so sharing before it would be overwritten. Sharing twice changes nothing. Cannot be undone here.
 */
export async function shareForReview(options: {
  store: Store;
  clock: Clock;
  tenantId: string;
  personId: string;
  sessionId: string;
}): Promise<ShareResult> {
  const { store, tenantId } = options;
  for (let attempt = 1; ; attempt++) {
    const session = await store.sessions.get(tenantId, options.sessionId);
    if (!session || session.personId !== options.personId)
      throw new AppError('not_found', 'No session of yours has that id.');
    if (session.trial)
      throw new AppError('conflict', 'A trial of your own draft is private: it cannot be shared for review.');
    if (session.status !== 'completed')
      throw new AppError('conflict', 'Finish the session first: only a completed deliverable can be shared.');
    if (!session.feedback)
      throw new AppError(
        'conflict',
        'Give your feedback in the chat first; its last question is whether to share the deliverable.',
      );
    if (session.contentPurgedAt || !session.deliverable)
      throw new AppError(
        'conflict',
        'This deliverable was deleted after the retention period, so there is nothing left to share.',
      );
    if (session.feedback.sharedForReview) return { session, alreadyShared: true };
    const now = options.clock.now();
    const shared: Session = {
      ...session,
      feedback: { ...session.feedback, sharedForReview: true },
      version: session.version + 1,
      updatedAt: now,
    };
    const written = await store.transaction(async (tx) => {
      if (!(await tx.sessions.compareAndSet(shared))) return false;
      await tx.jobs.enqueue({
        tenantId,
        kind: SHARE_NOTICE_JOB,
        payload: { sessionId: session.id },
        runAt: now,
        maxAttempts: 5,
      });
      return true;
    });
    if (written) return { session: shared, alreadyShared: false };
    if (attempt >= ATTEMPTS)
      throw new AppError('conflict', 'This session changed while it was being shared; please try again.');
  }
}
