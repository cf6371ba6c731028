import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  defaultTenantSettings,
  publishWorkflow,
  randomIds,
  systemClock,
  type ManagerVisibility,
  type Person,
  type Session,
} from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import { DEMO_TENANT } from '../../server/demo';
import { tenantSettings } from '../../store/schema';
import { newSession, personProfile, workflowDefinition } from '../factories';
import { feedback } from '../reviews/review-scenario';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { accessMatrix, type MatrixContext, type Persona, PERSONAS } from './access-matrix-rows';

/**
 * Every /api/v1 endpoint against every role: the employee, their manager, a manager of other people, an author,
 * an L&D admin, an L&D admin of another tenant, and nobody signed in. The last test fails when the service
 * answers a route the matrix does not list, so a new endpoint cannot ship without its access rules.
 */
const UNREACHABLE_LRS: LrsTarget = {
  name: 'lms',
  endpoint: 'http://127.0.0.1:9/xapi/',
  auth: { kind: 'basic', username: 'practica', password: 'not-used' },
  actor: { kind: 'account', homePage: 'https://lms.northwind.example' },
};

describe.each(testDatabaseKinds())('access matrix on %s', (kind) => {
  let server: TestServer;
  let context: MatrixContext;
  const tokens = new Map<Persona, string>();

  const setVisibility = async (managerVisibility: ManagerVisibility) => {
    const tenant = (await server.store.tenants.get(DEMO_TENANT.id))!;
    await server.database.db
      .update(tenantSettings)
      .set({ settings: { ...tenant.settings, managerVisibility } })
      .where(eq(tenantSettings.tenantId, DEMO_TENANT.id));
  };

  const call = async (
    persona: Persona,
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ) => {
    const headers: Record<string, string> = {};
    if (persona !== 'anonymous') headers.authorization = `Bearer ${tokens.get(persona)}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] = contentType ?? 'application/json';
    }
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, text };
  };

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { lrsTargets: () => [UNREACHABLE_LRS] });
    const store = server.store;
    const byEmail = async (name: string) =>
      (await store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    const otherTenant = randomUUID();
    await store.tenants.ensure({
      id: otherTenant,
      displayName: 'Contoso',
      settings: defaultTenantSettings(),
    });
    const outsider = await store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant, displayName: 'Olu Outsider', roles: ['employee', 'admin'] }),
    );
    const people: Record<Exclude<Persona, 'anonymous'>, Person> = {
      employee: await byEmail('jordan.ellis'),
      manager: await byEmail('rahul.mehta'),
      otherManager: await byEmail('claire.dubois'),
      author: await byEmail('nadia.haddad'),
      admin: await byEmail('priya.raman'),
      outsiderAdmin: outsider,
    };
    expect(people.employee.managerId).toBe(people.manager.id);
    expect(people.otherManager.id).not.toBe(people.manager.id);
    expect(await store.people.hasReports(DEMO_TENANT.id, people.otherManager.id)).toBe(true);
    for (const persona of Object.keys(people) as (keyof typeof people)[])
      tokens.set(persona, await server.devTokens!.issue(people[persona]));

    const { workflow, version } = await publishWorkflow({
      store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: people.author.id,
      definition: workflowDefinition({ title: 'Access matrix memo' }),
    });
    const completed = (shared: boolean): Session =>
      newSession({
        tenantId: DEMO_TENANT.id,
        personId: people.employee.id,
        workflowId: workflow.id,
        workflowVersionId: version.id,
        status: 'completed',
        phase: 'done',
        deliverable: shared ? '# Shared memo' : '# Private memo',
        feedback: feedback(shared),
        completedAt: new Date('2026-11-03T09:00:00.000Z'),
      });
    const sharedSession = completed(true);
    const privateSession = completed(false);
    await store.sessions.create(sharedSession);
    await store.sessions.create(privateSession);

    context = {
      people,
      workflowId: workflow.id,
      sharedSessionId: sharedSession.id,
      privateSessionId: privateSession.id,
      lrsTarget: UNREACHABLE_LRS.name,
    };
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => setVisibility('shared'));

  const rows = accessMatrix();
  const visibilities: ManagerVisibility[] = ['levels-only', 'shared', 'full'];

  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    for (const visibility of row.underEveryVisibility ? visibilities : (['shared'] as const)) {
      await setVisibility(visibility);
      const seen: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const persona of PERSONAS) {
        const request = row.request(context, persona);
        const { status } = await call(
          persona,
          request.method,
          request.path,
          request.body,
          request.contentType,
        );
        seen[persona] = status;
        wanted[persona] = row.expect(persona, visibility);
      }
      expect({ visibility, statuses: seen }).toEqual({ visibility, statuses: wanted });
    }
  });

  it('lists every /api/v1 route the service answers', () => {
    const covered = new Set(rows.map((row) => `${row.method} ${row.route}`));
    const answered = server.routes
      .filter((route) => route.path.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${route.path.slice('/api/v1'.length)}`);
    expect(answered.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !answered.includes(route))).toEqual([]);
  });
});
