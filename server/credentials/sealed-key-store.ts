import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Clock, SecretBox } from '../../core';
import type { CredentialKeyRepository } from '../../store';
import { CREDENTIAL_ALGORITHM, type CredentialKeyStore, type SigningKey } from './credential-key-store';

const sealContext = (tenantId: string) => `credential_signing_keys:${tenantId}`;

/**
 * Each tenant's ES256 key pair is generated on first use and stored with its private half sealed by
 * PRACTICA_SECRET_KEY (AES-256-GCM); it is opened in memory only to sign and never logged.
 */
export function sealedKeyStore(options: {
  keys: CredentialKeyRepository;
  secrets: SecretBox;
  clock: Clock;
}): CredentialKeyStore {
  const { keys, secrets, clock } = options;
  const opened = new Map<string, SigningKey>();

  async function generate(tenantId: string) {
    const pair = await generateKeyPair(CREDENTIAL_ALGORITHM, { extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const keyId = await calculateJwkThumbprint(publicJwk);
    const privateJwk = await exportJWK(pair.privateKey);
    return keys.insertOrGet({
      tenantId,
      keyId,
      algorithm: CREDENTIAL_ALGORITHM,
      publicJwk: { ...publicJwk, kid: keyId, alg: CREDENTIAL_ALGORITHM, use: 'sig' },
      sealedPrivateJwk: secrets.seal(JSON.stringify(privateJwk), sealContext(tenantId)),
      createdAt: clock.now(),
    });
  }

  return {
    async signingKey(tenantId) {
      const cached = opened.get(tenantId);
      if (cached) return cached;
      const stored = (await keys.get(tenantId)) ?? (await generate(tenantId));
      const privateJwk = JSON.parse(secrets.open(stored.sealedPrivateJwk, sealContext(tenantId))) as JWK;
      const key: SigningKey = {
        keyId: stored.keyId,
        privateKey: (await importJWK(privateJwk, stored.algorithm)) as KeyLike,
        publicJwk: stored.publicJwk as unknown as JWK,
      };
      opened.set(tenantId, key);
      return key;
    },
    async publicKeys(tenantId) {
      const stored = await keys.get(tenantId);
      return stored ? [stored.publicJwk as unknown as JWK] : [];
    },
  };
}
