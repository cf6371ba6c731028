import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import {
  randomIds,
  systemClock,
  withCredentialRequests,
  withLevelTracking,
  withMetricRollups,
  type Clock,
  type Ids,
  type LlmClient,
  type Logger,
  type Store,
} from '../core';
import {
  createStore,
  nudgeRepository,
  isFullyMigrated,
  migrateDatabase,
  openDatabase,
  withReadCaches,
  type Database,
} from '../store';
import { createLrsClient } from '../lms-connector/client';
import { OutboxDispatcher } from '../lms-connector/dispatch';
import { practicaStatementsOnLrs } from '../lms-connector/erasure';
import { withXapiOutbox } from '../lms-connector/outbox';
import { voidingStatement } from '../lms-connector/statements';
import { LrsTargetCatalog } from './lrs-targets/lrs-target-catalog';
import { aesGcmSecretBox } from './secrets/aes-gcm-secret-box';
import { credentialKeyStore, joseCredentialSigner } from './credentials';
import type { LrsTarget } from '../lms-connector/targets';
import { createDevTokenIssuer, createTokenVerifier, entraSigningKeys, type DevTokenIssuer } from './auth';
import { createTeamsBot } from './bot/create-teams-app';
import { teamsMessenger } from './bot/teams-messenger';
import { describeDatabase, type Config } from './config';
import { DEMO_TENANT } from './demo';
import { createHttpApp } from './http';
import { databaseLocation } from './open-configured-database';
import {
  certificateSyncJob,
  credentialIssueJob,
  directorySyncJobs,
  generationJob,
  captureDraftJob,
  housekeepingJob,
  JobWorker,
  levelLapseJob,
  recomputeDerivedJob,
  reviewNoticeJob,
  scheduleDirectorySync,
  scheduleRecurringJobs,
  sessionFirstCardJob,
  shareNoticeJob,
  nudgeDailyPlanJob,
  nudgePlanJob,
  nudgeSendJob,
} from './jobs';
import { createGraphDirectoryReader } from './directory';
import { createLlmClient } from './llm';
import { readAttachment } from './files';
import { startDatabaseUpkeep } from './database-upkeep';
import { createLogger, errorFields } from './logger';
import { seedDemoTenant } from './seed/seed-demo';

export const DEV_CLIENT_ID = 'practica-dev-client';
/** How soon an LRS target an admin changed on another instance is used here. */
const LRS_TARGET_REFRESH_MS = 5_000;

export type RunningPractica = {
  url: string;
  port: number;
  database: Database;
  store: Store;
  devTokens: DevTokenIssuer | null;
  /** Every HTTP route the service answers (method and path pattern), for tests that must cover them all. */
  routes: readonly { method: string; path: string }[];
  /** Stops accepting requests, finishes in-flight requests and jobs, then closes the database. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** The LRS targets of a tenant (statements are written to the outbox for them, certificates read from them). */
  lrsTargets?: (tenantId: string) => readonly LrsTarget[];
  logger?: Logger;
  clock?: Clock;
  ids?: Ids;
  tabDirectory?: string;
  llm?: LlmClient | null;
  /** How often the churned tables are vacuumed where no autovacuum runs (default hourly). */
  vacuumEveryMs?: number;
};

