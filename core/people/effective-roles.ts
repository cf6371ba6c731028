import { AppError } from '../errors';
import type { Role } from './person';

export const APP_ROLE_ADMIN = 'Practica.Admin';
export const APP_ROLE_AUTHOR = 'Practica.Author';

/** What a caller may do: stored and app roles, plus 'manager' for anyone the directory says manages someone. */
export type CallerRole = Role | 'manager';

const ORDER: readonly CallerRole[] = ['employee', 'manager', 'author', 'admin'];

/**
 * The caller's roles, decided here and nowhere else: what the directory stored, Entra app roles from their
 * token's `roles` claim (Practica.Admin → admin, Practica.Author → author), the bootstrap admin (named by
 * UPN in configuration, before anyone has been assigned the app role) and manager when someone reports to
 * them. Everyone is an employee.
 */
export function effectiveRoles(options: {
  storedRoles: readonly Role[];
  tokenAppRoles: readonly string[];
  upn: string | null;
  bootstrapAdminUpn?: string;
  managesSomeone: boolean;
}): CallerRole[] {
  const roles = new Set<CallerRole>(['employee', ...options.storedRoles]);
  if (options.managesSomeone) roles.add('manager');
  if (options.tokenAppRoles.includes(APP_ROLE_ADMIN)) roles.add('admin');
  if (options.tokenAppRoles.includes(APP_ROLE_AUTHOR)) roles.add('author');
  const bootstrap = options.bootstrapAdminUpn?.trim().toLowerCase();
  if (bootstrap && options.upn?.trim().toLowerCase() === bootstrap) roles.add('admin');
  return ORDER.filter((role) => roles.has(role));
}

/** Refuses a caller without `role` (AppError 'forbidden', answered 403) with `message`. */
export function requireRole(roles: readonly CallerRole[], role: CallerRole, message: string): void {
  if (!roles.includes(role)) throw new AppError('forbidden', message);
}
