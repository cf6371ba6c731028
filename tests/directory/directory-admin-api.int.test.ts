import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { setupServer } from 'msw/node';
import type { PersonProfile } from '../../core';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../server/demo';
import { jobs } from '../../store/schema';
import { seedTenant } from '../factories';
import { fakeGraph, graphUser, usersPage } from '../support/fake-graph';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const admin = DEMO_PEOPLE.find((person) => person.roles.includes('admin'))!;
const plain = (person: PersonProfile) => person.roles.length === 1 && person.roles[0] === 'employee';
/** A plain manager with two plain reports: `employee` leaves, `colleague` stays. */
const manager = DEMO_PEOPLE.find(
  (candidate) =>
    plain(candidate) &&
    DEMO_PEOPLE.filter((person) => person.managerAadObjectId === candidate.aadObjectId && plain(person))
      .length >= 2,
)!;
const [employee, colleague] = DEMO_PEOPLE.filter(
  (person) => person.managerAadObjectId === manager.aadObjectId && plain(person),
) as [PersonProfile, PersonProfile];
const NEW_HIRE = 'c0ffee00-0000-4000-8000-000000000001';

/** A demo person as Graph lists them; `employee` has left (account disabled). */
const asGraphUser = (person: PersonProfile) =>
  graphUser(person.aadObjectId, {
    displayName: person.displayName,
    mail: person.email,
    userPrincipalName: person.email,
    department: person.department,
    jobTitle: person.jobTitle,
    employeeId: person.employeeId,
    accountEnabled: person.aadObjectId !== employee.aadObjectId,
    ...(person.managerAadObjectId ? { manager: person.managerAadObjectId } : {}),
  });

type DirectoryStatus = {
  source: string;
  running: unknown;
  lastRun: { at: string; kind: string; succeeded: boolean } | null;
  lastSuccess: { at: string; counts: Record<string, number> } | null;
  [field: string]: unknown;
};

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

