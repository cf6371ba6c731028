import { and, desc, eq, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import type { Review, ReviewCandidate, ReviewRepository } from '../../core';
import type { Db } from '../database';
import { people, reviews, sessions, workflows } from '../schema';

type Row = typeof reviews.$inferSelect;

function toReview(row: Row): Review {
  return {
    ...row,
    scores: row.scores as Record<string, number>,
  };
}

function sharedAtOf(feedback: unknown): Date | null {
  const givenAt = (feedback as { givenAt?: unknown } | null)?.givenAt;
  return typeof givenAt === 'string' ? new Date(givenAt) : null;
}

export function reviewRepository(db: Db): ReviewRepository {
  const byReviewer = async (tenantId: string, sessionId: string, reviewerId: string) => {
    const rows = await db
      .select()
      .from(reviews)
      .where(
        and(
          eq(reviews.tenantId, tenantId),
          eq(reviews.sessionId, sessionId),
          eq(reviews.reviewerId, reviewerId),
        ),
      )
      .limit(1);
    return rows[0] ? toReview(rows[0]) : null;
  };

  return {
    async addIfFirst(review) {
      // The session row's lock makes a second, concurrent review by the same reviewer wait and then see the first.
      await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.tenantId, review.tenantId), eq(sessions.id, review.sessionId)))
        .for('update');
      if (await byReviewer(review.tenantId, review.sessionId, review.reviewerId)) return false;
      await db.insert(reviews).values(review);
      return true;
    },
    async get(tenantId, reviewId) {
      const rows = await db
        .select()
        .from(reviews)
        .where(and(eq(reviews.tenantId, tenantId), eq(reviews.id, reviewId)));
      return rows[0] ? toReview(rows[0]) : null;
    },
    findByReviewer: byReviewer,
    async listForSession(tenantId, sessionId) {
      const rows = await db
        .select()
        .from(reviews)
        .where(and(eq(reviews.tenantId, tenantId), eq(reviews.sessionId, sessionId)))
        .orderBy(reviews.createdAt);
      return rows.map(toReview);
    },
    async listCandidates(tenantId, reviewerId, limit) {
      const rows = await db
        .select({
          sessionId: sessions.id,
          ownerId: sessions.personId,
          ownerName: people.displayName,
          ownerManagerId: people.managerId,
          workflowId: sessions.workflowId,
          workflowVersionId: sessions.workflowVersionId,
          workflowTitle: workflows.title,
          workflowAuthorId: workflows.authorId,
          sharedForReview: sessions.sharedForReview,
          completedAt: sessions.completedAt,
          feedback: sessions.feedback,
        })
        .from(sessions)
        .innerJoin(people, and(eq(people.tenantId, sessions.tenantId), eq(people.id, sessions.personId)))
        .innerJoin(
          workflows,
          and(eq(workflows.tenantId, sessions.tenantId), eq(workflows.id, sessions.workflowId)),
        )
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.status, 'completed'),
            eq(sessions.sharedForReview, true),
            isNull(sessions.contentPurgedAt),
            ne(sessions.personId, reviewerId),
            or(eq(people.managerId, reviewerId), eq(workflows.authorId, reviewerId)),
            notExists(
              db
                .select({ one: sql`1` })
                .from(reviews)
                .where(
                  and(
                    eq(reviews.tenantId, sessions.tenantId),
                    eq(reviews.sessionId, sessions.id),
                    eq(reviews.reviewerId, reviewerId),
                  ),
                ),
            ),
          ),
        )
        .orderBy(desc(sessions.completedAt))
        .limit(limit);
      return rows.map(({ feedback, ...row }): ReviewCandidate => ({
        ...row,
        sharedAt: sharedAtOf(feedback),
      }));
    },
  };
}
