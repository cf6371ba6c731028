import { randomUUID } from 'node:crypto';
import type { NewOutboxEntry } from '../../core';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../server/demo';
import { seedTenant } from '../factories';
import { startLrsFaultProxy, type LrsFaultProxy } from '../support/lrs-fault-proxy';
import { LMS_HOME_PAGE, type LocalLrs, lrsTargetEnv, startLocalLrs } from '../support/lrs';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const admin = DEMO_PEOPLE.find((person) => person.roles.includes('admin'))!;
const employee = DEMO_PEOPLE.find((person) => person.roles.length === 1 && person.roles[0] === 'employee')!;

describe.each(testDatabaseKinds())('LMS connector admin API on %s', (kind) => {
  let lrs: LocalLrs;
  let proxy: LrsFaultProxy;
  let server: TestServer;
  let adminToken: string;
  let employeeToken: string;

  beforeAll(async () => {
    lrs = await startLocalLrs();
    proxy = await startLrsFaultProxy(lrs.endpoint);
    server = await startTestServer(kind, {
      ...lrsTargetEnv(lrs, proxy.endpoint),
      LRS_DISPATCH_POLL_MS: '50',
    });
    adminToken = await server.devTokens!.issue({ ...admin, tenantId: DEMO_TENANT.id });
    employeeToken = await server.devTokens!.issue({ ...employee, tenantId: DEMO_TENANT.id });
  });
  afterAll(async () => {
    await server.close();
    await proxy.close();
    await lrs.stop();
  });

  const call = (token: string, method: string, path: string, body?: string) =>
    fetch(`${server.url}/api/v1/admin/lrs${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });

  function row(statement: Record<string, unknown>): NewOutboxEntry {
    const statementId = randomUUID();
    return {
      id: randomUUID(),
      tenantId: DEMO_TENANT.id,
      statementId,
      target: 'lms',
      eventId: null,
      personId: null,
      payload: {
        id: statementId,
        actor: { objectType: 'Agent', account: { homePage: LMS_HOME_PAGE, name: 'NW-1' } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: 'https://practica.example.com/workflows/w1' },
        ...statement,
      },
      status: 'pending',
      nextAttemptAt: new Date(),
    };
  }

  it('shows an admin each target’s health and dead letters, lets them pause, re-queue and resume, and audits it', async () => {
    // The LRS's reverse proxy takes at most 3 kB: the large statement comes back 413 on its own.
    proxy.setMaxBodyBytes(3_000);
    const large = row({ result: { response: 'x'.repeat(5_000) } });
    const small = row({});
    await server.store.xapiOutbox.enqueue([large, small]);
    const statusOf = async (id: string) =>
      (await server.store.xapiOutbox.list(DEMO_TENANT.id)).find((entry) => entry.id === id)?.status;
    await waitFor(async () => (await statusOf(large.id)) === 'dead' && (await statusOf(small.id)) === 'sent');

    const health = await call(adminToken, 'GET', '/targets');
    expect(health.status).toBe(200);
    const [lms] = ((await health.json()) as { targets: Record<string, unknown>[] }).targets;
    expect(lms).toMatchObject({
      name: 'lms',
      auth: 'basic',
      actor: 'account',
      dead: 1,
      paused: false,
      held: 0,
    });
    expect(lms!.sentLast24h).toEqual(expect.any(Number));
    expect(lms!.lastSuccessAt).toEqual(expect.any(String));
    expect(String(lms!.lastError)).toContain('too large');

    const dead = await call(adminToken, 'GET', '/targets/lms/dead-letters');
    const { deadLetters } = (await dead.json()) as { deadLetters: Record<string, unknown>[] };
    expect(deadLetters).toEqual([
      expect.objectContaining({
        id: large.id,
        statementId: large.statementId,
        error: expect.stringContaining('413'),
      }),
    ]);

    // The LRS administrator raises the limit; the L&D admin pauses, re-queues, then resumes.
    proxy.setMaxBodyBytes(null);
    expect(
      (await call(adminToken, 'POST', '/targets/lms/pause', '{"reason":"LRS maintenance"}')).status,
    ).toBe(200);
    const requeue = await call(
      adminToken,
      'POST',
      '/targets/lms/requeue',
      JSON.stringify({ ids: [large.id] }),
    );
    expect(await requeue.json()).toEqual({ requeued: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const paused = (
      (await (await call(adminToken, 'GET', '/targets')).json()) as { targets: Record<string, unknown>[] }
    ).targets[0];
    expect(paused).toMatchObject({ paused: true, pauseReason: 'LRS maintenance', backlog: 1, dead: 0 });

    expect(await (await call(adminToken, 'POST', '/targets/lms/resume')).json()).toEqual({
      paused: false,
      wasPaused: true,
    });
    await waitFor(async () =>
      (await lrs.statements()).some((statement) => statement.id === large.statementId),
    );
    expect((await server.store.xapiOutbox.list(DEMO_TENANT.id, { status: 'dead' })).length).toBe(0);

    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['lrs.target_paused', 'lrs.dead_letters_requeued', 'lrs.target_resumed']),
    );
  });

  it('refuses anyone who is not an L&D admin, and their attempts change nothing', async () => {
    const auditBefore = (await server.store.audit.listForTenant(DEMO_TENANT.id)).length;
    for (const [method, path] of [
      ['GET', '/targets'],
      ['GET', '/targets/lms/dead-letters'],
      ['POST', '/targets/lms/requeue'],
      ['POST', '/targets/lms/pause'],
      ['POST', '/targets/lms/resume'],
    ] as const) {
      const response = await call(employeeToken, method, path);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden' });
    }
    expect((await server.store.audit.listForTenant(DEMO_TENANT.id)).length).toBe(auditBefore);
    const [stats] = await server.store.xapiOutbox.stats(DEMO_TENANT.id, ['lms'], new Date());
    expect(stats!.pausedAt).toBeNull();
  });

  it('shows an admin of another tenant none of this tenant’s rows, and cannot re-queue them', async () => {
    proxy.setMaxBodyBytes(3_000);
    const large = row({ result: { response: 'y'.repeat(5_000) } });
    await server.store.xapiOutbox.enqueue([large]);
    await waitFor(
      async () => (await server.store.xapiOutbox.list(DEMO_TENANT.id, { status: 'dead' })).length > 0,
    );
    proxy.setMaxBodyBytes(null);

    const otherTenant = await seedTenant(server.store);
    const otherAdmin = await server.devTokens!.issue(
      {
        tenantId: otherTenant,
        aadObjectId: randomUUID(),
        email: 'admin@fabrikam.example',
        displayName: 'Fabrikam Admin',
      },
      { appRoles: ['Practica.Admin'] },
    );
    const theirs = (
      (await (await call(otherAdmin, 'GET', '/targets')).json()) as { targets: Record<string, unknown>[] }
    ).targets[0];
    expect(theirs).toMatchObject({ name: 'lms', dead: 0, backlog: 0, sentLast24h: 0, lastError: null });
    const deadLetters = await (await call(otherAdmin, 'GET', '/targets/lms/dead-letters')).json();
    expect(deadLetters).toEqual({ deadLetters: [] });
    const requeue = await call(
      otherAdmin,
      'POST',
      '/targets/lms/requeue',
      JSON.stringify({ ids: [large.id] }),
    );
    expect(await requeue.json()).toEqual({ requeued: 0 });
    expect((await server.store.xapiOutbox.list(DEMO_TENANT.id, { status: 'dead' })).map((r) => r.id)).toEqual(
      [large.id],
    );
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const before = await server.store.xapiOutbox.list(DEMO_TENANT.id, { status: 'dead' });
    const badIds = await call(
      adminToken,
      'POST',
      '/targets/lms/requeue',
      JSON.stringify({ ids: ['not-a-uuid'] }),
    );
    expect(badIds.status).toBe(400);
    expect(await badIds.json()).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('ids.0'),
    });
    const malformed = await call(adminToken, 'POST', '/targets/lms/requeue', '{"ids": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'malformed_json' });
    const unknownField = await call(
      adminToken,
      'POST',
      '/targets/lms/pause',
      JSON.stringify({ until: 'tomorrow' }),
    );
    expect(unknownField.status).toBe(400);
    const unknownTarget = await call(adminToken, 'POST', '/targets/moodle/requeue');
    expect(unknownTarget.status).toBe(404);
    expect(await unknownTarget.json()).toMatchObject({
      code: 'not_found',
      message: 'No LRS target named "moodle"',
    });

    expect(await server.store.xapiOutbox.list(DEMO_TENANT.id, { status: 'dead' })).toEqual(before);
    const health = (
      (await (await call(adminToken, 'GET', '/targets')).json()) as { targets: Record<string, unknown>[] }
    ).targets[0];
    expect(health).toMatchObject({ paused: false });
  });
});
