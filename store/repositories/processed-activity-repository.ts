import { and, eq, lt } from 'drizzle-orm';
import type { ProcessedActivityRepository } from '../../core';
import type { Db } from '../database';
import { processedActivities } from '../schema';

export function processedActivityRepository(db: Db): ProcessedActivityRepository {
  return {
    async markProcessed(tenantId, activityId, at) {
      const inserted = await db
        .insert(processedActivities)
        .values({ tenantId, activityId, processedAt: at })
        .onConflictDoNothing()
        .returning({ id: processedActivities.id });
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
