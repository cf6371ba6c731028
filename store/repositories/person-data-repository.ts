import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  FORMER_COLLEAGUE_ID,
  type Certificate,
  type CertificateSource,
  type ConversationReference,
  type DomainEvent,
  type DomainEventType,
  type ErasureCounts,
  type EvidenceRef,
  type Level,
  type LevelChange,
  type LevelChangeReason,
  type OutboxStatus,
  type PersonDataRepository,
  type PersonDataSnapshot,
  type PersonStatement,
  type Review,
  type Role,
  type Session,
  type SessionFeedback,
  type SessionPhase,
  type SessionStatus,
  type StepRecord,
} from '../../core';
import type { Db } from '../database';
import { credentialRepository, revokeErasedHoldersCredentials } from './credential-repository';
import {
  auditLog,
  captureInterviews,
  certificates,
  events,
  jobs,
  levelChanges,
  levels,
  nudgeDeliveries,
  nudgePreferences,
  people,
  personWeekRollups,
  personWorkflowWeekRollups,
  reviews,
  sessions,
  workflowDrafts,
  workflows,
  workflowVersions,
  xapiOutbox,
} from '../schema';
import { toInterview } from './capture-interview-repository';
import { kinds } from './nudge-repository';
import { applyTenantWeekChanges } from './tenant-week-sums';

