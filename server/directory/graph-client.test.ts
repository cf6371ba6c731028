import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DirectoryResyncRequired } from '../../core';
import { graphClient } from './graph-client';
import { GraphRequestError } from './graph-errors';
import { graphTokenProvider } from './graph-token-provider';
import { directoryChangeFromGraph } from './graph-user';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TOKEN_URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const USERS = 'https://graph.microsoft.com/v1.0/users/delta';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function tokens(issued: string[] = []) {
  return http.post(TOKEN_URL, () => {
    issued.push(`token-${issued.length + 1}`);
    return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, access_token: issued.at(-1) });
  });
}

function client(options: { sleep?: (ms: number) => Promise<void> } = {}) {
  const provider = graphTokenProvider({
    tenantId: TENANT,
    clientId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    clientSecret: 'secret',
    authorityUrl: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com',
  });
  return graphClient({
    graphBaseUrl: 'https://graph.microsoft.com',
    tokens: provider,
    retry: { maxAttempts: 4, baseDelayMs: 10, maxRetryAfterMs: 60_000 },
    sleep: options.sleep,
  });
}

const graphErrorBody = (code: string, message: string) => ({ error: { code, message, innerError: {} } });

describe('Graph client', () => {
  it('asks for one app-only token and reuses it until it expires', async () => {
    const issued: string[] = [];
    const seen: (string | null)[] = [];
    server.use(
      tokens(issued),
      http.get(USERS, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ value: [] });
      }),
    );
    const graph = client();
    await Promise.all([graph.getJson(USERS), graph.getJson(USERS), graph.getJson(USERS)]);
    expect(issued).toEqual(['token-1']);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
  });

  it('renews the token once when Graph answers 401, then carries on', async () => {
    const issued: string[] = [];
    server.use(
      tokens(issued),
      http.get(USERS, ({ request }) =>
        request.headers.get('authorization') === 'Bearer token-1'
          ? HttpResponse.json(graphErrorBody('InvalidAuthenticationToken', 'Access token has expired.'), {
              status: 401,
            })
          : HttpResponse.json({ value: ['ok'] }),
      ),
    );
    expect(await client().getJson(USERS)).toEqual({ value: ['ok'] });
    expect(issued).toEqual(['token-1', 'token-2']);
  });

  it('really waits the Retry-After Graph sends with a 429 before asking again', async () => {
    let calls = 0;
    server.use(
      tokens(),
      http.get(USERS, () =>
        ++calls === 1
          ? HttpResponse.json(graphErrorBody('TooManyRequests', 'Too many requests'), {
              status: 429,
              headers: { 'Retry-After': '1' },
            })
          : HttpResponse.json({ value: [] }),
      ),
    );
    const started = Date.now();
    await client().getJson(USERS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls).toBe(2);
  });

  it('fails the request, without waiting, when Graph asks for a longer pause than the policy allows', async () => {
    const waits: number[] = [];
    server.use(
      tokens(),
      http.get(USERS, () =>
        HttpResponse.json(graphErrorBody('TooManyRequests', 'Too many requests'), {
          status: 429,
          headers: { 'Retry-After': '3600' },
        }),
      ),
    );
    await expect(client({ sleep: async (ms) => void waits.push(ms) }).getJson(USERS)).rejects.toThrow(
      'asked to wait 3600 s',
    );
    expect(waits).toEqual([]);
  });

  it.each([
    [410, 'syncStateNotFound'],
    [400, 'syncStateNotFound'],
    [400, 'syncStateInvalid'],
  ])('reads %i %s as "start over with a full read"', async (status, code) => {
    server.use(
      tokens(),
      http.get(USERS, () => HttpResponse.json(graphErrorBody(code, 'Token expired'), { status })),
    );
    await expect(client().getJson(`${USERS}?$deltatoken=old`)).rejects.toBeInstanceOf(
      DirectoryResyncRequired,
    );
  });

  it('fails at once, with Graph’s words, when the app lacks the permission (no admin consent)', async () => {
    let calls = 0;
    server.use(
      tokens(),
      http.get(USERS, () => {
        calls += 1;
        return HttpResponse.json(
          graphErrorBody('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
          { status: 403 },
        );
      }),
    );
    const failure = client().getJson(USERS);
    await expect(failure).rejects.toBeInstanceOf(GraphRequestError);
    await expect(failure).rejects.toThrow('403 Authorization_RequestDenied: Insufficient privileges');
    expect(calls).toBe(1);
  });

  it('explains a refused client secret from the token endpoint', async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(
          {
            error: 'invalid_client',
            error_description:
              'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\r\nTrace ID: 1',
            error_codes: [7000215],
          },
          { status: 401 },
        ),
      ),
    );
    await expect(client().getJson(USERS)).rejects.toThrow(
      'Entra refused the app-only token (401 invalid_client): AADSTS7000215: Invalid client secret provided.',
    );
  });

  it('never sends the token to a link outside Microsoft Graph', async () => {
    server.use(tokens());
    await expect(client().getJson('https://attacker.example/v1.0/users/delta?$skiptoken=x')).rejects.toThrow(
      'Refusing to follow a link outside https://graph.microsoft.com',
    );
  });
});

describe('reading a users delta entry', () => {
  it('reads a removal with either reason', () => {
    expect(directoryChangeFromGraph({ id: 'u1', '@removed': { reason: 'changed' } }, 'employeeId')).toEqual({
      kind: 'removed',
      aadObjectId: 'u1',
      restorable: true,
    });
    expect(
      directoryChangeFromGraph({ id: 'u1', '@removed': { reason: 'deleted' } }, 'employeeId'),
    ).toMatchObject({
      restorable: false,
    });
  });

  it('reads the manager from manager@delta, an expanded manager, or leaves it unstated', () => {
    const manager = (entry: Record<string, unknown>) => {
      const change = directoryChangeFromGraph({ id: 'u1', displayName: 'Sam', ...entry }, 'employeeId');
      return change?.kind === 'user' ? change.user.managerAadObjectId : 'not a user';
    };
    expect(manager({ 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'm1' }] })).toBe('m1');
    expect(
      manager({
        'manager@delta': [
          { '@odata.type': '#microsoft.graph.user', id: 'm1', '@removed': { reason: 'deleted' } },
          { '@odata.type': '#microsoft.graph.user', id: 'm2' },
        ],
      }),
    ).toBe('m2');
    expect(manager({ 'manager@delta': [{ id: 'm1', '@removed': { reason: 'deleted' } }] })).toBeNull();
    expect(manager({ manager: { '@odata.type': '#microsoft.graph.user', id: 'm3' } })).toBe('m3');
    expect(manager({})).toBeUndefined();
  });

  it('takes the LMS identifier from the configured attribute, nested ones included', () => {
    const entry = {
      id: 'u1',
      employeeId: 'E-1',
      onPremisesSamAccountName: 'dokafor',
      onPremisesExtensionAttributes: { extensionAttribute3: 'LMS-77' },
    };
    const identifier = (attribute: string) => {
      const change = directoryChangeFromGraph(entry, attribute);
      return change?.kind === 'user' ? change.user.lmsIdentifier : null;
    };
    expect(identifier('employeeId')).toBe('E-1');
    expect(identifier('onPremisesSamAccountName')).toBe('dokafor');
    expect(identifier('onPremisesExtensionAttributes.extensionAttribute3')).toBe('LMS-77');
    expect(identifier('extension_abc_lmsId')).toBeNull();
  });

  it('leaves out an entry it cannot read (no id)', () => {
    expect(directoryChangeFromGraph({ displayName: 'No id' }, 'employeeId')).toBeNull();
  });
});
