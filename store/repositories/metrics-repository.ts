import { and, asc, eq, gte, inArray, lt, ne, or, sql, type Placeholder } from 'drizzle-orm';
import {
  ROLLUP_EVENT_TYPES,
  SAVED_TIME_KEYS,
  type DomainEvent,
  type DomainEventType,
  type MetricsRepository,
  type PersonWeek,
  type PersonWeekRollup,
  type PersonWorkflowWeekRollup,
  type Rollups,
  type SavedTimeKey,
} from '../../core';
import { rowsOf, toNumber, type Db } from '../database';
import { prebuiltStatement } from '../prebuilt-statement';
import { events, personWeekRollups, personWorkflowWeekRollups } from '../schema';
import { groupSums } from './group-sums';
import { addRollupRows, removeRollupKeys } from './rollup-rewrite';
import { applyTenantWeekChanges, rebuildTenantWeekRollups } from './tenant-week-sums';

type WeekRow = typeof personWeekRollups.$inferSelect;

const SAVED_COLUMNS: Record<SavedTimeKey, keyof WeekRow> = {
  'deeper-analysis': 'savedDeeperAnalysis',
  customers: 'savedCustomers',
  colleagues: 'savedColleagues',
  learning: 'savedLearning',
  other: 'savedOther',
  unstated: 'savedUnstated',
};

function toWeekRow(row: PersonWeekRollup): WeekRow {
  return {
    tenantId: row.tenantId,
    personId: row.personId,
    weekStart: row.weekStart,
    sessionsStarted: row.sessionsStarted,
    workflowsPublished: row.workflowsPublished,
    sessionsCompleted: row.sessionsCompleted,
    qualityScoreCount: row.sessionsScored,
    sessionsMeetingBar: row.sessionsMeetingBar,
    qualityScoreSum: row.scoreSum,
    reviewedSessions: row.reviewedSessions,
    reviewedMeetingBar: row.reviewedMeetingBar,
    reviewerScoreSum: row.reviewerScoreSum,
    manualMinutes: row.manualMinutes,
    actualMinutes: row.actualMinutes,
    savedDeeperAnalysis: row.savedMinutes['deeper-analysis'],
    savedCustomers: row.savedMinutes.customers,
    savedColleagues: row.savedMinutes.colleagues,
    savedLearning: row.savedMinutes.learning,
    savedOther: row.savedMinutes.other,
    savedUnstated: row.savedMinutes.unstated,
    reuseSessions: row.reuseSessions,
    reusedByColleagues: row.reusedByColleagues,
  };
}

function fromWeekRow(row: WeekRow): PersonWeekRollup {
  const savedMinutes = Object.fromEntries(
    SAVED_TIME_KEYS.map((key) => [key, row[SAVED_COLUMNS[key]] as number]),
  ) as Record<SavedTimeKey, number>;
  return {
    tenantId: row.tenantId,
    personId: row.personId,
    weekStart: row.weekStart,
    sessionsStarted: row.sessionsStarted,
    workflowsPublished: row.workflowsPublished,
    sessionsCompleted: row.sessionsCompleted,
    sessionsScored: row.qualityScoreCount,
    sessionsMeetingBar: row.sessionsMeetingBar,
    scoreSum: row.qualityScoreSum,
    reviewedSessions: row.reviewedSessions,
    reviewedMeetingBar: row.reviewedMeetingBar,
    reviewerScoreSum: row.reviewerScoreSum,
    manualMinutes: row.manualMinutes,
    actualMinutes: row.actualMinutes,
    savedMinutes,
    reuseSessions: row.reuseSessions,
    reusedByColleagues: row.reusedByColleagues,
  };
}

function toEvent({ seq: _seq, ...row }: typeof events.$inferSelect): DomainEvent {
  return { ...row, type: row.type as DomainEventType, data: row.data as Record<string, unknown> };
}

