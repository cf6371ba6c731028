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
import { levelFigures, type LevelChangeRow } from './level-figures';

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
  return sql`members as materialized (
    select p.id from people p
    where p.tenant_id = ${tenantId} and p.active and ${condition}
      and (p.conversation_reference is not null
           or exists (select 1 from person_week_rollups r0 where r0.tenant_id = p.tenant_id and r0.person_id = p.id)))`;
}

const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : toNumber(value));

/**
 * Four statements: the rollups of the period read in one pass (weekly sums, and per person for the median and the
 * authors whose workflows were reused), the workflows with three adopters, the members' level history (levels
 * at each week's end and progression velocity are worked out from it in level-figures.ts), and the first
 * session before each first L1 of the period.
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
  const [rowsResult, adoptedResult, changesResult] = await Promise.all([
    db.execute(sql`with ${members},
      -- One pass over the period's rollups: sums per week and per person (grouping sets).
      grouped as (
        select r.week_start, r.person_id,
          sum(sessions_started) as "sessionsStarted", sum(sessions_completed) as "sessionsCompleted",
          sum(quality_score_count) as "sessionsScored", sum(sessions_meeting_bar) as "sessionsMeetingBar",
          sum(quality_score_sum) as "scoreSum", sum(reviewed_sessions) as "reviewedSessions",
          sum(reviewed_meeting_bar) as "reviewedMeetingBar", sum(reviewer_score_sum) as "reviewerScoreSum",
          sum(manual_minutes) as "manualMinutes", sum(actual_minutes) as "actualMinutes",
          sum(reuse_sessions) as "reuseSessions", sum(reused_by_colleagues) as "reusedByColleagues",
          sum(saved_deeper_analysis) as "deeper-analysis", sum(saved_customers) as "customers",
          sum(saved_colleagues) as "colleagues", sum(saved_learning) as "learning",
          sum(saved_other) as "other", sum(saved_unstated) as "unstated"
        from person_week_rollups r
        where r.tenant_id = ${tenantId} and r.week_start >= ${first}::date and r.week_start <= ${last}::date
          and r.person_id in (select id from members)
        group by grouping sets ((r.week_start), (r.person_id))),
      totals as (
        select (select count(*) from members) as members,
          count(*) filter (where "sessionsCompleted" > 0) as people,
          percentile_cont(0.5) within group (order by "manualMinutes" - "actualMinutes")
            filter (where "sessionsCompleted" > 0) as median,
          count(*) filter (where "reusedByColleagues" > 0) as authors
        from grouped where person_id is not null)
      select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart", w.*, t.members, t.people, t.median, t.authors
      from totals t left join (select * from grouped where week_start is not null) w on true
      order by w.week_start`),
    db.execute(sql`with ${members}, adopters as (
        select workflow_id from person_workflow_week_rollups
        where tenant_id = ${tenantId} and week_start >= ${first}::date and week_start <= ${last}::date and reuses > 0
        group by workflow_id having count(distinct person_id) >= 3)
      select count(*) as n from adopters a
      join workflows wf on wf.id = a.workflow_id and wf.tenant_id = ${tenantId}
      join members m on m.id = wf.author_id`),
    db.execute(sql`with ${members}
      select lc.person_id as "personId", lc.skill_area as "skillArea", lc.from_level as "fromLevel",
             lc.to_level as "toLevel", lc.at
      from level_changes lc join members m on m.id = lc.person_id
      where lc.tenant_id = ${tenantId} and lc.at < ${period.end.toISOString()}::timestamptz
      order by lc.person_id, lc.skill_area, lc.at, lc.id`),
  ]);
  const rows = rowsOf<Record<string, unknown>>(rowsResult);
  const savedByDestination = Object.fromEntries(SAVED_TIME_KEYS.map((key) => [key, 0])) as Record<
    SavedTimeKey,
    number
  >;
  const weeks: WeekSums[] = rows
    .filter((row) => row.weekStart !== null)
    .map((row) => {
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
  const totals = rows[0] ?? {};

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
      await db.execute(sql`select w.person_id as "personId", w.skill_area as "skillArea", min(e.occurred_at) as started
        from (values ${wanted}) as w (person_id, skill_area)
        join events e on e.tenant_id = ${tenantId} and e.person_id = w.person_id and e.type = 'session.started'
          and e.data->>'skillArea' = w.skill_area
        group by w.person_id, w.skill_area`),
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
