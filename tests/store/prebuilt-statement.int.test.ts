import { eq, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../../store/database';
import {
  columnPlaceholders,
  prebuiltStatement,
  prebuiltStatementsByShape,
  prefixedPlaceholders,
  addPrefixedValues,
} from '../../store/prebuilt-statement';
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

/** Inserts `rows` notes at once, returning their ids: one statement for each number of rows, kept for two shapes. */
const insertNotes = prebuiltStatementsByShape(
  (rows: number) => String(rows),
  (db, rows) =>
    db
      .insert(notes)
      .values(Array.from({ length: rows }, (_, index) => prefixedPlaceholders(notes, `n${index}.`)))
      .returning({ id: notes.id }),
  2,
);
function insertMany(db: Db, rows: Note[]) {
  const values: Record<string, unknown> = {};
  rows.forEach((row, index) => addPrefixedValues(values, row, `n${index}.`));
  return insertNotes(db, rows.length, values);
}

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

  it('builds a statement for each shape, and writes each run’s own rows whatever shapes ran before or were dropped', async () => {
    const note = (id: number): Note => ({ id, body: `note ${id}`, tags: id % 2 ? [id] : null, at });
    expect(await insertMany(db, [note(1)])).toEqual([{ id: 1 }]);
    expect(await insertMany(db, [note(2), note(3)])).toEqual([{ id: 2 }, { id: 3 }]);
    // A third shape pushes out the least recently used one (two are kept); both still write correctly.
    expect(await insertMany(db, [note(4), note(5), note(6)])).toEqual([{ id: 4 }, { id: 5 }, { id: 6 }]);
    expect(await insertMany(db, [note(7)])).toEqual([{ id: 7 }]);
    await db.transaction(async (tx) => {
      expect(await insertMany(tx, [note(8), note(9)])).toEqual([{ id: 8 }, { id: 9 }]);
    });
    const stored = await db.select().from(notes).orderBy(notes.id);
    expect(stored).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(note));
  });
});
