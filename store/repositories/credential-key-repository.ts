import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { credentialSigningKeys } from '../schema';

/** A tenant's credential signing key as stored: the public JWK in clear, the private JWK sealed. */
export type StoredSigningKey = {
  tenantId: string;
  keyId: string;
  algorithm: string;
  publicJwk: Record<string, unknown>;
  sealedPrivateJwk: string;
  createdAt: Date;
};

export interface CredentialKeyRepository {
  get(tenantId: string): Promise<StoredSigningKey | null>;
  /** Stores the key unless the tenant already has one; returns the tenant's key either way. */
  insertOrGet(key: StoredSigningKey): Promise<StoredSigningKey>;
}

const toKey = (row: typeof credentialSigningKeys.$inferSelect): StoredSigningKey => ({
  ...row,
  publicJwk: row.publicJwk as Record<string, unknown>,
});

export function credentialKeyRepository(db: Db): CredentialKeyRepository {
  const get = async (tenantId: string) => {
    const [row] = await db
      .select()
      .from(credentialSigningKeys)
      .where(eq(credentialSigningKeys.tenantId, tenantId));
    return row ? toKey(row) : null;
  };
  return {
    get,
    async insertOrGet(key) {
      await db.insert(credentialSigningKeys).values(key).onConflictDoNothing();
      // Another instance may have made the tenant's key first: theirs wins.
      return (await get(key.tenantId))!;
    },
  };
}
