import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HttpRouteHandler } from '@microsoft/teams.apps';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type {
  Clock,
  Ids,
  Logger,
  NudgeStore,
  StatementsOnLrs,
  Store,
  VoidingStatementFactory,
} from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import type { DevTokenIssuer, TokenVerifier } from '../auth';
import type { CredentialKeyStore } from '../credentials';
import { errorFields } from '../logger';
import { authenticate } from './authenticate';
import { appErrorResponse, errorResponse } from './error-response';
import { MalformedJsonError } from './read-json-body';
import { requestBodyLimit } from './request-body-limit';
import { botRoutes } from './routes/bot-routes';
import { certificateRoutes } from './routes/certificate-routes';
import { credentialRoutes } from './routes/credential-routes';
import { myCredentialRoutes } from './routes/my-credential-routes';
import { dataRightsRoutes } from './routes/data-rights-routes';
import { devRoutes } from './routes/dev-routes';
import { directoryAdminRoutes, type DirectoryAdminOptions } from './routes/directory-admin-routes';
import { healthRoutes, type Readiness } from './routes/health-routes';
import { lrsAdminRoutes } from './routes/lrs-admin-routes';
import { lrsTargetConfigRoutes, type LrsTargetConfigOptions } from './routes/lrs-target-config-routes';
import { meRoutes } from './routes/me-routes';
import { metricsRoutes } from './routes/metrics-routes';
import { coachingRoutes } from './routes/coaching-routes';
import { insightsRoutes } from './routes/insights-routes';
import { profileRoutes } from './routes/profile-routes';
import { reviewRoutes } from './routes/review-routes';
import { nudgeAdminRoutes } from './routes/nudge-admin-routes';
import { settingsRoutes } from './routes/settings-routes';
import { sessionRoutes } from './routes/session-routes';
import { startInChatRoutes } from './routes/start-in-chat-routes';
import { workflowRoutes } from './routes/workflow-routes';
import { xapiProfileRoutes } from './routes/xapi-profile-routes';
import type { HttpEnv } from './types';

export type HttpAppOptions = {
  store: Store;
  /**
   * The store the bot reads through (read caches). Workflow and settings routes read and write through it,
   * so what they change clears the bot's caches on this instance; defaults to `store`.
   */
  botStore?: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  bodyLimitBytes: number;
  handleMessages: HttpRouteHandler;
  verifyToken: TokenVerifier;
  readiness: Readiness;
  isDraining: () => boolean;
  bootstrapAdminUpn?: string;
  /** The tenant's LRS targets, for the connector admin API. */
  lrsTargets?: (tenantId: string) => readonly LrsTarget[];
  /** The `voided` statement queued when an erased person's statement must be withdrawn from an LRS. */
  voidingStatement: VoidingStatementFactory;
  /** Asks the tenant's LRS targets for an erased person's statements, beyond those the outbox still records. */
  statementsOnLrs?: StatementsOnLrs;
  /** LRS targets L&D admins create and edit through the API (absent: the environment's only, read-only). */
  lrsTargetConfig?: Omit<LrsTargetConfigOptions, 'store' | 'clock' | 'ids' | 'targetsFor'>;
  /** The Graph directory sync's tenant and settings, when DIRECTORY_SYNC=graph. */
  directory?: DirectoryAdminOptions['directory'];
  /** Nudge bookkeeping, for the admin's reach count (GET /admin/nudges/reach). */
  nudges?: NudgeStore;
  tabDirectory: string;
  /** Credentials of practice: the deployment's base URL (credential links) and the signing key store, if any. */
  credentials?: { baseUrl: string; keyStore: CredentialKeyStore | null };
  /** For "Start in chat": whether sessions may call the model, and the bot's app id for the chat link. */
  startInChat?: { llmAvailable: boolean; botAppId?: string };
  /** Present only in development mode; without it /dev/* does not exist. */
  dev?: { issuer: DevTokenIssuer; tenantId: string };
};

