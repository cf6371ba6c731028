import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { AuditRepository } from '../../core';
import type { Db } from '../database';
import { auditLog } from '../schema';

export function auditRepository(db: Db): AuditRepository {
  return {
    async append(entry) {
      await db.insert(auditLog).values(entry);
    },
    async listForTenant(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, tenantId),
            options.subjectPersonId ? eq(auditLog.subjectPersonId, options.subjectPersonId) : undefined,
            options.after
              ? or(
                  lt(auditLog.at, options.after.at),
                  and(eq(auditLog.at, options.after.at), lt(auditLog.id, options.after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(options.limit ?? 100);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },
  };
}
