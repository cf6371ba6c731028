import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Person } from '../../core';

/**
 * Development mode only: a key pair made at start-up that signs tokens shaped like Entra v2 access tokens,
 * so the tab and tests exercise the same verification as production. Never created in production.
 */
export type DevTokenIssuer = {
  jwks: { keys: JWK[] };
  keys: JWTVerifyGetKey;
  issue(
    person: Pick<Person, 'tenantId' | 'aadObjectId' | 'email' | 'displayName'>,
    options?: { appRoles?: string[]; expiresInSeconds?: number; audience?: string },
  ): Promise<string>;
};

export async function createDevTokenIssuer(clientId: string): Promise<DevTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `practica-dev-${Date.now().toString(36)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  return {
    jwks,
    keys: createLocalJWKSet(jwks),
    issue: (person, options = {}) =>
      new SignJWT({
        tid: person.tenantId,
        oid: person.aadObjectId,
        preferred_username: person.email,
        name: person.displayName,
        scp: 'access_as_user',
        roles: options.appRoles ?? [],
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(`https://login.microsoftonline.com/${person.tenantId}/v2.0`)
        .setAudience(options.audience ?? clientId)
        .setSubject(person.aadObjectId)
        .setIssuedAt()
        .setExpirationTime(`${options.expiresInSeconds ?? 3600}s`)
        .sign(privateKey),
  };
}
