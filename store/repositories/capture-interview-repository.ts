import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CaptureInterview, CaptureInterviewRepository, CaptureStatus } from '../../core';
import type { Db } from '../database';
import { captureInterviews } from '../schema';

type Row = typeof captureInterviews.$inferSelect;

export function toInterview(row: Row): CaptureInterview {
  return {
    id: row.id,
    tenantId: row.tenantId,
    authorId: row.authorId,
    workflowId: row.workflowId,
    status: row.status as CaptureStatus,
    answers: row.answers as CaptureInterview['answers'],
    draftedWith: row.draftedWith as CaptureInterview['draftedWith'],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function captureInterviewRepository(db: Db): CaptureInterviewRepository {
  return {
    async create(interview) {
      await db.insert(captureInterviews).values(interview);
    },

    async compareAndSet(interview) {
      const { id, tenantId, ...changes } = interview;
      const updated = await db
        .update(captureInterviews)
        .set(changes)
        .where(
          and(
            eq(captureInterviews.tenantId, tenantId),
            eq(captureInterviews.id, id),
            eq(captureInterviews.version, interview.version - 1),
          ),
        )
        .returning({ id: captureInterviews.id });
      return updated.length === 1;
    },

    async get(tenantId, interviewId) {
      const rows = await db
        .select()
        .from(captureInterviews)
        .where(and(eq(captureInterviews.tenantId, tenantId), eq(captureInterviews.id, interviewId)));
      return rows[0] ? toInterview(rows[0]) : null;
    },

    async findOpenForAuthor(tenantId, authorId) {
      const rows = await db
        .select()
        .from(captureInterviews)
        .where(
          and(
            eq(captureInterviews.tenantId, tenantId),
            eq(captureInterviews.authorId, authorId),
            inArray(captureInterviews.status, ['interviewing', 'drafting']),
          ),
        )
        .orderBy(desc(captureInterviews.updatedAt))
        .limit(1);
      return rows[0] ? toInterview(rows[0]) : null;
    },
  };
}
