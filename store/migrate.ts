import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { rowsOf, toNumber, type Database, type Db } from './database';

/** One fixed key, so every Practica instance on the database serialises migrations and seeding. */
export const MIGRATION_LOCK_KEY = 727_274_001;

/** The SQL files stay in store/migrations; compiled code in dist/store finds them two levels up. */
export const migrationsFolder = __dirname.split(path.sep).includes('dist')
  ? path.resolve(__dirname, '..', '..', 'store', 'migrations')
  : path.resolve(__dirname, 'migrations');

/**
 * Applies pending migrations under the advisory lock, then runs `afterMigrate` (e.g. the demo seed) under
 * the same lock, so two instances starting together migrate and seed once.
 */
export async function migrateDatabase(
  database: Database,
  afterMigrate?: (db: Db) => Promise<void>,
): Promise<void> {
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
    if (database.kind === 'pglite')
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    else await migratePg(db as unknown as NodePgDatabase, { migrationsFolder });
    if (afterMigrate) await afterMigrate(db);
  });
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!exists[0]?.present) return 0;
  const rows = rowsOf<{ n: unknown }>(
    await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
  );
  return toNumber(rows[0]?.n ?? 0);
}

export async function isFullyMigrated(db: Db): Promise<boolean> {
  return (await appliedMigrationCount(db)) >= expectedMigrationCount();
}
