import { eq, sql } from 'drizzle-orm';
import type { Tenant, TenantRepository, TenantSettings } from '../../core';
import type { Db } from '../database';
import { prebuiltStatement } from '../prebuilt-statement';
import { tenantSettings } from '../schema';

type TenantRow = typeof tenantSettings.$inferSelect;

function toTenant(row: TenantRow): Tenant {
  return { id: row.tenantId, displayName: row.displayName, settings: row.settings as TenantSettings };
}

/** Read on most turns that start or finish something (the tenant's level thresholds and limits). */
const getTenant = prebuiltStatement<{ tenantId: string }, TenantRow[]>((db) =>
  db
    .select()
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, sql.placeholder('tenantId'))),
);

export function tenantRepository(db: Db): TenantRepository {
  return {
    async get(tenantId) {
      const rows = await getTenant(db, { tenantId });
      return rows[0] ? toTenant(rows[0]) : null;
    },
    async ensure(tenant) {
      const inserted = await db
        .insert(tenantSettings)
        .values({ tenantId: tenant.id, displayName: tenant.displayName, settings: tenant.settings })
        .onConflictDoNothing()
        .returning({ tenantId: tenantSettings.tenantId });
      return inserted.length > 0;
    },
    async list() {
      const rows = await db.select().from(tenantSettings).orderBy(tenantSettings.displayName);
      return rows.map(toTenant);
    },
    async getForUpdate(tenantId) {
      const rows = await db
        .select()
        .from(tenantSettings)
        .where(eq(tenantSettings.tenantId, tenantId))
        .for('update');
      return rows[0] ? toTenant(rows[0]) : null;
    },
    async updateSettings(tenantId, settings) {
      await db
        .update(tenantSettings)
        .set({ settings, updatedAt: sql`now()` })
        .where(eq(tenantSettings.tenantId, tenantId));
    },
  };
}
