import { Hono } from 'hono';
import { z } from 'zod';
import { importCertificatesCsv, requireRole, type Clock, type Ids, type Store } from '../../../core';
import { errorResponse } from '../error-response';
import type { HttpEnv } from '../types';
import type { RouteAccess } from './route-access';

export const certificateRouteAccess: readonly RouteAccess[] = [
  { method: 'GET', path: '/api/v1/me/certificates', roles: ['employee'], scope: 'the caller’s own' },
  { method: 'POST', path: '/api/v1/admin/certificates/import', roles: ['admin'] },
];

const certificatesResponse = z.object({
  certificates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      issuer: z.string().nullable(),
      skillArea: z.string().nullable(),
      issuedAt: z.date(),
      source: z.string(),
    }),
  ),
});

const importResponse = z.object({
  /** Good rows: imported now, or already imported before. */
  rows: z.number().int(),
  added: z.number().int(),
  alreadyKnown: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

/**
 * GET /me/certificates (my course completions and credentials from the LMS, voided ones left out) and
 * POST /admin/certificates/import (L&D admins; a text/csv body as an LMS exports it): the good rows are
 * stored, each bad row comes back with its line number and why.
 */
export function certificateRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  const { store } = options;
  return new Hono<HttpEnv>()
    .get('/me/certificates', async (c) => {
      const { person } = c.get('caller');
      const certificates = (await store.certificates.listForPerson(person.tenantId, person.id))
        .filter((certificate) => !certificate.voided)
        .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
      return c.json(
        certificatesResponse.parse({
          certificates: certificates.map((certificate) => ({
            ...certificate,
            source: certificate.source.startsWith('lrs:') ? 'lrs' : certificate.source,
          })),
        }),
      );
    })
    .post('/admin/certificates/import', async (c) => {
      const { person, roles } = c.get('caller');
      requireRole(roles, 'admin', 'Only L&D admins can import certificates');
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'text/csv')
        return errorResponse(
          c,
          415,
          'unsupported_media_type',
          'Send the certificates as CSV with Content-Type: text/csv',
        );
      const tenant = await store.tenants.get(person.tenantId);
      const result = await importCertificatesCsv({
        ...options,
        tenantId: person.tenantId,
        adminId: person.id,
        csv: await c.req.text(),
        patterns: tenant?.settings.certificateSkillAreaPatterns ?? [],
        badRows: 'skip',
      });
      return c.json(
        importResponse.parse({
          ...result,
          errors: result.problems.map((problem) => ({
            line: Number(/\d+/.exec(problem.path)?.[0] ?? 0),
            message: problem.message,
          })),
        }),
      );
    });
}
