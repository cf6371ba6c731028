import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema';
import { PERSON_DATA_COVERAGE } from './person-data-coverage';

describe('person data coverage', () => {
  it('names every table of the schema, so a new table cannot escape the export and the erasure unnoticed', () => {
    const tables = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableName(table))
      .sort();
    expect(Object.keys(PERSON_DATA_COVERAGE).sort()).toEqual(tables);
  });
});