/** One place that knows every table holding a person's data (see person-data-coverage.ts). */
export function personDataRepository(db: Db): PersonDataRepository {
  return {
    snapshot: (tenantId, personId) =>
      // One moment's picture: without it a session started between two of the reads would show its events
      // but not itself. (Inside an erasure's transaction this is a savepoint of it instead.)
      db.transaction((tx) => readSnapshot(tx as unknown as Db, tenantId, personId), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      }),
    async lockForErasure(tenantId, personId) {
      // FOR UPDATE conflicts with the key-share lock a transaction takes on the person when it adds a row that
      // references them (a session, a nudge, a capture interview) and with any update of the person.
      const [locked] = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
        .for('update');
      return locked !== undefined;
    },
    async erase(tenantId, personId) {
      const changed: ErasureCounts = {};
      const count = (table: string, rows: unknown[]) => {
        if (rows.length > 0) changed[table] = (changed[table] ?? 0) + rows.length;
      };
      const ownSessions = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId)));
      const sessionIds = ownSessions.map((row) => row.id);
      const reviewsOfThem =
        sessionIds.length === 0
          ? []
          : await db
              .select({ id: reviews.id })
              .from(reviews)
              .where(and(eq(reviews.tenantId, tenantId), inArray(reviews.sessionId, sessionIds)));

      // Jobs first: a payload may name the person, one of their sessions or a review of their deliverable.
      for (const id of [personId, ...sessionIds, ...reviewsOfThem.map((row) => row.id)]) {
        count(
          'jobs',
          await db
            .delete(jobs)
            .where(and(eq(jobs.tenantId, tenantId), sql`${jobs.payload}::text like ${`%${id}%`}`))
            .returning({ id: jobs.id }),
        );
      }
      count(
        'reviews',
        await db
          .update(reviews)
          .set({ reviewerId: FORMER_COLLEAGUE_ID, comment: null })
          .where(and(eq(reviews.tenantId, tenantId), eq(reviews.reviewerId, personId)))
          .returning({ id: reviews.id }),
      );
      count('reviews', reviewsOfThem);
      count(
        'sessions',
        await db
          .delete(sessions)
          .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId)))
          .returning({ id: sessions.id }),
      );
      count(
        'events',
        await db
          .delete(events)
          .where(and(eq(events.tenantId, tenantId), eq(events.personId, personId)))
          .returning({ id: events.id }),
      );
      count(
        'levels',
        await db
          .delete(levels)
          .where(and(eq(levels.tenantId, tenantId), eq(levels.personId, personId)))
          .returning({ skillArea: levels.skillArea }),
      );
      count(
        'level_changes',
        await db
          .delete(levelChanges)
          .where(and(eq(levelChanges.tenantId, tenantId), eq(levelChanges.personId, personId)))
          .returning({ id: levelChanges.id }),
      );
      count(
        'certificates',
        await db
          .delete(certificates)
          .where(and(eq(certificates.tenantId, tenantId), eq(certificates.personId, personId)))
          .returning({ id: certificates.id }),
      );
      count('credentials', await revokeErasedHoldersCredentials(db, tenantId, personId));
      const removedStatements = await db
        .delete(xapiOutbox)
        .where(and(eq(xapiOutbox.tenantId, tenantId), eq(xapiOutbox.personId, personId)))
        .returning(statementColumns);
      count('xapi_outbox', removedStatements);
      const erasedWeeks = await db
        .delete(personWeekRollups)
        .where(and(eq(personWeekRollups.tenantId, tenantId), eq(personWeekRollups.personId, personId)))
        .returning();
      await applyTenantWeekChanges(db, tenantId, erasedWeeks, []);
      count('person_week_rollups', erasedWeeks);
      count(
        'person_workflow_week_rollups',
        await db
          .delete(personWorkflowWeekRollups)
          .where(
            and(
              eq(personWorkflowWeekRollups.tenantId, tenantId),
              eq(personWorkflowWeekRollups.personId, personId),
            ),
          )
          .returning({ weekStart: personWorkflowWeekRollups.weekStart }),
      );
      count(
        'workflow_drafts',
        await db
          .update(workflowDrafts)
          .set({ updatedBy: FORMER_COLLEAGUE_ID })
          .where(and(eq(workflowDrafts.tenantId, tenantId), eq(workflowDrafts.updatedBy, personId)))
          .returning({ workflowId: workflowDrafts.workflowId }),
      );
      count(
        'workflows',
        await db
          .update(workflows)
          .set({ authorId: FORMER_COLLEAGUE_ID })
          .where(and(eq(workflows.tenantId, tenantId), eq(workflows.authorId, personId)))
          .returning({ id: workflows.id }),
      );
      count(
        'workflow_versions',
        await db
          .update(workflowVersions)
          .set({ publishedBy: FORMER_COLLEAGUE_ID })
          .where(and(eq(workflowVersions.tenantId, tenantId), eq(workflowVersions.publishedBy, personId)))
          .returning({ id: workflowVersions.id }),
      );
      // Other people's records that mention them by id (a reviewer, an attester, an author) keep the fact.
      const mentions = (column: unknown) => sql`${column}::text like ${`%${personId}%`}`;
      const renamed = (column: unknown) =>
        sql`replace(${column}::text, ${personId}, ${FORMER_COLLEAGUE_ID})::jsonb`;
      count(
        'events',
        await db
          .update(events)
          .set({ data: renamed(events.data) })
          .where(and(eq(events.tenantId, tenantId), mentions(events.data)))
          .returning({ id: events.id }),
      );
      count(
        'levels',
        await db
          .update(levels)
          .set({ evidence: renamed(levels.evidence) })
          .where(and(eq(levels.tenantId, tenantId), mentions(levels.evidence)))
          .returning({ personId: levels.personId }),
      );
      count(
        'level_changes',
        await db
          .update(levelChanges)
          .set({ evidence: renamed(levelChanges.evidence) })
          .where(and(eq(levelChanges.tenantId, tenantId), mentions(levelChanges.evidence)))
          .returning({ id: levelChanges.id }),
      );
      const [erased] = await db
        .select({ aadObjectId: people.aadObjectId })
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
      if (erased)
        count(
          'people',
          await db
            .update(people)
            .set({ managerAadObjectId: null })
            .where(and(eq(people.tenantId, tenantId), eq(people.managerAadObjectId, erased.aadObjectId)))
            .returning({ id: people.id }),
        );
      count(
        'people',
        await db
          .delete(people)
          .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
          .returning({ id: people.id }),
      );
      return { changed, statements: removedStatements.map(toPersonStatement) };
    },
  };
}

