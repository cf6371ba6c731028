import { Hono } from 'hono';
import type { HttpEnv } from '../types';

/** GET /api/v1/me: who the signed-in person is, as Practica knows them, with every role they hold. */
export function meRoutes(): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/me', (c) => {
    const { person, roles } = c.get('caller');
    return c.json({
      id: person.id,
      tenantId: person.tenantId,
      displayName: person.displayName,
      email: person.email,
      department: person.department,
      jobTitle: person.jobTitle,
      roles,
    });
  });
}
