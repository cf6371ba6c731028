import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type {
  Session,
  SessionFeedback,
  SessionPhase,
  SessionRepository,
  SessionStatus,
  StepRecord,
} from '../../core';
import { rowsOf, toNumber, type Db } from '../database';
import { columnPlaceholders, prebuiltStatement } from '../prebuilt-statement';
import { sessions } from '../schema';

type SessionRow = typeof sessions.$inferSelect;
type SessionInsert = typeof sessions.$inferInsert;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    tenantId: row.tenantId,
    personId: row.personId,
    workflowId: row.workflowId,
    workflowVersionId: row.workflowVersionId,
    trial: row.trial,
    status: row.status as SessionStatus,
    phase: row.phase as SessionPhase,
    currentStepIndex: row.currentStepIndex,
    steps: row.steps as StepRecord[],
    deliverable: row.deliverable,
    feedback: (row.feedback as SessionFeedback | null) ?? null,
    activeMs: row.activeMs,
    lastActivityAt: row.lastActivityAt,
    version: row.version,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    contentPurgedAt: row.contentPurgedAt,
  };
}

function toRow(session: Session): Required<SessionInsert> {
  return { ...session, sharedForReview: session.feedback?.sharedForReview ?? false };
}

// The statements of every turn, built once (prebuilt-statement.ts); a session row names every column.
const everyColumn = columnPlaceholders(sessions);
const everyChangeableColumn = columnPlaceholders(sessions, ['id', 'tenantId']);
/** The sessions of the person the statement is given. */
const ofPerson = () => [
  eq(sessions.tenantId, sql.placeholder('tenantId')),
  eq(sessions.personId, sql.placeholder('personId')),
];

const getSession = prebuiltStatement<{ tenantId: string; sessionId: string }, SessionRow[]>((db) =>
  db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.tenantId, sql.placeholder('tenantId')), eq(sessions.id, sql.placeholder('sessionId'))),
    ),
);

const createSession = prebuiltStatement<Required<SessionInsert>, unknown>((db) =>
  db.insert(sessions).values(everyColumn),
);

const compareAndSetSession = prebuiltStatement<
  Required<SessionInsert> & { readVersion: number },
  { id: string }[]
>((db) =>
  db
    .update(sessions)
    // Drizzle encodes a placeholder in `set` as it does in `values`, though its types leave placeholders out.
    .set(everyChangeableColumn as unknown as Partial<SessionInsert>)
    .where(
      and(
        eq(sessions.tenantId, sql.placeholder('tenantId')),
        eq(sessions.id, sql.placeholder('id')),
        eq(sessions.version, sql.placeholder('readVersion')),
      ),
    )
    .returning({ id: sessions.id }),
);

const activeForPerson = prebuiltStatement<{ tenantId: string; personId: string }, SessionRow[]>((db) =>
  db
    .select()
    .from(sessions)
    .where(and(...ofPerson(), eq(sessions.status, 'active')))
    .orderBy(sessions.updatedAt),
);

const currentForPerson = prebuiltStatement<{ tenantId: string; personId: string }, SessionRow[]>((db) =>
  db
    .select()
    .from(sessions)
    .where(
      and(
        ...ofPerson(),
        or(
          inArray(sessions.status, ['active', 'paused']),
          and(eq(sessions.status, 'completed'), eq(sessions.phase, 'feedback')),
        ),
      ),
    )
    .orderBy(sql`(${sessions.status} = 'active') desc`, desc(sessions.updatedAt))
    .limit(1),
);

