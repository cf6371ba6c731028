import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { CREDENTIAL_ALGORITHM, type CredentialKeyStore, type SigningKey } from './credential-key-store';

const API_VERSION = '7.4';

/** Key Vault answered something other than what Practica asked for (its status and error code, never a key). */
export class KeyVaultError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KeyVaultError';
  }
}

type VaultKey = { kid: string; kty: string; crv?: string; x?: string; y?: string };

/**
 * Each tenant's key is an EC P-256 key in Azure Key Vault (`practica-credentials-{tenantId}`), created on first
 * use; the vault signs the SHA-256 digest of each JWS signing input (`sign`, ES256), so the private key never
 * leaves it. `token` gives a bearer token for `https://vault.azure.net` (the app needs the key permissions
 * get, create and sign, or the "Key Vault Crypto Officer" role).
 */
export function keyVaultKeyStore(options: {
  vaultUrl: string;
  token: () => Promise<string>;
  fetch?: typeof fetch;
}): CredentialKeyStore {
  const fetchImpl = options.fetch ?? fetch;
  const vault = options.vaultUrl.replace(/\/+$/, '');
  const keys = new Map<string, SigningKey>();
  const keyName = (tenantId: string) => `practica-credentials-${tenantId}`;

  async function call(
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<Record<string, unknown> | null> {
    let response: Response;
    try {
      response = await fetchImpl(`${url}?api-version=${API_VERSION}`, {
        method,
        headers: {
          authorization: `Bearer ${await options.token()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new KeyVaultError(`Could not reach Azure Key Vault at ${vault}`, null, { cause: error });
    }
    if (response.status === 404 && method === 'GET') return null;
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const code = (answer.error as { code?: string } | undefined)?.code ?? 'no error code';
      throw new KeyVaultError(`Azure Key Vault answered ${response.status} (${code})`, response.status);
    }
    return answer;
  }

  async function signingKeyFrom(key: VaultKey): Promise<SigningKey> {
    if (key.kty !== 'EC' && key.kty !== 'EC-HSM')
      throw new KeyVaultError(`The vault key ${key.kid} is not an EC key`, null);
    const publicJwk: JWK = { kty: 'EC', crv: key.crv, x: key.x, y: key.y };
    const keyId = await calculateJwkThumbprint(publicJwk);
    return {
      keyId,
      publicJwk: { ...publicJwk, kid: keyId, alg: CREDENTIAL_ALGORITHM, use: 'sig' },
      async signRemotely(signingInput) {
        const digest = createHash('sha256').update(signingInput).digest('base64url');
        const signed = await call('POST', `${key.kid}/sign`, { alg: CREDENTIAL_ALGORITHM, value: digest });
        if (typeof signed?.value !== 'string')
          throw new KeyVaultError('Azure Key Vault returned no signature', null);
        return Buffer.from(signed.value, 'base64url');
      },
    };
  }

  const vaultKey = (answer: Record<string, unknown> | null) => (answer?.key as VaultKey | undefined) ?? null;

  async function load(tenantId: string, create: boolean): Promise<SigningKey | null> {
    const cached = keys.get(tenantId);
    if (cached) return cached;
    let key = vaultKey(await call('GET', `${vault}/keys/${keyName(tenantId)}`));
    if (!key && create)
      key = vaultKey(
        await call('POST', `${vault}/keys/${keyName(tenantId)}/create`, {
          kty: 'EC',
          crv: 'P-256',
          key_ops: ['sign', 'verify'],
        }),
      );
    if (!key) return null;
    const signingKey = await signingKeyFrom(key);
    keys.set(tenantId, signingKey);
    return signingKey;
  }

  return {
    signingKey: async (tenantId) => (await load(tenantId, true))!,
    publicKeys: async (tenantId) => {
      const key = await load(tenantId, false);
      return key ? [key.publicJwk] : [];
    },
  };
}
