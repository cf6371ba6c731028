import { randomUUID } from 'node:crypto';
import type { NewOutboxEntry, Store } from '../../core';
import { createStore } from '../../store';
import { seedTenant } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

function entry(tenantId: string, overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  const statementId = overrides.statementId ?? randomUUID();
  return {
    id: randomUUID(),
    tenantId,
    statementId,
    target: 'lms',
    eventId: randomUUID(),
    personId: null,
    payload: { id: statementId, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } },
    status: 'pending',
    nextAttemptAt: new Date('2026-11-02T09:00:00.000Z'),
    ...overrides,
  };
}

describe.each(testDatabaseKinds())('xAPI outbox repository on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  it('writes rows inside a transaction with the event, and a rolled-back transaction leaves none', async () => {
    const tenantId = await seedTenant(store);
    await store.transaction(async (tx) => {
      await tx.xapiOutbox.enqueue([entry(tenantId), entry(tenantId, { status: 'held' })]);
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.xapiOutbox.enqueue([entry(tenantId)]);
        throw new Error('the event append failed');
      }),
    ).rejects.toThrow('the event append failed');

    const rows = await store.xapiOutbox.list(tenantId);
    expect(rows.map((row) => row.status).sort()).toEqual(['held', 'pending']);
    expect(rows[0]).toMatchObject({ attempts: 0, lastError: null, sentAt: null });
  });

  it('keeps one row per statement and target, and each tenant to itself', async () => {
    const tenantId = await seedTenant(store);
    const otherTenant = await seedTenant(store);
    const first = entry(tenantId);
    await store.xapiOutbox.enqueue([first]);
    await store.xapiOutbox.enqueue([{ ...first, id: randomUUID() }]);
    await store.xapiOutbox.enqueue([{ ...first, id: randomUUID(), target: 'analytics' }]);

    expect(await store.xapiOutbox.list(tenantId, { target: 'lms' })).toHaveLength(1);
    expect(await store.xapiOutbox.list(tenantId)).toHaveLength(2);
    expect(await store.xapiOutbox.list(otherTenant)).toHaveLength(0);
  });
});
