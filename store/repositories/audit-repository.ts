import { and, desc, eq } from 'drizzle-orm';
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
          ),
        )
        .orderBy(desc(auditLog.at))
        .limit(options.limit ?? 100);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },
  };
}
