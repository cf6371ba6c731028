import { Hono } from 'hono';
import { credentialStanding, credentialUrls, type Clock, type Store } from '../../../core';
import { errorResponse } from '../error-response';
import type { HttpEnv } from '../types';
import type { RouteAccess } from './route-access';

export const myCredentialRouteAccess: readonly RouteAccess[] = [
  { method: 'GET', path: '/api/v1/me/credentials', roles: ['employee'], scope: 'the caller’s own' },
  {
    method: 'GET',
    path: '/api/v1/me/credentials/:id/download',
    roles: ['employee'],
    scope: 'the caller’s own',
  },
];

/**
 * GET /me/credentials (my Open Badges credentials of practice, newest first, with their standing and links) and
 * GET /me/credentials/{id}/download (the signed VC-JWT as a file, for a wallet or an employer).
 */
export function myCredentialRoutes(options: { store: Store; clock: Clock; baseUrl: string }): Hono<HttpEnv> {
  const { store, clock } = options;
  const urls = credentialUrls(options.baseUrl);
  return new Hono<HttpEnv>()
    .get('/me/credentials', async (c) => {
      const { person } = c.get('caller');
      const [tenant, credentials] = await Promise.all([
        store.tenants.get(person.tenantId),
        store.credentials.listForPerson(person.tenantId, person.id),
      ]);
      const areaName = (id: string) => tenant?.settings.skillAreas.find((area) => area.id === id)?.name ?? id;
      const now = clock.now();
      return c.json({
        credentials: credentials.map((credential) => ({
          id: credential.id,
          skillArea: credential.skillArea,
          skillAreaName: areaName(credential.skillArea),
          validFrom: credential.validFrom.toISOString(),
          validUntil: credential.validUntil.toISOString(),
          status: credentialStanding(credential, now),
          url: urls.credential(credential.id),
          verificationUrl: urls.verification(credential.id),
        })),
      });
    })
    .get('/me/credentials/:id/download', async (c) => {
      const { person } = c.get('caller');
      const credential = (await store.credentials.listForPerson(person.tenantId, person.id)).find(
        (candidate) => candidate.id === c.req.param('id'),
      );
      if (!credential?.jwt) return errorResponse(c, 404, 'not_found', 'You hold no such credential');
      return c.body(credential.jwt, 200, {
        'Content-Type': 'application/vc+jwt',
        'Content-Disposition': `attachment; filename="practice-credential-${credential.skillArea.replace(/[^a-z0-9-]/gi, '-')}.jwt"`,
        'Cache-Control': 'no-store',
      });
    });
}
