import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { messageActivity } from '../support/activities';
import { runCommand } from '../support/child-process';
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

describe('the production build (npm run build:quick, then npm run start:prod)', () => {
  const production = {
    PORT: '0',
    DATABASE_URL: 'memory://',
    CLIENT_ID: '1b0f7c1e-9d55-4c1a-9e0f-3a7d2c1b4e55',
    CLIENT_SECRET: 'test-secret',
    TENANT_ID: DEMO_TENANT.id,
    WORKER_CONCURRENCY: '0',
  };

  beforeAll(async () => {
    // The same JavaScript and tab bundle as `npm run build`, without its type check (npm run typecheck does that).
    const build = runCommand('npm', ['run', 'build:quick'], {});
    const { code } = await build.exited;
    if (code !== 0) throw new Error(`build failed:\n${build.stdout()}\n${build.stderr()}`);
  }, 300_000);

  it('starts in production mode from dist/ and answers /readyz, the tab and its pages', async () => {
    const run = runCommand('npm', ['run', '--silent', 'start:prod'], production);
    try {
      const [, url] = await run.waitForOutput(/Tab:\s+(http:\/\/\S+?)\//);
      expect(run.stdout()).toContain('Practica is running (production mode)');
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      for (const page of ['/profile?inTeams=1', '/workflows?inTeams=1']) {
        const response = await fetch(`${url}${page}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('<div id="root">');
      }
      expect((await fetch(`${url}/dev/personas`)).status).toBe(404);
      // App Service and Docker stop the container with SIGTERM to npm: it must reach the service, which drains.
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
      expect(run.stdout()).toContain('SIGTERM received');
    } finally {
      run.child.kill('SIGKILL');
      await run.exited;
    }
  });

  it('refuses development mode', async () => {
    const run = runCommand('npm', ['run', '--silent', 'start:prod'], {
      ...production,
      PRACTICA_DEV_MODE: 'true',
    });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toContain('development mode cannot be enabled when NODE_ENV=production');
  });
});
