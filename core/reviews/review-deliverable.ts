import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { sessionAsSeenBy } from '../sessions';
import { REVIEW_NOTICE_JOB, type Review, type ReviewerRole } from './review';
import { validateReview, type ReviewInput } from './review-scores';

export type ReviewResult = { review: Review; reviewerRole: ReviewerRole; ownerId: string };

const NOT_SHARED_WITH_YOU = 'No deliverable shared with you for review has that id.';

/**
 * A reviewer scores a shared deliverable against the pinned version's rubric. Only the owner's manager or the
 * workflow's author, and only once shared (anyone else, and a reviewer of an unshared deliverable, is told it
 * does not exist). One review per reviewer per session: a second is refused, so the score the employee was
 * told about and the statement the LMS received stay the only ones. The review row, the `session.reviewed`
 * event, the audit entry and the job that tells the employee are written in one transaction.
 */
export async function reviewDeliverable(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  reviewerId: string;
  sessionId: string;
  input: ReviewInput;
}): Promise<ReviewResult> {
  const { store, tenantId, reviewerId } = options;
  const { session, version, role } = await sessionAsSeenBy({
    ...options,
    viewerId: reviewerId,
    notFoundMessage: NOT_SHARED_WITH_YOU,
  });
  if (role === 'owner')
    throw new AppError(
      'forbidden',
      'You cannot review your own deliverable; your self-rating already counts for it.',
    );
  if (session.status !== 'completed' || !version)
    throw new AppError('conflict', 'This session is not finished, so there is no deliverable to review yet.');
  if (session.contentPurgedAt || !session.deliverable)
    throw new AppError(
      'conflict',
      'This deliverable was deleted after the retention period, so it can no longer be reviewed.',
    );
  const valid = validateReview(version.definition.rubric, options.input);
  const now = options.clock.now();
  const review: Review = {
    id: options.ids.uuid(),
    tenantId,
    sessionId: session.id,
    reviewerId,
    ...valid,
    createdAt: now,
  };
  await store.transaction(async (tx) => {
    if (!(await tx.reviews.addIfFirst(review)))
      throw new AppError(
        'conflict',
        'You have already reviewed this deliverable; a review cannot be changed once the employee was told.',
      );
    await tx.events.append({
      id: options.ids.uuid(),
      tenantId,
      type: 'session.reviewed',
      personId: session.personId,
      sessionId: session.id,
      workflowId: session.workflowId,
      occurredAt: now,
      data: {
        reviewId: review.id,
        meanScore: review.meanScore,
        scores: review.scores,
        reviewerId,
        reviewerRole: role,
        workflowVersionId: session.workflowVersionId,
        skillArea: version.definition.skillArea,
      },
    });
    await tx.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: reviewerId,
      action: 'deliverable.reviewed',
      subjectPersonId: session.personId,
      details: { sessionId: session.id, reviewId: review.id, reviewerRole: role },
      at: now,
    });
    await tx.jobs.enqueue({
      tenantId,
      kind: REVIEW_NOTICE_JOB,
      payload: { reviewId: review.id },
      runAt: now,
      maxAttempts: 5,
    });
  });
  return { review, reviewerRole: role, ownerId: session.personId };
}
