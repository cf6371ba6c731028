import { createMiddleware } from 'hono/factory';
import { AppError } from '../../core';
import type { TokenVerifier } from '../auth';
import type { HttpEnv } from './types';

/** Requires `Authorization: Bearer <Teams SSO token>`; the verified user is available as c.get('user'). */
export function authenticate(verify: TokenVerifier) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('unauthenticated', 'Sign in first: send the Teams SSO token as a Bearer token');
    c.set('user', await verify(match[1]));
    await next();
  });
}
