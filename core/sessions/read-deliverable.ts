import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { sessionAsSeenBy } from './session-as-seen-by';

export type DeliverableDocument = {
  sessionId: string;
  title: string;
  ownerName: string;
  completedAt: Date | null;
  markdown: string;
};

/**
 * A session's deliverable for its owner, or, once the owner shared it for review, for their manager and the
 * workflow's author. Anyone else is told it does not exist. A read of someone else's deliverable is audited.
 */
export async function readDeliverable(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  viewerId: string;
  sessionId: string;
}): Promise<DeliverableDocument> {
  const { store, tenantId, viewerId } = options;
  const { session, owner, version, role } = await sessionAsSeenBy({
    ...options,
    notFoundMessage: 'No deliverable of yours has that id.',
  });
  if (session.deliverable === null || session.deliverable === '') {
    throw new AppError(
      'not_found',
      session.contentPurgedAt
        ? 'This deliverable was deleted after the retention period.'
        : 'This session has no deliverable yet.',
    );
  }
  if (role !== 'owner') {
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewerId,
      action: 'deliverable.read',
      subjectPersonId: session.personId,
      details: { sessionId: session.id },
      at: options.clock.now(),
    });
  }
  return {
    sessionId: session.id,
    title: version?.definition.title ?? 'Deliverable',
    ownerName: owner?.displayName ?? '',
    completedAt: session.completedAt,
    markdown: session.deliverable,
  };
}
