import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  ROLLUP_EVENT_TYPES,
  SAVED_TIME_KEYS,
  type DomainEvent,
  type DomainEventType,
  type GroupSums,
  type MetricGroup,
  type MetricPeriod,
  type MetricsRepository,
  type PersonWeek,
  type PersonWeekRollup,
  type PersonWorkflowWeekRollup,
  type Rollups,
  type SavedTimeKey,
  type Transition,
  type WeekSums,
} from '../../core';
import { rowsOf, toNumber, type Db } from '../database';
import { events, personWeekRollups, personWorkflowWeekRollups } from '../schema';

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

const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : toNumber(value));

/**
 * The group's active people (core/metrics definitions): not marked as left, and the bot holds a conversation
 * with them or they have a rollup row (they started a session or published a workflow).
 */
function membersCte(tenantId: string, group: MetricGroup): SQL {
  const condition =
    group.kind === 'organisation'
      ? sql`true`
      : group.kind === 'department'
        ? sql`p.department = ${group.department}`
        : group.kind === 'reports'
          ? sql`p.manager_id = ${group.managerId}`
          : group.personIds.length === 0
            ? sql`false`
            : sql`p.id in (${sql.join(
                group.personIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`;
  return sql`members as (
    select p.id from people p
    where p.tenant_id = ${tenantId} and p.active and ${condition}
      and (p.conversation_reference is not null
           or exists (select 1 from person_week_rollups r0 where r0.tenant_id = p.tenant_id and r0.person_id = p.id)))`;
}

