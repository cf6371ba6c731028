import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError, randomIds, saveLrsTarget, startSession, systemClock, type Person } from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT } from '../../server/demo';
import { personProfile, seedTenant } from '../factories';
import { tablesMentioning } from '../data-rights/person-data-scan';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { eventually } from '../support/eventually';

const HOME = 'https://lms.northwind.example';

type TargetView = Record<string, unknown> & { name: string; settings: { auth: Record<string, unknown> } };

/**
 * An L&D admin adds the company LRS through the admin API (no restart), beside an analytics LRS configured by
 * environment; statements reach it; its credentials never come back and are not stored in clear.
 */
describe.each(testDatabaseKinds())('LRS targets configured through the admin API on %s', (kind) => {
  let lrs: LocalLrs;
  /** The analytics LRS (one process each: both receive the same statement ids). */
  let analyticsLrs: LocalLrs;
  let server: TestServer;
  let admin: Person;
  let jordan: Person;
  let otherAdmin: Person;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    lrs = await startLocalLrs();
    analyticsLrs = await startLocalLrs();
    server = await startTestServer(kind, {
      PRACTICA_SECRET_KEY: randomBytes(32).toString('base64'),
      LRS_TARGETS: 'analytics',
      LRS_ANALYTICS_ENDPOINT: analyticsLrs.endpoint,
      LRS_ANALYTICS_USERNAME: lrs.basic.username,
      LRS_ANALYTICS_PASSWORD: lrs.basic.password,
      LRS_ANALYTICS_ACTOR: 'mbox',
      LRS_DISPATCH_POLL_MS: '50',
    });
    const everyone = await server.store.people.list(DEMO_TENANT.id);
    admin = everyone.find((person) => person.roles.includes('admin'))!;
    jordan = everyone.find((person) => person.email === DEMO_DEFAULT_USER_EMAIL)!;
    const otherTenant = await seedTenant(server.store);
    otherAdmin = await server.store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant, roles: ['employee', 'admin'] }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await lrs?.stop();
    await analyticsLrs?.stop();
  });

  async function call(person: Person, method: string, path: string, body?: unknown): Promise<Response> {
    let token = tokens.get(person.id);
    if (!token) {
      token = await server.devTokens!.issue(person);
      tokens.set(person.id, token);
    }
    return fetch(`${server.url}/api/v1/admin/lrs${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
    });
  }
  const listed = async (person: Person) =>
    ((await (await call(person, 'GET', '/targets')).json()) as { targets: TargetView[] }).targets;
  const lms = (overrides: Record<string, unknown> = {}) => ({
    name: 'lms',
    endpoint: lrs.endpoint,
    auth: { kind: 'basic', username: lrs.basic.username, password: lrs.basic.password },
    actor: { kind: 'account', homePage: HOME },
    ...overrides,
  });

  it('creates a target whose statements reach the LRS at once, and never shows or stores its password in clear', async () => {
    const created = await call(admin, 'POST', '/targets', lms());
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(createdText).not.toContain(lrs.basic.password);
    expect(JSON.parse(createdText)).toMatchObject({
      target: { name: 'lms', source: 'admin', editable: true, settings: expect.anything() },
    });

    const targets = await listed(admin);
    expect(targets.map((target) => [target.name, target.source, target.editable])).toEqual([
      ['analytics', 'environment', false],
      ['lms', 'admin', true],
    ]);
    expect(targets[1]!.settings.auth).toEqual({
      kind: 'basic',
      username: lrs.basic.username,
      secretSet: true,
    });
    expect(JSON.stringify(targets)).not.toContain(lrs.basic.password);
    expect(await tablesMentioning(server.database.db, [lrs.basic.password])).toEqual({});
    const [row] = (
      (await server.database.db.execute(sql`select sealed_secret from lrs_targets where name = 'lms'`)) as {
        rows: { sealed_secret: string }[];
      }
    ).rows;
    expect(row?.sealed_secret).toMatch(/^v1\./);

    const started = await startSession({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      personId: jordan.id,
      workflowId: (await server.store.workflows.listPublished(DEMO_TENANT.id))[0]!.id,
      llmAvailable: false,
    });
    if (started.kind !== 'started') throw new Error('no session');
    const arrived = await eventually(
      async () => (await lrs.statements({ registration: started.session.id }))[0],
      'the statement at the LRS',
    );
    expect(arrived.actor).toMatchObject({ account: { homePage: HOME, name: jordan.lmsIdentifier } });

    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id);
    const entry = audit.find((item) => item.action === 'lrs.target_created');
    expect(entry).toMatchObject({ actorId: admin.id, details: expect.objectContaining({ target: 'lms' }) });
  });

  it('tests the connection with the stored credentials, keeps them when an edit leaves them out, and names a refusal', async () => {
    expect(await (await call(admin, 'POST', '/targets/lms/test')).json()).toMatchObject({
      ok: true,
      version: expect.stringMatching(/^1\.0\./),
    });
    const { name: _ignored, ...settings } = lms();
    const kept = await call(admin, 'PUT', '/targets/lms', {
      ...settings,
      auth: { kind: 'basic', username: lrs.basic.username },
      sendFailed: true,
    });
    expect(kept.status).toBe(200);
    expect(await (await call(admin, 'POST', '/targets/lms/test')).json()).toMatchObject({ ok: true });

    const wrong = await call(admin, 'PUT', '/targets/lms', {
      ...settings,
      auth: { kind: 'basic', username: lrs.basic.username, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(200);
    expect(await (await call(admin, 'POST', '/targets/lms/test')).json()).toMatchObject({
      ok: false,
      problem: 'credentials',
      message: expect.stringContaining('401'),
    });
    expect((await call(admin, 'PUT', '/targets/lms', settings)).status).toBe(200);
    expect(await (await call(admin, 'POST', '/targets/lms/test')).json()).toMatchObject({ ok: true });

    const unreachable = await call(admin, 'POST', '/targets', {
      ...lms({ name: 'offline', endpoint: 'http://127.0.0.1:9/xapi/' }),
    });
    expect(unreachable.status).toBe(201);
    expect(await (await call(admin, 'POST', '/targets/offline/test')).json()).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
    expect((await call(admin, 'DELETE', '/targets/offline')).status).toBe(204);
    const actions = (await server.store.audit.listForTenant(DEMO_TENANT.id)).map((item) => item.action);
    expect(actions.filter((action) => action === 'lrs.target_updated')).toHaveLength(3);
    expect(JSON.stringify(await server.store.audit.listForTenant(DEMO_TENANT.id))).not.toContain(
      'not-the-password',
    );
  });

  it('refuses bad settings with a clear 400 and changes nothing', async () => {
    const before = JSON.stringify(await listed(admin));
    const cases: [unknown, string][] = [
      [lms({ name: 'crm', endpoint: 'not a url' }), 'endpoint'],
      [lms({ name: 'crm', endpoint: 'ftp://lrs.example.com/xapi/' }), 'endpoint'],
      [lms({ name: 'crm', auth: { kind: 'basic', username: 'u' } }), 'password is required'],
      [
        lms({ name: 'crm', auth: { kind: 'oauth2', tokenUrl: `${HOME}/token`, clientId: 'c' } }),
        'client secret',
      ],
      [lms({ name: 'crm', auth: { kind: 'digest', username: 'u', password: 'p' } }), 'auth.kind'],
      [lms({ name: 'crm', actor: { kind: 'account' } }), 'homePage'],
      [lms({ name: 'CRM!' }), 'name'],
      [lms({ name: 'crm', colour: 'blue' }), 'Unknown field "colour"'],
    ];
    for (const [body, words] of cases) {
      const response = await call(admin, 'POST', '/targets', body);
      const answer = (await response.json()) as { code: string; message: string };
      expect([response.status, answer.code]).toEqual([400, 'invalid_input']);
      expect(answer.message).toContain(words);
    }
    expect(JSON.stringify(await listed(admin))).toBe(before);
  });

  it('keeps environment targets read-only, names clash, and other tenants and non-admins out', async () => {
    const { name: _n, ...settings } = lms();
    const clash = await call(admin, 'POST', '/targets', lms({ name: 'analytics' }));
    expect([clash.status, ((await clash.json()) as { code: string }).code]).toEqual([409, 'conflict']);
    expect((await call(admin, 'POST', '/targets', lms())).status).toBe(409);
    expect((await call(admin, 'PUT', '/targets/analytics', settings)).status).toBe(409);
    expect((await call(admin, 'DELETE', '/targets/analytics')).status).toBe(409);
    expect((await call(admin, 'PUT', '/targets/nothing_here', settings)).status).toBe(404);

    expect((await call(jordan, 'POST', '/targets', lms({ name: 'mine' }))).status).toBe(403);
    expect((await call(jordan, 'PUT', '/targets/lms', settings)).status).toBe(403);
    expect((await call(jordan, 'DELETE', '/targets/lms')).status).toBe(403);
    expect((await call(jordan, 'POST', '/targets/lms/test')).status).toBe(403);
    // Another tenant's admin: the demo tenant's target does not exist for them.
    expect((await call(otherAdmin, 'PUT', '/targets/lms', settings)).status).toBe(404);
    expect((await call(otherAdmin, 'DELETE', '/targets/lms')).status).toBe(404);
    expect((await call(otherAdmin, 'POST', '/targets/lms/test')).status).toBe(404);
    expect((await listed(otherAdmin)).map((target) => target.name)).toEqual(['analytics']);
    expect((await listed(admin)).map((target) => target.name)).toEqual(['analytics', 'lms']);
  });

  it('refuses to store a secret when no key is configured, saying what IT must set', async () => {
    const attempt = saveLrsTarget({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      viewer: { person: admin, roles: ['employee', 'admin'] },
      secrets: null,
      environmentTargetNames: [],
      name: 'nokey',
      mode: 'create',
      input: {
        endpoint: lrs.endpoint,
        auth: { kind: 'basic', username: 'u', secret: 'p' },
        actor: { kind: 'mbox' },
        sendFailed: false,
      },
    });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('PRACTICA_SECRET_KEY'),
    });
    expect(await server.store.lrsTargets.get(DEMO_TENANT.id, 'nokey')).toBeNull();
  });

  it('deletes a target: the writer stops addressing it without a restart, and the change is audited', async () => {
    expect((await call(admin, 'DELETE', '/targets/lms')).status).toBe(204);
    expect((await listed(admin)).map((target) => target.name)).toEqual(['analytics']);
    const rowsBefore = (await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms' })).length;
    await startSession({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      personId: jordan.id,
      workflowId: (await server.store.workflows.listPublished(DEMO_TENANT.id))[1]!.id,
      llmAvailable: false,
    });
    expect((await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms' })).length).toBe(rowsBefore);
    expect(
      (await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'analytics' })).length,
    ).toBeGreaterThan(0);
    const actions = (await server.store.audit.listForTenant(DEMO_TENANT.id)).map((item) => item.action);
    expect(actions).toContain('lrs.target_deleted');
  });
  it('resumes a target the LRS paused for refusing its password once the admin saves the right one', async () => {
    const created = await call(
      admin,
      'POST',
      '/targets',
      lms({
        name: 'company',
        auth: { kind: 'basic', username: lrs.basic.username, password: 'not-the-password' },
      }),
    );
    expect(created.status).toBe(201);
    const started = await startSession({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      personId: jordan.id,
      workflowId: (await server.store.workflows.listPublished(DEMO_TENANT.id))[0]!.id,
      llmAvailable: false,
    });
    if (started.kind !== 'started') throw new Error('no session');
    const paused = async () =>
      ((await listed(admin)).find((target) => target.name === 'company') as { paused?: boolean }).paused;
    await eventually(async () => (await paused()) === true, 'the target paused');

    const fixed = await call(admin, 'PUT', '/targets/company', {
      endpoint: lrs.endpoint,
      auth: { kind: 'basic', username: lrs.basic.username, password: lrs.basic.password },
      actor: { kind: 'account', homePage: HOME },
    });
    expect(fixed.status).toBe(200);
    expect(await paused()).toBe(false);
    // The statements held while it was paused now reach the LRS (the session's "initialized" among them).
    await eventually(async () => {
      const outbox = await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'company' });
      return outbox.length > 0 && outbox.every((row) => row.status === 'sent');
    }, 'the held statements sent');
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id);
    expect(
      audit.find((item) => item.action === 'lrs.target_updated' && item.details.target === 'company'),
    ).toMatchObject({
      details: expect.objectContaining({ secretChanged: true, resumed: true }),
    });
  });
});
