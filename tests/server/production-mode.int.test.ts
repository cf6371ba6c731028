import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { messageActivity } from '../support/activities';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';

describe('outside development mode', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      PRACTICA_DEV_MODE: 'false',
      NODE_ENV: 'production',
      CLIENT_ID: '1b0f7c1e-9d55-4c1a-9e0f-3a7d2c1b4e55',
      CLIENT_SECRET: 'test-secret',
      TENANT_ID: DEMO_TENANT.id,
      SEED_DEMO: 'true',
    });
    connector = await startLocalConnector();
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it('has no development routes', async () => {
    for (const path of ['/dev/personas', '/dev/jwks.json']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
    }
    const token = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ email: DEMO_DEFAULT_USER_EMAIL }),
    });
    expect(token.status).toBe(404);
    expect(server.devTokens).toBeNull();
  });

  it('refuses bot activities that carry no valid Bot Framework token, and replies to nobody', async () => {
    const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
    const body = JSON.stringify(
      messageActivity({
        tenantId: DEMO_TENANT.id,
        aadObjectId: analyst.aadObjectId,
        serviceUrl: connector.serviceUrl,
      }),
    );
    const missing = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'unauthenticated' });
    const garbage = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
    });
    expect(garbage.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });
});