export function sessionRepository(db: Db): SessionRepository {
  return {
    async get(tenantId, sessionId) {
      const rows = await getSession(db, { tenantId, sessionId });
      return rows[0] ? toSession(rows[0]) : null;
    },

    async create(session) {
      await createSession(db, toRow(session));
    },

    async compareAndSet(session) {
      const updated = await compareAndSetSession(db, { ...toRow(session), readVersion: session.version - 1 });
      return updated.length === 1;
    },

    async findActiveForPerson(tenantId, personId) {
      const rows = await activeForPerson(db, { tenantId, personId });
      return rows.map(toSession);
    },

    async findCurrentForPerson(tenantId, personId) {
      const rows = await currentForPerson(db, { tenantId, personId });
      return rows[0] ? toSession(rows[0]) : null;
    },

    async listIdle(tenantId, before, limit) {
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            inArray(sessions.status, ['active', 'paused']),
            lt(sessions.lastActivityAt, before),
          ),
        )
        .orderBy(asc(sessions.lastActivityAt))
        .limit(limit);
      return rows.map(toSession);
    },

    async listForPerson(tenantId, personId, options) {
      const after = options.after;
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            eq(sessions.personId, personId),
            // A trial is the author's private rehearsal of a draft: not part of their record.
            eq(sessions.trial, false),
            options.sharedOnly ? eq(sessions.sharedForReview, true) : undefined,
            after
              ? or(
                  lt(sessions.startedAt, after.at),
                  and(eq(sessions.startedAt, after.at), lt(sessions.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(sessions.startedAt), desc(sessions.id))
        .limit(options.limit);
      return rows.map(toSession);
    },

    async listWithContentBefore(tenantId, before, limit) {
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            inArray(sessions.status, ['completed', 'abandoned']),
            isNull(sessions.contentPurgedAt),
            lt(sessions.updatedAt, before),
          ),
        )
        .orderBy(asc(sessions.updatedAt))
        .limit(limit);
      return rows.map(toSession);
    },

    async usageByWorkflow(tenantId) {
      const result = await db.execute(sql`
        select s.workflow_id as "workflowId",
               count(*) as completions,
               count(distinct s.person_id) filter (where s.person_id <> w.author_id) as colleagues,
               percentile_cont(0.5) within group (
                 order by (s.feedback->>'manualMinutes')::int - (s.feedback->>'minutesTaken')::int
               ) filter (where s.feedback is not null) as "medianMinutesSaved",
               avg((s.feedback->>'meanRating')::float) filter (where s.feedback is not null) as "meanRating"
        from sessions s join workflows w on w.id = s.workflow_id and w.tenant_id = s.tenant_id
        where s.tenant_id = ${tenantId} and s.status = 'completed' and not s.trial
        group by s.workflow_id`);
      return rowsOf<Record<string, unknown>>(result).map((row) => ({
        workflowId: String(row.workflowId),
        completions: toNumber(row.completions),
        colleagues: toNumber(row.colleagues),
        medianMinutesSaved:
          row.medianMinutesSaved === null ? null : Math.round(toNumber(row.medianMinutesSaved)),
        meanRating: row.meanRating === null ? null : Math.round(toNumber(row.meanRating) * 10) / 10,
      }));
    },

    async usageByVersion(tenantId, workflowId) {
      const result = await db.execute(sql`
        select s.workflow_version_id as "workflowVersionId",
               count(*) as started,
               count(*) filter (where s.status = 'completed') as completed,
               count(*) filter (where s.status = 'abandoned') as abandoned,
               percentile_cont(0.5) within group (
                 order by (s.feedback->>'manualMinutes')::int - (s.feedback->>'minutesTaken')::int
               ) filter (where s.status = 'completed' and s.feedback is not null) as "medianMinutesSaved",
               avg((s.feedback->>'meanRating')::float)
                 filter (where s.status = 'completed' and s.feedback is not null) as "meanRating"
        from sessions s
        where s.tenant_id = ${tenantId} and s.workflow_id = ${workflowId} and not s.trial
        group by s.workflow_version_id`);
      return rowsOf<Record<string, unknown>>(result).map((row) => ({
        workflowVersionId: String(row.workflowVersionId),
        started: toNumber(row.started),
        completed: toNumber(row.completed),
        abandoned: toNumber(row.abandoned),
        medianMinutesSaved:
          row.medianMinutesSaved === null ? null : Math.round(toNumber(row.medianMinutesSaved)),
        meanRating: row.meanRating === null ? null : Math.round(toNumber(row.meanRating) * 10) / 10,
      }));
    },
  };
}
