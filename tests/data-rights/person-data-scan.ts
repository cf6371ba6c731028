import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database';

/**
 * Every table of the public schema (found in information_schema, so a table added later is scanned too) in
 * which some row, read as text, contains one of `needles`; with how many such rows.
 */
export async function tablesMentioning(db: Db, needles: string[]): Promise<Record<string, number>> {
  const tables = rows<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const matches = needles.map((needle) => sql`t::text ilike ${`%${needle}%`}`);
    const [row] = rows<{ n: number | string }>(
      await db.execute(
        sql`select count(*) as n from ${sql.identifier(table)} t where ${sql.join(matches, sql` or `)}`,
      ),
    );
    const count = Number(row?.n ?? 0);
    if (count > 0) found[table] = count;
  }
  return found;
}

function rows<T>(result: unknown): T[] {
  const list = (result as { rows?: unknown }).rows;
  return Array.isArray(list) ? (list as T[]) : [];
}