async function readSnapshot(db: Db, tenantId: string, personId: string): Promise<PersonDataSnapshot | null> {
  const [personRow] = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!personRow) return null;
  const sessionRows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId)))
    .orderBy(sessions.startedAt);
  const sessionIds = sessionRows.map((row) => row.id);
  const received =
    sessionIds.length === 0
      ? []
      : await db
          .select()
          .from(reviews)
          .where(and(eq(reviews.tenantId, tenantId), inArray(reviews.sessionId, sessionIds)));
  const given = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.tenantId, tenantId), eq(reviews.reviewerId, personId)));
  const eventRows = await db
    .select()
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.personId, personId)))
    .orderBy(events.seq);
  const attestedRows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        eq(events.type, 'practice.attested'),
        sql`${events.data}->>'attestedBy' = ${personId}`,
      ),
    )
    .orderBy(events.seq);
  const levelRows = await db
    .select()
    .from(levels)
    .where(and(eq(levels.tenantId, tenantId), eq(levels.personId, personId)));
  const changeRows = await db
    .select()
    .from(levelChanges)
    .where(and(eq(levelChanges.tenantId, tenantId), eq(levelChanges.personId, personId)))
    .orderBy(levelChanges.at);
  const certificateRows = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.personId, personId)));
  const authored = await db
    .select({ id: workflows.id, title: workflows.title, status: workflows.status })
    .from(workflows)
    .where(and(eq(workflows.tenantId, tenantId), eq(workflows.authorId, personId)));
  const interviewRows = await db
    .select()
    .from(captureInterviews)
    .where(and(eq(captureInterviews.tenantId, tenantId), eq(captureInterviews.authorId, personId)))
    .orderBy(captureInterviews.createdAt);
  const [preferencesRow] = await db
    .select()
    .from(nudgePreferences)
    .where(and(eq(nudgePreferences.tenantId, tenantId), eq(nudgePreferences.personId, personId)));
  const deliveryRows = await db
    .select()
    .from(nudgeDeliveries)
    .where(and(eq(nudgeDeliveries.tenantId, tenantId), eq(nudgeDeliveries.personId, personId)))
    .orderBy(nudgeDeliveries.sentAt);
  const statementRows = await db
    .select(statementColumns)
    .from(xapiOutbox)
    .where(and(eq(xapiOutbox.tenantId, tenantId), eq(xapiOutbox.personId, personId)))
    .orderBy(xapiOutbox.createdAt);
  const auditRows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.subjectPersonId, personId)))
    .orderBy(auditLog.at);

  return {
    person: {
      ...personRow,
      roles: personRow.roles as Role[],
      conversationReference: (personRow.conversationReference as ConversationReference | null) ?? null,
    },
    sessions: sessionRows.map(toSession),
    reviewsReceived: received.map(toReview),
    reviewsGiven: given.map(toReview),
    levels: levelRows.map((row) => ({
      ...row,
      level: row.level as Level,
      evidence: row.evidence as EvidenceRef[],
    })),
    levelChanges: changeRows.map(toLevelChange),
    events: eventRows.map(toEvent),
    attestationsGiven: attestedRows.map(toEvent),
    certificates: certificateRows.map((row): Certificate => ({
      ...row,
      statementId: row.statementId ?? '',
      source: row.source as CertificateSource,
    })),
    authoredWorkflows: authored,
    credentials: await credentialRepository(db).listForPerson(tenantId, personId),
    captureInterviews: interviewRows.map(toInterview),
    nudgePreferences: preferencesRow
      ? {
          allOff: preferencesRow.allOff,
          kindsOff: kinds(preferencesRow.kindsOff),
          kindsOn: kinds(preferencesRow.kindsOn),
          unreachableSince: preferencesRow.unreachableSince,
          updatedAt: preferencesRow.updatedAt,
        }
      : null,
    nudgesSent: deliveryRows.map((row) => ({ key: row.nudgeKey, kind: row.kind, sentAt: row.sentAt })),
    statements: statementRows.map(toPersonStatement),
    auditEntries: auditRows.map((row) => ({ ...row, details: row.details as Record<string, unknown> })),
  };
}

const statementColumns = {
  target: xapiOutbox.target,
  statementId: xapiOutbox.statementId,
  status: xapiOutbox.status,
  sentAt: xapiOutbox.sentAt,
  lockedBy: xapiOutbox.lockedBy,
  leaseUntil: xapiOutbox.leaseUntil,
};

function toPersonStatement(row: {
  target: string;
  statementId: string;
  status: string;
  sentAt: Date | null;
  lockedBy: string | null;
  leaseUntil: Date | null;
}): PersonStatement {
  return {
    target: row.target,
    statementId: row.statementId,
    status: row.status as OutboxStatus,
    sentAt: row.sentAt,
    inFlightUntil: row.lockedBy ? row.leaseUntil : null,
  };
}

function toSession({ sharedForReview: _shared, ...row }: typeof sessions.$inferSelect): Session {
  return {
    ...row,
    status: row.status as SessionStatus,
    phase: row.phase as SessionPhase,
    steps: row.steps as StepRecord[],
    feedback: (row.feedback as SessionFeedback | null) ?? null,
  };
}

function toReview(row: typeof reviews.$inferSelect): Review {
  return { ...row, scores: row.scores as Record<string, number> };
}

function toEvent({ seq: _seq, ...row }: typeof events.$inferSelect): DomainEvent {
  return { ...row, type: row.type as DomainEventType, data: row.data as Record<string, unknown> };
}

function toLevelChange(row: typeof levelChanges.$inferSelect): LevelChange {
  return {
    ...row,
    fromLevel: row.fromLevel as Level,
    toLevel: row.toLevel as Level,
    reason: row.reason as LevelChangeReason,
    evidence: row.evidence as EvidenceRef[],
  };
}
