import type { CallerRole } from '../../../core';

/**
 * One API route and who may call it, for the cross-endpoint access matrix: `roles` are the roles admitted
 * (any one suffices); `scope` says what else decides (e.g. only the workflow's own author).
 */
export type RouteAccess = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  roles: readonly CallerRole[];
  scope?: string;
};
