import type { StatementPage, StatementQuery } from '../client';
import { nextWatermark, readStatementsSince } from './read-statements-since';

const statementAt = (n: number) => ({
  id: `id-${n}`,
  stored: new Date(Date.UTC(2026, 2, 1, 0, 0, n)).toISOString(),
});
let ALL = Array.from({ length: 10 }, (_, n) => statementAt(n));

/** An LRS answering `since` correctly, whose `more` links behave as `more` says. */
function lrs(more: 'works' | 'fails' | 'loops' | 'missing') {
  const queries: StatementQuery[] = [];
  return {
    queries,
    async *queryStatements(query: StatementQuery): AsyncGenerator<StatementPage> {
      queries.push(query);
      const matching = ALL.filter((s) => !query.since || Date.parse(s.stored) > query.since.getTime());
      const size = query.limit ?? 3;
      const header = '2026-03-02T00:00:00.000Z';
      yield { statements: matching.slice(0, size), consistentThrough: header };
      if (more === 'missing') return;
      for (let start = size; start < matching.length; start += size) {
        if (more === 'fails') throw new Error('404 on the more link');
        if (more === 'loops') return; // the client stops when a link repeats
        yield { statements: matching.slice(start, start + size), consistentThrough: header };
      }
    },
  };
}

describe('readStatementsSince', () => {
  it.each(['works', 'fails', 'loops', 'missing'] as const)(
    'reads every statement once when the more links %s',
    async (more) => {
      const client = lrs(more);
      const reading = await readStatementsSince(client, { verb: 'v', since: null, pageSize: 3 });
      expect(reading.statements.map((s) => s.id)).toEqual(ALL.map((s) => s.id));
      expect(reading.consistentThrough).toEqual(new Date('2026-03-02T00:00:00.000Z'));
      if (more === 'works') expect(reading.resumed).toBe(0);
      else expect(reading.resumed).toBeGreaterThan(0);
      expect(client.queries.every((query) => query.verb === 'v' && query.ascending)).toBe(true);
    },
  );

  it('reads a batch stored at one instant past a broken more link by asking for bigger pages', async () => {
    const previous = ALL;
    ALL = Array.from({ length: 7 }, (_, n) => ({ id: `same-${n}`, stored: '2026-03-01T00:00:00.000Z' }));
    try {
      const reading = await readStatementsSince(lrs('fails'), { verb: 'v', since: null, pageSize: 2 });
      expect(reading.statements.map((s) => s.id)).toEqual(ALL.map((s) => s.id));
    } finally {
      ALL = previous;
    }
  });

  it('asks from the watermark and lets a failing first page fail the sync', async () => {
    const client = lrs('works');
    const since = new Date(ALL[6]!.stored);
    const reading = await readStatementsSince(client, { verb: 'v', since, pageSize: 3 });
    expect(reading.statements.map((s) => s.id)).toEqual(['id-7', 'id-8', 'id-9']);
    const down = {
      // eslint-disable-next-line require-yield
      async *queryStatements(): AsyncGenerator<StatementPage> {
        throw new Error('503');
      },
    };
    await expect(readStatementsSince(down, { verb: 'v', since: null, pageSize: 3 })).rejects.toThrow('503');
  });
});

describe('nextWatermark', () => {
  const reading = (iso: string | null) => ({
    statements: [],
    consistentThrough: iso ? new Date(iso) : null,
    resumed: 0,
  });
  it('is the earliest consistent-through of the queries, never before where the sync started', () => {
    expect(nextWatermark(null, [reading('2026-03-02T10:00:00Z'), reading('2026-03-02T09:00:00Z')])).toEqual(
      new Date('2026-03-02T09:00:00Z'),
    );
    const previous = new Date('2026-03-03T00:00:00Z');
    expect(nextWatermark(previous, [reading('2026-03-02T09:00:00Z')])).toBe(previous);
  });
  it('stays where it was when an LRS sends no consistent-through header', () => {
    const previous = new Date('2026-03-01T00:00:00Z');
    expect(nextWatermark(previous, [reading('2026-03-02T09:00:00Z'), reading(null)])).toBe(previous);
    expect(nextWatermark(null, [reading(null)])).toBeNull();
  });
});