describe.each(testDatabaseKinds())('directory admin API on %s', (kind) => {
  let server: TestServer;
  const graph = fakeGraph(DEMO_TENANT.id);
  const tokens: Record<'admin' | 'employee' | 'manager', string> = { admin: '', employee: '', manager: '' };

  beforeAll(async () => {
    msw.resetHandlers(...graph.handlers);
    graph.on('initial', usersPage(DEMO_PEOPLE.map(asGraphUser), { delta: 'api-1' }));
    graph.on(
      'delta:api-1',
      usersPage(
        [
          graphUser(NEW_HIRE, {
            displayName: 'Nadia New',
            mail: 'nadia.new@northwind.example',
            userPrincipalName: 'nadia.new@northwind.example',
            department: manager.department,
            jobTitle: 'Analyst',
            employeeId: 'NW-9001',
            accountEnabled: true,
            manager: manager.aadObjectId,
          }),
          // The directory's employee id for the colleague changes; an imported identifier must win.
          { ...asGraphUser(colleague), employeeId: 'NW-CHANGED' },
        ],
        { delta: 'api-2' },
      ),
    );
    server = await startTestServer(kind, {
      DIRECTORY_SYNC: 'graph',
      GRAPH_TENANT_ID: DEMO_TENANT.id,
      GRAPH_CLIENT_ID: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      GRAPH_CLIENT_SECRET: 'app-secret',
    });
    tokens.admin = await server.devTokens!.issue({ ...admin, tenantId: DEMO_TENANT.id });
    tokens.employee = await server.devTokens!.issue({ ...colleague, tenantId: DEMO_TENANT.id });
    tokens.manager = await server.devTokens!.issue({ ...manager, tenantId: DEMO_TENANT.id });
  });
  afterAll(() => server.close());

  const call = (token: string, method: string, path: string, body?: string, type = 'application/json') =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': type } : {}) },
      body,
    });
  const status = async (token = tokens.admin) =>
    (await (await call(token, 'GET', '/admin/directory')).json()) as DirectoryStatus;

  it('syncs at start-up, shows the last sync to admins, runs one on request, and leaves leavers out of the team', async () => {
    await waitFor(async () => (await status()).lastSuccess !== null);
    const first = await status();
    expect(first).toMatchObject({
      source: 'microsoft-graph',
      intervalMinutes: 60,
      lmsIdentifierAttribute: 'employeeId',
      running: null,
      lastRun: { kind: 'full', succeeded: true },
      lastError: null,
    });
    // Every demo person was already known; everyone gains their UPN, and the disabled account has left.
    expect(first.lastSuccess?.counts).toEqual({
      created: 0,
      updated: DEMO_PEOPLE.length - 1,
      left: 1,
      unchanged: 0,
    });
    expect(graph.tokenRequests[0]?.get('client_id')).toBe('6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    // The next delta round is queued an interval (60 minutes) after this one ended, for this tenant only.
    const queued = await server.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'directory.sync'), eq(jobs.status, 'queued')));
    expect(queued.map((job) => job.tenantId)).toEqual([DEMO_TENANT.id]);
    const lastRunAt = new Date(first.lastRun!.at).getTime();
    expect(queued[0]!.runAt.getTime() - lastRunAt).toBeGreaterThanOrEqual(59 * 60_000);
    expect(queued[0]!.runAt.getTime() - lastRunAt).toBeLessThanOrEqual(61 * 60_000);

    const team = (await (await call(tokens.manager, 'GET', '/team')).json()) as { members: { id: string }[] };
    const left = await server.store.people.findByAadObjectId(DEMO_TENANT.id, employee.aadObjectId);
    expect(left?.active).toBe(false);
    expect(team.members.map((member) => member.id)).not.toContain(left?.id);
    expect(team.members.length).toBeGreaterThan(0);
    // Their token may still be valid for a while; the API no longer lets them in.
    const leaverToken = await server.devTokens!.issue({ ...employee, tenantId: DEMO_TENANT.id });
    const refused = await call(leaverToken, 'GET', '/me');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });
    expect((await call(tokens.manager, 'GET', '/me')).status).toBe(200);

    const requested = await call(tokens.admin, 'POST', '/admin/directory/sync', '');
    expect(requested.status).toBe(202);
    expect(await requested.json()).toMatchObject({ queued: true, alreadyQueued: false });
    await waitFor(async () => (await status()).lastRun?.kind === 'delta');
    expect((await status()).lastSuccess?.counts).toEqual({ created: 1, updated: 1, left: 0, unchanged: 0 });
    const hire = await server.store.people.findByAadObjectId(DEMO_TENANT.id, NEW_HIRE);
    const managerRow = await server.store.people.findByAadObjectId(DEMO_TENANT.id, manager.aadObjectId);
    expect(hire).toMatchObject({
      displayName: 'Nadia New',
      managerId: managerRow?.id,
      lmsIdentifier: 'NW-9001',
    });
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id, { limit: 50 });
    expect(audit.find((entry) => entry.action === 'directory.sync_requested')).toMatchObject({
      actorId: (await server.store.people.findByAadObjectId(DEMO_TENANT.id, admin.aadObjectId))?.id,
      details: { full: false, alreadyQueued: false },
    });
  });

  it('imports LMS identifiers from CSV: good rows applied and audited, each bad row reported by line, an import kept over the directory', async () => {
    const someoneElse = DEMO_PEOPLE.find(
      (person) => ![colleague, manager, admin, employee].includes(person) && person.employeeId,
    )!;
    const csv = [
      'UPN,LMS identifier',
      `${colleague.email.toUpperCase()},lms-colleague`,
      'nobody@northwind.example,lms-x',
      `${manager.email},`,
      `${manager.email},lms-a,extra`,
      `"${manager.email}","lms-manager, finance"`,
      `${manager.email},lms-manager-again`,
      `${admin.email},${someoneElse.employeeId}`,
    ].join('\r\n');
    const response = await call(tokens.admin, 'POST', '/admin/people/lms-identifiers', csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rows: 7,
      applied: 2,
      unchanged: 0,
      errors: [
        {
          line: 3,
          code: 'unknown_person',
          message: 'no one in Practica has the UPN or email "nobody@northwind.example"',
        },
        { line: 4, code: 'identifier_missing', message: 'the LMS identifier is empty' },
        { line: 5, code: 'wrong_field_count', message: 'has 3 fields; the header has 2' },
        { line: 7, code: 'duplicate_person', message: `${manager.email} already has a row at line 6` },
        {
          line: 8,
          code: 'identifier_taken',
          message: `the LMS identifier "${someoneElse.employeeId}" already belongs to someone else`,
        },
      ],
    });
    const person = (aad: string) => server.store.people.findByAadObjectId(DEMO_TENANT.id, aad);
    expect(await person(colleague.aadObjectId)).toMatchObject({
      lmsIdentifier: 'lms-colleague',
      lmsIdentifierSource: 'import',
    });
    expect((await person(manager.aadObjectId))?.lmsIdentifier).toBe('lms-manager, finance');
    expect((await person(admin.aadObjectId))?.lmsIdentifier).toBe(admin.lmsIdentifier);
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id, { limit: 100 });
    const imported = audit.filter((entry) => entry.action === 'person.lms_identifier_imported');
    expect(imported.map((entry) => entry.subjectPersonId).sort()).toEqual(
      [(await person(colleague.aadObjectId))?.id, (await person(manager.aadObjectId))?.id].sort(),
    );
    expect(imported.find((entry) => entry.details.line === 2)?.details).toEqual({
      line: 2,
      previous: 'NW-CHANGED',
      lmsIdentifier: 'lms-colleague',
    });

    // A full sync afterwards reads the colleague's directory employee id again; the import stays.
    const previousRunAt = (await status()).lastRun?.at;
    const full = await call(tokens.admin, 'POST', '/admin/directory/sync', JSON.stringify({ full: true }));
    expect(full.status).toBe(202);
    await waitFor(async () => {
      const now = await status();
      return now.lastRun?.at !== previousRunAt && now.running === null;
    });
    expect((await status()).lastRun).toMatchObject({ kind: 'full', succeeded: true });
    expect(await person(colleague.aadObjectId)).toMatchObject({
      employeeId: colleague.employeeId,
      lmsIdentifier: 'lms-colleague',
      lmsIdentifierSource: 'import',
    });
  });

  it('answers a CSV it cannot use with a clear error and changes nothing', async () => {
    const before = await server.store.people.findByAadObjectId(DEMO_TENANT.id, colleague.aadObjectId);
    const cases: [string, string, number, string][] = [
      ['text/plain', `upn,lms_identifier\n${colleague.email},x`, 400, 'Content-Type: text/csv'],
      ['text/csv', '', 400, 'The CSV has no rows'],
      ['text/csv', `email,course\n${colleague.email},x`, 400, 'an lms_identifier column'],
      ['text/csv', `upn,lms_identifier\n"${colleague.email},x`, 400, 'a quoted field is never closed'],
    ];
    for (const [type, body, expected, message] of cases) {
      const response = await call(tokens.admin, 'POST', '/admin/people/lms-identifiers', body, type);
      expect(response.status).toBe(expected);
      const error = (await response.json()) as { code: string; message: string };
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(message);
    }
    const bad = await call(tokens.admin, 'POST', '/admin/directory/sync', JSON.stringify({ full: 'yes' }));
    expect(bad.status).toBe(400);
    expect(await server.store.people.findByAadObjectId(DEMO_TENANT.id, colleague.aadObjectId)).toEqual(
      before,
    );
  });

  it('refuses everyone but L&D admins, and shows another tenant’s admin nothing of this one', async () => {
    for (const [method, path, body, type] of [
      ['GET', '/admin/directory', undefined, undefined],
      ['POST', '/admin/directory/sync', '{}', 'application/json'],
      ['POST', '/admin/people/lms-identifiers', `upn,lms_identifier\n${manager.email},mine`, 'text/csv'],
    ] as const) {
      for (const token of [tokens.employee, tokens.manager]) {
        const response = await call(token, method, path, body, type);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { code: string }).code).toBe('forbidden');
      }
    }
    expect(
      (await server.store.people.findByAadObjectId(DEMO_TENANT.id, manager.aadObjectId))?.lmsIdentifier,
    ).not.toBe('mine');

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
    expect(await status(otherAdmin)).toEqual({
      source: 'none',
      intervalMinutes: null,
      lmsIdentifierAttribute: null,
      running: null,
      lastRun: null,
      lastSuccess: null,
      lastFullSyncAt: null,
      lastError: null,
    });
    const refused = await call(otherAdmin, 'POST', '/admin/directory/sync', '{}');
    expect(refused.status).toBe(409);
    const imported = await call(
      otherAdmin,
      'POST',
      '/admin/people/lms-identifiers',
      `upn,lms_identifier\n${manager.email},theirs`,
      'text/csv',
    );
    expect(await imported.json()).toMatchObject({
      applied: 0,
      errors: [{ line: 2, code: 'unknown_person' }],
    });
    expect(
      (await server.store.people.findByAadObjectId(DEMO_TENANT.id, manager.aadObjectId))?.lmsIdentifier,
    ).not.toBe('theirs');
  });
});
