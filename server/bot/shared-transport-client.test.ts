import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SharedTransportClient } from './shared-transport-client';

type Seen = { url: string; authorization?: string; userAgent?: string; custom?: string };

describe('SharedTransportClient (the Teams SDK client whose clones share one axios instance)', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url?.startsWith('/slow')) return; // never answers
      seen.push({
        url: request.url ?? '',
        authorization: request.headers.authorization,
        userAgent: request.headers['user-agent'],
        custom: request.headers['x-custom'] as string | undefined,
      });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: 'sent-1' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => seen.splice(0));

  it('sends each clone’s requests with its own token, its parent’s headers and the user agents joined', async () => {
    const root = new SharedTransportClient().clone({ headers: { 'User-Agent': 'teams.ts[apps]' } });
    const bot = root.clone({ token: () => 'bot-token' });
    const user = root.clone({ token: async () => 'user-token', headers: { 'x-custom': 'yes' } });

    const answer = await bot.post(`${base}/v3/conversations/a/activities`, { type: 'message' });
    await user.get(`${base}/me`);

    expect(answer.data).toEqual({ id: 'sent-1' });
    expect(seen).toEqual([
      {
        url: '/v3/conversations/a/activities',
        authorization: 'Bearer bot-token',
        userAgent: 'teams.ts[apps]',
      },
      { url: '/me', authorization: 'Bearer user-token', userAgent: 'teams.ts[apps]', custom: 'yes' },
    ]);
  });

  it('gives a clone its own base URL (as the SDK’s graph clients are made) without changing its parent’s', async () => {
    const root = new SharedTransportClient({ baseUrl: `${base}/root` });
    const graph = root.clone({ baseUrl: `${base}/v1.0`, headers: { 'User-Agent': 'teams.ts[graph]' } });

    await graph.get('/users/42');
    await root.get('/ping');

    expect(seen.map((request) => request.url)).toEqual(['/v1.0/users/42', '/root/ping']);
    expect(seen[0]?.userAgent).toBe('teams.ts[graph]');
  });

  it('applies a clone’s timeout to its requests', async () => {
    const impatient = new SharedTransportClient().clone({ timeout: 50 });
    await expect(impatient.get(`${base}/slow`)).rejects.toThrow(/timeout/i);
  });

  it('refuses to add or remove an interceptor on a clone, which would reach every clone through the shared instance', () => {
    const clone = new SharedTransportClient().clone();
    expect(() => clone.use({ request: ({ config }) => config })).toThrow(/root client/);
    expect(() => clone.eject(1)).toThrow(/root client/);
  });
});
