import { eq, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../store/database';
import { columnPlaceholders, prebuiltStatement } from '../../store/prebuilt-statement';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const notes = pgTable('notes', {
  id: integer('id').primaryKey(),
  body: text('body'),
  tags: jsonb('tags'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }),
});
type Note = typeof notes.$inferSelect;

const insertNote = prebuiltStatement<Note, unknown>((db) =>
  db.insert(notes).values(columnPlaceholders(notes)),
);
const noteById = prebuiltStatement<{ id: number }, Note[]>((db) =>
  db
    .select()
    .from(notes)
    .where(eq(notes.id, sql.placeholder('id'))),
);
const renameNote = prebuiltStatement<{ id: number; body: string | null }, { id: number }[]>((db) =>
  db
    .update(notes)
    .set({ body: sql.placeholder('body') } as unknown as Partial<Note>)
    .where(eq(notes.id, sql.placeholder('id')))
    .returning({ id: notes.id }),
);

const at = new Date('2026-12-01T09:30:00.123Z');

describe.each(testDatabaseKinds())('statements built once, on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { migrated: false });
    db = database.db;
    await db.execute(sql`create table notes (id int primary key, body text, tags jsonb, at timestamptz)`);
  });
  afterEach(() => database?.drop());

  it('stores and reads each run’s own values as the Drizzle builder would: JSON arrays, dates and nulls', async () => {
    await insertNote(db, { id: 1, body: 'one', tags: ['a', { b: 2 }], at });
    await insertNote(db, { id: 2, body: null, tags: null, at: null });
    await db.insert(notes).values({ id: 3, body: 'three', tags: ['a', { b: 2 }], at });

    expect(await noteById(db, { id: 1 })).toEqual([{ id: 1, body: 'one', tags: ['a', { b: 2 }], at }]);
    expect(await noteById(db, { id: 2 })).toEqual([{ id: 2, body: null, tags: null, at: null }]);
    expect(await noteById(db, { id: 3 })).toEqual(await db.select().from(notes).where(eq(notes.id, 3)));
    expect(await noteById(db, { id: 4 })).toEqual([]);
    const stored = await db.execute(sql`select jsonb_typeof(tags) as kind from notes where id = 1`);
    expect(rowsOf(stored)).toEqual([{ kind: 'array' }]);
  });

  it('runs inside the transaction it is given: a rollback undoes it, and an update sees the transaction’s rows', async () => {
    await insertNote(db, { id: 1, body: 'one', tags: null, at: null });
    await expect(
      db.transaction(async (tx) => {
        await insertNote(tx, { id: 2, body: 'two', tags: null, at: null });
        expect(await renameNote(tx, { id: 2, body: 'second' })).toEqual([{ id: 2 }]);
        expect((await noteById(tx, { id: 2 }))[0]?.body).toBe('second');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await noteById(db, { id: 2 })).toEqual([]);

    await db.transaction(async (tx) => {
      expect(await renameNote(tx, { id: 1, body: null })).toEqual([{ id: 1 }]);
    });
    expect((await noteById(db, { id: 1 }))[0]?.body).toBeNull();
  });

  it('fails a run with the database’s error and keeps working for the next', async () => {
    await insertNote(db, { id: 1, body: 'one', tags: null, at: null });
    await expect(insertNote(db, { id: 1, body: 'again', tags: null, at: null })).rejects.toMatchObject({
      cause: { code: '23505' },
    });
    await insertNote(db, { id: 2, body: 'two', tags: null, at: null });
    expect((await noteById(db, { id: 2 }))[0]?.body).toBe('two');
  });
});
