import { App, type HttpRouteHandler } from '@microsoft/teams.apps';
import { registerBot, type BotDependencies } from '../../bot';
import type { Config } from '../config';
import { CapturedRouteAdapter } from './captured-route-adapter';
import { SharedTransportClient } from './shared-transport-client';
import { teamsLogger } from './teams-logger';

export type TeamsBot = { app: App; handleMessages: HttpRouteHandler };

/**
 * The Teams SDK app with Practica's conversation. Bot Framework tokens are validated by the SDK whenever
 * credentials are configured; unauthenticated traffic is accepted only in explicit development mode without them.
 */
export async function createTeamsBot(config: Config, deps: BotDependencies): Promise<TeamsBot> {
  const adapter = new CapturedRouteAdapter();
  const app = new App({
    clientId: config.bot.clientId,
    clientSecret: config.bot.clientSecret,
    tenantId: config.bot.tenantId,
    httpServerAdapter: adapter,
    client: new SharedTransportClient(),
    logger: teamsLogger(deps.logger),
    dangerouslyAllowUnauthenticatedRequests: config.devMode && !config.bot.clientId,
  });
  registerBot(app, deps);
  await app.initialize();
  return { app, handleMessages: adapter.messagesHandler };
}
