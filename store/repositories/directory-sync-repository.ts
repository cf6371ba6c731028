import { eq } from 'drizzle-orm';
import type { DirectorySyncCounts, DirectorySyncKind, DirectorySyncStateRepository } from '../../core';
import type { Db } from '../database';
import { directorySyncState } from '../schema';

export function directorySyncRepository(db: Db): DirectorySyncStateRepository {
  return {
    async get(tenantId) {
      const rows = await db
        .select()
        .from(directorySyncState)
        .where(eq(directorySyncState.tenantId, tenantId))
        .limit(1);
      const row = rows[0];
      if (!row) return null;
      return {
        tenantId: row.tenantId,
        deltaLink: row.deltaLink,
        lastFullSyncAt: row.lastFullSyncAt,
        runningSince: row.runningSince,
        pagesRead: row.pagesRead,
        changesRead: row.changesRead,
        lastRunAt: row.lastRunAt,
        lastRunKind: row.lastRunKind as DirectorySyncKind | null,
        lastSuccessAt: row.lastSuccessAt,
        lastCounts: (row.lastCounts as DirectorySyncCounts | null) ?? null,
        lastErrorAt: row.lastErrorAt,
        lastError: row.lastError,
      };
    },

    async save(state) {
      const { tenantId, ...values } = state;
      await db
        .insert(directorySyncState)
        .values({ tenantId, ...values, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: directorySyncState.tenantId,
          set: { ...values, updatedAt: new Date() },
        });
    },
  };
}