export function createHttpApp(options: HttpAppOptions): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();

  app.use(
    '*',
    requestBodyLimit(options.bodyLimitBytes, (c) =>
      errorResponse(
        c,
        413,
        'payload_too_large',
        `The request body is larger than ${options.bodyLimitBytes} bytes`,
      ),
    ),
  );

  app.route('/', healthRoutes(options.readiness, options.isDraining));
  app.route('/', botRoutes(options.handleMessages, options.readiness));
  app.route('/', xapiProfileRoutes());
  if (options.credentials)
    app.route('/', credentialRoutes({ store: options.store, clock: options.clock, ...options.credentials }));

  const api = new Hono<HttpEnv>();
  api.use(
    '*',
    authenticate({
      verify: options.verifyToken,
      store: options.store,
      bootstrapAdminUpn: options.bootstrapAdminUpn,
    }),
  );
  api.route('/', meRoutes());
  api.route('/', sessionRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  api.route('/', reviewRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  api.route('/', profileRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  const botStore = options.botStore ?? options.store;
  api.route('/', workflowRoutes({ store: botStore, clock: options.clock, ids: options.ids }));
  api.route(
    '/',
    startInChatRoutes({
      store: botStore,
      clock: options.clock,
      ids: options.ids,
      llmAvailable: options.startInChat?.llmAvailable ?? false,
      botAppId: options.startInChat?.botAppId,
    }),
  );
  api.route('/', settingsRoutes({ store: botStore, clock: options.clock, ids: options.ids }));
  api.route('/', certificateRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  if (options.credentials)
    api.route(
      '/',
      myCredentialRoutes({
        store: options.store,
        clock: options.clock,
        baseUrl: options.credentials.baseUrl,
      }),
    );
  api.route('/', metricsRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  api.route('/', coachingRoutes({ store: options.store, clock: options.clock, ids: options.ids }));
  api.route('/', insightsRoutes({ store: options.store, clock: options.clock }));
  if (options.nudges) api.route('/', nudgeAdminRoutes({ nudges: options.nudges }));
  api.route(
    '/',
    lrsAdminRoutes({
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      targetsFor: options.lrsTargets ?? (() => []),
      configuredTargets: options.lrsTargetConfig ? () => options.lrsTargetConfig!.catalog.all() : undefined,
    }),
  );
  if (options.lrsTargetConfig)
    api.route(
      '/',
      lrsTargetConfigRoutes({
        store: options.store,
        clock: options.clock,
        ids: options.ids,
        targetsFor: options.lrsTargets ?? (() => []),
        ...options.lrsTargetConfig,
      }),
    );
  api.route(
    '/',
    dataRightsRoutes({
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      targetNames: (tenantId) => (options.lrsTargets?.(tenantId) ?? []).map((target) => target.name),
      voidingStatement: options.voidingStatement,
      statementsOnLrs: options.statementsOnLrs,
    }),
  );
  api.route(
    '/',
    directoryAdminRoutes({
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      directory: options.directory,
    }),
  );
  app.route('/api/v1', api);
  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));

  if (options.dev) app.route('/', devRoutes({ store: options.store, ...options.dev }));

  mountTab(app, options.tabDirectory, options.logger);

  app.notFound((c) => errorResponse(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof MalformedJsonError) return errorResponse(c, 400, 'malformed_json', error.message);
    const response = appErrorResponse(c, error);
    if (response.status >= 500)
      options.logger.error('Request failed', { path: c.req.path, ...errorFields(error) });
    return response;
  });
  return app;
}

/** The tab's built files at /, with index.html for client-side routes. */
function mountTab(app: Hono<HttpEnv>, directory: string, logger: Logger): void {
  const index = path.join(directory, 'index.html');
  if (!existsSync(index)) {
    logger.warn('The tab is not built (run npm run build:tab); / will answer 404', { directory });
    return;
  }
  app.use('/*', serveStatic({ root: directory }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/dev/') || path.extname(c.req.path) !== '') return next();
    return serveStatic({ root: directory, rewriteRequestPath: () => '/index.html' })(c, next);
  });
}
