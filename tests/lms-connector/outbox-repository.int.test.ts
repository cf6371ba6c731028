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

  it('is not paused by a refusal of settings an admin has replaced since, and is by one of the current ones', async () => {
    const tenantId = await seedTenant(store);
    const saved = new Date('2026-11-02T10:00:00.000Z');
    await store.lrsTargets.save({
      tenantId,
      name: 'company',
      endpoint: 'https://lrs.example.com/xapi/',
      auth: { kind: 'basic', username: 'practica' },
      sealedSecret: 'sealed',
      actor: { kind: 'mbox' },
      sendFailed: false,
      createdAt: saved,
      updatedAt: saved,
    });
    const pausedAt = async () => (await store.xapiOutbox.stats(tenantId, ['company'], saved))[0]!.pausedAt;
    const refusal = { tenantId, target: 'company', reason: 'LRS answered 401', at: saved };

    // A sender that took up the settings before they were saved again: its 401 is about the old password.
    await store.xapiOutbox.pause({ ...refusal, unlessSavedAfter: new Date(saved.getTime() - 1_000) });
    expect(await pausedAt()).toBeNull();
    // One that took up the current settings.
    await store.xapiOutbox.pause({ ...refusal, unlessSavedAfter: new Date(saved.getTime() + 1_000) });
    expect(await pausedAt()).toEqual(saved);
  });

  it('forgets sent rows older than the cut-off, and only those of the tenant', async () => {
    const tenantId = await seedTenant(store);
    const otherTenant = await seedTenant(store);
    const target = `purge_${randomUUID().slice(0, 8)}`;
    const sendDue = async (at: string) => {
      const now = new Date(at);
      for (;;) {
        const claimed = await store.xapiOutbox.claimDue({
          target,
          workerId: 'w',
          now,
          leaseMs: 60_000,
          limit: 100,
        });
        if (claimed.length === 0) return;
        await store.xapiOutbox.markSent({ ids: claimed.map((row) => row.id), workerId: 'w', now });
      }
    };
    const due = (at: string) => ({ target, nextAttemptAt: new Date(at) });
    await store.xapiOutbox.enqueue([
      entry(tenantId, due('2026-10-01T09:00:00Z')),
      entry(otherTenant, due('2026-10-01T09:00:00Z')),
    ]);
    await sendDue('2026-10-01T09:00:00Z');
    await store.xapiOutbox.enqueue([entry(tenantId, due('2026-11-01T09:00:00Z'))]);
    await sendDue('2026-11-01T09:00:00Z');
    await store.xapiOutbox.enqueue([entry(tenantId, due('2026-12-01T09:00:00Z'))]);

    expect(await store.xapiOutbox.deleteSentBefore(tenantId, new Date('2026-10-15T00:00:00Z'))).toBe(1);
    const left = await store.xapiOutbox.list(tenantId, { target });
    expect(left.map((row) => row.status).sort()).toEqual(['pending', 'sent']);
    expect(await store.xapiOutbox.list(otherTenant, { target, status: 'sent' })).toHaveLength(1);
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

  it("releases a person's held rows with their addressed statement once, and leaves sent or other people's rows alone", async () => {
    const tenantId = await seedTenant(store);
    const personId = randomUUID();
    const held = [
      entry(tenantId, { personId, status: 'held' }),
      entry(tenantId, { personId, status: 'held' }),
    ];
    const someoneElse = entry(tenantId, { personId: randomUUID(), status: 'held' });
    await store.xapiOutbox.enqueue([...held, someoneElse]);

    expect(
      (await store.xapiOutbox.listHeldForPerson(tenantId, personId)).map((row) => row.id).sort(),
    ).toEqual(held.map((row) => row.id).sort());
    const now = new Date('2026-11-03T10:00:00.000Z');
    const addressed = held.map((row) => ({
      id: row.id,
      payload: { ...row.payload, actor: { mbox: 'mailto:pat@contoso.com' } },
    }));
    expect(await store.xapiOutbox.release(tenantId, addressed, now)).toBe(2);
    expect(await store.xapiOutbox.release(tenantId, addressed, now)).toBe(0);
    expect(await store.xapiOutbox.release(randomUUID(), [{ id: someoneElse.id, payload: {} }], now)).toBe(0);

    const pending = await store.xapiOutbox.list(tenantId, { status: 'pending' });
    expect(pending).toHaveLength(2);
    expect(pending[0]).toMatchObject({
      nextAttemptAt: now,
      payload: { actor: { mbox: 'mailto:pat@contoso.com' } },
    });
    expect(await store.xapiOutbox.listHeldForPerson(tenantId, personId)).toHaveLength(0);
    expect((await store.xapiOutbox.list(tenantId, { status: 'held' })).map((row) => row.id)).toEqual([
      someoneElse.id,
    ]);
  });

  it('makes rows waiting out a backoff due at once when their LRS is back, leaving rows in flight alone', async () => {
    const tenantId = await seedTenant(store);
    const now = new Date('2026-11-04T09:00:00.000Z');
    const later = new Date('2026-11-04T09:05:00.000Z');
    // A target of its own: other tests leave due rows for 'lms' in this database.
    const waiting = entry(tenantId, { nextAttemptAt: later, target: 'lms_back' });
    const otherTarget = entry(tenantId, { nextAttemptAt: later, target: 'analytics' });
    const inFlight = entry(tenantId, {
      nextAttemptAt: new Date('2026-11-04T08:00:00.000Z'),
      target: 'lms_back',
    });
    await store.xapiOutbox.enqueue([waiting, otherTarget, inFlight]);
    await store.xapiOutbox.claimDue({ target: 'lms_back', workerId: 'w1', now, leaseMs: 60_000, limit: 100 });

    expect(await store.xapiOutbox.retryNow({ target: 'lms_back', now })).toBe(1);
    const rows = await store.xapiOutbox.list(tenantId);
    const byId = (id: string) => rows.find((row) => row.id === id)!;
    expect(byId(waiting.id).nextAttemptAt).toEqual(now);
    expect(byId(otherTarget.id).nextAttemptAt).toEqual(later);
    expect(byId(inFlight.id)).toMatchObject({
      lockedBy: 'w1',
      nextAttemptAt: new Date('2026-11-04T08:00:00.000Z'),
    });
  });
});
