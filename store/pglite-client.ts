import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';

type Queryable = Pick<Transaction, 'query'>;
type Parsers = NonNullable<QueryOptions['parsers']>;

/**
 * Drizzle passes the same type parsers (dates, timestamps and intervals left as strings, which Drizzle maps
 * itself) with every PGlite query, and PGlite answers each such query by copying its whole parser table
 * (hundreds of array types) to merge them in: about a tenth of a bot turn's CPU. This client installs
 * Drizzle's parsers on the instance the first time it sees them and leaves them out of each query after that,
 * so PGlite parses with the very same table without copying it. Only Drizzle should query through it.
 */
export function pgliteForDrizzle(client: PGlite): PGlite {
  let installed: Parsers | null = null;
  const withoutParsers = (options: QueryOptions | undefined): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    if (installed === null) {
      Object.assign(client.parsers, options.parsers);
      installed = options.parsers;
    } else if (!sameParsers(installed, options.parsers)) {
      return options;
    }
    const { parsers: _installed, ...rest } = options;
    return rest;
  };
  const querying = (target: Queryable): Queryable['query'] =>
    ((query: string, params?: unknown[], options?: QueryOptions) =>
      target.query(query, params, withoutParsers(options))) as Queryable['query'];
  const transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    client.transaction((tx) => work(overriding(tx, { query: querying(tx) })));
  return overriding(client, { query: querying(client), transaction });
}

/** `target` with some members replaced; every other member (getters included) read from `target` itself. */
function overriding<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(replaced, property)) return replaced[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** Drizzle builds new parser functions for each query; the same type ids mean the same parsers. */
function sameParsers(
  a: NonNullable<QueryOptions['parsers']>,
  b: NonNullable<QueryOptions['parsers']>,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b);
}
