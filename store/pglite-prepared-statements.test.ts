import { PGlite } from '@electric-sql/pglite';
import { PglitePreparedStatements } from './pglite-prepared-statements';

describe('PGlite statements prepared once', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create();
  });
  afterAll(() => client.close());
  beforeEach(() =>
    client.exec(`deallocate all; drop table if exists notes;
      create table notes (id int primary key, body text not null, data jsonb, tags text[])`),
  );

  const preparedTexts = async () =>
    (await client.query<{ statement: string }>(`select statement from pg_prepared_statements`)).rows.map(
      (row) => row.statement,
    );

  it('parses a statement once and answers every run with that run’s values, nulls and JSON included', async () => {
    const statements = new PglitePreparedStatements(client);
    const insert = 'insert into notes (id, body, data, tags) values ($1, $2, $3, $4) returning id';
    await statements.run(insert, [1, 'first', { n: 1 }, ['a', 'b']], undefined, false);
    const second = await statements.run(insert, [2, 'second', null, null], undefined, false);
    expect(second.rows).toEqual([{ id: 2 }]);
    expect(second.affectedRows).toBe(1);

    const select = 'select id, body, data, tags from notes where id = $1';
    expect((await statements.run(select, [1], undefined, false)).rows).toEqual([
      { id: 1, body: 'first', data: { n: 1 }, tags: ['a', 'b'] },
    ]);
    expect((await statements.run(select, [2], { rowMode: 'array' }, false)).rows).toEqual([
      [2, 'second', null, null],
    ]);
    expect((await preparedTexts()).sort()).toEqual([insert, select].sort());
  });

  it('reports a failed statement with its database error and runs the next statement as usual', async () => {
    const statements = new PglitePreparedStatements(client);
    const insert = 'insert into notes (id, body) values ($1, $2)';
    await statements.run(insert, [1, 'kept'], undefined, false);
    await expect(statements.run(insert, [1, 'duplicate'], undefined, false)).rejects.toMatchObject({
      code: '23505',
    });
    await expect(statements.run('select nonsense from', [], undefined, false)).rejects.toMatchObject({
      code: '42601',
    });
    await statements.run(insert, [2, 'next'], undefined, false);
    expect((await client.query(`select body from notes order by id`)).rows).toEqual([
      { body: 'kept' },
      { body: 'next' },
    ]);
  });

  it('keeps at most its capacity of statements, preparing a forgotten one again when it comes back', async () => {
    const statements = new PglitePreparedStatements(client, 2);
    const texts = [1, 2, 3].map((n) => `select ${n} as n, body from notes where id = $1`);
    await client.query(`insert into notes (id, body) values (1, 'one')`);
    for (const text of texts) await statements.run(text, [1], undefined, false);
    expect((await statements.run(texts[0]!, [1], undefined, false)).rows).toEqual([{ n: 1, body: 'one' }]);
    expect((await preparedTexts()).length).toBeLessThanOrEqual(2);
  });

  it('answers with a table’s new columns after the table changed shape', async () => {
    const statements = new PglitePreparedStatements(client);
    await client.query(`insert into notes (id, body) values (1, 'one')`);
    const everything = 'select * from notes where id = $1';
    expect((await statements.run(everything, [1], undefined, false)).rows[0]).not.toHaveProperty('extra');
    await client.exec(`alter table notes add column extra text not null default 'added'`);
    expect((await statements.run(everything, [1], undefined, false)).rows[0]).toMatchObject({
      extra: 'added',
    });
  });

  it('inside a transaction, fails the statement whose table changed shape, and prepares it again for the next run', async () => {
    const statements = new PglitePreparedStatements(client);
    await client.query(`insert into notes (id, body) values (1, 'one')`);
    const everything = 'select * from notes where id = $1';
    await statements.run(everything, [1], undefined, false);
    await client.exec(`alter table notes add column extra text not null default 'added'`);
    await expect(
      client.transaction(async (tx) => {
        await tx.query(`insert into notes (id, body) values (2, 'rolled back')`);
        await client._runExclusiveQuery(() => statements.run(everything, [1], undefined, true));
      }),
    ).rejects.toMatchObject({ code: '0A000' });
    expect((await statements.run(everything, [1], undefined, false)).rows[0]).toMatchObject({
      extra: 'added',
    });
    expect((await client.query(`select count(*)::int as n from notes`)).rows).toEqual([{ n: 1 }]);
  });
});
