import { sql } from 'drizzle-orm';
import { defaultTenantSettings } from '../core';
import { rebuildTenantWeekRollups, type Db } from '../store';

export const BENCH_TENANT = '00000000-0000-4000-8000-00000000b001';
export const DATASET_WEEKS = 26;

/**
 * A tenant of `people` people and `events` events over DATASET_WEEKS weeks ending with `lastMonday`, written
 * with bulk SQL (rollups and level history included, as the event-by-event upkeep would have left them):
 * 20 departments, managers of ten, 2% leavers, 200 workflows.
 */
export async function buildMetricsDataset(
  db: Db,
  options: { people: number; events: number; lastMonday: string },
): Promise<void> {
  const { people, events, lastMonday } = options;
  const tenant = BENCH_TENANT;
  const areas = sql.raw(`array['analysis','writing','research','planning','customer']`);
  const firstMonday = sql`(${lastMonday}::date - ${(DATASET_WEEKS - 1) * 7}::int)`;
  await db.execute(sql`insert into tenant_settings (tenant_id, display_name, settings)
    values (${tenant}, 'Bench', ${JSON.stringify(defaultTenantSettings())}::jsonb)`);
  await db.execute(sql`insert into people (id, tenant_id, aad_object_id, display_name, email, department, job_title,
      manager_id, roles, conversation_reference, active)
    select md5('p' || i)::uuid, ${tenant}, 'aad-' || i, 'Person ' || i, 'p' || i || '@bench.example',
      'Dept ' || (i % 20), 'Analyst', case when i <= 10 then null else md5('p' || (i / 10))::uuid end,
      '["employee"]'::jsonb, '{}'::jsonb, (i % 50) <> 0
    from generate_series(1, ${people}) i`);
  await db.execute(sql`insert into workflows (id, tenant_id, author_id, title, summary, skill_area, status,
      latest_version_number)
    select md5('w' || j)::uuid, ${tenant}, md5('p' || (1 + (j * 37) % ${people}))::uuid, 'Workflow ' || j, 'Bench',
      (${areas})[(j % 5) + 1], 'published', 1
    from generate_series(0, 199) j`);
  await db.execute(sql`insert into events (id, tenant_id, type, person_id, session_id, workflow_id, occurred_at, data)
    select gen_random_uuid(), ${tenant},
      (array['session.started','session.step_completed','session.step_completed','session.completed',
             'session.rated','workflow.reused','session.step_completed','session.started','level.changed',
             'session.step_completed'])[(k % 10) + 1],
      md5('p' || (1 + k % ${people}))::uuid, md5('s' || (k / 5))::uuid, md5('w' || (k % 200))::uuid,
      ${firstMonday}::timestamptz + (k::float8 / ${events}) * interval '${sql.raw(String(DATASET_WEEKS * 7))} days',
      jsonb_build_object('skillArea', (${areas})[(k % 5) + 1], 'stepId', 'draft', 'regenerations', k % 3,
        'meanRating', 3 + k % 3, 'minutesTaken', 20, 'manualMinutes', 60)
    from generate_series(0, ${events - 1}) k`);
  await db.execute(sql`insert into person_week_rollups (tenant_id, person_id, week_start, sessions_started,
      workflows_published, sessions_completed, sessions_meeting_bar, quality_score_sum, quality_score_count,
      reviewed_sessions, reviewed_meeting_bar, reviewer_score_sum, manual_minutes, actual_minutes,
      saved_deeper_analysis, saved_customers, saved_colleagues, saved_learning, saved_other, saved_unstated,
      reuse_sessions, reused_by_colleagues)
    select ${tenant}, md5('p' || i)::uuid, ${firstMonday} + 7 * w, 1 + (i + w) % 3, 0, c, (i + w) % 2, 3.5 * c, c,
      case when i % 7 = 0 then 1 else 0 end, case when i % 14 = 0 then 1 else 0 end,
      case when i % 7 = 0 then 4 else 0 end, 60 * c, 25 * c, 10 * c, 10 * c, 5 * c, 5 * c, 3 * c, 2 * c,
      (i + w) % 2, case when i % 50 = 1 then 2 else 0 end
    from generate_series(1, ${people}) i cross join generate_series(0, ${DATASET_WEEKS - 1}) w
      cross join lateral (select 1 + (i + w) % 2 as c) counts
    where (i + w) % 3 <> 0`);
  await db.execute(sql`insert into person_workflow_week_rollups (tenant_id, person_id, workflow_id, week_start,
      completions, reuses)
    select ${tenant}, md5('p' || i)::uuid, md5('w' || ((i * 7 + w) % 200))::uuid, ${firstMonday} + 7 * w,
      1 + (i + w) % 2, (i + w) % 2
    from generate_series(1, ${people}) i cross join generate_series(0, ${DATASET_WEEKS - 1}) w
    where (i + w) % 3 <> 0`);
  for (const [from, to, where, weeks] of [
    [0, 1, 'true', 'i % 10'],
    [1, 2, 'i % 3 = 0', 'i % 10 + 5'],
    [2, 3, 'i % 17 = 0', 'i % 10 + 9'],
  ] as const)
    await db.execute(sql`insert into level_changes (id, tenant_id, person_id, skill_area, from_level, to_level,
        reason, evidence, at)
      select gen_random_uuid(), ${tenant}, md5('p' || i)::uuid, (${areas})[(i % 5) + 1], ${from}, ${to}, 'evidence',
        '[]'::jsonb, ${firstMonday}::timestamptz + (${sql.raw(weeks)}) * interval '7 days' + interval '10 hours'
      from generate_series(1, ${people}) i where ${sql.raw(where)}`);
  await rebuildTenantWeekRollups(db, tenant);
  await db.execute(sql`analyze`);
}
