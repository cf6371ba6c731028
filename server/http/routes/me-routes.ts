import { Hono } from 'hono';
import { effectiveRoles, type Store } from '../../../core';
import type { HttpEnv } from '../types';

/** GET /api/v1/me: who the signed-in person is, as Practica knows them. */
export function meRoutes(options: { store: Store; bootstrapAdminUpn?: string }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/me', async (c) => {
    const user = c.get('user');
    const existing = await options.store.people.findByAadObjectId(user.tenantId, user.aadObjectId);
    const person =
      existing ??
      (await options.store.people.upsertProfile(user.tenantId, {
        tenantId: user.tenantId,
        aadObjectId: user.aadObjectId,
        displayName: user.displayName ?? user.upn ?? 'New colleague',
        email: user.upn ?? '',
        department: null,
        jobTitle: null,
        managerAadObjectId: null,
        employeeId: null,
        lmsIdentifier: null,
        roles: ['employee'],
      }));
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
