import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createLrsClient } from './lrs-client';
import { LrsAuthError, LrsHttpError, LrsTransportError } from './lrs-errors';
import type { LrsTarget } from '../targets';

const endpoint = 'https://lrs.example.com/xapi/';
const tokenUrl = 'https://login.example.com/oauth/token';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const basicTarget: LrsTarget = {
  name: 'lms',
  endpoint,
  auth: { kind: 'basic', username: 'practica', password: 'secret' },
  actor: { kind: 'mbox' },
};
const oauthTarget: LrsTarget = {
  ...basicTarget,
  auth: { kind: 'oauth2', tokenUrl, clientId: 'client id', clientSecret: 's3cret:x', scope: 'xapi:write' },
};
const statement = {
  id: '2f6d8c1e-5a0b-4c1e-9d7e-8b3a1f2c4d5e',
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
};

function grantTokens(tokens: string[], requests: Request[] = []) {
  let next = 0;
  return http.post(tokenUrl, ({ request }) => {
    requests.push(request.clone());
    return HttpResponse.json({ access_token: tokens[next++], token_type: 'Bearer', expires_in: 3600 });
  });
}

describe('LRS client over the fetch adapter', () => {
  it('sends X-Experience-API-Version 1.0.3 and Basic credentials on every request, /about included', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(`${endpoint}about`, ({ request }) => {
        seen.push(request);
        return HttpResponse.json({ version: ['1.0.3'] });
      }),
      http.post(`${endpoint}statements`, ({ request }) => {
        seen.push(request);
        return HttpResponse.json([statement.id]);
      }),
    );
    const client = createLrsClient(basicTarget);
    await expect(client.checkVersion()).resolves.toEqual(['1.0.3']);
    await expect(client.sendStatements([statement])).resolves.toEqual([statement.id]);
    for (const request of seen) {
      expect(request.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(request.headers.get('authorization')).toBe(
        `Basic ${Buffer.from('practica:secret').toString('base64')}`,
      );
    }
  });

  it('refuses an LRS that does not speak xAPI 1.0.x', async () => {
    server.use(http.get(`${endpoint}about`, () => HttpResponse.json({ version: ['0.95'] })));
    await expect(createLrsClient(basicTarget).checkVersion()).rejects.toThrow('speaks xAPI 0.95, not 1.0.3');
  });

  it('keeps the status, the LRS message and Retry-After (seconds or a date) of a refusal', async () => {
    const now = new Date('2026-11-02T09:00:00.000Z');
    server.use(
      http.post(
        `${endpoint}statements`,
        () => HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'Retry-After': '7' } }),
        { once: true },
      ),
      http.post(
        `${endpoint}statements`,
        () =>
          new HttpResponse('maintenance', {
            status: 503,
            headers: { 'Retry-After': 'Mon, 02 Nov 2026 09:01:00 GMT' },
          }),
        { once: true },
      ),
      http.post(`${endpoint}statements`, () =>
        HttpResponse.json({ warnings: ["Problem in 'statements.0.id'"] }, { status: 400 }),
      ),
    );
    const client = createLrsClient(basicTarget, { now: () => now });
    await expect(client.sendStatements([statement])).rejects.toMatchObject({
      status: 429,
      message: 'slow down',
      retryAfterMs: 7000,
    });
    await expect(client.sendStatements([statement])).rejects.toMatchObject({
      status: 503,
      message: 'maintenance',
      retryAfterMs: 60_000,
    });
    const refusal = await client.sendStatements([statement]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LrsHttpError);
    expect(refusal).toMatchObject({
      status: 400,
      message: "Problem in 'statements.0.id'",
      retryAfterMs: null,
    });
  });

  it('gives up on an LRS that does not answer within the timeout', async () => {
    server.use(
      http.post(`${endpoint}statements`, async () => {
        await delay(600);
        return HttpResponse.json([statement.id]);
      }),
    );
    const started = Date.now();
    const error = await createLrsClient(basicTarget, { timeoutMs: 100 })
      .sendStatements([statement])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LrsTransportError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('reports a connection failure as a network error', async () => {
    server.use(http.post(`${endpoint}statements`, () => HttpResponse.error()));
    await expect(createLrsClient(basicTarget).sendStatements([statement])).rejects.toMatchObject({
      name: 'LrsTransportError',
      kind: 'network',
    });
  });

  it('gets an OAuth token with client credentials once, reuses it, and renews it once when the LRS refuses it', async () => {
    const tokenRequests: Request[] = [];
    const bearers: string[] = [];
    server.use(
      grantTokens(['first', 'second'], tokenRequests),
      http.post(`${endpoint}statements`, ({ request }) => {
        const bearer = request.headers.get('authorization') ?? '';
        bearers.push(bearer);
        if (bearer === 'Bearer first' && bearers.length > 2) return new HttpResponse(null, { status: 401 });
        return HttpResponse.json([statement.id]);
      }),
    );
    const client = createLrsClient(oauthTarget);
    await client.sendStatements([statement]);
    await client.sendStatements([statement]);
    await client.sendStatements([statement]);
    expect(bearers).toEqual(['Bearer first', 'Bearer first', 'Bearer first', 'Bearer second']);
    expect(tokenRequests).toHaveLength(2);
    const form = new URLSearchParams(await tokenRequests[0]!.text());
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('xapi:write');
    const [id, secret] = Buffer.from(tokenRequests[0]!.headers.get('authorization')!.slice(6), 'base64')
      .toString()
      .split(':');
    expect([decodeURIComponent(id!), decodeURIComponent(secret!)]).toEqual(['client id', 's3cret:x']);
  });

  it('shares one token request between concurrent sends', async () => {
    const tokenRequests: Request[] = [];
    server.use(
      grantTokens(['only'], tokenRequests),
      http.post(`${endpoint}statements`, () => HttpResponse.json([statement.id])),
    );
    const client = createLrsClient(oauthTarget);
    await Promise.all([1, 2, 3, 4].map(() => client.sendStatements([statement])));
    expect(tokenRequests).toHaveLength(1);
  });

  it('reports refused client credentials as an auth error, and a token endpoint outage as retryable', async () => {
    server.use(
      http.post(tokenUrl, () => HttpResponse.json({ error: 'invalid_client' }, { status: 401 }), {
        once: true,
      }),
    );
    const refused = await createLrsClient(oauthTarget)
      .sendStatements([statement])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LrsAuthError);

    server.use(
      http.post(tokenUrl, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '3' } })),
    );
    await expect(createLrsClient(oauthTarget).sendStatements([statement])).rejects.toMatchObject({
      name: 'LrsHttpError',
      status: 503,
      retryAfterMs: 3000,
    });
  });

  it('follows `more` links relative to the LRS root and stops at a page that links to itself', async () => {
    const pages: string[] = [];
    server.use(
      http.get(`https://lrs.example.com/xapi/statements`, ({ request }) => {
        const url = new URL(request.url);
        pages.push(url.search);
        const cursor = url.searchParams.get('cursor');
        if (!cursor)
          return HttpResponse.json(
            { statements: [{ id: 'a' }], more: '/xapi/statements?cursor=2' },
            { headers: { 'X-Experience-API-Consistent-Through': '2026-11-02T09:00:00.000Z' } },
          );
        return HttpResponse.json({
          statements: [{ id: `b${pages.length}` }],
          more: '/xapi/statements?cursor=2',
        });
      }),
    );
    const seen: string[] = [];
    let consistentThrough: string | null = null;
    for await (const page of createLrsClient(basicTarget).queryStatements({
      verb: 'http://adlnet.gov/expapi/verbs/completed',
      since: new Date('2026-10-01T00:00:00Z'),
    })) {
      seen.push(...page.statements.map((s) => String(s.id)));
      consistentThrough ??= page.consistentThrough;
    }
    expect(seen).toEqual(['a', 'b2']);
    expect(consistentThrough).toBe('2026-11-02T09:00:00.000Z');
    const first = new URLSearchParams(pages[0]);
    expect(first.get('verb')).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(first.get('since')).toBe('2026-10-01T00:00:00.000Z');
  });
});
