import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { personWeekRollups, tenantWeekRollups } from '../schema';

type WeekRow = typeof personWeekRollups.$inferSelect;
export type SumsRow = typeof tenantWeekRollups.$inferInsert;
type SumColumn = Exclude<keyof WeekRow, 'tenantId' | 'personId' | 'weekStart'>;

const STRIPES = 16;

const SUM_COLUMNS = Object.keys(getTableColumns(tenantWeekRollups)).filter(
  (key): key is SumColumn => key !== 'tenantId' && key !== 'stripe' && key !== 'weekStart',
);

/** The stripe a person's weeks are summed into: the last byte of their id (SQL: get_byte(uuid_send(id), 15)). */
export const stripeOf = (personId: string) => parseInt(personId.slice(-2), 16) % STRIPES;

/** The changes to the tenant's weekly sums that taking out `removed` and adding `added` make, ordered by (week, stripe). */
export function tenantWeekDeltas(
  tenantId: string,
  removed: readonly WeekRow[],
  added: readonly WeekRow[],
): SumsRow[] {
  const deltas = new Map<string, SumsRow>();
  const apply = (row: WeekRow, sign: 1 | -1) => {
    const stripe = stripeOf(row.personId);
    const key = `${row.weekStart}|${String(stripe).padStart(2, '0')}`;
    const delta = deltas.get(key) ?? { tenantId, weekStart: row.weekStart, stripe };
    for (const column of SUM_COLUMNS) delta[column] = (delta[column] ?? 0) + sign * row[column];
    deltas.set(key, delta);
  };
  for (const row of removed) apply(row, -1);
  for (const row of added) apply(row, 1);
  return [...deltas.keys()].sort().map((key) => deltas.get(key)!);
}

/** The update that adds a delta row to the sums already there (the insert's conflict action). */
export const addToSums = {
  target: [tenantWeekRollups.tenantId, tenantWeekRollups.weekStart, tenantWeekRollups.stripe],
  set: Object.fromEntries(
    SUM_COLUMNS.map((column) => [
      column,
      sql`${tenantWeekRollups[column]} + excluded.${sql.identifier(tenantWeekRollups[column].name)}`,
    ]),
  ),
};

/**
 * Adds the person-weeks `added` and takes out `removed` from the tenant's weekly sums, in one statement whose
 * rows are ordered by (week, stripe): every transaction takes those row locks in the same order, so two never
 * wait on each other in a cycle. Call it in the transaction that changed person_week_rollups.
 */
export async function applyTenantWeekChanges(
  db: Db,
  tenantId: string,
  removed: readonly WeekRow[],
  added: readonly WeekRow[],
): Promise<void> {
  const ordered = tenantWeekDeltas(tenantId, removed, added);
  if (ordered.length === 0) return;
  await db.insert(tenantWeekRollups).values(ordered).onConflictDoUpdate(addToSums);
}

/** Sums the tenant's weekly figures afresh from its person-weeks (after a from-scratch recompute or a bulk load). */
export async function rebuildTenantWeekRollups(db: Db, tenantId: string): Promise<void> {
  const columns = sql.raw(SUM_COLUMNS.map((column) => personWeekRollups[column].name).join(', '));
  const sums = sql.raw(SUM_COLUMNS.map((column) => `sum(${personWeekRollups[column].name})`).join(', '));
  await db.execute(sql`delete from tenant_week_rollups where tenant_id = ${tenantId}`);
  await db.execute(sql`insert into tenant_week_rollups (tenant_id, week_start, stripe, ${columns})
    select tenant_id, week_start, get_byte(uuid_send(person_id), 15) % ${STRIPES}, ${sums}
    from person_week_rollups where tenant_id = ${tenantId}
    group by 1, 2, 3 order by 1, 2, 3`);
}