const completionsOf = (tenantId: string | Placeholder, personId: string | Placeholder) => [
  eq(events.tenantId, tenantId),
  eq(events.personId, personId),
  eq(events.type, 'session.completed'),
];

/**
 * The events a person's rollups for some weeks are computed from (their own in the window, those of sessions
 * completed in it, and colleagues' reuses of their workflows): read after every start and completion.
 */
const rollupEvidence = prebuiltStatement<
  { tenantId: string; personId: string; from: string; to: string },
  (typeof events.$inferSelect)[]
>((db) => {
  const [tenantId, personId] = [sql.placeholder('tenantId'), sql.placeholder('personId')];
  const inWindow = and(
    gte(events.occurredAt, sql.placeholder('from')),
    lt(events.occurredAt, sql.placeholder('to')),
  );
  const completedInWindow = db
    .select({ sessionId: events.sessionId })
    .from(events)
    .where(and(...completionsOf(tenantId, personId), inWindow));
  const own = db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        eq(events.personId, personId),
        inArray(events.type, [...ROLLUP_EVENT_TYPES]),
        or(inWindow, inArray(events.sessionId, completedInWindow)),
      ),
    );
  const reusesByColleagues = db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        eq(events.type, 'workflow.reused'),
        inWindow,
        sql`${events.data}->>'authorId' = ${personId}`,
        ne(events.personId, personId),
      ),
    );
  return own.unionAll(reusesByColleagues).orderBy(asc(events.seq));
});

