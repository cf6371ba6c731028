import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import {
  importLmsIdentifiersCsv,
  randomIds,
  silentLogger,
  syncDirectory,
  type NewOutboxEntry,
  type Person,
  type Store,
} from '../../core';
import { withXapiOutbox, type OutboxTarget } from '../../lms-connector/outbox';
import { createGraphDirectoryReader } from '../../server/directory';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant } from '../factories';
import { fakeGraph, graphUser, usersPage } from '../support/fake-graph';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const TARGETS: OutboxTarget[] = [
  { name: 'lms', actor: { kind: 'account', homePage: 'https://lms.northwind.example' } },
];

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

describe.each(testDatabaseKinds())('statements held for lack of an LMS identifier on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  const clock = fixedClock('2026-11-30T08:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = withXapiOutbox(createStore(database.db), {
      targetsFor: () => TARGETS,
      baseUrl: 'https://practica.northwind.example',
      ids: randomIds,
      logger: silentLogger,
      now: () => clock.now(),
    });
  });
  afterAll(() => database.drop());

  async function personWithHeldStatements(tenantId: string, name: string): Promise<Person> {
    const person = await store.people.upsertProfile(
      tenantId,
      personProfile({
        tenantId,
        displayName: name,
        email: `${name.toLowerCase()}@northwind.example`,
        lmsIdentifier: null,
      }),
    );
    const rows: NewOutboxEntry[] = [1, 2, 3].map(() => {
      const statementId = randomUUID();
      return {
        id: randomUUID(),
        tenantId,
        statementId,
        target: 'lms',
        eventId: randomUUID(),
        personId: person.id,
        payload: { id: statementId, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } },
        status: 'held',
        nextAttemptAt: new Date('2026-11-29T08:00:00Z'),
      };
    });
    await store.xapiOutbox.enqueue(rows);
    return person;
  }

  const rowsOf = async (tenantId: string, person: Person) =>
    (await store.xapiOutbox.list(tenantId, { target: 'lms', limit: 100 })).filter(
      (row) => row.personId === person.id,
    );

  it('releases them, addressed to the imported identifier, when a CSV import names the person', async () => {
    const tenantId = await seedTenant(store);
    const avery = await personWithHeldStatements(tenantId, 'Avery');
    const blake = await personWithHeldStatements(tenantId, 'Blake');

    const result = await importLmsIdentifiersCsv({
      store,
      clock,
      ids: randomIds,
      tenantId,
      adminId: randomUUID(),
      csv: 'email,lms_identifier\navery@northwind.example,LMS-A1\n',
    });
    expect(result).toMatchObject({ applied: 1, errors: [] });
    for (const row of await rowsOf(tenantId, avery)) {
      expect(row.status).toBe('pending');
      expect(row.payload.actor).toEqual({
        objectType: 'Agent',
        name: 'Avery',
        account: { homePage: 'https://lms.northwind.example', name: 'LMS-A1' },
      });
    }
    expect((await rowsOf(tenantId, blake)).map((row) => row.status)).toEqual(['held', 'held', 'held']);
  });

  it('releases them when the directory sync brings the person’s employee id', async () => {
    const tenantId = await seedTenant(store);
    const casey = await personWithHeldStatements(tenantId, 'Casey');
    const graph = fakeGraph(tenantId);
    msw.resetHandlers(...graph.handlers);
    graph.on(
      'initial',
      usersPage(
        [
          graphUser(casey.aadObjectId, {
            displayName: 'Casey',
            mail: 'casey@northwind.example',
            userPrincipalName: 'casey@northwind.example',
            employeeId: 'NW-2040',
            accountEnabled: true,
          }),
        ],
        { delta: 'after' },
      ),
    );
    const reader = createGraphDirectoryReader(
      {
        tenantId,
        clientId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        clientSecret: 'secret',
        authorityUrl: 'https://login.microsoftonline.com',
        graphBaseUrl: 'https://graph.microsoft.com',
        intervalMinutes: 60,
        lmsIdentifierAttribute: 'employeeId',
      },
      { logger: silentLogger },
    );
    expect(await syncDirectory({ store, clock, tenantId, reader, logger: silentLogger })).toMatchObject({
      ok: true,
    });
    const rows = await rowsOf(tenantId, casey);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(row.payload.actor).toMatchObject({ account: { name: 'NW-2040' } });
    }
  });
});
