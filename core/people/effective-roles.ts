import type { Role } from './person';

export const APP_ROLE_ADMIN = 'Practica.Admin';
export const APP_ROLE_AUTHOR = 'Practica.Author';

/**
 * A person's roles: what the directory stored, plus Entra app roles from their token, plus the bootstrap
 * admin (the first admin, named by UPN in configuration, before anyone has assigned app roles).
 */
export function effectiveRoles(options: {
  storedRoles: readonly Role[];
  tokenAppRoles: readonly string[];
  upn: string | null;
  bootstrapAdminUpn?: string;
}): Role[] {
  const roles = new Set<Role>(['employee', ...options.storedRoles]);
  if (options.tokenAppRoles.includes(APP_ROLE_ADMIN)) roles.add('admin');
  if (options.tokenAppRoles.includes(APP_ROLE_AUTHOR)) roles.add('author');
  if (options.bootstrapAdminUpn && options.upn?.toLowerCase() === options.bootstrapAdminUpn.toLowerCase())
    roles.add('admin');
  return (['employee', 'author', 'admin'] as const).filter((role) => roles.has(role));
}
