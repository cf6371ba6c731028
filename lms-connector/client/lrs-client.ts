import XAPI, { type Agent, type Statement, type StatementsResponse } from '@xapi/xapi';
import type { LrsTarget } from '../targets';
import { createFetchAdapter } from './fetch-adapter';
import { createAuthorizer } from './lrs-authorizer';
import { LrsHttpError, LrsVersionError } from './lrs-errors';

export type XapiStatement = Record<string, unknown>;

export type StatementQuery = {
  verb?: string;
  /** Statements whose actor (or object) is this agent, e.g. `{ account: { homePage, name } }` or `{ mbox }`. */
  agent?: Record<string, unknown>;
  since?: Date;
  until?: Date;
  ascending?: boolean;
  /** Statements per page (the LRS may send fewer). */
  limit?: number;
};

export type StatementPage = {
  statements: XapiStatement[];
  /** X-Experience-API-Consistent-Through: everything stored before it is in the results. */
  consistentThrough: string | null;
};

export type LrsClient = {
  /** Reads /about and fails with LrsVersionError unless the LRS speaks xAPI 1.0.x. */
  checkVersion(): Promise<string[]>;
  /** POSTs one batch; resolves to the ids the LRS stored. Non-2xx answers throw LrsHttpError. */
  sendStatements(statements: XapiStatement[]): Promise<string[]>;
  /** GET ?statementId=; null when the LRS does not hold it (or holds it voided). */
  getStatement(statementId: string): Promise<XapiStatement | null>;
  /** GET ?voidedStatementId=; null unless the LRS holds it as voided. */
  getVoidedStatement(statementId: string): Promise<XapiStatement | null>;
  /** Pages of a statement query, following `more` until the LRS has no more. */
  queryStatements(query: StatementQuery): AsyncGenerator<StatementPage>;
};

export type LrsClientOptions = {
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Stops following `more` after this many pages (a broken LRS can link a page to itself). */
  maxPages?: number;
};

export function createLrsClient(target: LrsTarget, options: LrsClientOptions = {}): LrsClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorizer = createAuthorizer(target.auth, { fetch: options.fetch, timeoutMs, now: options.now });
  const xapi = new XAPI({
    endpoint: target.endpoint,
    version: '1.0.3',
    adapter: createFetchAdapter({ authorizer, timeoutMs, fetch: options.fetch, now: options.now }),
  });
  const notFoundAsNull = async <T>(request: Promise<{ data: T }>): Promise<T | null> => {
    try {
      return (await request).data;
    } catch (error) {
      if (error instanceof LrsHttpError && error.status === 404) return null;
      throw error;
    }
  };

  return {
    async checkVersion() {
      const about = await xapi.getAbout();
      const versions = Array.isArray(about.data?.version) ? about.data.version.map(String) : [];
      if (!versions.some((version) => version.startsWith('1.0.'))) throw new LrsVersionError(versions);
      return versions;
    },

    async sendStatements(statements) {
      const response = await xapi.sendStatements({ statements: statements as unknown as Statement[] });
      return Array.isArray(response.data) ? response.data.map(String) : [];
    },

    async getStatement(statementId) {
      return notFoundAsNull(xapi.getStatement({ statementId })) as Promise<XapiStatement | null>;
    },

    async getVoidedStatement(statementId) {
      return notFoundAsNull(
        xapi.getVoidedStatement({ voidedStatementId: statementId }),
      ) as Promise<XapiStatement | null>;
    },

    async *queryStatements(query) {
      const maxPages = options.maxPages ?? 10_000;
      const seen = new Set<string>();
      let response: { data: unknown; headers: Record<string, unknown> } = await xapi.getStatements({
        ...(query.verb ? { verb: query.verb } : {}),
        ...(query.agent ? { agent: query.agent as unknown as Agent } : {}),
        ...(query.since ? { since: query.since.toISOString() } : {}),
        ...(query.until ? { until: query.until.toISOString() } : {}),
        ...(query.ascending ? { ascending: true } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      });
      for (let page = 1; ; page += 1) {
        const body = response.data as StatementsResponse;
        yield {
          statements: (body.statements ?? []) as unknown as XapiStatement[],
          consistentThrough: header(response.headers, 'x-experience-api-consistent-through'),
        };
        const more = typeof body.more === 'string' && body.more ? new URL(body.more, target.endpoint) : null;
        if (!more || seen.has(more.href) || page >= maxPages) return;
        seen.add(more.href);
        response = await xapi.getMoreStatements({ more: `${more.pathname}${more.search}` });
      }
    },
  };
}

function header(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}
