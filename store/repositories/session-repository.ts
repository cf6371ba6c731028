import { and, eq } from 'drizzle-orm';
import type { Session, SessionRepository, SessionStatus, StepRecord } from '../../core';
import type { Db } from '../database';
import { sessions } from '../schema';

type SessionRow = typeof sessions.$inferSelect;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    tenantId: row.tenantId,
    personId: row.personId,
    workflowId: row.workflowId,
    workflowVersionId: row.workflowVersionId,
    status: row.status as SessionStatus,
    currentStepIndex: row.currentStepIndex,
    steps: row.steps as StepRecord[],
    deliverable: row.deliverable,
    version: row.version,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    contentPurgedAt: row.contentPurgedAt,
  };
}

export function sessionRepository(db: Db): SessionRepository {
  return {
    async get(tenantId, sessionId) {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
      return rows[0] ? toSession(rows[0]) : null;
    },

    async create(session) {
      await db.insert(sessions).values(session);
    },

    async compareAndSet(session) {
      const { id, tenantId, ...changes } = session;
      const updated = await db
        .update(sessions)
        .set(changes)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.id, id),
            eq(sessions.version, session.version - 1),
          ),
        )
        .returning({ id: sessions.id });
      return updated.length === 1;
    },

    async findActiveForPerson(tenantId, personId) {
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.personId, personId),
            eq(sessions.status, 'active'),
          ),
        )
        .orderBy(sessions.updatedAt);
      return rows.map(toSession);
    },
  };
}
