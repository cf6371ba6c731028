import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Certificate, CertificateRepository, CertificateSource } from '../../core';
import type { Db } from '../database';
import { certificates } from '../schema';

const CHUNK = 500;

type Row = typeof certificates.$inferSelect;

function toCertificate(row: Row): Certificate {
  return {
    ...row,
    // Every row is written by this repository, always with a statement id.
    statementId: row.statementId ?? '',
    source: row.source as CertificateSource,
  };
}

export function certificateRepository(db: Db): CertificateRepository {
  return {
    async add(list) {
      const added: Certificate[] = [];
      for (let start = 0; start < list.length; start += CHUNK) {
        const rows = await db
          .insert(certificates)
          .values(list.slice(start, start + CHUNK))
          .onConflictDoNothing({ target: [certificates.tenantId, certificates.statementId] })
          .returning();
        added.push(...rows.map(toCertificate));
      }
      return added;
    },
    async voidByStatementIds(tenantId, statementIds) {
      const voided: Certificate[] = [];
      for (let start = 0; start < statementIds.length; start += CHUNK) {
        const rows = await db
          .update(certificates)
          .set({ voided: true })
          .where(
            and(
              eq(certificates.tenantId, tenantId),
              inArray(certificates.statementId, statementIds.slice(start, start + CHUNK)),
              eq(certificates.voided, false),
            ),
          )
          .returning();
        voided.push(...rows.map(toCertificate));
      }
      return voided;
    },
    async listForPerson(tenantId, personId) {
      const rows = await db
        .select()
        .from(certificates)
        .where(and(eq(certificates.tenantId, tenantId), eq(certificates.personId, personId)))
        .orderBy(desc(certificates.issuedAt));
      return rows.map(toCertificate);
    },
    async listForTenant(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(certificates)
        .where(eq(certificates.tenantId, tenantId))
        .orderBy(desc(certificates.issuedAt))
        .limit(options.limit ?? 1_000);
      return rows.map(toCertificate);
    },
  };
}
