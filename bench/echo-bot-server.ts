/**
 * The baseline for the bot figures: a bare echo bot on the same Teams SDK v2, hosted the way Practica hosts
 * its bot (a Hono app on @hono/node-server with the same body limit and POST /api/messages route, handing
 * the parsed activity to the handler the SDK registers through the captured-route adapter).
 */
import { serve } from '@hono/node-server';
import { App } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CapturedRouteAdapter } from '../server/bot/captured-route-adapter';
import { errorResponse } from '../server/http/error-response';
import { MalformedJsonError } from '../server/http/read-json-body';
import { botRoutes } from '../server/http/routes/bot-routes';

const BODY_LIMIT_BYTES = 1024 * 1024;

async function main(): Promise<void> {
  const adapter = new CapturedRouteAdapter();
  const app = new App({
    httpServerAdapter: adapter,
    logger: new ConsoleLogger('echo-bot', { level: 'warn' }),
    dangerouslyAllowUnauthenticatedRequests: true,
  });
  app.on('message', async ({ activity, send }) => {
    await send(activity.text);
  });
  await app.initialize();

  const http = new Hono();
  http.use(
    '*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: (c) => errorResponse(c, 413, 'payload_too_large', 'The request body is too large'),
    }),
  );
  http.get('/readyz', (c) => c.json({ status: 'ready' }));
  http.route(
    '/',
    botRoutes(adapter.messagesHandler, async () => ({ ready: true, database: 'none' })),
  );
  http.onError((error, c) =>
    error instanceof MalformedJsonError
      ? errorResponse(c, 400, 'malformed_json', error.message)
      : errorResponse(c, 500, 'internal', 'Request failed'),
  );

  const server = serve({ fetch: http.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

void main();
