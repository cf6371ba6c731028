import { sql, type SQL } from 'drizzle-orm';
import {
  SAVED_TIME_KEYS,
  type GroupSums,
  type MetricGroup,
  type MetricPeriod,
  type SavedTimeKey,
  type WeekSums,
} from '../../core';
import { rowsOf, toNumber, type Db } from '../database';
import { planEachRun } from '../plan-each-run';
import { personWeekRollups } from '../schema';
import { levelFigures, type LevelChangeRow } from './level-figures';

/** Whom the group holds, as a condition on `people p` (active or not). */
function groupCondition(group: MetricGroup): SQL {
  if (group.kind === 'organisation') return sql`true`;
  if (group.kind === 'department') return sql`p.department = ${group.department}`;
  if (group.kind === 'reports') return sql`p.manager_id = ${group.managerId}`;
  if (group.personIds.length === 0) return sql`false`;
  return sql`p.id in (${sql.join(
    group.personIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * The group's active people (core/metrics definitions): not marked as left, and the bot holds a conversation
 * with them or they have a rollup row (they started a session or published a workflow).
 */
function membersCte(tenantId: string, group: MetricGroup): SQL {
  return sql`members as materialized (
    select p.id from people p
    where p.tenant_id = ${tenantId} and p.active and ${groupCondition(group)}
      and (p.conversation_reference is not null
           or exists (select 1 from person_week_rollups r0 where r0.tenant_id = p.tenant_id and r0.person_id = p.id)))`;
}

const WEEK_SUMS = {
  sessionsStarted: personWeekRollups.sessionsStarted,
  sessionsCompleted: personWeekRollups.sessionsCompleted,
  sessionsScored: personWeekRollups.qualityScoreCount,
  sessionsMeetingBar: personWeekRollups.sessionsMeetingBar,
  scoreSum: personWeekRollups.qualityScoreSum,
  reviewedSessions: personWeekRollups.reviewedSessions,
  reviewedMeetingBar: personWeekRollups.reviewedMeetingBar,
  reviewerScoreSum: personWeekRollups.reviewerScoreSum,
  manualMinutes: personWeekRollups.manualMinutes,
  actualMinutes: personWeekRollups.actualMinutes,
  reuseSessions: personWeekRollups.reuseSessions,
  'deeper-analysis': personWeekRollups.savedDeeperAnalysis,
  customers: personWeekRollups.savedCustomers,
  colleagues: personWeekRollups.savedColleagues,
  learning: personWeekRollups.savedLearning,
  other: personWeekRollups.savedOther,
  unstated: personWeekRollups.savedUnstated,
} satisfies Record<Exclude<keyof WeekSums, 'weekStart'> | SavedTimeKey, { name: string }>;

const sums = (sign: '' | '-', table: string) =>
  sql.raw(
    Object.entries(WEEK_SUMS)
      .map(([name, column]) => `${sign}${table}.${column.name} as "${name}"`)
      .join(', '),
  );
const totalsOf = sql.raw(
  Object.keys(WEEK_SUMS)
    .map((name) => `sum("${name}") as "${name}"`)
    .join(', '),
);

/**
 * Weekly sums of the period. The organisation's come from tenant_week_rollups (tenant-week-sums.ts) less the
 * rows of people who have left; any smaller group's from its members' person-weeks.
 */
function weeklySums(tenantId: string, group: MetricGroup, first: string, last: string): SQL {
  const inPeriod = (alias: string) =>
    sql`${sql.raw(alias)}.tenant_id = ${tenantId} and ${sql.raw(alias)}.week_start >= ${first}::date
      and ${sql.raw(alias)}.week_start <= ${last}::date`;
  const rows =
    group.kind === 'organisation'
      ? sql`select t.week_start, ${sums('', 't')} from tenant_week_rollups t where ${inPeriod('t')}
          union all
          select r.week_start, ${sums('-', 'r')} from person_week_rollups r
          join people p on p.id = r.person_id and p.tenant_id = r.tenant_id
          where ${inPeriod('r')} and not p.active`
      : sql`select r.week_start, ${sums('', 'r')} from person_week_rollups r
          join people p on p.id = r.person_id and p.tenant_id = r.tenant_id
          where ${inPeriod('r')} and p.active and ${groupCondition(group)}`;
  return sql`select to_char(week_start, 'YYYY-MM-DD') as "weekStart", ${totalsOf}
    from (${rows}) as rows group by week_start order by week_start`;
}

/** Per member over the whole period: who completed a session, the median minutes saved, who was reused. */
function periodTotals(tenantId: string, group: MetricGroup, first: string, last: string): SQL {
  const whose =
    group.kind === 'organisation'
      ? sql`r.person_id not in (select id from people where tenant_id = ${tenantId} and not active)`
      : sql`r.person_id in (select id from people p where p.tenant_id = ${tenantId} and p.active
          and ${groupCondition(group)})`;
  return sql`with ${membersCte(tenantId, group)}, per_person as (
      select r.person_id, sum(r.sessions_completed) as completed,
        sum(r.manual_minutes - r.actual_minutes) as saved, sum(r.reused_by_colleagues) as reused
      from person_week_rollups r
      where r.tenant_id = ${tenantId} and r.week_start >= ${first}::date and r.week_start <= ${last}::date
        and ${whose}
      group by r.person_id)
    select (select count(*) from members) as members, count(*) filter (where completed > 0) as people,
      percentile_cont(0.5) within group (order by saved) filter (where completed > 0) as median,
      count(*) filter (where reused > 0) as authors
    from per_person`;
}

const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : toNumber(value));

/**
 * Four statements side by side: the weekly sums, the per-member totals of the period, the workflows with three
 * adopters, and the members' level history (levels at each week's end and progression velocity are worked out
 * from it in level-figures.ts); then the first session before each first L1 of the period.
 */
export async function groupSums(
  db: Db,
  tenantId: string,
  group: MetricGroup,
  period: MetricPeriod,
): Promise<GroupSums> {
  const members = membersCte(tenantId, group);
  const first = period.weeks[0]!;
  const last = period.weeks.at(-1)!;

  // Independent statements run side by side on a pool (PostgreSQL); PGlite runs them one after another.
  const [weeksResult, totalsResult, adoptedResult, changesResult] = await Promise.all([
    db.execute(planEachRun(weeklySums(tenantId, group, first, last))),
    db.execute(planEachRun(periodTotals(tenantId, group, first, last))),
    db.execute(
      planEachRun(sql`with ${members}, adopters as (
        select workflow_id from person_workflow_week_rollups
        where tenant_id = ${tenantId} and week_start >= ${first}::date and week_start <= ${last}::date and reuses > 0
        group by workflow_id having count(distinct person_id) >= 3)
      select count(*) as n from adopters a
      join workflows wf on wf.id = a.workflow_id and wf.tenant_id = ${tenantId}
      join members m on m.id = wf.author_id`),
    ),
    db.execute(
      planEachRun(sql`with ${members}
      select lc.person_id as "personId", lc.skill_area as "skillArea", lc.from_level as "fromLevel",
             lc.to_level as "toLevel", lc.at
      from level_changes lc join members m on m.id = lc.person_id
      where lc.tenant_id = ${tenantId} and lc.at < ${period.end.toISOString()}::timestamptz
      order by lc.person_id, lc.skill_area, lc.at, lc.id`),
    ),
  ]);
  const rows = rowsOf<Record<string, unknown>>(weeksResult);
  const savedByDestination = Object.fromEntries(SAVED_TIME_KEYS.map((key) => [key, 0])) as Record<
    SavedTimeKey,
    number
  >;
  const weeks: WeekSums[] = rows.map((row) => {
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
  const [totals = {}] = rowsOf<Record<string, unknown>>(totalsResult);

  const [adopted] = rowsOf<{ n: unknown }>(adoptedResult);
  const changes = rowsOf<Record<string, unknown>>(changesResult).map((row): LevelChangeRow => ({
    personId: String(row.personId),
    skillArea: String(row.skillArea),
    fromLevel: toNumber(row.fromLevel),
    toLevel: toNumber(row.toLevel),
    at: row.at instanceof Date ? row.at : new Date(String(row.at)),
  }));
  const levels = levelFigures(changes, period);
  const starts = new Map<string, Date>();
  if (levels.firstLevelOnes.length > 0) {
    const wanted = sql.join(
      levels.firstLevelOnes.map((entry) => sql`(${entry.personId}::uuid, ${entry.skillArea}::text)`),
      sql`, `,
    );
    const found = rowsOf<Record<string, unknown>>(
      await db.execute(
        planEachRun(sql`select w.person_id as "personId", w.skill_area as "skillArea", min(e.occurred_at) as started
        from (values ${wanted}) as w (person_id, skill_area)
        join events e on e.tenant_id = ${tenantId} and e.person_id = w.person_id and e.type = 'session.started'
          and e.data->>'skillArea' = w.skill_area
        group by w.person_id, w.skill_area`),
      ),
    );
    for (const row of found)
      starts.set(
        `${String(row.personId)}|${String(row.skillArea)}`,
        row.started instanceof Date ? row.started : new Date(String(row.started)),
      );
  }

  return {
    members: toNumber(totals.members ?? 0),
    weeks,
    savedByDestination,
    peopleWithSessions: toNumber(totals.people ?? 0),
    medianMinutesSavedPerPerson: optionalNumber(totals.median),
    authorsReused: toNumber(totals.authors ?? 0),
    workflowsWithThreeAdopters: toNumber(adopted?.n ?? 0),
    levelsAtWeekEnds: levels.levelsAtWeekEnds,
    velocity: levels.velocity(starts),
  };
}
