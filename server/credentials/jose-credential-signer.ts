import { SignJWT } from 'jose';
import type { CredentialSigner } from '../../core';
import { CREDENTIAL_ALGORITHM, type CredentialKeyStore } from './credential-key-store';

const seconds = (iso: unknown) => Math.floor(new Date(String(iso)).getTime() / 1000);

/**
 * Secures a credential as a VC-JWT: the JWT payload is the credential itself (VC data model 2.0, `typ`
 * `vc+jwt`, `cty` `vc`), with the registered claims a plain JWT library checks added alongside it: `iss` (the
 * issuer profile id), `jti` (the credential id), `sub` (the subject id), `nbf`/`iat` (validFrom) and `exp`
 * (validUntil), so expiry is enforced by any verifier.
 */
export function joseCredentialSigner(keyStore: CredentialKeyStore): CredentialSigner {
  return {
    async sign(tenantId, credential) {
      const key = await keyStore.signingKey(tenantId);
      const issuer = credential.issuer as { id: string };
      const subject = credential.credentialSubject as { id: string };
      return new SignJWT(credential)
        .setProtectedHeader({ alg: CREDENTIAL_ALGORITHM, kid: key.keyId, typ: 'vc+jwt', cty: 'vc' })
        .setIssuer(issuer.id)
        .setJti(String(credential.id))
        .setSubject(subject.id)
        .setNotBefore(seconds(credential.validFrom))
        .setIssuedAt(seconds(credential.validFrom))
        .setExpirationTime(seconds(credential.validUntil))
        .sign(key.privateKey);
    },
  };
}
