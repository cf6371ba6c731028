import { Hono } from 'hono';
import { errorResponse } from '../error-response';

export type Readiness = () => Promise<{ ready: true; database: string } | { ready: false; reason: string }>;

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function healthRoutes(readiness: Readiness, isDraining: () => boolean): Hono {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      if (isDraining()) return errorResponse(c, 503, 'shutting_down', 'This instance is shutting down');
      const result = await readiness();
      return result.ready
        ? c.json({ status: 'ready', database: result.database })
        : errorResponse(c, 503, 'not_ready', result.reason);
    });
}