export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export async function startPractica(config: Config, options: StartOptions = {}): Promise<RunningPractica> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  // Making the development signing key takes a few hundred milliseconds on a worker thread: it overlaps
  // with opening the database instead of following it.
  const devTokensMade = config.devMode
    ? createDevTokenIssuer(config.bot.clientId ?? DEV_CLIENT_ID)
    : Promise.resolve(null);
  devTokensMade.catch(() => undefined); // awaited below; a failed start before then must not leave it unhandled
  const database = await connect(config);
  let draining = false;
  try {
    await migrateDatabase(database, async (lockedDb) => {
      // The seed plays history through the use cases; levels follow it as they would in production, and it
      // reads immutable workflow versions (every action) through the same caches as the bot.
      const lockedStore = withLevelTracking(
        withCredentialRequests(withMetricRollups(withReadCaches(createStore(lockedDb, ids)))),
        ids,
      );
      if (config.seedDemo && (await lockedStore.tenants.list()).length === 0) {
        await seedDemoTenant({ store: lockedStore, clock, ids, logger, history: config.seedDemoHistory });
      }
    });
    const configuredTargets = config.lrs.targets;
    const secrets = config.secretKey ? aesGcmSecretBox(config.secretKey.key) : null;
    // Targets admins add through the API, kept in memory (refreshed), beside those from the environment.
    const catalog = new LrsTargetCatalog({
      store: createStore(database.db, ids),
      secrets,
      environmentNames: configuredTargets.map((target) => target.name),
      refreshMs: LRS_TARGET_REFRESH_MS,
      logger: logger.child({ component: 'lrs-targets' }),
    });
    await catalog.refresh();
    const staticTargets = options.lrsTargets ?? (() => configuredTargets);
    const lrsTargets = (tenantId: string): readonly LrsTarget[] => {
      const configured = catalog.targetsFor(tenantId);
      return configured.length === 0 ? staticTargets(tenantId) : [...staticTargets(tenantId), ...configured];
    };
    // Every event appended anywhere writes its xAPI statements to the outbox in the same transaction, and
    // re-assesses the levels it is evidence for (whose level.changed events reach the outbox too), and
    // updates the metric rollups it changes.
    const store = withLevelTracking(
      withCredentialRequests(
        withMetricRollups(
          withXapiOutbox(createStore(database.db, ids), {
            targetsFor: lrsTargets,
            baseUrl: config.publicBaseUrl,
            ids,
            logger: logger.child({ component: 'xapi-outbox' }),
          }),
        ),
      ),
      ids,
    );
    const credentialKeys = credentialKeyStore(config, secrets, database, clock);
    const credentialIssuing = credentialKeys
      ? { signer: joseCredentialSigner(credentialKeys), baseUrl: config.publicBaseUrl }
      : null;
    const devTokens = await devTokensMade;
    const verifyToken = createTokenVerifier({
      clientId: config.bot.clientId ?? DEV_CLIENT_ID,
      applicationIdUris: config.bot.clientId
        ? [`api://${new URL(config.publicBaseUrl).host}/${config.bot.clientId}`]
        : [],
      keys: devTokens?.keys ?? entraSigningKeys(),
      isTenantAllowed: async (tenantId) =>
        config.allowedTenantIds.includes(tenantId.toLowerCase()) ||
        (await store.tenants.get(tenantId)) !== null,
    });
    const llm = options.llm !== undefined ? options.llm : createLlmClient(config.llm);
    // Every turn reads the tenant and the session's workflow version; neither changes under a turn. The tab's
    // workflow and settings routes write through the same caches, so the bot sees their changes at once.
    const botStore = withReadCaches(store);
    const nudges = nudgeRepository(database.db);
    const bot = await createTeamsBot(config, {
      store: botStore,
      clock,
      ids,
      logger: logger.child({ component: 'bot' }),
      llmAvailable: llm !== null,
      deliverableUrl: (sessionId) => `${config.publicBaseUrl}/sessions/${sessionId}`,
      workflowEditUrl: (workflowId) => `${config.publicBaseUrl}/workflows/${workflowId}/edit`,
      readAttachment: (file) => readAttachment(file),
      nudges,
    });
    const http = createHttpApp({
      store,
      botStore,
      clock,
      ids,
      logger,
      bodyLimitBytes: config.requestBodyLimitBytes,
      handleMessages: bot.handleMessages,
      verifyToken,
      isDraining: () => draining,
      readiness: async () => {
        try {
          await database.ping();
          return (await isFullyMigrated(database.db))
            ? { ready: true, database: database.kind }
            : { ready: false, reason: 'Database migrations are not applied yet' };
        } catch (error) {
          return {
            ready: false,
            reason: `Database unreachable: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
      },
      bootstrapAdminUpn: config.bootstrapAdminUpn,
      startInChat: { llmAvailable: llm !== null, botAppId: config.bot.clientId },
      lrsTargets,
      lrsTargetConfig: {
        catalog,
        secrets,
        environmentTargets: configuredTargets,
        timeoutMs: config.lrs.timeoutMs,
      },
      directory: config.directory
        ? {
            tenantId: config.directory.tenantId,
            intervalMinutes: config.directory.intervalMinutes,
            lmsIdentifierAttribute: config.directory.lmsIdentifierAttribute,
          }
        : undefined,
      statementsOnLrs: (person) =>
        Promise.all(
          lrsTargets(person.tenantId).map(async (target) => {
            const client = createLrsClient(target, { timeoutMs: config.lrs.timeoutMs });
            try {
              const statementIds = await practicaStatementsOnLrs({
                client,
                target,
                person,
                baseUrl: config.publicBaseUrl,
              });
              return { target: target.name, statementIds };
            } catch (error) {
              logger.warn("Could not ask an LRS for an erased person's statements", {
                target: target.name,
                ...errorFields(error),
              });
              return { target: target.name, statementIds: null };
            }
          }),
        ),
      voidingStatement: ({ statementId }) => {
        const id = ids.uuid();
        const at = clock.now();
        return {
          statementId: id,
          payload: voidingStatement({
            id,
            voidedStatementId: statementId,
            baseUrl: config.publicBaseUrl,
            at,
          }),
        };
      },
      nudges,
      credentials: { baseUrl: config.publicBaseUrl, keyStore: credentialKeys },
      tabDirectory: options.tabDirectory ?? path.resolve(__dirname, '..', '..', 'tab', 'dist'),
      dev: devTokens ? { issuer: devTokens, tenantId: DEMO_TENANT.id } : undefined,
    });

    const messenger = teamsMessenger(bot.app);
    // Directory sync only when DIRECTORY_SYNC=graph; otherwise nothing calls Graph (the demo fixture stays).
    const directoryJobs = config.directory
      ? directorySyncJobs({
          store,
          clock,
          tenantId: config.directory.tenantId,
          reader: createGraphDirectoryReader(config.directory, {
            logger: logger.child({ component: 'directory' }),
          }),
          intervalMinutes: config.directory.intervalMinutes,
        })
      : [];
    const definitions = [
      ...directoryJobs,
      housekeepingJob(store, ids),
      levelLapseJob(store, ids, credentialIssuing),
      recomputeDerivedJob(store, ids),
      credentialIssueJob(store, ids, credentialIssuing),
      reviewNoticeJob({ store, messenger }),
      shareNoticeJob({ store, messenger }),
      sessionFirstCardJob({ store, messenger }),
      nudgePlanJob({ store, nudges }),
      nudgeDailyPlanJob({ store, nudges }),
      nudgeSendJob({
        store,
        nudges,
        messenger,
        ids,
        reviewsUrl: `${config.publicBaseUrl}/reviews`,
        sendsPerSecond: config.nudgeSendsPerSecond,
      }),
      ...(llm ? [generationJob({ store, clock, ids, llm, messenger })] : []),
      ...(llm
        ? [
            captureDraftJob({
              store,
              clock,
              ids,
              llm,
              messenger,
              workflowEditUrl: (workflowId) => `${config.publicBaseUrl}/workflows/${workflowId}/edit`,
            }),
          ]
        : []),
      certificateSyncJob({ store, clock, ids, baseUrl: config.publicBaseUrl, targetsFor: lrsTargets }),
    ];
    const worker = new JobWorker({
      jobs: store.jobs,
      definitions,
      clock,
      logger: logger.child({ component: 'worker' }),
      workerId: `${process.pid}-${ids.uuid().slice(0, 8)}`,
      ...config.worker,
    });
    await scheduleRecurringJobs(
      store,
      definitions.filter((definition) => !directoryJobs.includes(definition)),
      clock.now(),
    );
    if (config.directory) await scheduleDirectorySync(store, config.directory.tenantId, clock.now());
    const clientFor = (target: LrsTarget) => createLrsClient(target, { timeoutMs: config.lrs.timeoutMs });
    const dispatchTargets = () => [
      ...configuredTargets.map((target) => ({ target, client: clientFor(target) })),
      ...catalog
        .all()
        .flatMap(({ tenantId, target }) => (target ? [{ tenantId, target, client: clientFor(target) }] : [])),
    ];
    const dispatcher = new OutboxDispatcher({
      outbox: store.xapiOutbox,
      targets: dispatchTargets(),
      clock,
      logger: logger.child({ component: 'lms-connector' }),
      workerId: `${process.pid}-${ids.uuid().slice(0, 8)}`,
      leaseMs: config.lrs.leaseMs,
      pollMs: config.lrs.pollMs,
      inFlightPerTarget: config.lrs.batchesInFlight,
    });

    const server = await listen(http.fetch, config.host, config.port);
    const upkeep = await startDatabaseUpkeep({
      database,
      logger: logger.child({ component: 'database' }),
      everyMs: options.vacuumEveryMs,
    });
    worker.start();
    dispatcher.start();
    catalog.onChange(() => dispatcher.setTargets(dispatchTargets()));
    catalog.start();
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    logger.info('Practica is ready', {
      url,
      database: describeDatabase(config.database),
      devMode: config.devMode,
    });

    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      database,
      store,
      devTokens,
      routes: http.routes
        .filter((route) => route.method !== 'ALL')
        .map(({ method, path }) => ({ method, path })),
      stop: () =>
        (stopping ??= (async () => {
          draining = true;
          catalog.stop();
          await closeServer(server, config.shutdownTimeoutMs);
          await Promise.all([
            worker.stop(config.shutdownTimeoutMs),
            dispatcher.stop(config.shutdownTimeoutMs),
            upkeep.stop(),
          ]);
          await database.close();
          logger.info('Practica stopped');
        })()),
    };
  } catch (error) {
    await database
      .close()
      .catch((closeError: unknown) => logger.warn('Could not close the database', errorFields(closeError)));
    throw error;
  }
}

async function connect(config: Config): Promise<Database> {
  const target = config.database;
  try {
    if (target.kind === 'pglite' && target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    return await openDatabase(databaseLocation(target));
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new StartupError(`Cannot open the database (${describeDatabase(target)}): ${reason}`, {
      cause: error,
    });
  }
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  port: number,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    keepIdleConnections(server);
    server.once('error', (error) =>
      reject(new StartupError(`Cannot listen on ${hostname}:${port}: ${error.message}`, { cause: error })),
    );
  });
}

function closeServer(server: ServerType, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    // A connection whose request was still being answered becomes idle afterwards and would otherwise be
    // kept for the whole keep-alive timeout.
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const closingIdle = setInterval(closeIdle, 50);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(closingIdle);
      resolve();
    });
    closeIdle();
  });
}

/**
 * Keeps an idle connection for 65 s instead of Node's 5 s: a proxy or load balancer in front that reuses its
 * connections for longer than the server keeps them sends requests on connections the server has just closed
 * (intermittent 502s), and a client that reads an answer more than 5 s late loses it. Headers get a little
 * longer than that, as Node requires.
 */
function keepIdleConnections(server: ServerType): void {
  if (!('keepAliveTimeout' in server)) return;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
