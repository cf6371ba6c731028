import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { PglitePreparedStatements } from './pglite-prepared-statements';

type Query = Transaction['query'];

/** One set of prepared statements per database instance: their names are the instance's, however many wrap it. */
const statementsOf = new WeakMap<PGlite, PglitePreparedStatements>();

function preparedStatements(client: PGlite): PglitePreparedStatements {
  const known = statementsOf.get(client);
  if (known) return known;
  const created = new PglitePreparedStatements(client);
  statementsOf.set(client, created);
  return created;
}

/**
 * The PGlite client Drizzle queries through: every statement runs as a named prepared statement (see
 * PglitePreparedStatements), under the same locks PGlite's own `query` takes, so that statements outside a
 * transaction still wait for one that is open. Only Drizzle should query through it.
 */
export function pgliteForDrizzle(client: PGlite): PGlite {
  const statements = preparedStatements(client);
  const query = (<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> =>
    client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(() => statements.run<T>(text, params, options, false)),
    )) as Query;
  const transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    client.transaction((tx) => {
      const inTransaction = (<R>(text: string, params?: unknown[], options?: QueryOptions) => {
        if (tx.closed) return Promise.reject(new Error('Transaction is closed'));
        return client._runExclusiveQuery(() => statements.run<R>(text, params, options, true));
      }) as Query;
      return work(overriding(tx, { query: inTransaction }));
    });
  return overriding(client, { query, transaction });
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
