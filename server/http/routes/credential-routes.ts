import { Hono } from 'hono';
import {
  credentialUrls,
  levelThresholdsOf,
  OPEN_BADGES_CONTEXT,
  practiceAchievement,
  REVOCATION_LIST_TYPE,
  VC_CONTEXT_V2,
  type Clock,
  type PracticeCredential,
  type Store,
} from '../../../core';
import { verifyCredential, type CredentialKeyStore } from '../../credentials';
import { errorResponse } from '../error-response';
import type { HttpEnv } from '../types';
import { credentialPage } from './credential-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PUBLIC = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
export const VC_JWT_TYPE = 'application/vc+jwt';

const wantsJwt = (accept: string | undefined) => /application\/(vc\+)?jwt/i.test(accept ?? '');

/**
 * The public credential routes (no sign-in: a verifier, an LMS or an employer follows the link):
 * GET /credentials/{id} (the VC-JWT when asked for `application/vc+jwt` or `application/jwt`, else the
 * credential's JSON), GET /credentials/{id}/verify (the verification page), and per tenant its issuer profile,
 * signing keys (JWKS) and revocation list. Nothing beyond what the credential itself says is shown.
 */
export function credentialRoutes(options: {
  store: Store;
  clock: Clock;
  baseUrl: string;
  keyStore: CredentialKeyStore | null;
}): Hono<HttpEnv> {
  const { store, clock, baseUrl, keyStore } = options;
  const urls = credentialUrls(baseUrl);
  const find = async (id: string): Promise<PracticeCredential | null> =>
    UUID.test(id) ? store.credentials.findPublic(id) : null;
  const knownTenant = async (tenantId: string) => UUID.test(tenantId) && (await store.tenants.get(tenantId));

  return new Hono<HttpEnv>()
    .get('/credentials/:id', async (c) => {
      const stored = await find(c.req.param('id'));
      if (!stored) return errorResponse(c, 404, 'not_found', 'No such credential');
      if (!stored.jwt || stored.revokedAt)
        return c.json(
          { code: 'credential_revoked', message: 'This credential has been revoked' },
          410,
          PUBLIC,
        );
      if (wantsJwt(c.req.header('accept')))
        return c.body(stored.jwt, 200, { ...PUBLIC, 'Content-Type': VC_JWT_TYPE });
      const payload = Buffer.from(stored.jwt.split('.')[1]!, 'base64url').toString('utf8');
      return c.body(payload, 200, { ...PUBLIC, 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get('/credentials/:id/verify', async (c) => {
      const stored = await find(c.req.param('id'));
      if (!stored) return c.html('<!doctype html><title>Not found</title><p>No such credential.</p>', 404);
      const outcome = await verifyCredential({
        stored,
        publicKeys: keyStore ? await keyStore.publicKeys(stored.tenantId) : [],
        now: clock.now(),
      });
      return c.html(credentialPage(outcome), 200, { 'Cache-Control': 'no-store' });
    })
    .get('/credentials/tenants/:tenantId/jwks.json', async (c) => {
      const tenantId = c.req.param('tenantId');
      if (!(await knownTenant(tenantId))) return errorResponse(c, 404, 'not_found', 'No such issuer');
      return c.json({ keys: keyStore ? await keyStore.publicKeys(tenantId) : [] }, 200, PUBLIC);
    })
    .get('/credentials/tenants/:tenantId/issuer', async (c) => {
      const tenant = await knownTenant(c.req.param('tenantId'));
      if (!tenant) return errorResponse(c, 404, 'not_found', 'No such issuer');
      return c.json(
        {
          '@context': [VC_CONTEXT_V2, OPEN_BADGES_CONTEXT],
          id: urls.issuer(tenant.id),
          type: ['Profile'],
          name: tenant.displayName,
          url: baseUrl,
        },
        200,
        PUBLIC,
      );
    })
    .get('/credentials/tenants/:tenantId/achievements/:skillArea', async (c) => {
      const tenant = await knownTenant(c.req.param('tenantId'));
      const skillArea =
        tenant && tenant.settings.skillAreas.find((area) => area.id === c.req.param('skillArea'));
      if (!tenant || !skillArea) return errorResponse(c, 404, 'not_found', 'No such achievement');
      return c.json(
        {
          '@context': [VC_CONTEXT_V2, OPEN_BADGES_CONTEXT],
          ...practiceAchievement({
            baseUrl,
            tenantId: tenant.id,
            skillArea,
            thresholds: levelThresholdsOf(tenant.settings),
          }),
        },
        200,
        PUBLIC,
      );
    })
    .get('/credentials/tenants/:tenantId/revocations', async (c) => {
      const tenantId = c.req.param('tenantId');
      if (!(await knownTenant(tenantId))) return errorResponse(c, 404, 'not_found', 'No such issuer');
      const revoked = await store.credentials.listRevoked(tenantId);
      return c.json(
        {
          id: urls.revocationList(tenantId),
          type: REVOCATION_LIST_TYPE,
          issuer: urls.issuer(tenantId),
          revokedCredentials: revoked.map((credential) => ({
            id: urls.credential(credential.id),
            revoked: true,
            revocationReason: credential.revocationReason ?? 'revoked',
          })),
        },
        200,
        PUBLIC,
      );
    });
}
