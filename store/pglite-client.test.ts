import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { date, integer, interval, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { pgliteForDrizzle } from './pglite-client';

const samples = pgTable('samples', {
  id: integer('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  plainAt: timestamp('plain_at').notNull(),
  day: date('day').notNull(),
  span: interval('span').notNull(),
  data: jsonb('data').notNull(),
  tags: text('tags').array().notNull(),
  stamps: timestamp('stamps', { withTimezone: true }).array().notNull(),
});

describe('PGlite for Drizzle (statements prepared once, under PGlite’s own locks)', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create();
    await client.exec(`create table samples (id int primary key, at timestamptz not null, plain_at timestamp not null,
      day date not null, span interval not null, data jsonb not null, tags text[] not null, stamps timestamptz[] not null)`);
  });
  afterAll(() => client.close());

  const readBoth = async <T>(read: (db: ReturnType<typeof drizzle>) => Promise<T>) => ({
    plain: await read(drizzle({ client })),
    wrapped: await read(drizzle({ client: pgliteForDrizzle(client) })),
  });

  it('reads every kind of column as plain Drizzle does, outside and inside a transaction', async () => {
    const db = drizzle({ client: pgliteForDrizzle(client) });
    await db.insert(samples).values({
      id: 1,
      at: new Date('2026-03-02T09:30:00.123Z'),
      plainAt: new Date('2026-03-02T09:30:00Z'),
      day: '2026-03-02',
      span: '1 day 02:00:00',
      data: { steps: [{ id: 'a', output: 'x' }], nested: { n: 1.5 } },
      tags: ['finance', 'close'],
      stamps: [new Date('2026-01-01T00:00:00Z')],
    });

    const typed = await readBoth((any) => any.select().from(samples));
    expect(typed.wrapped).toEqual(typed.plain);
    expect(typed.wrapped[0]?.at).toEqual(new Date('2026-03-02T09:30:00.123Z'));
    expect(typed.wrapped[0]?.day).toBe('2026-03-02');
    expect(typed.wrapped[0]?.stamps).toEqual([new Date('2026-01-01T00:00:00Z')]);

    const raw = await readBoth((any) => any.execute(sql`select at, day, span, data, stamps from samples`));
    expect(raw.wrapped.rows).toEqual(raw.plain.rows);

    const inTransaction = await readBoth((any) => any.transaction((tx) => tx.select().from(samples)));
    expect(inTransaction.wrapped).toEqual(typed.plain);
  });

  it('makes a statement outside a transaction wait until an open transaction has ended', async () => {
    const db = drizzle({ client: pgliteForDrizzle(client) });
    let finish = () => undefined as void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const order: string[] = [];
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`update samples set span = '3 days' where id = 1`);
      await held;
      order.push('transaction committed');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = db
      .execute(sql`select span from samples where id = 1`)
      .then((result) => order.push(`read ${String(result.rows[0]?.span)}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    finish();
    await Promise.all([transaction, outside]);
    expect(order).toEqual(['transaction committed', 'read 3 days']);
  });
});
