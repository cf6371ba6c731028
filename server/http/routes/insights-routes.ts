import { Hono } from 'hono';
import { AppError, readWorkflowInsights, type Clock, type Store } from '../../../core';
import type { HttpEnv } from '../types';
import { insightsResponse } from './insights-schemas';
import { metricsQuery } from './metrics-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /workflows/{id}/insights?from&to: adoption, quality, minutes saved and per-step signals (author or admin). */
export function insightsRoutes(options: { store: Store; clock: Clock }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/workflows/:id/insights', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new AppError('not_found', 'There is no such workflow in your organisation.');
    const query = metricsQuery.safeParse(c.req.query());
    if (!query.success) throw new AppError('invalid_input', 'from and to are dates (YYYY-MM-DD).');
    const view = await readWorkflowInsights({
      ...options,
      viewer: c.get('caller'),
      workflowId: id,
      period: { from: query.data.from, to: query.data.to },
    });
    return c.json(insightsResponse.parse(view));
  });
}
