import { createMiddleware } from 'hono/factory';
import { AppError, effectiveRoles, type Store } from '../../core';
import type { TokenVerifier } from '../auth';
import { personFor } from './person-for';
import type { HttpEnv } from './types';

export type AuthenticateOptions = {
  verify: TokenVerifier;
  store: Store;
  bootstrapAdminUpn?: string;
};

/**
 * Requires `Authorization: Bearer <Teams SSO token>` and decides, once per request and only here, who the
 * caller is: c.get('user') is the verified token, c.get('caller') the person (provisioned on first sight)
 * with their roles from the token's app roles, BOOTSTRAP_ADMIN_UPN, what is stored and the directory.
 */
export function authenticate(options: AuthenticateOptions) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('unauthenticated', 'Sign in first: send the Teams SSO token as a Bearer token');
    const user = await options.verify(match[1]);
    const person = await personFor(options.store, user);
    // A token outlives the account behind it by up to an hour; someone the directory marked as left is out.
    if (!person.active)
      throw new AppError(
        'forbidden',
        'Your account has left your organisation’s directory, so Practica is closed to you',
      );
    const roles = effectiveRoles({
      storedRoles: person.roles,
      tokenAppRoles: user.appRoles,
      upn: user.upn,
      bootstrapAdminUpn: options.bootstrapAdminUpn,
      managesSomeone: await options.store.people.hasReports(person.tenantId, person.id),
    });
    c.set('user', user);
    c.set('caller', { person, roles });
    await next();
  });
}
