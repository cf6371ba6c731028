import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from './database';

/**
 * Tables whose rows Practica rewrites or deletes as it runs: a session's compare-and-set on every turn, job and
 * outbox claims and leases, rollup upkeep on every event, the daily forgetting of processed activities. Each
 * update leaves a dead row version behind; only VACUUM makes that space reusable. Append-only tables (events,
 * audit log, level history) are left out.
 */
export const CHURNED_TABLES = [
  'sessions',
  'jobs',
  'xapi_outbox',
  'xapi_target_state',
  'processed_activities',
  'person_week_rollups',
  'tenant_week_rollups',
  'person_workflow_week_rollups',
  'people',
  'levels',
  'capture_interviews',
  'workflow_drafts',
  'nudge_deliveries',
  'nudge_send_slots',
] as const;

/**
 * Whether anything but Practica vacuums this database: PGlite runs no autovacuum worker (it is one process
 * with one connection), and a PostgreSQL server may have autovacuum turned off.
 */
export async function vacuumedByServer(database: Database): Promise<boolean> {
  if (database.kind === 'pglite') return false;
  const result = await database.db.execute(sql`select current_setting('autovacuum') as setting`);
  return rowsOf<{ setting: string }>(result)[0]?.setting === 'on';
}

/** VACUUM (ANALYZE) of the churned tables: their dead rows' space becomes reusable and the planner's statistics fresh. */
export async function vacuumChurnedTables(database: Database): Promise<void> {
  await database.db.execute(sql.raw(`vacuum (analyze) ${CHURNED_TABLES.join(', ')}`));
}
