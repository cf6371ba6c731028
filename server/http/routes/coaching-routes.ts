import { Hono } from 'hono';
import { AppError, readCoaching, type Clock, type Ids, type Store } from '../../../core';
import type { HttpEnv } from '../types';
import { coachingResponse } from './coaching-schemas';
import { pageLimit } from './page-cursor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encodeAfter = (id: string | null) => (id ? Buffer.from(id, 'utf8').toString('base64url') : null);

function decodeAfter(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id))
    throw new AppError('invalid_input', 'cursor must be the nextCursor of a previous page, unchanged');
  return id;
}

/** GET /team/coaching: a manager's next steps with each direct report, page by page (`limit`, `cursor`). */
export function coachingRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/team/coaching', async (c) => {
    const query = c.req.query();
    const view = await readCoaching({
      ...options,
      viewer: c.get('caller'),
      limit: pageLimit(query.limit, 20, 50),
      after: decodeAfter(query.cursor),
    });
    const { nextAfter, ...rest } = view;
    return c.json(coachingResponse.parse({ ...rest, nextCursor: encodeAfter(nextAfter) }));
  });
}
