import { getTableColumns, is, Param, Placeholder, sql, type DriverValueEncoder } from 'drizzle-orm';
import type { PgPreparedQuery, PgSession, PgTable, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Db } from './database';

type PrepareArgs = Parameters<PgSession['prepareQuery']>;
type Prepared = PgPreparedQuery<PreparedQueryConfig> & { joinsNotNullableMap?: unknown };

/** A Drizzle statement that can be prepared (select, insert, update, delete), written with placeholders. */
type Preparable<TResult> = {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<TResult> };
};

/** What Drizzle hands its session when it prepares a statement, kept instead of a query being run. */
type Recording = { args: PrepareArgs; joinsNotNullableMap?: unknown };

function record(db: Db, build: (db: Db) => Preparable<unknown>): Recording {
  let recording: Recording | undefined;
  const session = new Proxy(db._.session, {
    get(target, property, receiver) {
      if (property !== 'prepareQuery') return Reflect.get(target, property, receiver) as unknown;
      return (...args: PrepareArgs) => {
        const kept: Recording = { args };
        recording = kept;
        // Drizzle sets these on the query it gets back; they are replayed on each run's query.
        return {
          set joinsNotNullableMap(value: unknown) {
            kept.joinsNotNullableMap = value;
          },
          setToken(this: unknown) {
            return this;
          },
        };
      };
    },
  });
  const recordingDb = new Proxy(db, {
    get: (target, property, receiver) =>
      property === 'session' ? session : (Reflect.get(target, property, receiver) as unknown),
  });
  build(recordingDb).prepare('prebuilt');
  if (!recording) throw new Error('The prebuilt statement did not prepare a query');
  const [query, ...rest] = recording.args;
  return { ...recording, args: [{ ...query, params: query.params.map(nullSafe) }, ...rest] };
}

/** Drizzle sends a null value as null, but hands a null placeholder value to the column's encoder. */
function nullSafe(param: unknown): unknown {
  if (!is(param, Param) || !is(param.value, Placeholder)) return param;
  const encoder = param.encoder as DriverValueEncoder<unknown, unknown>;
  return new Param(param.value, {
    mapToDriverValue: (value: unknown) =>
      value === null || value === undefined ? null : encoder.mapToDriverValue(value),
  });
}

/**
 * A statement whose SQL Drizzle builds once rather than on every run: `build` writes it with
 * `sql.placeholder(name)` for each value, and each run hands the recorded query to the session of the database
 * or transaction it is given, so it runs there and Drizzle maps its rows as usual. For the bot's per-turn
 * statements: building their SQL took about a seventh of a turn's busy CPU (BENCHMARKS.md, "Statements built
 * once").
 * Column defaults computed in JavaScript would be computed once too; a prebuilt insert names every column it sets.
 */
export function prebuiltStatement<TValues extends Record<string, unknown>, TResult>(
  build: (db: Db) => Preparable<TResult>,
): (db: Db, values: TValues) => Promise<TResult> {
  let recording: Recording | undefined;
  return (db, values) => {
    recording ??= record(db, build);
    const [query, fields, , arrayMode, mapper, metadata, cacheConfig] = recording.args;
    const prepared = db._.session.prepareQuery(
      query,
      fields,
      undefined,
      arrayMode,
      mapper,
      metadata,
      cacheConfig,
    ) as Prepared;
    if (recording.joinsNotNullableMap !== undefined)
      prepared.joinsNotNullableMap = recording.joinsNotNullableMap;
    return prepared.execute(values) as Promise<TResult>;
  };
}

/**
 * A placeholder for each column a row of the table is written with (as `$inferInsert` names them: not the
 * database's generated columns), but those left out: the values of a prebuilt insert or update of whole rows.
 */
export function columnPlaceholders<
  TTable extends PgTable,
  TOmitted extends keyof TTable['$inferInsert'] = never,
>(
  table: TTable,
  omitted: readonly TOmitted[] = [],
): { [K in Exclude<keyof TTable['$inferInsert'], TOmitted> & string]-?: Placeholder<K> } {
  const skip = new Set<PropertyKey>(omitted);
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key, column]) => !skip.has(key) && !column.generated && !column.generatedIdentity)
      .map(([key]) => [key, sql.placeholder(key)]),
  ) as { [K in Exclude<keyof TTable['$inferInsert'], TOmitted> & string]-?: Placeholder<K> };
}

/**
 * Prebuilt statements whose SQL depends on a shape (how many keys or rows they write): each shape's statement
 * is built once (see prebuiltStatement), and the `capacity` most recently used shapes are kept.
 */
export function prebuiltStatementsByShape<TShape, TResult>(
  keyOf: (shape: TShape) => string,
  build: (db: Db, shape: TShape) => Preparable<TResult>,
  capacity = 64,
): (db: Db, shape: TShape, values: Record<string, unknown>) => Promise<TResult> {
  type Statement = (db: Db, values: Record<string, unknown>) => Promise<TResult>;
  const statements = new Map<string, Statement>();
  return (db, shape, values) => {
    const key = keyOf(shape);
    const statement: Statement =
      statements.get(key) ?? prebuiltStatement((recordingDb) => build(recordingDb, shape));
    statements.delete(key);
    statements.set(key, statement);
    if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
    return statement(db, values);
  };
}

/** Like columnPlaceholders, each placeholder named `${prefix}${column}`: one row of a prebuilt multi-row insert. */
export function prefixedPlaceholders<TTable extends PgTable>(
  table: TTable,
  prefix: string,
): { [K in keyof TTable['$inferInsert'] & string]-?: Placeholder<string> } {
  return Object.fromEntries(
    Object.keys(columnPlaceholders(table)).map((key) => [key, sql.placeholder(`${prefix}${key}`)]),
  ) as { [K in keyof TTable['$inferInsert'] & string]-?: Placeholder<string> };
}

/** Adds to `values` the ones for prefixedPlaceholders: each of the row's fields named `${prefix}${field}`. */
export function addPrefixedValues(values: Record<string, unknown>, row: object, prefix: string): void {
  for (const [key, value] of Object.entries(row)) values[`${prefix}${key}`] = value;
}
