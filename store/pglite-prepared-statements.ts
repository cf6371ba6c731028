import { protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { isPlannedEachRun } from './plan-each-run';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type Field = { name: string; dataTypeID: number };
type Statement = { name: string; parameterTypes: number[]; fields: Field[] };

const { serialize, messages } = protocol;
/** "cached plan must not change result type": the statement's tables changed shape since it was prepared. */
const STALE_PLAN = '0A000';

function firstError(received: BackendMessage[]): InstanceType<typeof messages.DatabaseError> | null {
  for (const message of received) if (message instanceof messages.DatabaseError) return message;
  return null;
}

/**
 * Runs statements on PGlite as named prepared statements, each sent with its Bind, Execute and Sync in one
 * call into the database. PGlite's own `query` sends Parse, Describe, Bind, Describe, Execute and Sync as six
 * calls and parses and plans the text every time: more than half of a bot turn's database CPU. A statement
 * text is parsed once and kept (the `capacity` most recently used); its parameters are serialised and its
 * rows parsed with the instance's type serializers and parsers, as PGlite's `query` does. A statement marked
 * to be planned each run (`planEachRun`) is parsed as the unnamed statement every time.
 *
 * The caller must hold PGlite's query lock (and its transaction lock outside a transaction).
 */
export class PglitePreparedStatements {
  private readonly statements = new Map<string, Statement>();
  private readonly retired: string[] = [];
  private counter = 0;

  constructor(
    private readonly client: PGlite,
    private readonly capacity = 500,
  ) {}

  /** `inTransaction`: no file-system sync after it (PGlite syncs once the transaction ends). */
  async run<T>(
    text: string,
    params: unknown[] = [],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const statement = await this.prepared(text, inTransaction);
    try {
      return await this.execute<T>(statement, params, options, inTransaction);
    } catch (error) {
      if ((error as { code?: unknown }).code !== STALE_PLAN) throw error;
      this.forget(text);
      // Inside a transaction the failure has aborted it: only the caller's retry of the whole can succeed.
      if (inTransaction) throw error;
      return this.execute<T>(await this.prepared(text, inTransaction), params, options, inTransaction);
    }
  }

  private async prepared(text: string, inTransaction: boolean): Promise<Statement> {
    if (isPlannedEachRun(text)) return this.parse('', text, inTransaction);
    const known = this.statements.get(text);
    if (known) {
      this.statements.delete(text);
      this.statements.set(text, known);
      return known;
    }
    const statement = await this.parse(`practica_${++this.counter}`, text, inTransaction);
    this.statements.set(text, statement);
    if (this.statements.size > this.capacity) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    return statement;
  }

  /** Parses `text` as the statement `name` ('' for the unnamed one, replaced by the next parse). */
  private async parse(name: string, text: string, inTransaction: boolean): Promise<Statement> {
    const received = await this.exchange(
      [serialize.parse({ name, text }), serialize.describe({ type: 'S', name })],
      inTransaction,
    );
    const error = firstError(received);
    if (error) throw error;
    const statement: Statement = { name, parameterTypes: [], fields: [] };
    for (const message of received) {
      if (message instanceof messages.ParameterDescriptionMessage)
        statement.parameterTypes = message.dataTypeIDs;
      else if (message instanceof messages.RowDescriptionMessage)
        statement.fields = message.fields.map((field) => ({
          name: field.name,
          dataTypeID: field.dataTypeID,
        }));
    }
    return statement;
  }

  private forget(text: string): void {
    const statement = this.statements.get(text);
    if (!statement) return;
    this.statements.delete(text);
    this.retired.push(statement.name);
  }

  private async execute<T>(
    statement: Statement,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const values = params.map((param, index) => {
      if (param === null || param === undefined) return null;
      const type = statement.parameterTypes[index] ?? 0;
      const serializer = options?.serializers?.[type] ?? this.client.serializers[type];
      return serializer ? serializer(param) : String(param);
    });
    const received = await this.exchange(
      [serialize.bind({ statement: statement.name, values }), serialize.execute({})],
      inTransaction,
    );
    const error = firstError(received);
    if (error) throw error;
    return this.results<T>(statement.fields, received, options);
  }

  /** Sends `parts` (with any statements to close first) and a Sync, and returns what came back. */
  private exchange(parts: Uint8Array[], inTransaction: boolean): Promise<BackendMessage[]> {
    const closes = this.retired.splice(0).map((name) => serialize.close({ type: 'S', name }));
    return this.client.execProtocolStream(Buffer.concat([...closes, ...parts, serialize.sync()]), {
      throwOnError: false,
      syncToFs: !inTransaction,
    });
  }

  private results<T>(fields: Field[], received: BackendMessage[], options?: QueryOptions): Results<T> {
    const parsers = options?.parsers;
    const parseField = fields.map(({ dataTypeID }) => {
      const parser = parsers?.[dataTypeID] ?? this.client.parsers[dataTypeID];
      return (value: string | null): unknown =>
        value === null || !parser ? value : parser(value, dataTypeID);
    });
    const rows: unknown[] = [];
    let affectedRows = 0;
    const asArray = options?.rowMode === 'array';
    for (const message of received) {
      if (message instanceof messages.DataRowMessage) {
        const values = message.fields.map((value, index) => parseField[index]!(value as string | null));
        rows.push(
          asArray ? values : Object.fromEntries(fields.map((field, index) => [field.name, values[index]])),
        );
      } else if (message instanceof messages.CommandCompleteMessage) {
        const words = message.text.split(' ');
        const command = words[0];
        if (command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE')
          affectedRows += Number(words[words.length - 1]) || 0;
      }
    }
    return { rows: rows as T[], fields, affectedRows };
  }
}
