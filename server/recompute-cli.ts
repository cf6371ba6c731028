import { randomIds, recomputeLevels, recomputeRollups, systemClock } from '../core';
import { withXapiOutbox } from '../lms-connector/outbox';
import { createStore, migrateDatabase } from '../store';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { createLogger } from './logger';
import { openConfiguredDatabase } from './open-configured-database';

/**
 * npm run recompute: every person's levels assessed afresh from the event log, then every metric rollup
 * computed afresh from it. Kept up event by event, both should already agree, so this prints the changes it
 * had to make (normally none; after an upgrade that adds rollups, or a change of the tenant's time zone or
 * quality bar, the rollups are rebuilt).
 */
async function main(): Promise<void> {
  const config = loadConfig({ PRACTICA_DEV_MODE: 'true', ...process.env });
  const logger = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  try {
    await migrateDatabase(database);
    const targets = config.lrs.targets;
    const store = withXapiOutbox(createStore(database.db), {
      targetsFor: () => targets,
      baseUrl: config.publicBaseUrl,
      ids: randomIds,
      logger,
    });
    const now = systemClock.now();
    for (const tenant of await store.tenants.list()) {
      const changes = await recomputeLevels({ store, ids: randomIds, tenantId: tenant.id, now });
      process.stdout.write(`${tenant.displayName}: ${changes.length} level change(s)\n`);
      for (const change of changes)
        process.stdout.write(
          `  ${change.personId} ${change.skillArea}: L${change.fromLevel} -> L${change.toLevel} (${change.reason})\n`,
        );
      const rollups = await recomputeRollups({ store, tenantId: tenant.id });
      process.stdout.write(
        `${tenant.displayName}: ${rollups.changedRows} metric rollup row(s) changed ` +
          `(${rollups.personWeeks} person-weeks, ${rollups.personWorkflowWeeks} person-workflow-weeks)\n`,
      );
    }
    process.stdout.write(`Recomputed levels and metric rollups in ${describeDatabase(config.database)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `practica recompute: ${error instanceof ConfigError ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
