import { and, eq } from 'drizzle-orm';
import type { LrsTargetRepository, StoredLrsActor, StoredLrsAuth, StoredLrsTarget } from '../../core';
import type { Db } from '../database';
import { lrsTargets } from '../schema';

function toTarget(row: typeof lrsTargets.$inferSelect): StoredLrsTarget {
  return { ...row, auth: row.auth as StoredLrsAuth, actor: row.actor as StoredLrsActor };
}

export function lrsTargetRepository(db: Db): LrsTargetRepository {
  return {
    async list(tenantId) {
      const rows = await db
        .select()
        .from(lrsTargets)
        .where(eq(lrsTargets.tenantId, tenantId))
        .orderBy(lrsTargets.name);
      return rows.map(toTarget);
    },
    async listAll() {
      const rows = await db.select().from(lrsTargets).orderBy(lrsTargets.tenantId, lrsTargets.name);
      return rows.map(toTarget);
    },
    async get(tenantId, name) {
      const [row] = await db
        .select()
        .from(lrsTargets)
        .where(and(eq(lrsTargets.tenantId, tenantId), eq(lrsTargets.name, name)));
      return row ? toTarget(row) : null;
    },
    async save(target) {
      await db
        .insert(lrsTargets)
        .values(target)
        .onConflictDoUpdate({
          target: [lrsTargets.tenantId, lrsTargets.name],
          set: {
            endpoint: target.endpoint,
            auth: target.auth,
            sealedSecret: target.sealedSecret,
            actor: target.actor,
            sendFailed: target.sendFailed,
            updatedAt: target.updatedAt,
          },
        });
    },
    async delete(tenantId, name) {
      const rows = await db
        .delete(lrsTargets)
        .where(and(eq(lrsTargets.tenantId, tenantId), eq(lrsTargets.name, name)))
        .returning({ name: lrsTargets.name });
      return rows.length === 1;
    },
  };
}
