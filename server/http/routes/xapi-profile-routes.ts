import { Hono } from 'hono';
import { practicaProfile, PROFILE_CONTENT_TYPE } from '../../../lms-connector/profile';

/** GET /xapi/profile: Practica's xAPI Profile, public (an LRS or LMS administrator reads it without signing in). */
export function xapiProfileRoutes(): Hono {
  const body = JSON.stringify(practicaProfile(), null, 2);
  return new Hono().get('/xapi/profile', (c) =>
    c.body(body, 200, {
      'Content-Type': `${PROFILE_CONTENT_TYPE}; charset=utf-8`,
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    }),
  );
}
