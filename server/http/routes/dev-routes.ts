import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../../core';
import type { DevTokenIssuer } from '../../auth';
import { errorResponse } from '../error-response';
import { readJsonBody } from '../read-json-body';

const tokenRequest = z.object({ email: z.email(), appRoles: z.array(z.string()).optional() });

/** Development mode only (never mounted otherwise): pick a demo person and get a locally signed token. */
export function devRoutes(options: { store: Store; issuer: DevTokenIssuer; tenantId: string }): Hono {
  return new Hono()
    .get('/dev/jwks.json', (c) => c.json(options.issuer.jwks))
    .get('/dev/personas', async (c) => {
      const people = await options.store.people.list(options.tenantId);
      return c.json(
        people.map((person) => ({
          email: person.email,
          displayName: person.displayName,
          department: person.department,
          jobTitle: person.jobTitle,
          roles: person.roles,
        })),
      );
    })
    .post('/dev/token', async (c) => {
      const parsed = tokenRequest.safeParse(await readJsonBody(c));
      if (!parsed.success)
        return errorResponse(c, 400, 'invalid_input', 'Send {"email": "<a demo person\'s email>"}');
      const person = await options.store.people.findByEmail(options.tenantId, parsed.data.email);
      if (!person)
        return errorResponse(c, 404, 'not_found', `No demo person has the email ${parsed.data.email}`);
      return c.json({ token: await options.issuer.issue(person, { appRoles: parsed.data.appRoles }) });
    });
}
