import { reviewNoticeCard, shareNoticeCard, type ConversationMessenger } from '../../bot';
import {
  deliverableParties,
  deliverableRole,
  managerVisibilityOf,
  PermanentJobError,
  REVIEW_NOTICE_JOB,
  SHARE_NOTICE_JOB,
  type Store,
} from '../../core';
import type { JobDefinition } from './job-definition';

/**
 * After a review, tells the deliverable's owner in their chat with the bot. A job, so the reviewer's request
 * never waits on the Bot Connector and a failed post is retried. Someone the bot has never talked to (no
 * conversation reference) cannot be messaged; the review is in the tab for them.
 */
export function reviewNoticeJob(options: { store: Store; messenger: ConversationMessenger }): JobDefinition {
  const { store, messenger } = options;
  return {
    kind: REVIEW_NOTICE_JOB,
    async run(job, { logger }) {
      const { reviewId } = job.payload;
      if (typeof reviewId !== 'string') throw new PermanentJobError('review notice without a review id');
      const review = await store.reviews.get(job.tenantId, reviewId);
      const session = review ? await store.sessions.get(job.tenantId, review.sessionId) : null;
      if (!review || !session) {
        logger.info('Review notice skipped: the review or its session is gone', { reviewId });
        return;
      }
      const [owner, reviewer, version] = await Promise.all([
        store.people.get(job.tenantId, session.personId),
        store.people.get(job.tenantId, review.reviewerId),
        store.workflows.getVersion(job.tenantId, session.workflowVersionId),
      ]);
      const reference = owner?.conversationReference;
      if (!reference || !version) {
        logger.info('Review notice not sent: no conversation with the owner', { reviewId });
        return;
      }
      await messenger.sendCard(
        reference,
        reviewNoticeCard({
          reviewerName: reviewer?.displayName ?? 'Your reviewer',
          workflowTitle: version.definition.title,
          meanScore: review.meanScore,
          scores: version.definition.rubric.map((criterion) => ({
            criterion: criterion.criterion,
            score: review.scores[criterion.id] ?? 0,
          })),
          comment: review.comment,
        }),
      );
      logger.info('Review notice sent', { reviewId });
    },
  };
}

/**
 * After an employee shares a deliverable from the tab, tells their manager and the workflow's author, each
 * only if the access rule lets them review it and the bot has a conversation with them.
 */
export function shareNoticeJob(options: { store: Store; messenger: ConversationMessenger }): JobDefinition {
  const { store, messenger } = options;
  return {
    kind: SHARE_NOTICE_JOB,
    async run(job, { logger }) {
      const { sessionId } = job.payload;
      if (typeof sessionId !== 'string') throw new PermanentJobError('share notice without a session id');
      const session = await store.sessions.get(job.tenantId, sessionId);
      if (!session) return;
      const [owner, workflow, version, tenant] = await Promise.all([
        store.people.get(job.tenantId, session.personId),
        store.workflows.get(job.tenantId, session.workflowId),
        store.workflows.getVersion(job.tenantId, session.workflowVersionId),
        store.tenants.get(job.tenantId),
      ]);
      const parties = deliverableParties(session, owner, workflow);
      const reviewerIds = [...new Set([parties.ownerManagerId, parties.workflowAuthorId])].filter(
        (id): id is string => id !== null,
      );
      let sent = 0;
      for (const reviewerId of reviewerIds) {
        const role = deliverableRole(parties, reviewerId, managerVisibilityOf(tenant));
        if (role !== 'manager' && role !== 'author') continue;
        const reference = (await store.people.get(job.tenantId, reviewerId))?.conversationReference;
        if (!reference) continue;
        await messenger.sendCard(
          reference,
          shareNoticeCard({
            ownerName: owner?.displayName ?? 'A colleague',
            workflowTitle: version?.definition.title ?? workflow?.title ?? 'a workflow',
            asAuthor: role === 'author',
          }),
        );
        sent++;
      }
      logger.info('Share notices sent', { sessionId, sent });
    },
  };
}
