import type { JWK, KeyLike } from 'jose';

export const CREDENTIAL_ALGORITHM = 'ES256';

/**
 * A tenant's credential signing key: the public JWK (with its `kid`) to publish, and either the private key
 * (signed in process) or a remote signer (a key vault signs the JWS signing input; the key never leaves it).
 */
export type SigningKey = { keyId: string; publicJwk: JWK } & (
  { privateKey: KeyLike } | { signRemotely(signingInput: Uint8Array): Promise<Uint8Array> }
);

/** Where each tenant's credential signing key lives: sealed in the database, or in Azure Key Vault. */
export interface CredentialKeyStore {
  /** The tenant's key, made on first use. */
  signingKey(tenantId: string): Promise<SigningKey>;
  /** The public keys credentials of this tenant may be verified with (empty when it has none yet). */
  publicKeys(tenantId: string): Promise<JWK[]>;
}
