import { silentLogger } from '../../core';
import { loadConfig } from '../../server/config';
import { startPractica, type RunningPractica, type StartOptions } from '../../server/practica';
import { createPostgresDatabase, dropPostgresDatabase, type TestDatabaseKind } from './test-database';

export type TestServer = RunningPractica & { close(): Promise<void> };

/** Starts the real service on a free port: in-memory PGlite, or a fresh database on the test PostgreSQL server. */
export async function startTestServer(
  kind: TestDatabaseKind,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const url = kind === 'postgres' ? await createPostgresDatabase() : 'memory://';
  const config = loadConfig({
    PRACTICA_DEV_MODE: 'true',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    WORKER_POLL_MS: '50',
    SEED_DEMO_HISTORY: 'false',
    ...env,
  });
  const running = await startPractica(config, { logger: silentLogger, ...options });
  return {
    ...running,
    close: async () => {
      await running.stop();
      if (kind === 'postgres') await dropPostgresDatabase(url);
    },
  };
}
