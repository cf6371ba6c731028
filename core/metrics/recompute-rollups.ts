import type { Store } from '../ports';
import { rollupsFromEvents } from './rollups-from-events';
import { rollupRulesOf } from './with-metric-rollups';

/**
 * A tenant's rollups computed afresh from its whole event log and stored in place of the old ones, in one
 * transaction (npm run recompute; needed after the tenant's time zone or quality bar changes). Returns how
 * many rows differ from what was stored, which is 0 when incremental upkeep was right.
 */
export async function recomputeRollups(options: { store: Store; tenantId: string }): Promise<{
  personWeeks: number;
  personWorkflowWeeks: number;
  changedRows: number;
}> {
  const { store, tenantId } = options;
  return store.transaction(async (tx) => {
    await tx.metrics.lockTenant(tenantId);
    const rules = await rollupRulesOf(tx, tenantId);
    const fresh = rollupsFromEvents(await tx.metrics.listRollupEvents(tenantId), rules);
    const stored = await tx.metrics.listRollups(tenantId);
    const changedRows =
      rowDifference(stored.personWeeks, fresh.personWeeks, (row) => `${row.personId}|${row.weekStart}`) +
      rowDifference(
        stored.personWorkflowWeeks,
        fresh.personWorkflowWeeks,
        (row) => `${row.personId}|${row.workflowId}|${row.weekStart}`,
      );
    await tx.metrics.replaceAllRollups(tenantId, fresh);
    return {
      personWeeks: fresh.personWeeks.length,
      personWorkflowWeeks: fresh.personWorkflowWeeks.length,
      changedRows,
    };
  });
}

/** How many rows are in one list and not the other, or differ. */
export function rowDifference<T>(a: readonly T[], b: readonly T[], keyOf: (row: T) => string): number {
  const left = new Map(a.map((row) => [keyOf(row), canonical(row)]));
  const right = new Map(b.map((row) => [keyOf(row), canonical(row)]));
  let differing = 0;
  for (const [key, value] of left) if (right.get(key) !== value) differing += 1;
  for (const key of right.keys()) if (!left.has(key)) differing += 1;
  return differing;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
}
