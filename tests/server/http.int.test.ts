import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_PEOPLE, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { DEV_CLIENT_ID } from '../../server/practica';
import { messageActivity } from '../support/activities';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('the Practica service on %s', (kind) => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
  // Someone with reports, and no stored author or admin role: roles must come from the token or config.
  const MANAGER = DEMO_PEOPLE.find(
    (person) =>
      person.roles.length === 1 &&
      DEMO_PEOPLE.some((other) => other.managerAadObjectId === person.aadObjectId),
  )!;
  const BOOTSTRAP_ADMIN = DEMO_PEOPLE.find(
    (person) => person.roles.length === 1 && person !== MANAGER && person !== analyst,
  )!;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      REQUEST_BODY_LIMIT_BYTES: '65536',
      BOOTSTRAP_ADMIN_UPN: BOOTSTRAP_ADMIN.email.toUpperCase(),
    });
    connector = await startLocalConnector();
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const devToken = async (email: string) => {
    const response = await post('/dev/token', JSON.stringify({ email }));
    return ((await response.json()) as { token: string }).token;
  };

  it('reports itself alive and ready with the demo tenant loaded', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: kind });
    expect(await server.store.people.count(DEMO_TENANT.id)).toBe(DEMO_PEOPLE.length);
    expect((await server.store.workflows.listPublished(DEMO_TENANT.id)).length).toBeGreaterThanOrEqual(8);
  });

  it('refuses /api/v1/me without a token, and answers it for a signed-in demo person', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated' });

    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${await devToken(analyst.email)}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      displayName: analyst.displayName,
      email: analyst.email,
      department: 'Finance',
      tenantId: DEMO_TENANT.id,
      roles: ['employee'],
    });
  });

  it('gives each caller the roles the token, BOOTSTRAP_ADMIN_UPN and the directory say they hold', async () => {
    const rolesOf = async (token: string) => {
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      return ((await me.json()) as { roles: string[] }).roles;
    };
    const issuer = server.devTokens!;
    expect(await rolesOf(await issuer.issue(MANAGER))).toEqual(['employee', 'manager']);
    expect(await rolesOf(await issuer.issue(analyst, { appRoles: ['Practica.Author'] }))).toEqual([
      'employee',
      'author',
    ]);
    expect(await rolesOf(await issuer.issue(BOOTSTRAP_ADMIN))).toContain('admin');
    expect(await rolesOf(await issuer.issue(analyst, { appRoles: ['Admin'] }))).toEqual(['employee']);
  });

  it('provisions someone signing in to the tab for the first time from their token, once', async () => {
    const newcomer = {
      tenantId: DEMO_TENANT.id,
      aadObjectId: randomUUID(),
      email: 'Riley.New@northwind.example',
      displayName: 'Riley New',
    };
    const token = await server.devTokens!.issue(newcomer);
    const me = async () =>
      (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    const first = (await me()) as { id: string };
    expect(first).toMatchObject({ displayName: 'Riley New', email: 'riley.new@northwind.example' });
    expect(await me()).toMatchObject({ id: first.id });
    expect(await server.store.people.findByAadObjectId(DEMO_TENANT.id, newcomer.aadObjectId)).toMatchObject({
      id: first.id,
      roles: ['employee'],
    });
  });

  it('rejects tokens that are forged, expired, for another app or from another organisation', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({
      tid: DEMO_TENANT.id,
      oid: analyst.aadObjectId,
      scp: 'access_as_user',
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: (await exportJWK(publicKey)).kid ?? 'attacker' })
      .setIssuer(`https://login.microsoftonline.com/${DEMO_TENANT.id}/v2.0`)
      .setAudience(DEV_CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const issuer = server.devTokens!;
    const person = {
      tenantId: DEMO_TENANT.id,
      aadObjectId: analyst.aadObjectId,
      email: analyst.email,
      displayName: analyst.displayName,
    };
    const expired = await issuer.issue(person, { expiresInSeconds: -600 });
    const otherTenant = await issuer.issue({ ...person, tenantId: randomUUID() });
    const otherApp = await issuer.issue(person, { audience: randomUUID() });

    const statusOf = async (token: string) =>
      (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await statusOf(forged)).toBe(401);
    expect(await statusOf(expired)).toBe(401);
    expect(await statusOf('not-a-jwt')).toBe(401);
    expect(await statusOf(otherApp)).toBe(401);
    expect(await statusOf(otherTenant)).toBe(403);
  });

  it('answers malformed and oversized requests with a clear error and a stable code', async () => {
    const malformed = await post('/api/messages', '{"type": "message",');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'malformed_json' });

    const notAnActivity = await post('/api/messages', JSON.stringify({ hello: 'world' }));
    expect(notAnActivity.status).toBe(400);
    expect(await notAnActivity.json()).toMatchObject({ code: 'invalid_activity' });

    const oversized = await post('/api/messages', JSON.stringify({ text: 'x'.repeat(70_000) }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ code: 'payload_too_large' });

    // Sent in chunks, without Content-Length: the body is counted as it arrives.
    const chunked = (text: string) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let at = 0; at < text.length; at += 16_384)
              controller.enqueue(new TextEncoder().encode(text.slice(at, at + 16_384)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const oversizedChunks = await chunked(JSON.stringify({ text: 'x'.repeat(70_000) }));
    expect(oversizedChunks.status).toBe(413);
    expect(await oversizedChunks.json()).toMatchObject({ code: 'payload_too_large' });
    const malformedChunks = await chunked('{"type": "message",');
    expect(malformedChunks.status).toBe(400);
    expect(await malformedChunks.json()).toMatchObject({ code: 'malformed_json' });

    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });
    expect(connector.sent).toHaveLength(0);
  });

  it('welcomes a demo person who messages the bot, once per activity even when Teams redelivers it', async () => {
    const activity = messageActivity({
      tenantId: DEMO_TENANT.id,
      aadObjectId: analyst.aadObjectId,
      serviceUrl: connector.serviceUrl,
      text: 'hi',
    });
    const first = await post('/api/messages', JSON.stringify(activity));
    expect(first.status).toBe(200);
    const again = await post('/api/messages', JSON.stringify(activity));
    expect(again.status).toBe(200);

    const replies = connector.sent.filter((sent) => sent.conversationId === `a:${analyst.aadObjectId}`);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.activity.attachments)).toContain(
      `Hi ${analyst.displayName.split(' ')[0]}, I'm Practica.`,
    );
    const stored = await server.store.people.findByAadObjectId(DEMO_TENANT.id, analyst.aadObjectId);
    expect(stored?.conversationReference).toMatchObject({
      serviceUrl: connector.serviceUrl,
      conversationId: `a:${analyst.aadObjectId}`,
    });
  });

  it('greets a person who installs the app with the home card and workflows that suit them', async () => {
    const author = requireDemoPerson('sofia.lindqvist@northwind.example');
    const install = {
      ...messageActivity({
        tenantId: DEMO_TENANT.id,
        aadObjectId: author.aadObjectId,
        serviceUrl: connector.serviceUrl,
      }),
      type: 'installationUpdate',
      action: 'add',
      text: undefined,
    };
    expect((await post('/api/messages', JSON.stringify(install))).status).toBe(200);
    const greeting = connector.sent.find((sent) => sent.conversationId === `a:${author.aadObjectId}`);
    const card = JSON.stringify(greeting?.activity.attachments);
    expect(card).toContain("Hi Sofia, I'm Practica.");
    expect(card).toContain('Workflows for you');
  });

  it('provisions someone new in a known organisation from what the activity carries', async () => {
    const newcomer = randomUUID();
    const activity = {
      ...messageActivity({
        tenantId: DEMO_TENANT.id,
        aadObjectId: newcomer,
        serviceUrl: connector.serviceUrl,
        text: 'help',
      }),
      from: { id: `29:${newcomer}`, aadObjectId: newcomer, name: 'Noor Haddad' },
    };
    expect((await post('/api/messages', JSON.stringify(activity))).status).toBe(200);
    const person = await server.store.people.findByAadObjectId(DEMO_TENANT.id, newcomer);
    expect(person).toMatchObject({ displayName: 'Noor Haddad', roles: ['employee'] });
    const reply = connector.sent.find((sent) => sent.conversationId === `a:${newcomer}`);
    expect(JSON.stringify(reply?.activity.attachments)).toContain("Hi Noor, I'm Practica.");
  });

  it('politely refuses someone from an organisation that is not set up, storing nothing', async () => {
    const strangerTenant = randomUUID();
    const activity = messageActivity({
      tenantId: strangerTenant,
      aadObjectId: randomUUID(),
      serviceUrl: connector.serviceUrl,
    });
    const response = await post('/api/messages', JSON.stringify(activity));
    expect(response.status).toBe(200);
    const reply = connector.sent.find(
      (sent) => sent.conversationId === (activity.conversation as { id: string }).id,
    );
    expect(reply?.activity.text).toContain("isn't set up for your organisation");
    expect(await server.store.tenants.get(strangerTenant)).toBeNull();
    expect(await server.store.people.count(strangerTenant)).toBe(0);
    expect(
      await server.store.processedActivities.markProcessed(strangerTenant, String(activity.id), new Date()),
    ).toBe(true);
  });

  it('lists demo personas and issues tokens only for demo people in development mode', async () => {
    const personas = (await (await fetch(`${server.url}/dev/personas`)).json()) as { email: string }[];
    expect(personas.map((persona) => persona.email)).toContain(analyst.email);
    expect((await post('/dev/token', JSON.stringify({ email: 'nobody@northwind.example' }))).status).toBe(
      404,
    );
    expect((await post('/dev/token', 'not json')).status).toBe(400);
  });
});
