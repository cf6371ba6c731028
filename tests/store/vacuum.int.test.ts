import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { silentLogger } from '../../core';
import { startDatabaseUpkeep } from '../../server/database-upkeep';
import { CHURNED_TABLES, toNumber, vacuumChurnedTables } from '../../store';
import { rowsOf } from '../../store/database';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const ROWS = 1_500;

describe.each(testDatabaseKinds())('vacuuming the churned tables on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    // Only this test's own VACUUM may reclaim space, on a server whose autovacuum is on as well.
    if (kind === 'postgres')
      await database.db.execute(sql`alter table processed_activities set (autovacuum_enabled = false)`);
  });
  afterEach(() => database?.drop());

  const sizeOf = async (table: string) =>
    toNumber(
      rowsOf<{ size: unknown }>(await database.db.execute(sql`select pg_relation_size(${table}) as size`))[0]!
        .size,
    );
  const rewriteEveryRow = (times: number) =>
    (async () => {
      for (let round = 0; round < times; round += 1)
        await database.db.execute(
          sql`update processed_activities set processed_at = processed_at + interval '1 second'`,
        );
    })();

  it('lets the next rewrites reuse the space the last ones left, where the table grew without it', async () => {
    await database.db.execute(sql`insert into processed_activities (tenant_id, activity_id, processed_at)
      select ${randomUUID()}::uuid, 'activity-' || n, now() from generate_series(1, ${ROWS}) n`);
    const inserted = await sizeOf('processed_activities');

    await rewriteEveryRow(3);
    const unvacuumed = await sizeOf('processed_activities');
    expect(unvacuumed).toBeGreaterThan(inserted * 3);

    await vacuumChurnedTables(database);
    await rewriteEveryRow(3);
    expect(await sizeOf('processed_activities')).toBeLessThanOrEqual(unvacuumed);
    expect(
      toNumber(
        rowsOf<{ n: unknown }>(
          await database.db.execute(sql`select count(*) as n from processed_activities`),
        )[0]!.n,
      ),
    ).toBe(ROWS);
  });

  it('vacuums and analyses every churned table', async () => {
    await vacuumChurnedTables(database);
    const stats = rowsOf<{ table: string; vacuumed: unknown; analysed: unknown }>(
      await database.db
        .execute(sql`select relname as "table", last_vacuum as vacuumed, last_analyze as analysed
        from pg_stat_user_tables`),
    );
    for (const table of CHURNED_TABLES)
      expect(stats.find((row) => row.table === table)).toEqual({
        table,
        vacuumed: expect.anything(),
        analysed: expect.anything(),
      });
  });

  it('vacuums on its own schedule only where no autovacuum worker runs', async () => {
    const [{ setting }] = rowsOf<{ setting: string }>(
      await database.db.execute(sql`select current_setting('autovacuum') as setting`),
    ) as [{ setting: string }];
    const serverVacuums = kind === 'postgres' && setting === 'on';
    const upkeep = await startDatabaseUpkeep({ database, logger: silentLogger, everyMs: 50 });
    const lastVacuum = async () =>
      rowsOf<{ at: unknown }>(
        await database.db.execute(
          sql`select last_vacuum as at from pg_stat_user_tables where relname = 'sessions'`,
        ),
      )[0]?.at ?? null;
    const deadline = Date.now() + 3_000;
    while (!(await lastVacuum()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await upkeep.stop();
    if (serverVacuums) expect(await lastVacuum()).toBeNull();
    else expect(await lastVacuum()).not.toBeNull();
  });
});
