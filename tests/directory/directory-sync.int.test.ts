import { setupServer } from 'msw/node';
import { silentLogger, syncDirectory, type Person, type Store } from '../../core';
import { createGraphDirectoryReader } from '../../server/directory';
import type { DirectoryConfig } from '../../server/config';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant } from '../factories';
import { deltaLink, fakeGraph, graphError, graphUser, removedUser, usersPage } from '../support/fake-graph';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const DANA = '0b1e2c3d-0000-4000-8000-00000000da7a';
const PRIYA = '0b1e2c3d-0000-4000-8000-0000000091a1';
const SAM = '0b1e2c3d-0000-4000-8000-000000005a30';
const ALEX = '0b1e2c3d-0000-4000-8000-00000000a1e8';
const JO = '0b1e2c3d-0000-4000-8000-0000000000f0';
const MORGAN = '0b1e2c3d-0000-4000-8000-00000000b09a';

const graphTenant = (tenantId: string): DirectoryConfig => ({
  tenantId,
  clientId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  clientSecret: 'app-secret',
  authorityUrl: 'https://login.microsoftonline.com',
  graphBaseUrl: 'https://graph.microsoft.com',
  intervalMinutes: 60,
  lmsIdentifierAttribute: 'employeeId',
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe.each(testDatabaseKinds())('directory sync from Microsoft Graph on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  const clock = fixedClock('2026-11-30T08:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  async function setUp() {
    clock.set('2026-11-30T08:00:00Z');
    const tenantId = await seedTenant(store);
    const graph = fakeGraph(tenantId);
    server.resetHandlers(...graph.handlers);
    const waits: number[] = [];
    const reader = createGraphDirectoryReader(graphTenant(tenantId), {
      logger: silentLogger,
      retry: { maxAttempts: 3, baseDelayMs: 1_000, maxRetryAfterMs: 60_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const sync = (full?: boolean) =>
      syncDirectory({ store, clock, tenantId, reader, logger: silentLogger, full });
    const people = async () => {
      const list = await store.people.list(tenantId);
      const byAad = new Map(list.map((person) => [person.aadObjectId, person]));
      const managerOf = (person: Person | undefined) =>
        person?.managerId ? (list.find((other) => other.id === person.managerId)?.aadObjectId ?? null) : null;
      return {
        list,
        get: (aad: string) => byAad.get(aad),
        managerOf: (aad: string) => managerOf(byAad.get(aad)),
      };
    };
    return { tenantId, graph, waits, sync, people };
  }

  /** The first full read: two pages, and Sam's manager (Priya) only arrives on the second. */
  function scriptFullRead(graph: ReturnType<typeof fakeGraph>) {
    graph.on(
      'initial',
      usersPage(
        [
          graphUser(DANA, {
            displayName: 'Dana Okafor',
            mail: 'Dana.Okafor@northwind.example',
            userPrincipalName: 'dana.okafor@northwind.example',
            department: 'Finance',
            jobTitle: 'CFO',
            employeeId: 'NW-1001',
            accountEnabled: true,
          }),
          graphUser(SAM, {
            displayName: 'Sam Lee',
            mail: 'sam.lee@northwind.example',
            userPrincipalName: 'sam.lee@northwind.example',
            department: 'Finance',
            jobTitle: 'Financial Analyst',
            employeeId: 'NW-1003',
            accountEnabled: true,
            manager: PRIYA,
          }),
          // Someone deleted before Practica ever saw them: nothing to do.
          removedUser('0b1e2c3d-0000-4000-8000-0000000dead0', 'changed'),
        ],
        { next: 'full-page-2' },
      ),
    );
    graph.on(
      'skip:full-page-2',
      usersPage(
        [
          graphUser(PRIYA, {
            displayName: 'Priya Raman',
            mail: 'priya.raman@northwind.example',
            userPrincipalName: 'priya.raman@northwind.example',
            department: 'Finance',
            jobTitle: 'Finance Manager',
            employeeId: 'NW-1002',
            accountEnabled: true,
            manager: DANA,
          }),
          // No mailbox: the email is the UPN, lower-case. No employee id yet.
          graphUser(ALEX, {
            displayName: 'Alex Kim',
            mail: null,
            userPrincipalName: 'Alex.Kim@Northwind.example',
            department: 'Finance',
            jobTitle: 'Accountant',
            accountEnabled: true,
            manager: PRIYA,
          }),
        ],
        { delta: 'after-full' },
      ),
    );
  }

  it('reads everyone, then two delta rounds leave exactly the expected people, managers and leavers', async () => {
    const { graph, sync, people, tenantId } = await setUp();
    scriptFullRead(graph);

    expect(await sync()).toEqual({
      ok: true,
      kind: 'full',
      counts: { created: 4, updated: 0, left: 0, unchanged: 0 },
    });
    let now = await people();
    expect(now.list.map((person) => person.displayName)).toEqual([
      'Alex Kim',
      'Dana Okafor',
      'Priya Raman',
      'Sam Lee',
    ]);
    expect(now.managerOf(SAM)).toBe(PRIYA); // arrived on the later page
    expect(now.managerOf(PRIYA)).toBe(DANA);
    expect(now.managerOf(ALEX)).toBe(PRIYA);
    expect(now.managerOf(DANA)).toBeNull();
    expect(now.get(ALEX)).toMatchObject({
      email: 'alex.kim@northwind.example',
      lmsIdentifier: null,
      employeeId: null,
    });
    expect(now.get(DANA)).toMatchObject({
      email: 'dana.okafor@northwind.example',
      employeeId: 'NW-1001',
      lmsIdentifier: 'NW-1001',
      jobTitle: 'CFO',
      active: true,
    });
    expect(await store.people.hasReports(tenantId, now.get(PRIYA)!.id)).toBe(true);
    expect(graph.requests.map((request) => request.key)).toEqual(['initial', 'skip:full-page-2']);
    expect(graph.requests[0]!.url).toContain(
      '$select=id,displayName,mail,userPrincipalName,department,jobTitle,employeeId,accountEnabled,manager',
    );
    expect(graph.requests.every((request) => request.authorization === 'Bearer app-token-1')).toBe(true);
    expect(graph.tokenRequests[0]?.get('grant_type')).toBe('client_credentials');
    expect(graph.tokenRequests[0]?.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect((await store.directorySync.get(tenantId))?.deltaLink).toBe(deltaLink('after-full'));

    // Round 2: Dana is deleted, Alex's account is disabled, Sam moves department (manager not restated),
    // Priya's manager relationship is removed, Jo joins reporting to Sam.
    clock.set('2026-11-30T09:00:00Z');
    graph.on(
      'delta:after-full',
      usersPage(
        [
          removedUser(DANA, 'changed'),
          graphUser(ALEX, {
            displayName: 'Alex Kim',
            userPrincipalName: 'alex.kim@northwind.example',
            department: 'Finance',
            jobTitle: 'Accountant',
            accountEnabled: false,
          }),
          graphUser(SAM, {
            displayName: 'Sam Lee',
            mail: 'sam.lee@northwind.example',
            userPrincipalName: 'sam.lee@northwind.example',
            department: 'Treasury',
            jobTitle: 'Financial Analyst',
            employeeId: 'NW-1003',
            accountEnabled: true,
          }),
          graphUser(PRIYA, {
            displayName: 'Priya Raman',
            mail: 'priya.raman@northwind.example',
            userPrincipalName: 'priya.raman@northwind.example',
            department: 'Finance',
            jobTitle: 'Finance Manager',
            employeeId: 'NW-1002',
            accountEnabled: true,
            managerRemoved: DANA,
          }),
        ],
        { next: 'round-2-page-2' },
      ),
    );
    graph.on(
      'skip:round-2-page-2',
      usersPage(
        [
          graphUser(JO, {
            displayName: 'Jo Park',
            mail: 'jo.park@northwind.example',
            userPrincipalName: 'jo.park@northwind.example',
            department: 'Treasury',
            jobTitle: 'Analyst',
            employeeId: 'NW-1005',
            accountEnabled: true,
            manager: SAM,
          }),
        ],
        { delta: 'after-round-2' },
      ),
    );
    expect(await sync()).toEqual({
      ok: true,
      kind: 'delta',
      counts: { created: 1, updated: 2, left: 2, unchanged: 0 },
    });
    now = await people();
    expect(now.get(DANA)).toMatchObject({ active: false, leftAt: new Date('2026-11-30T09:00:00Z') });
    expect(now.get(ALEX)).toMatchObject({ active: false, leftAt: new Date('2026-11-30T09:00:00Z') });
    expect(now.get(SAM)).toMatchObject({ department: 'Treasury', active: true });
    expect(now.managerOf(SAM)).toBe(PRIYA);
    expect(now.managerOf(PRIYA)).toBeNull();
    expect(now.managerOf(JO)).toBe(SAM);
    // Jo now reports to Sam, who counts as a manager; Dana, who left, manages no one any more.
    expect(await store.people.hasReports(tenantId, now.get(SAM)!.id)).toBe(true);
    expect(await store.people.hasReports(tenantId, now.get(DANA)!.id)).toBe(false);

    // Round 3: Alex is enabled again; Sam's new manager Morgan is a new hire listed after Sam.
    clock.set('2026-11-30T10:00:00Z');
    graph.on(
      'delta:after-round-2',
      usersPage(
        [
          graphUser(ALEX, {
            displayName: 'Alex Kim',
            mail: 'alex.kim@northwind.example',
            userPrincipalName: 'alex.kim@northwind.example',
            department: 'Finance',
            jobTitle: 'Accountant',
            employeeId: 'NW-1004',
            accountEnabled: true,
            manager: PRIYA,
          }),
          graphUser(SAM, {
            displayName: 'Sam Lee',
            mail: 'sam.lee@northwind.example',
            userPrincipalName: 'sam.lee@northwind.example',
            department: 'Treasury',
            jobTitle: 'Financial Analyst',
            employeeId: 'NW-1003',
            accountEnabled: true,
            managerRemoved: PRIYA,
            manager: MORGAN,
          }),
          graphUser(MORGAN, {
            displayName: 'Morgan Blake',
            mail: 'morgan.blake@northwind.example',
            userPrincipalName: 'morgan.blake@northwind.example',
            department: 'Treasury',
            jobTitle: 'Treasurer',
            employeeId: 'NW-1006',
            accountEnabled: true,
          }),
        ],
        { delta: 'after-round-3' },
      ),
    );
    expect(await sync()).toEqual({
      ok: true,
      kind: 'delta',
      counts: { created: 1, updated: 2, left: 0, unchanged: 0 },
    });
    now = await people();
    const summary = now.list.map((person) => [
      person.displayName,
      person.active,
      now.managerOf(person.aadObjectId),
    ]);
    expect(summary).toEqual([
      ['Alex Kim', true, PRIYA],
      ['Dana Okafor', false, null],
      ['Jo Park', true, SAM],
      ['Morgan Blake', true, null],
      ['Priya Raman', true, null],
      ['Sam Lee', true, MORGAN],
    ]);
    expect(now.get(ALEX)).toMatchObject({ lmsIdentifier: 'NW-1004', leftAt: null });
    expect(await store.directorySync.get(tenantId)).toMatchObject({
      deltaLink: deltaLink('after-round-3'),
      lastRunKind: 'delta',
      lastFullSyncAt: new Date('2026-11-30T08:00:00Z'),
      lastSuccessAt: new Date('2026-11-30T10:00:00Z'),
      lastCounts: { created: 1, updated: 2, left: 0, unchanged: 0 },
      lastError: null,
      runningSince: null,
    });
  });

  it('waits as long as Graph says when throttled (429 Retry-After) and backs off on 503, then applies the round', async () => {
    const { graph, sync, people, waits } = await setUp();
    scriptFullRead(graph);
    graph.on(
      'skip:full-page-2',
      graphError(429, 'TooManyRequests', 'Too many requests', { 'Retry-After': '7' }),
      graphError(503, 'serviceNotAvailable', 'Service unavailable'),
      usersPage(
        [
          graphUser(PRIYA, {
            displayName: 'Priya Raman',
            userPrincipalName: 'priya.raman@northwind.example',
            accountEnabled: true,
          }),
        ],
        {
          delta: 'after-throttled',
        },
      ),
    );

    const outcome = await sync();
    expect(outcome).toMatchObject({ ok: true, kind: 'full' });
    expect(waits[0]).toBe(7_000);
    expect(waits[1]).toBeGreaterThanOrEqual(1_000); // second try: 1-2 s of backoff
    expect(waits[1]).toBeLessThanOrEqual(2_000);
    expect(graph.requests.map((request) => request.key)).toEqual([
      'initial',
      'skip:full-page-2',
      'skip:full-page-2',
      'skip:full-page-2',
    ]);
    expect((await people()).list.map((person) => person.displayName)).toEqual([
      'Dana Okafor',
      'Priya Raman',
      'Sam Lee',
    ]);
  });

  it('starts over with a full read when the delta link has expired (410), and marks people the directory no longer lists as left', async () => {
    const { graph, sync, people, tenantId } = await setUp();
    scriptFullRead(graph);
    await sync();

    clock.set('2026-12-09T08:00:00Z');
    graph.on('delta:after-full', graphError(410, 'syncStateNotFound', 'The delta token has expired.'));
    graph.on(
      'initial',
      usersPage(
        [
          graphUser(DANA, {
            displayName: 'Dana Okafor',
            userPrincipalName: 'dana.okafor@northwind.example',
            accountEnabled: true,
          }),
          graphUser(PRIYA, {
            displayName: 'Priya Raman',
            userPrincipalName: 'priya.raman@northwind.example',
            accountEnabled: true,
            manager: DANA,
          }),
          graphUser(SAM, {
            displayName: 'Sam Lee',
            userPrincipalName: 'sam.lee@northwind.example',
            accountEnabled: true,
            manager: PRIYA,
          }),
        ],
        { delta: 'after-resync' },
      ),
    );
    expect(await sync()).toEqual({
      ok: true,
      kind: 'full',
      counts: { created: 0, updated: 3, left: 1, unchanged: 0 },
    });
    expect(graph.requests.map((request) => request.key).slice(-2)).toEqual(['delta:after-full', 'initial']);
    const now = await people();
    expect(now.get(ALEX)).toMatchObject({ active: false, leftAt: new Date('2026-12-09T08:00:00Z') });
    expect(now.list.filter((person) => person.active).map((person) => person.displayName)).toEqual([
      'Dana Okafor',
      'Priya Raman',
      'Sam Lee',
    ]);
    expect(await store.directorySync.get(tenantId)).toMatchObject({
      deltaLink: deltaLink('after-resync'),
      lastRunKind: 'full',
      lastFullSyncAt: new Date('2026-12-09T08:00:00Z'),
    });
  });

  it('changes nothing when a page fails after its retries, keeps the delta link, and the next run applies the round', async () => {
    const { graph, sync, people, tenantId } = await setUp();
    scriptFullRead(graph);
    await sync();
    const before = await people();

    clock.set('2026-11-30T11:00:00Z');
    graph.on(
      'delta:after-full',
      usersPage(
        [
          removedUser(DANA, 'deleted'),
          graphUser(SAM, { displayName: 'Sam Lee (Treasury)', accountEnabled: true }),
        ],
        {
          next: 'broken-page',
        },
      ),
    );
    graph.on('skip:broken-page', graphError(500, 'generalException', 'An internal server error occurred.'));
    const failed = await sync();
    expect(failed).toMatchObject({ ok: false, kind: 'delta' });
    expect(graph.requests.filter((request) => request.key === 'skip:broken-page')).toHaveLength(3);
    expect((await people()).list).toEqual(before.list); // page 1's changes were not half applied
    expect(await store.directorySync.get(tenantId)).toMatchObject({
      deltaLink: deltaLink('after-full'),
      lastRunKind: 'delta',
      lastErrorAt: new Date('2026-11-30T11:00:00Z'),
      lastSuccessAt: new Date('2026-11-30T08:00:00Z'),
      runningSince: null,
    });
    expect((await store.directorySync.get(tenantId))?.lastError).toContain('500 generalException');

    clock.set('2026-11-30T12:00:00Z');
    graph.on(
      'skip:broken-page',
      usersPage(
        [
          graphUser(JO, {
            displayName: 'Jo Park',
            userPrincipalName: 'jo.park@northwind.example',
            accountEnabled: true,
            manager: SAM,
          }),
        ],
        {
          delta: 'after-recovery',
        },
      ),
    );
    expect(await sync()).toEqual({
      ok: true,
      kind: 'delta',
      counts: { created: 1, updated: 1, left: 1, unchanged: 0 },
    });
    const now = await people();
    expect(now.get(DANA)?.active).toBe(false);
    expect(now.get(SAM)?.displayName).toBe('Sam Lee (Treasury)');
    expect(now.managerOf(JO)).toBe(SAM);
    expect((await store.directorySync.get(tenantId))?.deltaLink).toBe(deltaLink('after-recovery'));
  });

  it('keeps an LMS identifier an admin imported when the directory attribute differs, and the roles Practica stored', async () => {
    const { graph, sync, people, tenantId } = await setUp();
    await store.people.upsertProfile(
      tenantId,
      personProfile({
        tenantId,
        aadObjectId: DANA,
        displayName: 'Dana Okafor',
        email: 'dana.okafor@northwind.example',
        lmsIdentifier: 'lms-dana',
        lmsIdentifierSource: 'import',
        roles: ['employee', 'admin'],
      }),
    );
    scriptFullRead(graph);
    await sync();
    expect((await people()).get(DANA)).toMatchObject({
      lmsIdentifier: 'lms-dana',
      lmsIdentifierSource: 'import',
      employeeId: 'NW-1001',
      jobTitle: 'CFO',
      roles: ['employee', 'admin'],
    });
  });
});