export function metricsRepository(db: Db): MetricsRepository {
  const insertRollups = async (rows: Rollups) => {
    for (let index = 0; index < rows.personWeeks.length; index += 500)
      await db.insert(personWeekRollups).values(rows.personWeeks.slice(index, index + 500).map(toWeekRow));
    for (let index = 0; index < rows.personWorkflowWeeks.length; index += 1000)
      await db.insert(personWorkflowWeekRollups).values(rows.personWorkflowWeeks.slice(index, index + 1000));
  };

  return {
    async personRollupEvents(tenantId, personId) {
      const rows = await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.tenantId, tenantId),
            eq(events.personId, personId),
            inArray(events.type, [...ROLLUP_EVENT_TYPES]),
          ),
        )
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },

    async reusesOfAuthor(tenantId, authorId, between) {
      const rows = await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.tenantId, tenantId),
            eq(events.type, 'workflow.reused'),
            gte(events.occurredAt, between.from),
            lt(events.occurredAt, between.to),
            sql`${events.data}->>'authorId' = ${authorId}`,
          ),
        )
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },

    async listRollupEvents(tenantId) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), inArray(events.type, [...ROLLUP_EVENT_TYPES])))
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },

    async replaceRollups(tenantId, keys, rows) {
      if (keys.length === 0) return;
      const wanted = new Set(keys.map((key) => `${key.personId}|${key.weekStart}`));
      const isWanted = (row: PersonWeek) => wanted.has(`${row.personId}|${row.weekStart}`);
      const matchesKey = (table: typeof personWeekRollups | typeof personWorkflowWeekRollups) =>
        or(...keys.map((key) => and(eq(table.personId, key.personId), eq(table.weekStart, key.weekStart))));
      await db
        .delete(personWeekRollups)
        .where(and(eq(personWeekRollups.tenantId, tenantId), matchesKey(personWeekRollups)));
      await db
        .delete(personWorkflowWeekRollups)
        .where(and(eq(personWorkflowWeekRollups.tenantId, tenantId), matchesKey(personWorkflowWeekRollups)));
      await insertRollups({
        personWeeks: rows.personWeeks.filter(isWanted),
        personWorkflowWeeks: rows.personWorkflowWeeks.filter(isWanted),
      });
    },

    async replaceAllRollups(tenantId, rows) {
      await db.delete(personWeekRollups).where(eq(personWeekRollups.tenantId, tenantId));
      await db.delete(personWorkflowWeekRollups).where(eq(personWorkflowWeekRollups.tenantId, tenantId));
      await insertRollups(rows);
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

async function groupSums(
  db: Db,
  tenantId: string,
  group: MetricGroup,
  period: MetricPeriod,
): Promise<GroupSums> {
  const members = membersCte(tenantId, group);
  const first = period.weeks[0]!;
  const last = period.weeks.at(-1)!;
  const inPeriod = sql`r.tenant_id = ${tenantId} and r.week_start >= ${first}::date and r.week_start <= ${last}::date`;

  const memberCount = rowsOf<{ n: unknown }>(
    await db.execute(sql`with ${members} select count(*) as n from members`),
  );

  const weekRows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${members}
      select to_char(r.week_start, 'YYYY-MM-DD') as "weekStart",
        sum(r.sessions_started) as "sessionsStarted", sum(r.sessions_completed) as "sessionsCompleted",
        sum(r.quality_score_count) as "sessionsScored", sum(r.sessions_meeting_bar) as "sessionsMeetingBar",
        sum(r.quality_score_sum) as "scoreSum", sum(r.reviewed_sessions) as "reviewedSessions",
        sum(r.reviewed_meeting_bar) as "reviewedMeetingBar", sum(r.reviewer_score_sum) as "reviewerScoreSum",
        sum(r.manual_minutes) as "manualMinutes", sum(r.actual_minutes) as "actualMinutes",
        sum(r.reuse_sessions) as "reuseSessions",
        sum(r.saved_deeper_analysis) as "deeper-analysis", sum(r.saved_customers) as "customers",
        sum(r.saved_colleagues) as "colleagues", sum(r.saved_learning) as "learning",
        sum(r.saved_other) as "other", sum(r.saved_unstated) as "unstated"
      from person_week_rollups r join members m on m.id = r.person_id
      where ${inPeriod}
      group by r.week_start order by r.week_start`),
  );
  const savedByDestination = Object.fromEntries(SAVED_TIME_KEYS.map((key) => [key, 0])) as Record<
    SavedTimeKey,
    number
  >;
  const weeks: WeekSums[] = weekRows.map((row) => {
    for (const key of SAVED_TIME_KEYS) savedByDestination[key] += toNumber(row[key]);
    return {
      weekStart: String(row.weekStart),
      sessionsStarted: toNumber(row.sessionsStarted),
      sessionsCompleted: toNumber(row.sessionsCompleted),
      sessionsScored: toNumber(row.sessionsScored),
      sessionsMeetingBar: toNumber(row.sessionsMeetingBar),
      scoreSum: toNumber(row.scoreSum),
      reviewedSessions: toNumber(row.reviewedSessions),
      reviewedMeetingBar: toNumber(row.reviewedMeetingBar),
      reviewerScoreSum: toNumber(row.reviewerScoreSum),
      manualMinutes: toNumber(row.manualMinutes),
      actualMinutes: toNumber(row.actualMinutes),
      reuseSessions: toNumber(row.reuseSessions),
    };
  });

  const [perPerson] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${members}, per_person as (
        select r.person_id, sum(r.manual_minutes - r.actual_minutes) as saved
        from person_week_rollups r join members m on m.id = r.person_id
        where ${inPeriod}
        group by r.person_id having sum(r.sessions_completed) > 0),
      authors as (
        select r.person_id from person_week_rollups r join members m on m.id = r.person_id
        where ${inPeriod}
        group by r.person_id having sum(r.reused_by_colleagues) > 0),
      adopted as (
        select w.workflow_id from person_workflow_week_rollups w
        join workflows wf on wf.id = w.workflow_id and wf.tenant_id = w.tenant_id
        join members m on m.id = wf.author_id
        where w.tenant_id = ${tenantId} and w.week_start >= ${first}::date and w.week_start <= ${last}::date
          and w.reuses > 0
        group by w.workflow_id having count(distinct w.person_id) >= 3)
      select (select count(*) from per_person) as people,
        (select percentile_cont(0.5) within group (order by saved) from per_person) as median,
        (select count(*) from authors) as authors,
        (select count(*) from adopted) as adopted`),
  );

  const weekEnds = sql.join(
    period.weeks.map(
      (week, index) => sql`(${week}::date, ${period.weekEnds[index]!.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const levelRows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${members}, changes as (
        select lc.person_id, lc.to_level, lc.at,
          lead(lc.at) over (partition by lc.person_id, lc.skill_area order by lc.at, lc.id) as until
        from level_changes lc join members m on m.id = lc.person_id
        where lc.tenant_id = ${tenantId} and lc.at < ${period.end.toISOString()}::timestamptz),
      ends (week_start, week_end) as (values ${weekEnds}),
      held as (
        select e.week_start, c.person_id, max(c.to_level) as level
        from ends e join changes c on c.at < e.week_end and (c.until is null or c.until >= e.week_end)
        group by e.week_start, c.person_id)
      select to_char(week_start, 'YYYY-MM-DD') as "weekStart", level, count(*) as people
      from held group by week_start, level`),
  );

  const start = period.start.toISOString();
  const end = period.end.toISOString();
  const velocityRows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${members}, reach as (
        select lc.person_id, lc.skill_area,
          min(lc.at) filter (where lc.to_level >= 1) as r1,
          min(lc.at) filter (where lc.to_level >= 2) as r2,
          min(lc.at) filter (where lc.to_level >= 3) as r3
        from level_changes lc join members m on m.id = lc.person_id
        where lc.tenant_id = ${tenantId} and lc.to_level > lc.from_level
        group by lc.person_id, lc.skill_area),
      first_steps as (
        select r.r1, (select min(e.occurred_at) from events e
                      where e.tenant_id = ${tenantId} and e.person_id = r.person_id
                        and e.type = 'session.started' and e.data->>'skillArea' = r.skill_area) as started
        from reach r where r.r1 >= ${start}::timestamptz and r.r1 < ${end}::timestamptz)
      select 'l0ToL1' as transition, count(*) as n,
        percentile_cont(0.5) within group (order by extract(epoch from (r1 - started)) / 86400) as days
        from first_steps where started is not null and started <= r1
      union all
      select 'l1ToL2', count(*),
        percentile_cont(0.5) within group (order by extract(epoch from (r2 - r1)) / 86400)
        from reach where r1 is not null and r2 >= ${start}::timestamptz and r2 < ${end}::timestamptz
      union all
      select 'l2ToL3', count(*),
        percentile_cont(0.5) within group (order by extract(epoch from (r3 - r2)) / 86400)
        from reach where r2 is not null and r3 >= ${start}::timestamptz and r3 < ${end}::timestamptz`),
  );

  return {
    members: toNumber(memberCount[0]?.n ?? 0),
    weeks,
    savedByDestination,
    peopleWithSessions: toNumber(perPerson?.people ?? 0),
    medianMinutesSavedPerPerson: optionalNumber(perPerson?.median),
    authorsReused: toNumber(perPerson?.authors ?? 0),
    workflowsWithThreeAdopters: toNumber(perPerson?.adopted ?? 0),
    levelsAtWeekEnds: levelRows.map((row) => ({
      weekStart: String(row.weekStart),
      level: toNumber(row.level),
      people: toNumber(row.people),
    })),
    velocity: velocityRows.map((row) => ({
      transition: String(row.transition) as Transition,
      count: toNumber(row.n),
      medianDays: row.days === null ? null : Math.round(toNumber(row.days) * 10) / 10,
    })),
  };
}
