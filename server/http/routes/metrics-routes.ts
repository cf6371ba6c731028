import { Hono } from 'hono';
import {
  AppError,
  readMyMetrics,
  readOrganisationMetrics,
  readTeamMetrics,
  type Clock,
  type Ids,
  type Store,
} from '../../../core';
import type { HttpEnv } from '../types';
import { metricsQuery, metricsResponse } from './metrics-schemas';

function periodQuery(query: Record<string, string>) {
  const parsed = metricsQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('invalid_input', 'from and to are dates (YYYY-MM-DD); department is a name.', {
      details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  return parsed.data;
}

/**
 * The five metrics (core/metrics): GET /metrics/organisation (L&D admins; `department` narrows it),
 * GET /metrics/team (a manager's direct reports) and GET /metrics/me. Each takes `from` and `to` dates;
 * the figures cover the whole weeks they fall in, in the tenant's time zone. Group figures for fewer than
 * 5 active people are withheld (`figures: null`, `withheld` says why).
 */
export function metricsRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  return new Hono<HttpEnv>()
    .get('/metrics/organisation', async (c) => {
      const { department, ...period } = periodQuery(c.req.query());
      const view = await readOrganisationMetrics({ ...options, viewer: c.get('caller'), department, period });
      return c.json(metricsResponse.parse(view));
    })
    .get('/metrics/team', async (c) => {
      const { department: _ignored, ...period } = periodQuery(c.req.query());
      return c.json(
        metricsResponse.parse(await readTeamMetrics({ ...options, viewer: c.get('caller'), period })),
      );
    })
    .get('/metrics/me', async (c) => {
      const { department: _ignored, ...period } = periodQuery(c.req.query());
      return c.json(
        metricsResponse.parse(await readMyMetrics({ ...options, viewer: c.get('caller'), period })),
      );
    });
}
