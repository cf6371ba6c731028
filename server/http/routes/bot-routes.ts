import type { HttpRouteHandler } from '@microsoft/teams.apps';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeActivityProblem } from '../../../bot';
import { errorResponse } from '../error-response';
import { readJsonBody } from '../read-json-body';

/** POST /api/messages: a well-formed Bot Framework activity goes to the Teams SDK, which checks its token. */
export function botRoutes(handleMessages: HttpRouteHandler): Hono {
  return new Hono().post('/api/messages', async (c) => {
    const body = await readJsonBody(c);
    const problem = describeActivityProblem(body);
    if (problem) return errorResponse(c, 400, 'invalid_activity', `Not a Bot Framework activity: ${problem}`);
    const result = await handleMessages({ body, headers: c.req.header() });
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
