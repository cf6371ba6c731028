import { Hono } from 'hono';
import {
  AppError,
  listAuditLog,
  readProfile,
  readTeam,
  type Clock,
  type Ids,
  type Store,
} from '../../../core';
import type { HttpEnv } from '../types';
import { decodeCursor, encodeCursor, pageLimit } from './page-cursor';
import { auditResponse, profileResponse, teamResponse } from './profile-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tab's profile API, every answer shaped by core/access: GET /me/profile, GET /people/{id}/profile
 * (the person themself or their manager), GET /team (my direct reports) and GET /audit (L&D admins).
 * Lists take `limit` and `cursor` (the previous page's `nextCursor`).
 */
export function profileRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  const profile = async (viewer: HttpEnv['Variables']['caller'], subjectId: string, query: Query) => {
    const view = await readProfile({
      ...options,
      viewer,
      subjectId,
      page: { limit: pageLimit(query.limit, 20, 100), after: decodeCursor(query.cursor) },
    });
    const { nextPage, ...rest } = view;
    return profileResponse.parse({ ...rest, nextCursor: encodeCursor(nextPage) });
  };

  return new Hono<HttpEnv>()
    .get('/me/profile', async (c) => {
      const caller = c.get('caller');
      return c.json(await profile(caller, caller.person.id, c.req.query()));
    })
    .get('/people/:id/profile', async (c) => {
      const id = c.req.param('id');
      if (!UUID.test(id)) throw new AppError('not_found', 'No one in your organisation has that id.');
      return c.json(await profile(c.get('caller'), id, c.req.query()));
    })
    .get('/team', async (c) => {
      return c.json(teamResponse.parse(await readTeam({ ...options, viewer: c.get('caller') })));
    })
    .get('/audit', async (c) => {
      const query = c.req.query();
      const subject = query.subjectPersonId;
      if (subject !== undefined && !UUID.test(subject))
        throw new AppError('invalid_input', 'subjectPersonId must be a person id (a UUID)');
      const page = await listAuditLog({
        store: options.store,
        viewer: c.get('caller'),
        limit: pageLimit(query.limit, 50, 200),
        after: decodeCursor(query.cursor),
        subjectPersonId: subject,
      });
      return c.json(auditResponse.parse({ entries: page.entries, nextCursor: encodeCursor(page.nextPage) }));
    });
}

type Query = { limit?: string; cursor?: string };
