import { openDatabase, type Database, type DatabaseLocation } from '../store';
import type { Config } from './config';

/** Where the configuration's database is, as the store opens it. */
export function databaseLocation(database: Config['database']): DatabaseLocation {
  return database.kind === 'pglite'
    ? { kind: 'pglite', dataDir: database.dataDir }
    : {
        kind: 'postgres',
        url: database.url,
        poolSize: database.poolSize,
        preparedStatements: database.preparedStatements,
      };
}

/** The database the configuration names: a PGlite folder (or memory) or a PostgreSQL server. */
export function openConfiguredDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  return openDatabase(databaseLocation(config.database));
}
