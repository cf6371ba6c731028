import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Entra ID's signing keys (the same set for v1 and v2 tokens), cached and refreshed by jose. */
export function entraSigningKeys(): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'), {
    cooldownDuration: 5 * 60_000,
    cacheMaxAge: 24 * 60 * 60_000,
  });
}
