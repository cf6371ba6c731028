import { randomIds, systemClock, withLevelTracking, withMetricRollups } from '../core';
import { createStore, migrateDatabase, withReadCaches } from '../store';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { createLogger } from './logger';
import { openConfiguredDatabase } from './open-configured-database';
import { seedDemoTenant } from './seed/seed-demo';

/** npm run seed: migrates and loads the demo tenant into the configured database (safe to run again). */
async function main(): Promise<void> {
  const config = loadConfig({ PRACTICA_DEV_MODE: 'true', ...process.env });
  const logger = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  try {
    await migrateDatabase(database, async (db) => {
      const summary = await seedDemoTenant({
        store: withLevelTracking(withMetricRollups(withReadCaches(createStore(db))), randomIds),
        clock: systemClock,
        ids: randomIds,
        logger,
      });
      process.stdout.write(`Seeded ${describeDatabase(config.database)}: ${JSON.stringify(summary)}\n`);
    });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`practica seed: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
