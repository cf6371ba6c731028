import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../store';
import { migrationsFolder } from '../../store/migrate';

export type TestDatabaseKind = 'pglite' | 'postgres';

export type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

/** The drivers every integration suite runs on: PGlite always, a PostgreSQL server when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Creating a PGlite database takes seconds; tests load a migrated copy saved once per migration set. */
async function migratedPgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `practica-pglite-template-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateDatabase(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('gzip');
    await database.close();
    const temporary = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, file);
  }
  return new Blob([readFileSync(file)]);
}

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (kind === 'pglite') {
    const database = migrated
      ? await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: await migratedPgliteTemplate() })
      : await openDatabase({ kind: 'pglite', dataDir: null });
    return { ...database, url: null, drop: () => database.close() };
  }
  const url = await createPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  if (migrated) await migrateDatabase(database);
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      await dropPostgresDatabase(url);
    },
  };
}

/** A new, empty database on the TEST_DATABASE_URL server; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `practica_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
