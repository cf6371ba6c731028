import { z } from 'zod';

/** Azure Key Vault holding the tenants' credential signing keys, and the app registration that may use it. */
export type CredentialKeyVaultConfig = {
  vaultUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityUrl: string;
};

export const credentialKeyVaultSchema = z.object({
  CREDENTIAL_KEY_VAULT_URL: z
    .url({ protocol: /^https$/, message: 'must be https://<name>.vault.azure.net' })
    .optional(),
  CREDENTIAL_KEY_VAULT_TENANT_ID: z.string().trim().optional(),
  CREDENTIAL_KEY_VAULT_CLIENT_ID: z.string().trim().optional(),
  CREDENTIAL_KEY_VAULT_CLIENT_SECRET: z.string().trim().optional(),
  CREDENTIAL_KEY_VAULT_AUTHORITY_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://login.microsoftonline.com'),
});

/**
 * Credential signing keys live in Azure Key Vault when CREDENTIAL_KEY_VAULT_URL is set (else sealed in the
 * database with PRACTICA_SECRET_KEY). The app signs in with client credentials: the CREDENTIAL_KEY_VAULT_*
 * registration, each value falling back to the bot's (TENANT_ID, CLIENT_ID, CLIENT_SECRET).
 */
export function parseCredentialKeyVaultConfig(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): CredentialKeyVaultConfig | null {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value?.trim() === '' ? undefined : value]),
  );
  const parsed = credentialKeyVaultSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`Invalid ${String(issue?.path[0] ?? 'key vault setting')}: ${issue?.message ?? 'invalid'}`);
  }
  const values = parsed.data;
  if (!values.CREDENTIAL_KEY_VAULT_URL) return null;
  const pick = (name: string, own: string | undefined, fallbackName: string) => {
    const value = own || env[fallbackName]?.trim();
    if (!value)
      throw fail(
        `Invalid ${name}: required when CREDENTIAL_KEY_VAULT_URL is set (or set ${fallbackName} to reuse the bot's registration)`,
      );
    return value;
  };
  return {
    vaultUrl: values.CREDENTIAL_KEY_VAULT_URL.replace(/\/+$/, ''),
    tenantId: pick('CREDENTIAL_KEY_VAULT_TENANT_ID', values.CREDENTIAL_KEY_VAULT_TENANT_ID, 'TENANT_ID'),
    clientId: pick('CREDENTIAL_KEY_VAULT_CLIENT_ID', values.CREDENTIAL_KEY_VAULT_CLIENT_ID, 'CLIENT_ID'),
    clientSecret: pick(
      'CREDENTIAL_KEY_VAULT_CLIENT_SECRET',
      values.CREDENTIAL_KEY_VAULT_CLIENT_SECRET,
      'CLIENT_SECRET',
    ),
    authorityUrl: values.CREDENTIAL_KEY_VAULT_AUTHORITY_URL.replace(/\/+$/, ''),
  };
}
