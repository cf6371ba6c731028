import type { Clock, SecretBox } from '../../core';
import { credentialKeyRepository, type Database } from '../../store';
import type { Config } from '../config';
import { graphTokenProvider } from '../directory';
import type { CredentialKeyStore } from './credential-key-store';
import { keyVaultKeyStore } from './key-vault-key-store';
import { sealedKeyStore } from './sealed-key-store';

/**
 * Where credentials are signed: Azure Key Vault when CREDENTIAL_KEY_VAULT_URL is set; else each tenant's key
 * sealed in the database with PRACTICA_SECRET_KEY; else nowhere (no credential is issued).
 */
export function credentialKeyStore(
  config: Pick<Config, 'credentialKeyVault'>,
  secrets: SecretBox | null,
  database: Database,
  clock: Clock,
): CredentialKeyStore | null {
  const vault = config.credentialKeyVault;
  if (vault) {
    // Client credentials for the vault's resource; the same token flow as Microsoft Graph's.
    const tokens = graphTokenProvider({ ...vault, graphBaseUrl: 'https://vault.azure.net' });
    return keyVaultKeyStore({ vaultUrl: vault.vaultUrl, token: () => tokens.token() });
  }
  return secrets ? sealedKeyStore({ keys: credentialKeyRepository(database.db), secrets, clock }) : null;
}
