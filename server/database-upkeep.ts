import type { Logger } from '../core';
import { CHURNED_TABLES, vacuumChurnedTables, vacuumedByServer, type Database } from '../store';
import { errorFields } from './logger';

export const VACUUM_EVERY_MS = 60 * 60_000;

export type DatabaseUpkeep = { stop(): Promise<void> };

/**
 * Where no autovacuum worker runs (PGlite always; PostgreSQL with `autovacuum = off`), vacuums the churned
 * tables every `everyMs`: without it every turn's session update, job claim and rollup upsert leaves a dead row
 * version that is never reclaimed, the data directory only grows and claims slow down (an hour's LRS outage
 * once slowed the outbox drain to 0.4×). The first round comes an interval after start, not during start-up.
 */
export async function startDatabaseUpkeep(options: {
  database: Database;
  logger: Logger;
  everyMs?: number;
}): Promise<DatabaseUpkeep> {
  const { database, logger } = options;
  // If the setting cannot be read, vacuuming anyway is harmless.
  if (await vacuumedByServer(database).catch(() => false)) return { stop: async () => undefined };
  const everyMs = options.everyMs ?? VACUUM_EVERY_MS;
  logger.info(
    'No autovacuum runs on this database; Practica vacuums its frequently rewritten tables itself',
    {
      database: database.kind,
      everyMinutes: Math.round(everyMs / 60_000),
      tables: CHURNED_TABLES.length,
    },
  );
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    const started = Date.now();
    running = vacuumChurnedTables(database)
      .then(
        () => logger.debug('Vacuumed the churned tables', { ms: Date.now() - started }),
        (error: unknown) => logger.warn('Could not vacuum the churned tables', errorFields(error)),
      )
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
