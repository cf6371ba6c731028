import { Hono } from 'hono';
import { readNudgeReach, type NudgeStore } from '../../../core';
import type { HttpEnv } from '../types';
import type { RouteAccess } from './route-access';

export const nudgeAdminRouteAccess: readonly RouteAccess[] = [
  { method: 'GET', path: '/api/v1/admin/nudges/reach', roles: ['admin'] },
];

/** GET /admin/nudges/reach: how many active people of the admin's tenant the bot can send nudges to. */
export function nudgeAdminRoutes(options: { nudges: NudgeStore }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/admin/nudges/reach', async (c) =>
    c.json(await readNudgeReach({ nudges: options.nudges, viewer: c.get('caller') })),
  );
}
