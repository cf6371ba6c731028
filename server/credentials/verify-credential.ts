import { createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';
import { credentialStanding, type PracticeCredential } from '../../core';
import { CREDENTIAL_ALGORITHM } from './credential-key-store';

export type VerificationOutcome =
  | { verified: true; credential: Record<string, unknown> }
  | {
      verified: false;
      reason: 'revoked' | 'expired' | 'not-yet-valid' | 'bad-signature' | 'no-key' | 'malformed';
      credential: Record<string, unknown> | null;
    };

const decodePayload = (jwt: string): Record<string, unknown> | null => {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * Checks a stored credential as a verifier would: revocation (our own record), then the JWS signature against
 * the tenant's published keys, then the validity period. The payload is returned only when it could be read.
 */
export async function verifyCredential(options: {
  stored: PracticeCredential;
  publicKeys: JWK[];
  now: Date;
}): Promise<VerificationOutcome> {
  const { stored, publicKeys, now } = options;
  if (!stored.jwt) return { verified: false, reason: 'revoked', credential: null };
  const claimed = decodePayload(stored.jwt);
  const standing = credentialStanding(stored, now);
  if (standing === 'revoked') return { verified: false, reason: 'revoked', credential: claimed };
  if (publicKeys.length === 0) return { verified: false, reason: 'no-key', credential: claimed };
  try {
    const { payload } = await jwtVerify(stored.jwt, createLocalJWKSet({ keys: publicKeys }), {
      algorithms: [CREDENTIAL_ALGORITHM],
      typ: 'vc+jwt',
      currentDate: now,
    });
    return { verified: true, credential: payload as Record<string, unknown> };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return { verified: false, reason: 'expired', credential: claimed };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
      return { verified: false, reason: 'not-yet-valid', credential: claimed };
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
      return { verified: false, reason: 'bad-signature', credential: claimed };
    return { verified: false, reason: 'malformed', credential: claimed };
  }
}
