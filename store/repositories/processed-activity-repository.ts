import { and, eq, lt, sql } from 'drizzle-orm';
import type { ProcessedActivityRepository } from '../../core';
import type { Db } from '../database';
import { prebuiltStatement } from '../prebuilt-statement';
import { processedActivities } from '../schema';

/** Every turn's first statement. */
const markProcessed = prebuiltStatement<{ tenantId: string; activityId: string; at: Date }, { id: string }[]>(
  (db) =>
    db
      .insert(processedActivities)
      .values({
        tenantId: sql.placeholder('tenantId'),
        activityId: sql.placeholder('activityId'),
        processedAt: sql.placeholder('at'),
      })
      .onConflictDoNothing()
      .returning({ id: processedActivities.id }),
);

export function processedActivityRepository(db: Db): ProcessedActivityRepository {
  return {
    async markProcessed(tenantId, activityId, at) {
      const inserted = await markProcessed(db, { tenantId, activityId, at });
      return inserted.length === 1;
    },
    async deleteBefore(tenantId, before) {
      const deleted = await db
        .delete(processedActivities)
        .where(and(eq(processedActivities.tenantId, tenantId), lt(processedActivities.processedAt, before)))
        .returning({ id: processedActivities.id });
      return deleted.length;
    },
  };
}