export function metricsRepository(db: Db): MetricsRepository {
  const insertRollups = async (rows: Rollups) => {
    for (let index = 0; index < rows.personWeeks.length; index += 500)
      await db.insert(personWeekRollups).values(rows.personWeeks.slice(index, index + 500).map(toWeekRow));
    for (let index = 0; index < rows.personWorkflowWeeks.length; index += 1000)
      await db.insert(personWorkflowWeekRollups).values(rows.personWorkflowWeeks.slice(index, index + 1000));
  };

  return {
    async rollupEvidence(tenantId, personId, between) {
      const rows = await rollupEvidence(db, {
        tenantId,
        personId,
        from: between.from.toISOString(),
        to: between.to.toISOString(),
      });
      return rows.map(toEvent);
    },

    async sessionCompletions(tenantId, personId, sessionIds) {
      if (sessionIds.length === 0) return [];
      const rows = await db
        .select({ occurredAt: events.occurredAt })
        .from(events)
        .where(and(...completionsOf(tenantId, personId), inArray(events.sessionId, [...sessionIds])));
      return rows.map((row) => row.occurredAt);
    },

    async listRollupEvents(tenantId) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), inArray(events.type, [...ROLLUP_EVENT_TYPES])))
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },

    async lockPeople(tenantId, personIds) {
      if (personIds.length === 0) return;
      // Two transactions recomputing one person's rows would each delete and insert them (a duplicate key, or
      // the later one writing figures without the earlier one's events): they take turns, in one order. The
      // tenant's lock comes first, shared: a from-scratch recompute (lockTenant) holds it alone.
      const keys = [
        tenantRollupsKey(tenantId),
        ...[...new Set(personIds)].sort().map((personId) => `${tenantId}:${personId}`),
      ];
      await db.execute(sql`select case when ord = 1 then pg_advisory_xact_lock_shared(hashtextextended(key, 0))
          else pg_advisory_xact_lock(hashtextextended(key, 0)) end
        from unnest(${sql`array[${sql.join(
          keys.map((key) => sql`${key}`),
          sql`, `,
        )}]::text[]`}) with ordinality as locks(key, ord) order by ord`);
    },

    async lockTenant(tenantId) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${tenantRollupsKey(tenantId)}, 0))`);
    },

    async replaceRollups(tenantId, keys, rows) {
      if (keys.length === 0) return;
      const wanted = new Set(keys.map((key) => `${key.personId}|${key.weekStart}`));
      const isWanted = (row: PersonWeek) => wanted.has(`${row.personId}|${row.weekStart}`);
      const removed = await removeRollupKeys(db, tenantId, keys);
      const added = {
        personWeeks: rows.personWeeks.filter(isWanted),
        personWorkflowWeeks: rows.personWorkflowWeeks.filter(isWanted),
      };
      if (added.personWeeks.length === 0) {
        await insertRollups(added);
        await applyTenantWeekChanges(db, tenantId, removed, []);
        return;
      }
      await addRollupRows(db, tenantId, removed, added.personWeeks.map(toWeekRow), added.personWorkflowWeeks);
    },

    async replaceAllRollups(tenantId, rows) {
      await db.delete(personWeekRollups).where(eq(personWeekRollups.tenantId, tenantId));
      await db.delete(personWorkflowWeekRollups).where(eq(personWorkflowWeekRollups.tenantId, tenantId));
      await insertRollups(rows);
      await rebuildTenantWeekRollups(db, tenantId);
    },

    async listRollups(tenantId) {
      const weeks = await db
        .select()
        .from(personWeekRollups)
        .where(eq(personWeekRollups.tenantId, tenantId))
        .orderBy(asc(personWeekRollups.personId), asc(personWeekRollups.weekStart));
      const workflowWeeks: PersonWorkflowWeekRollup[] = await db
        .select()
        .from(personWorkflowWeekRollups)
        .where(eq(personWorkflowWeekRollups.tenantId, tenantId))
        .orderBy(
          asc(personWorkflowWeekRollups.personId),
          asc(personWorkflowWeekRollups.workflowId),
          asc(personWorkflowWeekRollups.weekStart),
        );
      return { personWeeks: weeks.map(fromWeekRow), personWorkflowWeeks: workflowWeeks };
    },

    async groupSums(tenantId, group, period) {
      return groupSums(db, tenantId, group, period);
    },

    async popularInDepartment(tenantId, department, sinceWeek) {
      const rows = rowsOf<{ workflowId: string; adopters: unknown }>(
        await db.execute(sql`
          select w.workflow_id as "workflowId", count(distinct w.person_id) as adopters
          from person_workflow_week_rollups w
          join people p on p.id = w.person_id and p.tenant_id = w.tenant_id
          join workflows wf on wf.id = w.workflow_id and wf.tenant_id = w.tenant_id
          where w.tenant_id = ${tenantId} and w.week_start >= ${sinceWeek}::date and w.completions > 0
            and p.active and p.department = ${department} and wf.status = 'published' and w.person_id <> wf.author_id
          group by w.workflow_id
          order by adopters desc, w.workflow_id`),
      );
      return rows.map((row) => ({
        workflowId: String(row.workflowId),
        adopters: toNumber(row.adopters),
      }));
    },

    async listWorkflowEvents(tenantId, workflowId) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), eq(events.workflowId, workflowId)))
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },

    async completionsByWorkflow(tenantId, personIds) {
      if (personIds.length === 0) return [];
      const rows = await db
        .select({
          personId: personWorkflowWeekRollups.personId,
          workflowId: personWorkflowWeekRollups.workflowId,
          completions: sql<unknown>`sum(${personWorkflowWeekRollups.completions})`,
        })
        .from(personWorkflowWeekRollups)
        .where(
          and(
            eq(personWorkflowWeekRollups.tenantId, tenantId),
            inArray(personWorkflowWeekRollups.personId, personIds),
          ),
        )
        .groupBy(personWorkflowWeekRollups.personId, personWorkflowWeekRollups.workflowId);
      return rows.map((row) => ({ ...row, completions: toNumber(row.completions) }));
    },
  };
}

/** The advisory lock a from-scratch recompute of the tenant's rollups holds alone, and upkeep holds shared. */
const tenantRollupsKey = (tenantId: string) => `rollups:${tenantId}`;
