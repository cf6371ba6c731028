import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { pgliteForDrizzle } from './pglite-client';
import { PostgresStatementNames } from './postgres-statement-names';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one type every repository is written against; both drivers (and their transactions) satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** Runs `work` with a connection that holds a session-level advisory lock (a no-op lock on PGlite). */
  withAdvisoryLock<T>(key: number, work: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseLocation =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number; preparedStatements?: boolean };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  return location.kind === 'pglite'
    ? openPglite(location.dataDir, location.loadDataDir)
    : openPostgres(location.url, location.poolSize, location.preparedStatements ?? true);
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create(dataDir ?? 'memory://', loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite({ client: pgliteForDrizzle(client), schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    withAdvisoryLock: (_key, work) => work(db),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize = 10, preparedStatements: boolean): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', () => undefined);
  // A client checked out for a transaction emits 'error' on itself, not on the pool, when its server goes
  // away (a database restart): its queries fail and the pool drops it, but the unheard event would end the process.
  const statementNames = preparedStatements ? new PostgresStatementNames() : null;
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    statementNames?.nameStatementsOf(client);
  });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    withAdvisoryLock: async (key, work) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await work(drizzlePg({ client, schema }) as unknown as Db);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/** node-postgres returns bigint/count as strings, PGlite as numbers: map explicitly. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number(value);
  throw new Error(`Expected a number from the database, got ${typeof value}`);
}

export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
