import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { openDatabase, toNumber, type Database } from '../../store';
import { rowsOf } from '../../store/database';
import { planEachRun } from '../../store/plan-each-run';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const notes = pgTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() });

/** One connection, so that the statements it prepared are the ones pg_prepared_statements lists. */
async function oneConnection(database: TestDatabase, preparedStatements = true): Promise<Database> {
  return database.kind === 'pglite'
    ? database
    : openDatabase({ kind: 'postgres', url: database.url!, poolSize: 1, preparedStatements });
}

const preparedNoteStatements = async (database: Database) =>
  toNumber(
    rowsOf<{ n: unknown }>(
      await database.db.execute(
        sql`select count(*) as n from pg_prepared_statements
          where statement like '%"notes"%' and statement not like '%pg_prepared_statements%'`,
      ),
    )[0]!.n,
  );

describe.each(testDatabaseKinds())('statements prepared once on %s', (kind) => {
  let database: TestDatabase;
  let connection: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { migrated: false });
    await database.db.execute(sql`create table notes (id int primary key, body text not null)`);
    connection = await oneConnection(database);
  });
  afterEach(async () => {
    if (connection !== database) await connection.close();
    await database?.drop();
  });

  it('parses a query once however often it runs, and answers each run with its own values', async () => {
    await connection.db.insert(notes).values({ id: 1, body: 'one' });
    await connection.db.insert(notes).values({ id: 2, body: 'two' });
    for (const id of [1, 2, 1])
      expect(await connection.db.select().from(notes).where(eq(notes.id, id))).toEqual([
        { id, body: id === 1 ? 'one' : 'two' },
      ]);
    expect(await preparedNoteStatements(connection)).toBe(2);
  });

  it('plans a statement marked to be planned each run for its own values, keeping none of it', async () => {
    await connection.db.insert(notes).values([
      { id: 1, body: 'one' },
      { id: 2, body: 'two' },
    ]);
    const before = await preparedNoteStatements(connection);
    for (const id of [1, 2, 1, 2, 1, 2, 1])
      expect(
        rowsOf(
          await connection.db.execute(
            planEachRun(sql`select body from notes where id = ${id} and body <> ''`),
          ),
        ),
      ).toEqual([{ body: id === 1 ? 'one' : 'two' }]);
    expect(await preparedNoteStatements(connection)).toBe(before);
  });

  it('rolls back a transaction whose prepared insert fails, and the same insert works after it', async () => {
    await connection.db.insert(notes).values({ id: 1, body: 'kept' });
    await expect(
      connection.db.transaction(async (tx) => {
        await tx.insert(notes).values({ id: 2, body: 'rolled back' });
        await tx.insert(notes).values({ id: 1, body: 'duplicate' });
      }),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    await connection.db.insert(notes).values({ id: 3, body: 'after' });
    expect((await connection.db.select().from(notes).orderBy(notes.id)).map((note) => note.body)).toEqual([
      'kept',
      'after',
    ]);
  });
});

const postgresOnly = testDatabaseKinds().includes('postgres') ? describe : describe.skip;

postgresOnly('statements on a PostgreSQL server', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('postgres', { migrated: false });
  });
  afterEach(() => database?.drop());

  it('still runs several commands given at once without parameters (the simple protocol)', async () => {
    await database.db.execute(
      sql.raw(`create table notes (id int primary key, body text not null);
        insert into notes values (1, 'a'); insert into notes values (2, 'b')`),
    );
    expect(await database.db.select().from(notes)).toHaveLength(2);
  });

  it('leaves every statement unnamed, as a transaction-mode pooler needs', async () => {
    const connection = await oneConnection(database, false);
    try {
      await database.db.execute(sql`create table notes (id int primary key, body text not null)`);
      await connection.db.insert(notes).values({ id: 1, body: 'one' });
      expect(await connection.db.select().from(notes).where(eq(notes.id, 1))).toHaveLength(1);
      expect(await preparedNoteStatements(connection)).toBe(0);
    } finally {
      await connection.close();
    }
  });
});
