import { createHmac } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
} from 'jose';
import { AppError } from '../../core';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

// Claim sets as Entra ID issues them to a Teams SSO app (Microsoft identity platform access token claims
// reference): Teams asks for api://{domain}/{clientId}/access_as_user and the token's version follows the
// app registration's requestedAccessTokenVersion. Identifiers are made up; shapes and claim names are real.
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const CLIENT_ID = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const APP_ID_URI = `api://practica.example.com/${CLIENT_ID}`;
const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const OID = '4a3c1c1e-5f7b-4d0a-9d2e-6b8f0e1c2a3b';
const KID = 'kLYm5gOsGQ3tqMnMuAVyT1TjJ3E';

function v1Claims(now: number): JWTPayload {
  return {
    aud: APP_ID_URI,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    acr: '1',
    aio: 'AVQAq/8WAAAA3n0bZ0vJ2xG1Jv2h4k5l6m7n8o9p0q1r2s3t4u5v6w7x8y9z0A==',
    amr: ['pwd', 'mfa'],
    appid: TEAMS_DESKTOP,
    appidacr: '0',
    family_name: 'Ellis',
    given_name: 'Jordan',
    ipaddr: '203.0.113.7',
    name: 'Jordan Ellis',
    oid: OID,
    rh: '0.AXEAv4j5cvGGr0GRqy180BHbR-OPHwtQT8ZGFoKTpLXG6Pl0AOE.',
    scp: 'access_as_user',
    sub: 'lqQ0j5eD1W4zYyI9o2nS0n8mYpG2hGg3cK1uJ6fX0aQ',
    tid: TENANT,
    unique_name: 'Jordan.Ellis@northwind.example',
    upn: 'Jordan.Ellis@northwind.example',
    uti: 'Yx3H8Q0e2UeV6m7n8o9pAA',
    ver: '1.0',
  };
}

function v2Claims(now: number): JWTPayload {
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    aio: 'AWQAm/8WAAAAb1c2d3e4f5g6h7i8j9k0l1m2n3o4p5q6r7s8t9u0v1w2x3y4z5A=',
    azp: TEAMS_WEB,
    azpacr: '0',
    name: 'Jordan Ellis',
    oid: OID,
    preferred_username: 'Jordan.Ellis@northwind.example',
    rh: '0.AXEAv4j5cvGGr0GRqy180BHbR-OPHwtQT8ZGFoKTpLXG6Pl0AOE.',
    roles: ['Practica.Author'],
    scp: 'access_as_user',
    sub: 'lqQ0j5eD1W4zYyI9o2nS0n8mYpG2hGg3cK1uJ6fX0aQ',
    tid: TENANT,
    uti: 'Yx3H8Q0e2UeV6m7n8o9pAA',
    ver: '2.0',
  };
}

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let entra: Keys;
let attacker: Keys;
let verify: TokenVerifier;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  entra = await generateKeyPair('RS256', { extractable: true });
  attacker = await generateKeyPair('RS256', { extractable: true });
  // Stands in for https://login.microsoftonline.com/common/discovery/v2.0/keys.
  const jwks = { keys: [{ ...(await exportJWK(entra.publicKey)), kid: KID, use: 'sig' }] };
  verify = createTokenVerifier({
    clientId: CLIENT_ID,
    applicationIdUris: [APP_ID_URI],
    keys: createLocalJWKSet(jwks),
    isTenantAllowed: async (tenantId) => tenantId === TENANT,
  });
});

function sign(claims: JWTPayload, key = entra.privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: KID, x5t: KID }).sign(key);
}

