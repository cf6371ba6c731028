import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { isPlannedEachRun } from './plan-each-run';

/**
 * Gives each parameterised statement text a name, so that node-postgres prepares it once per connection and
 * then only binds and executes it: PostgreSQL parses and plans the text once instead of on every turn.
 * Statements without parameters stay unnamed (they may hold several statements, which only the simple
 * protocol runs), and so do those marked to be planned each run (`planEachRun`). The set of named texts is capped; texts past the cap (one-off shapes such as long IN
 * lists) run unnamed, so no connection holds an unbounded number of prepared statements.
 */
export class PostgresStatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly capacity = 1_000) {}

  nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= this.capacity) return null;
    const name = `practica_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    this.names.set(text, name);
    return name;
  }

  /** Makes `client` name the parameterised statements it is given (Drizzle passes a config object). */
  nameStatementsOf(client: PoolClient): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const named = (...args: unknown[]): unknown => {
      const [config, values] = args;
      if (
        isUnnamedConfig(config) &&
        Array.isArray(values) &&
        values.length > 0 &&
        !isPlannedEachRun(config.text)
      ) {
        const name = this.nameFor(config.text);
        if (name !== null) return query({ ...config, name }, ...args.slice(1));
      }
      return query(...args);
    };
    client.query = named as PoolClient['query'];
  }
}

function isUnnamedConfig(config: unknown): config is { text: string } {
  return (
    typeof config === 'object' &&
    config !== null &&
    typeof (config as { text?: unknown }).text === 'string' &&
    (config as { name?: unknown }).name === undefined
  );
}
