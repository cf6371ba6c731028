import { SignJWT, type JWTPayload } from 'jose';
import type { CredentialSigner } from '../../core';
import { CREDENTIAL_ALGORITHM, type CredentialKeyStore } from './credential-key-store';

const seconds = (iso: unknown) => Math.floor(new Date(String(iso)).getTime() / 1000);
const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');

/**
 * Secures a credential as a VC-JWT: the JWT payload is the credential itself (VC data model 2.0, `typ`
 * `vc+jwt`, `cty` `vc`), with the registered claims a plain JWT library checks added alongside it: `iss` (the
 * issuer profile id), `jti` (the credential id), `sub` (the subject id), `nbf`/`iat` (validFrom) and `exp`
 * (validUntil), so expiry is enforced by any verifier. A key held in process signs with jose; a key in a vault
 * signs the same JWS signing input remotely.
 */
export function joseCredentialSigner(keyStore: CredentialKeyStore): CredentialSigner {
  return {
    async sign(tenantId, credential) {
      const key = await keyStore.signingKey(tenantId);
      const header = { alg: CREDENTIAL_ALGORITHM, kid: key.keyId, typ: 'vc+jwt', cty: 'vc' };
      const claims: JWTPayload = {
        ...credential,
        iss: (credential.issuer as { id: string }).id,
        jti: String(credential.id),
        sub: (credential.credentialSubject as { id: string }).id,
        nbf: seconds(credential.validFrom),
        iat: seconds(credential.validFrom),
        exp: seconds(credential.validUntil),
      };
      if ('privateKey' in key) return new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
      const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
      const signature = await key.signRemotely(new TextEncoder().encode(signingInput));
      return `${signingInput}.${base64url(signature)}`;
    },
  };
}