async function refusal(token: string): Promise<{ code: string; message: string }> {
  const error: unknown = await verify(token).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

function without(claims: JWTPayload, name: string): JWTPayload {
  const copy = { ...claims };
  delete copy[name];
  return copy;
}

describe('verifying a Teams SSO access token', () => {
  it('accepts a v1 token for the application ID URI, naming the person by their UPN', async () => {
    await expect(verify(await sign(v1Claims(now())))).resolves.toEqual({
      tenantId: TENANT,
      aadObjectId: OID,
      upn: 'jordan.ellis@northwind.example',
      displayName: 'Jordan Ellis',
      appRoles: [],
      tokenVersion: '1.0',
    });
  });

  it('accepts a v2 token for the client id, with the app roles assigned to the person', async () => {
    await expect(verify(await sign(v2Claims(now())))).resolves.toEqual({
      tenantId: TENANT,
      aadObjectId: OID,
      upn: 'jordan.ellis@northwind.example',
      displayName: 'Jordan Ellis',
      appRoles: ['Practica.Author'],
      tokenVersion: '2.0',
    });
  });

  it('names a v1 person by unique_name when the token has no upn (guests)', async () => {
    const guest = { ...without(v1Claims(now()), 'upn'), unique_name: 'live.com#sam@contoso.example' };
    await expect(verify(await sign(guest))).resolves.toMatchObject({ upn: 'live.com#sam@contoso.example' });
  });

  it('accepts a token whose scopes include access_as_user among others', async () => {
    const token = await sign({ ...v2Claims(now()), scp: 'User.Read access_as_user' });
    await expect(verify(token)).resolves.toMatchObject({ aadObjectId: OID });
  });

  describe.each([
    ['v1', v1Claims],
    ['v2', v2Claims],
  ])('refuses a %s token', (_version, claims) => {
    it('signed by a key Entra does not publish (bad signature)', async () => {
      expect(await refusal(await sign(claims(now()), attacker.privateKey))).toEqual({
        code: 'unauthenticated',
        message: 'Token signature is not valid',
      });
    });

    it('whose payload was altered after signing', async () => {
      const [header, , signature] = (await sign(claims(now()))).split('.');
      const payload = Buffer.from(JSON.stringify({ ...claims(now()), oid: randomOid() })).toString(
        'base64url',
      );
      expect((await refusal(`${header}.${payload}.${signature}`)).code).toBe('unauthenticated');
    });

    it('with alg none', async () => {
      const token = new UnsecuredJWT(claims(now())).encode();
      expect(await refusal(token)).toEqual({
        code: 'unauthenticated',
        message: 'Token algorithm none is not accepted',
      });
    });

    it('signed HS256 with the public key as the shared secret', async () => {
      const secret = await exportSPKI(entra.publicKey);
      const header = base64url({ alg: 'HS256', typ: 'JWT', kid: KID });
      const body = base64url(claims(now()));
      const mac = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
      expect(await refusal(`${header}.${body}.${mac}`)).toEqual({
        code: 'unauthenticated',
        message: 'Token algorithm HS256 is not accepted',
      });
    });

    it('for another audience', async () => {
      expect(
        await refusal(await sign({ ...claims(now()), aud: 'api://practica.example.com/other' })),
      ).toEqual({ code: 'unauthenticated', message: 'Token aud claim is not accepted' });
    });

    it('from a tenant that is not allowed, even when its issuer matches that tenant', async () => {
      const base = claims(now());
      const issuer = String(base.iss).replace(TENANT, OTHER_TENANT);
      expect(await refusal(await sign({ ...base, tid: OTHER_TENANT, iss: issuer }))).toEqual({
        code: 'tenant_not_allowed',
        message: 'This organisation is not set up to use Practica',
      });
    });

    it('whose issuer names another tenant than its tid', async () => {
      const base = claims(now());
      const issuer = String(base.iss).replace(TENANT, OTHER_TENANT);
      expect((await refusal(await sign({ ...base, iss: issuer }))).message).toBe(
        'Token issuer does not match its tenant and version',
      );
    });

    it('that has expired (beyond the clock tolerance)', async () => {
      const t = now();
      const token = await sign({ ...claims(t), iat: t - 7200, nbf: t - 7200, exp: t - 120 });
      expect(await refusal(token)).toEqual({ code: 'unauthenticated', message: 'Token has expired' });
    });

    it('that is not valid yet', async () => {
      const t = now();
      const token = await sign({ ...claims(t), nbf: t + 600, exp: t + 4200 });
      expect(await refusal(token)).toEqual({
        code: 'unauthenticated',
        message: 'Token nbf claim is not accepted',
      });
    });

    it('without the access_as_user scope', async () => {
      expect(await refusal(await sign({ ...claims(now()), scp: 'User.Read' }))).toEqual({
        code: 'unauthenticated',
        message: 'Token lacks the access_as_user scope',
      });
    });

    it('that is app-only (roles but no scp)', async () => {
      const appOnly = { ...without(claims(now()), 'scp'), roles: ['Practica.Admin'] };
      expect((await refusal(await sign(appOnly))).message).toBe('Token lacks the access_as_user scope');
    });

    it.each(['oid', 'tid'])('without %s', async (name) => {
      expect(await refusal(await sign(without(claims(now()), name)))).toEqual({
        code: 'unauthenticated',
        message: `Token has no ${name} claim`,
      });
    });

    it('without exp', async () => {
      expect((await refusal(await sign(without(claims(now()), 'exp')))).code).toBe('unauthenticated');
    });
  });

  it('refuses a v2 issuer on a v1 token and a v1 issuer on a v2 token', async () => {
    const v1WithV2Issuer = { ...v1Claims(now()), iss: `https://login.microsoftonline.com/${TENANT}/v2.0` };
    const v2WithV1Issuer = { ...v2Claims(now()), iss: `https://sts.windows.net/${TENANT}/` };
    for (const claims of [v1WithV2Issuer, v2WithV1Issuer])
      expect((await refusal(await sign(claims))).message).toBe(
        'Token issuer does not match its tenant and version',
      );
  });

  it('refuses a token with no version or an unknown one', async () => {
    expect((await refusal(await sign(without(v2Claims(now()), 'ver')))).message).toBe(
      'Token version (ver) must be 1.0 or 2.0',
    );
    expect((await refusal(await sign({ ...v2Claims(now()), ver: '3.0' }))).message).toBe(
      'Token version (ver) must be 1.0 or 2.0',
    );
  });

  it('refuses a token the Teams client obtained for another app, and one our app obtained for Graph', async () => {
    const otherApp = { ...v2Claims(now()), aud: randomOid() };
    const forGraph = {
      ...v1Claims(now()),
      aud: 'https://graph.microsoft.com',
      appid: CLIENT_ID,
      scp: 'User.Read profile openid email',
    };
    expect((await refusal(await sign(otherApp))).message).toBe('Token aud claim is not accepted');
    expect((await refusal(await sign(forGraph))).message).toBe('Token aud claim is not accepted');
  });

  it('refuses something that is not a JWT', async () => {
    expect(await refusal('not-a-jwt')).toEqual({ code: 'unauthenticated', message: 'Token is not valid' });
  });
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function randomOid(): string {
  return crypto.randomUUID();
}
