import type { JWK, KeyLike } from 'jose';

export const CREDENTIAL_ALGORITHM = 'ES256';

/** A tenant's credential signing key: the private key for signing, the public JWK (with its `kid`) to publish. */
export type SigningKey = { keyId: string; privateKey: KeyLike; publicJwk: JWK };

/**
 * Where each tenant's credential signing key lives. Built: sealed in the database (sealed-key-store.ts). An
 * Azure Key Vault store would implement the same two methods, signing through the vault's `sign` operation.
 */
export interface CredentialKeyStore {
  /** The tenant's key, made on first use. */
  signingKey(tenantId: string): Promise<SigningKey>;
  /** The public keys credentials of this tenant may be verified with (empty when it has none yet). */
  publicKeys(tenantId: string): Promise<JWK[]>;
}
