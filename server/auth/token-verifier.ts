import {
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../../core';

export type VerifiedUser = {
  tenantId: string;
  aadObjectId: string;
  upn: string | null;
  displayName: string | null;
  appRoles: string[];
  tokenVersion: '1.0' | '2.0';
};

export type TokenVerifierOptions = {
  clientId: string;
  /** Application ID URIs the token may be issued for (v1 tokens): api://{domain}/{clientId}. */
  applicationIdUris: string[];
  keys: JWTVerifyGetKey;
  isTenantAllowed(tenantId: string): Promise<boolean>;
  requiredScope?: string;
  clockToleranceSeconds?: number;
};

export type TokenVerifier = (token: string) => Promise<VerifiedUser>;

/**
 * Verifies a Teams SSO (Entra ID) access token: RS256 signature against the key set, expiry, audience
 * (the client id, or the application ID URI for v1 tokens), the issuer that matches the token version and
 * tenant, an allowed tenant, and the access_as_user scope. Development tokens go through the same checks.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const audiences = [options.clientId, ...options.applicationIdUris];
  const requiredScope = options.requiredScope ?? 'access_as_user';

  return async (token) => {
    let payload: JWTPayload;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256')
        throw new AppError('unauthenticated', `Token algorithm ${String(header.alg)} is not accepted`);
      ({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ['RS256'],
        audience: audiences,
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat', 'iss', 'aud'],
      }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unauthenticated', describeJoseFailure(error), { cause: error });
    }

    const tenantId = claim(payload, 'tid');
    const version = payload.ver === '1.0' ? '1.0' : payload.ver === '2.0' ? '2.0' : null;
    if (!version) throw new AppError('unauthenticated', 'Token version (ver) must be 1.0 or 2.0');
    const expectedIssuer =
      version === '2.0'
        ? `https://login.microsoftonline.com/${tenantId}/v2.0`
        : `https://sts.windows.net/${tenantId}/`;
    if (payload.iss !== expectedIssuer)
      throw new AppError('unauthenticated', 'Token issuer does not match its tenant and version');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(requiredScope))
      throw new AppError('unauthenticated', `Token lacks the ${requiredScope} scope`);
    if (!(await options.isTenantAllowed(tenantId))) {
      throw new AppError('tenant_not_allowed', 'This organisation is not set up to use Practica');
    }
    const upn =
      optionalClaim(payload, 'preferred_username') ??
      optionalClaim(payload, 'upn') ??
      optionalClaim(payload, 'unique_name');
    return {
      tenantId,
      aadObjectId: claim(payload, 'oid'),
      upn: upn?.toLowerCase() ?? null,
      displayName: optionalClaim(payload, 'name'),
      appRoles: Array.isArray(payload.roles)
        ? payload.roles.filter((role): role is string => typeof role === 'string')
        : [],
      tokenVersion: version,
    };
  };
}

function claim(payload: JWTPayload, name: string): string {
  const value = payload[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new AppError('unauthenticated', `Token has no ${name} claim`);
  return value;
}

function optionalClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function describeJoseFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `Token ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token signature is not valid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'Token was not signed by a trusted key';
  return 'Token is not valid';
}
