import { Hono } from 'hono';
import { effectiveRoles, type Store } from '../../../core';
import type { HttpEnv } from '../types';
import { personFor } from './person-for';

/** GET /api/v1/me: who the signed-in person is, as Practica knows them. */
export function meRoutes(options: { store: Store; bootstrapAdminUpn?: string }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/me', async (c) => {
    const user = c.get('user');
    const person = await personFor(options.store, user);
    return c.json({
      id: person.id,
      tenantId: person.tenantId,
      displayName: person.displayName,
      email: person.email,
      department: person.department,
      jobTitle: person.jobTitle,
      roles: effectiveRoles({
        storedRoles: person.roles,
        tokenAppRoles: user.appRoles,
        upn: user.upn,
        bootstrapAdminUpn: options.bootstrapAdminUpn,
      }),
    });
  });
}
