import { openDatabase, type Database } from '../store';
import type { Config } from './config';

/** The database the configuration names: a PGlite folder (or memory) or a PostgreSQL server. */
export function openConfiguredDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  return config.database.kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: config.database.dataDir })
    : openDatabase({
        kind: 'postgres',
        url: config.database.url,
        poolSize: config.database.poolSize,
        preparedStatements: config.database.preparedStatements,
      });
}
