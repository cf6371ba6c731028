import type { HttpRouteHandler } from '@microsoft/teams.apps';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeActivityProblem } from '../../../bot';
import { errorResponse } from '../error-response';
import { readJsonBody } from '../read-json-body';
import type { Readiness } from './health-routes';

/** Seconds Teams is asked to wait before delivering again a turn that failed while the database was away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * POST /api/messages: a well-formed Bot Framework activity goes to the Teams SDK, which checks its token. A turn
 * that fails while the database cannot be reached answers 503 with Retry-After: nothing of it was kept, and the
 * same activity delivered again is acted on once.
 */
export function botRoutes(handleMessages: HttpRouteHandler, readiness: Readiness): Hono {
  return new Hono().post('/api/messages', async (c) => {
    const body = await readJsonBody(c);
    const problem = describeActivityProblem(body);
    if (problem) return errorResponse(c, 400, 'invalid_activity', `Not a Bot Framework activity: ${problem}`);
    const result = await handleMessages({ body, headers: c.req.header() });
    if (result.status >= 500 && !(await readiness()).ready) {
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return errorResponse(
        c,
        503,
        'database_unavailable',
        'Practica cannot reach its database just now; nothing of this message was kept. Send it again shortly.',
      );
    }
    if (result.status >= 400) {
      const message =
        typeof (result.body as { error?: unknown })?.error === 'string'
          ? String((result.body as { error: string }).error)
          : 'Request refused';
      const code = result.status === 401 ? 'unauthenticated' : 'bot_error';
      return errorResponse(c, result.status as ContentfulStatusCode, code, message);
    }
    return result.body === undefined
      ? c.body(null, result.status as ContentfulStatusCode)
      : c.json(result.body, result.status as ContentfulStatusCode);
  });
}
