import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { CredentialRepository, PracticeCredential, RevocationReason } from '../../core';
import type { Db } from '../database';
import { credentials } from '../schema';

type Row = typeof credentials.$inferSelect;

const toCredential = (row: Row): PracticeCredential => ({
  ...row,
  revocationReason: row.revocationReason as RevocationReason | null,
});

export function credentialRepository(db: Db): CredentialRepository {
  return {
    async insert(credential) {
      await db.insert(credentials).values(credential);
    },
    async findPublic(credentialId) {
      const [row] = await db.select().from(credentials).where(eq(credentials.id, credentialId));
      return row ? toCredential(row) : null;
    },
    async listForPerson(tenantId, personId) {
      const rows = await db
        .select()
        .from(credentials)
        .where(and(eq(credentials.tenantId, tenantId), eq(credentials.personId, personId)))
        .orderBy(desc(credentials.validFrom), desc(credentials.id));
      return rows.map(toCredential);
    },
    async listRevoked(tenantId) {
      const rows = await db
        .select()
        .from(credentials)
        .where(and(eq(credentials.tenantId, tenantId), isNotNull(credentials.revokedAt)))
        .orderBy(asc(credentials.revokedAt), asc(credentials.id));
      return rows.map(toCredential);
    },
  };
}

/**
 * An erasure keeps only the revocation record of the person's credentials: revoked now, with person, name and
 * signed credential cleared (a verifier asking about an id learns it was revoked, and nothing about whom).
 */
export async function revokeErasedHoldersCredentials(db: Db, tenantId: string, personId: string) {
  return db
    .update(credentials)
    .set({
      personId: null,
      holderName: null,
      jwt: null,
      revokedAt: sql`coalesce(${credentials.revokedAt}, now())`,
      revocationReason: sql`coalesce(${credentials.revocationReason}, 'erased')`,
    })
    .where(and(eq(credentials.tenantId, tenantId), eq(credentials.personId, personId)))
    .returning({ id: credentials.id });
}
